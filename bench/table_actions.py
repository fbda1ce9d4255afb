"""What the GUI thread waits for while a user works in the talking points table of a big library.

    python bench/table_actions.py --library COPY [--rounds 3] [--through 20000]

COPY: a copy of a big library (``python bench/search.py --keep PATH`` builds 100,000
items); it is opened for writing (the first open migrates it, and the ``edit`` case
moves talking points between topics). The bench runs against whatever ``briefbook``
is on ``PYTHONPATH``, so the same file measures the code before and after a change.

Five cases, in the real window (1400 x 900, offscreen), each timed from just before
the user's action until the table has painted its answer ("shown"), with a 1 ms
heartbeat timer measuring the longest the event loop waited meanwhile ("GUI wait").
What sets a case up (a reload, a sort, the row selected and scrolled to) is painted
before the clock starts: its repaint used to be counted in the edit and select cases.

- ``first``: a talking points view shown for the first time fills its table (a new
  view each round, the window's search thread already running);
- ``scroll``: scrolling from the top through ``--through`` rows, to the end again and
  again, each page of 200 rows arriving in turn: shown is the median per page, GUI
  wait the worst over the whole scroll; "paints" counts the viewport's paint events
  per page that arrived;
- ``edit``: with those rows loaded, the row 10 from the end selected, the user gives it
  another topic in the editor (its row moves to its new topic's end, the two topics'
  points are renumbered; until b7f917c every row loaded was read again); shown when
  the table is painted with the row still selected (the bench waits for the model to
  be idle: ``searching`` covers the read of the row's new place);
- ``topic``: a click on a topic in the sidebar (its talking points in their order);
- ``select``: from the first page of the whole list, ``select()`` of the item 5,000
  rows down (as opening it from search or the palette does), until its row is
  selected and painted.

Floor, taking turns with ours: "bare table", a plain ``QTableView`` over a
``QStandardItemModel`` of the same size, shown the same rows (the same columns as
text, read beforehand by a bare ``sqlite3`` connection, untimed): for ``scroll`` each
page appended and scrolled to, for the others one page of 200 put in and painted.
Everything it does is on the GUI thread, so its time is its GUI wait. Medians of the
rounds are reported (after ``--warmup`` rounds not counted: first use imports modules
and fills caches once per process), with the machine's load (``os.getloadavg``).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtGui import QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QTableView  # noqa: E402
from tables import SHOWN, Heartbeat, talking_points_window, wait_until  # noqa: E402  (bench/tables.py)

PAGE = 200
SELECT_AT = 5_000


class Paints(QObject):
    """Counts the paint events of a widget (a table's viewport)."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.count = 0
        self.last = 0.0  # when the last one came
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            self.last = time.perf_counter()
        return False


_PAINTS: dict[int, Paints] = {}


def paints_of(view) -> Paints:
    """One paint counter per table (event filters are Python calls on every event: no more than one)."""
    key = id(view)
    if key not in _PAINTS:
        _PAINTS[key] = Paints(view.table.viewport())
    return _PAINTS[key]


def painted_after(paints: Paints, condition) -> None:
    """Run the event loop until ``condition()`` holds and the viewport has painted since it turned.

    The condition is polled every millisecond; a paint after the last poll that found it
    false counts (the answer may have been painted in the same turn of the loop).
    """
    last_false = [time.perf_counter()]

    def check() -> bool:
        if condition():
            return True
        last_false[0] = time.perf_counter()
        return False

    wait_until(check)
    with contextlib.suppress(TimeoutError):  # nothing on screen changed: nothing to paint
        wait_until(lambda: paints.last > last_false[0], timeout=5.0)


def timed(beat: Heartbeat, action, done) -> tuple[float, float]:
    """(shown, worst GUI wait) of ``action()`` until ``done()`` (which waits for the paint)."""
    beat.start()
    start = time.perf_counter()
    action()
    done()
    shown = time.perf_counter() - start
    return shown, beat.stop()


def current_id(view) -> str | None:
    index = view.table.currentIndex()
    record = view.model.record_at(index.row()) if index.isValid() else None
    return record.id if record else None


def idle(view) -> bool:
    return not view.model.searching and not getattr(view.model, "_fetching", False)


# -- ours -----------------------------------------------------------------------------------


def first_case(win, beat: Heartbeat) -> tuple[float, float, object]:
    from briefbook.ui.collection_view import CollectionView

    view = CollectionView(win.context, "talking_point")
    win.view_stack.addWidget(view)
    win.view_stack.setCurrentWidget(view)
    wait_until(lambda: view.isVisible())
    paints = paints_of(view)
    shown, worst = timed(
        beat,
        view.activate,
        lambda: painted_after(paints, lambda: view.model.rowCount() > 0 and idle(view)),
    )
    return shown, worst, view


def scroll_case(view, through: int, beat: Heartbeat) -> tuple[list[float], float, float]:
    """Per page: shown; over the whole scroll: worst GUI wait; paints per page."""
    paints = paints_of(view)
    view.model.reload()  # from the first page (untimed, and painted before the clock starts)
    painted_after(paints, lambda: idle(view) and view.model.rowCount() > 0)
    view.table.scrollToTop()
    per_page: list[float] = []
    counted = paints.count
    beat.start()
    while view.model.rowCount() < through:
        before, seen = view.model.rowCount(), paints.count
        start = time.perf_counter()
        view.table.scrollToBottom()  # painted at once (the rows loaded); Qt asks for the next page
        wait_until(lambda b=before, s=seen: view.model.rowCount() > b and idle(view) and paints.count > s)
        per_page.append(time.perf_counter() - start)
    worst = beat.stop()
    return per_page, worst, (paints.count - counted) / max(1, len(per_page))


def edit_case(view, beat: Heartbeat) -> tuple[float, float, str]:
    model = view.model
    row = model.rowCount() - 10
    point = model.record_at(row)
    paints = paints_of(view)
    view.select(point.id)  # (scrolled to and painted before the clock starts)
    painted_after(paints, lambda: idle(view) and current_id(view) == point.id)
    target = next(
        model.record_at(r).topic_id
        for r in range(row, -1, -1)
        if model.record_at(r).topic_id != point.topic_id
    )
    loaded = model.rowCount()
    shown, worst = timed(
        beat,
        lambda: view.editor.commit("topic_id", target),
        lambda: painted_after(
            paints, lambda: idle(view) and model.rowCount() >= loaded and current_id(view) == point.id
        ),
    )
    return shown, worst, point.id


def topic_case(win, view, beat: Heartbeat) -> tuple[float, float, str]:
    from briefbook.ui.sidebar import OWNER_ROLE

    item = win.sidebar.items["talking_point"].child(7)
    topic_id = item.data(0, OWNER_ROLE)
    paints = paints_of(view)
    shown, worst = timed(
        beat,
        lambda: win.sidebar.setCurrentItem(item),
        lambda: painted_after(
            paints,
            lambda: (
                idle(view)
                and view.model.where == {"topic_id": topic_id}
                and view.model.sorted_by == ("position", False)
                and view.model.rowCount() > 0
            ),
        ),
    )
    return shown, worst, topic_id


def select_case(win, view, library_path: Path, beat: Heartbeat) -> tuple[float, float, str]:
    # The whole list again, by topic, its first page (untimed). (A click on "Talking points"
    # in the sidebar keeps the topic chosen before: the window's own behaviour.)
    from PySide6.QtCore import Qt

    paints = paints_of(view)
    view.filters.clear()
    wait_until(lambda: idle(view) and not view.model.where)
    view.table.sortByColumn(view.model.column_of("topic_id"), Qt.SortOrder.AscendingOrder)
    painted_after(paints, lambda: idle(view) and view.model.sorted_by == ("topic_id", False))
    from briefbook.library import Library

    with Library.open(library_path, backup=False, read_only=True) as other:
        target = other.page("talking_point", order_by="topic_id", limit=SELECT_AT).records[-1].id
    shown, worst = timed(
        beat,
        lambda: view.select(target),
        lambda: painted_after(paints, lambda: idle(view) and current_id(view) == target),
    )
    return shown, worst, target


# -- the floor ------------------------------------------------------------------------------


def bare_rows(path: Path, ids: list[str]) -> list[tuple]:
    """The shown columns of these talking points, in this order (read untimed)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    rows: dict[str, tuple] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT id, {SHOWN} FROM talking_points WHERE id IN ({marks})", chunk):
            rows[row[0]] = row[1:]
    conn.close()
    return [rows[i] for i in ids if i in rows]


def bare_table() -> tuple[QTableView, Paints]:
    table = QTableView()
    table.setModel(QStandardItemModel(0, len(SHOWN.split(","))))
    table.resize(1400, 800)
    table.show()
    return table, Paints(table.viewport())


def bare_fill(model: QStandardItemModel, rows: list[tuple]) -> None:
    """Append ``rows`` as text cells, made by Qt: no ``QStandardItem`` built in Python (each one
    would leave a Python wrapper, 140,000 of them after 20,000 rows, that every full pass of
    Python's garbage collector then scans, in our cases' time too)."""
    start = model.rowCount()
    model.insertRows(start, len(rows))
    for r, row in enumerate(rows, start):
        for c, value in enumerate(row):
            model.setData(model.index(r, c), str(value))


def bare_page(table: QTableView, paints: Paints, rows: list[tuple], beat: Heartbeat, at_end=False) -> float:
    model = table.model()
    model.removeRows(0, model.rowCount())
    table.viewport().repaint()

    def fill() -> None:
        bare_fill(model, rows)
        table.scrollToBottom() if at_end else table.scrollToTop()

    _shown, worst = timed(beat, fill, lambda: painted_after(paints, lambda: True))
    return worst


def bare_scroll(table: QTableView, paints: Paints, rows: list[tuple], beat: Heartbeat) -> tuple[list, float]:
    model = table.model()
    model.removeRows(0, model.rowCount())
    table.scrollToTop()
    per_page: list[float] = []
    beat.start()
    for start in range(0, len(rows), PAGE):
        begin = time.perf_counter()
        seen = paints.count
        bare_fill(model, rows[start : start + PAGE])
        table.scrollToBottom()
        wait_until(lambda s=seen: paints.count > s)
        per_page.append(time.perf_counter() - begin)
    return per_page, beat.stop()


# -- the run --------------------------------------------------------------------------------


def ids_of(view, rows: range) -> list[str]:
    return [view.model.record_at(r).id for r in rows if view.model.record_at(r) is not None]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--through", type=int, default=20_000)
    parser.add_argument("--warmup", type=int, default=1, help="rounds run first and not counted")
    args = parser.parse_args()
    app, win, opened = talking_points_window(args.library)
    wait_until(lambda: idle(opened))
    beat = Heartbeat()
    table, paints = bare_table()
    cases = ("first", "scroll", "edit", "topic", "select")
    ours: dict[str, list[tuple[float, float]]] = {c: [] for c in cases}
    floor: dict[str, list[tuple[float, float]]] = {c: [] for c in cases}
    paints_per_page: list[float] = []
    load = [os.getloadavg()[0]]
    for round_no in range(args.warmup + args.rounds):
        if round_no == args.warmup:  # the warm-up round (first use: imports, caches) is not counted
            ours = {c: [] for c in cases}
            floor = {c: [] for c in cases}
            paints_per_page = []
        shown, worst, fresh = first_case(win, beat)
        ours["first"].append((shown, worst))
        wait = bare_page(table, paints, bare_rows(args.library, ids_of(fresh, range(PAGE))), beat)
        floor["first"].append((wait, wait))
        win.view_stack.removeWidget(fresh)
        fresh.deleteLater()
        win.show_view("talking_point")  # the window's own view: the sidebar shows its topics
        view = opened

        per_page, worst, per = scroll_case(view, args.through, beat)
        ours["scroll"].append((statistics.median(per_page), worst))
        paints_per_page.append(per)
        bare_pages, bare_worst = bare_scroll(
            table, paints, bare_rows(args.library, ids_of(view, range(view.model.rowCount()))), beat
        )
        floor["scroll"].append((statistics.median(bare_pages), bare_worst))

        shown, worst, item = edit_case(view, beat)
        ours["edit"].append((shown, worst))
        row = view.model.row_of(item)
        wait = bare_page(
            table, paints, bare_rows(args.library, ids_of(view, range(row - PAGE, row))), beat, True
        )
        floor["edit"].append((wait, wait))

        shown, worst, _topic = topic_case(win, view, beat)
        ours["topic"].append((shown, worst))
        wait = bare_page(table, paints, bare_rows(args.library, ids_of(view, range(PAGE))), beat)
        floor["topic"].append((wait, wait))

        shown, worst, target = select_case(win, view, args.library, beat)
        ours["select"].append((shown, worst))
        row = view.model.row_of(target)
        wait = bare_page(
            table, paints, bare_rows(args.library, ids_of(view, range(row - PAGE, row))), beat, True
        )
        floor["select"].append((wait, wait))

        load.append(os.getloadavg()[0])
    print(
        f"rounds: {args.rounds} (after {args.warmup} not counted), rows scrolled through: {args.through}, "
        f"load (1 min) {min(load):.2f}-{max(load):.2f}"
    )
    print(f"paints per page arrival while scrolling (median): {statistics.median(paints_per_page):.2f}")
    print("| case | shown (median) | GUI wait (median / worst) | bare table: GUI wait (median / worst) |")
    print("|---|---|---|---|")
    for case in cases:
        shown = statistics.median(r[0] * 1000 for r in ours[case])
        waits = [r[1] * 1000 for r in ours[case]]
        bare = [r[1] * 1000 for r in floor[case]]
        print(
            f"| {case} | {shown:.1f} ms | {statistics.median(waits):.1f} / {max(waits):.1f} ms "
            f"| {statistics.median(bare):.1f} / {max(bare):.1f} ms |"
        )
    win.close()
    table.close()
    app.processEvents()


if __name__ == "__main__":
    main()
