"""Scrolling and sorting the talking points table of a big library, in the real window.

    python bench/tables.py --library COPY [--rounds 5] [--at 20000]

COPY: a copy of a big library (it is opened for writing: the first open migrates it).
The bench runs against whatever ``briefbook`` is on ``PYTHONPATH``, so the same file
measures the code before and after a change (for code without ``Library.page``, the
rows are preloaded with ``list``; the old model's ``fetchMore`` read ``list(limit,
offset)`` on the GUI thread, and a header click sorted there).

Two cases, each timed from just before the user's action until the table has been
painted with the new rows ("shown"), with a 1 ms heartbeat timer measuring the longest
the event loop waited meanwhile ("GUI wait"):

- ``scroll``: the table holds ``--at`` rows (the first 20,000 in the default order,
  by topic, loaded before the clock starts); the view is scrolled to its end, and Qt
  asks the model for the next page (``fetchMore``).
- ``header``: a mouse click on the "Text" header of the table sorted by topic; the
  first page in Vietnamese order of the text is shown. (Then a click back on "Topic",
  untimed.)

Two floors, for both: "bare SQL", a bare ``sqlite3`` connection to the same file
reading the same 200 rows (the same columns) by their rowids, ``WHERE rowid IN (...)``:
what any way of showing those rows has to pay, without finding them in the order; and
"bare table", the same read, then the rows put in a ``QStandardItemModel`` in a plain
``QTableView`` of the same size (the same columns as text, scrolled to the same end)
and painted: what showing them in Qt costs at least. They take turns with ours,
round by round; medians are reported, with the machine's load (``os.getloadavg``).

Waits run a real event loop (``QEventLoop.exec``), never ``QTest.qWait``, which keeps
the GIL from the search thread (see ``bench/search_typing.py``).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

SHOWN = "position, text, topic_id, kind, status, classification, language"  # the table's columns


class Heartbeat:
    """The longest gap between two ticks of a 1 ms timer: how long the event loop waited."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last, self.worst = time.perf_counter(), 0.0
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.worst


def wait_until(condition, timeout: float = 120.0) -> None:
    """Run the event loop until ``condition()`` holds (checked every millisecond).

    It returns as soon as one check finds it true: a condition that can turn false again
    (the table asks for its next page) is not checked a second time.
    """
    deadline = time.perf_counter() + timeout
    if condition():
        return
    held = [False]
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(1)

    def check() -> None:
        if condition():
            held[0] = True
            loop.quit()
        elif time.perf_counter() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if not held[0]:
        raise TimeoutError(f"the table did not show the rows in {timeout:.0f} s")


def _shown(view) -> None:
    view.table.viewport().repaint()


def preload(view, at: int) -> None:
    """Put the first ``at`` rows of the default order in the table (untimed)."""
    model = view.model
    library = view.context.library
    if hasattr(library, "page"):  # keyset pages: the model also keeps where the next one starts
        page = library.page("talking_point", order_by="topic_id", limit=at)
        rows, model._cursor = page.records, page.cursor
        # and the numbers that came with each page (as if the rows had been scrolled through)
        model._read_numbers.update(library.point_numbers([r.id for r in rows]))
    else:
        rows = library.list("talking_point", order_by="topic_id", limit=at)
    if hasattr(model, "_packer"):  # rows kept as their field values
        rows = model._packer.pack(rows)
    model.beginResetModel()
    model._rows = rows
    model.endResetModel()
    _shown(view)


def scroll_case(view, at: int, beat: Heartbeat) -> tuple[float, float, list[str]]:
    preload(view, at)
    model = view.model
    beat.start()
    start = time.perf_counter()
    view.table.scrollToBottom()
    wait_until(lambda: model.rowCount() > at)
    _shown(view)
    shown = time.perf_counter() - start
    worst = beat.stop()
    return shown, worst, [model.record_at(r).id for r in range(at, model.rowCount())]


def _click_header(view, field: str) -> None:
    header = view.table.horizontalHeader()
    column = view.model.column_of(field)
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _sorted(view) -> tuple | None:
    return getattr(view.model, "_sorted", None)


def header_case(view, beat: Heartbeat) -> tuple[float, float, list[str]]:
    if _sorted(view) != ("topic_id", False):
        view.table.sortByColumn(view.model.column_of("topic_id"), Qt.SortOrder.AscendingOrder)
        wait_until(lambda: _sorted(view) == ("topic_id", False))
    _shown(view)
    beat.start()
    start = time.perf_counter()
    _click_header(view, "text")
    wait_until(lambda: _sorted(view) == ("text", False) and view.model.rowCount() > 0)
    _shown(view)
    shown = time.perf_counter() - start
    worst = beat.stop()
    ids = [view.model.record_at(r).id for r in range(view.model.rowCount())]
    _click_header(view, "topic_id")  # back to the default order (untimed)
    wait_until(lambda: _sorted(view) == ("topic_id", False))
    return shown, worst, ids


def floor(path: Path, ids: list[str], table=None, at_end: bool = False) -> float:
    """A bare connection reading the same rows by rowid (the rowids are looked up before the clock).

    ``table``: a plain ``QTableView`` over a ``QStandardItemModel``; the rows are then also
    put in it and painted (at its end, after a scroll, if ``at_end``).
    """
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    marks = ",".join("?" * len(ids))
    rowids = [r[0] for r in conn.execute(f"SELECT rowid FROM talking_points WHERE id IN ({marks})", ids)]
    start = time.perf_counter()
    rows = conn.execute(
        f"SELECT {SHOWN} FROM talking_points WHERE rowid IN ({','.join('?' * len(rowids))})", rowids
    ).fetchall()
    if table is not None:
        model = table.model()
        model.removeRows(0, model.rowCount())
        for row in rows:
            model.appendRow([QStandardItem(str(value)) for value in row])
        table.scrollToBottom() if at_end else table.scrollToTop()
        table.viewport().repaint()
    took = time.perf_counter() - start
    conn.close()
    assert len(rows) == len(ids)
    return took


def bare_table() -> QTableView:
    table = QTableView()
    table.setModel(QStandardItemModel(0, len(SHOWN.split(","))))
    table.resize(1400, 800)
    table.show()
    return table


def talking_points_window(library: Path):
    """(the application, the main window on ``library`` at 1400 x 900, its talking points view
    once it holds rows): what the benches of the real window start from."""
    from briefbook.ui.main_window import MainWindow
    from briefbook.ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    win = MainWindow(Settings())
    assert win.open_library(library), "the library did not open"
    win.resize(1400, 900)
    win.show()
    view = win.show_view("talking_point")
    wait_until(lambda: view.model.rowCount() > 0)
    return app, win, view


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--at", type=int, default=20_000)
    args = parser.parse_args()
    app, win, view = talking_points_window(args.library)
    beat = Heartbeat()
    table = bare_table()
    results: dict[str, list[tuple[float, float, float, float]]] = {"scroll": [], "header": []}
    load = [os.getloadavg()[0]]
    for _ in range(args.rounds):
        shown, worst, ids = scroll_case(view, args.at, beat)
        bare = floor(args.library, ids), floor(args.library, ids, table, at_end=True)
        results["scroll"].append((shown, worst, *bare))
        shown, worst, ids = header_case(view, beat)
        bare = floor(args.library, ids), floor(args.library, ids, table)
        results["header"].append((shown, worst, *bare))
        load.append(os.getloadavg()[0])
    print(f"rows: {view.model.total}, rounds: {args.rounds}, load (1 min) {min(load):.2f}-{max(load):.2f}")
    print(
        "| case | shown (median) | shown (worst) | GUI wait (median / worst) | bare SQL | bare table "
        "| ratio to bare table |"
    )
    print("|---|---|---|---|---|---|---|")
    for case, rows in results.items():
        shown = [r[0] * 1000 for r in rows]
        waits = [r[1] * 1000 for r in rows]
        sql = statistics.median(r[2] * 1000 for r in rows)
        painted = statistics.median(r[3] * 1000 for r in rows)
        print(
            f"| {case} | {statistics.median(shown):.1f} ms | {max(shown):.1f} ms | "
            f"{statistics.median(waits):.1f} / {max(waits):.1f} ms | {sql:.2f} ms | {painted:.1f} ms | "
            f"{statistics.median(shown) / painted:.1f}x |"
        )
    win.close()
    table.close()
    app.processEvents()


if __name__ == "__main__":
    main()
