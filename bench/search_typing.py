"""Search as you type in the real window, against a minimal PySide6 window over the same file.

(Not named typing.py: run as ``python bench/X.py``, the bench folder comes first on the
path, and a bench/typing.py was imported in place of the standard library's ``typing``.)

    python bench/search_typing.py --library PATH [--rounds 3] [--pause 150] [--first-open]
                                  [--record [--record-over 40]]

PATH: a big library (``python bench/search.py --keep PATH`` builds 100,000 items).
The window opens it read-only (typing writes nothing, no backup is made), so a
library made by an earlier BriefBook is refused (it must be updated first) and an
index made by an earlier version is searched as it is. ``--first-open`` opens it as a
user does instead: writable, the window shown first, so that such a library is updated
(backup, schema steps, index) behind its progress window before the typing, and the
open's time and its worst GUI wait are printed. It changes the file: give it a copy.
Keys are typed one at a time with ``QTest.keyClick`` (offscreen), ``--pause`` ms
apart (a quick typist). For each key press we time, from just before the key is
sent, until the list or table has been painted with the results of the text typed
so far ("shown"); a key whose search was overtaken by the next key before it was
shown counts as dropped (that is what should happen to a stale search). A 1 ms
heartbeat timer measures the longest the event loop waited ("GUI wait"), from
after the surface was shown and painted (the two windows take turns), through
emptying its field and typing the query.

Between keys the bench waits in a real event loop (``QEventLoop.exec``, as the
application's ``QApplication.exec`` does), never in ``QTest.qWait``: PySide6's
``qWait`` keeps Python's GIL while it sleeps, so a worker thread (ours and the
floor's) ran only when a Python callback of the GUI thread let go of it, which
added up to a whole key pause to a search (``--qwait`` measures that way again).

Two surfaces, each with its floor, run alternately, query by query:

- ``search``: the window's search field and its results list (200 hits with
  snippets). Floor: a ``QLineEdit`` and a ``QListView`` over a
  ``QStandardItemModel``; each key runs, on one worker thread, the same FTS5 query
  on the same file (the same terms, ``snippet()`` from FTS5, the same order and
  limit) and shows kind, title and snippet as plain text.
- ``filter``: the talking points table's text filter (500 rows). Floor: a
  ``QTableView`` over a ``QStandardItemModel`` filled with the same columns of the
  talking points the same FTS5 query finds.

Targets: shown within 100 ms (median) and 250 ms (worst) of each key press, the GUI
never waiting more than 50 ms, stale searches dropped.

``--record`` says, for each wait over ``--record-over`` ms, which key led to it and what
the GUI thread ran meanwhile: each event (a paint, an answer delivered) and the Python
steps inside it (the model reset, the cell texts, numbers, badges, snippets), with the
search thread's reads beside them (:mod:`gui_steps`). It slows every event: time the keys
without it.
"""

from __future__ import annotations

import argparse
import os
import queue
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, Signal  # noqa: E402
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QTableView, QVBoxLayout, QWidget  # noqa: E402

QUERIES = [
    "lua dao truc tuyen",
    "cong uoc ha noi",
    "bao ho cong dan",
    "Guterres",
    "electronic evidence",
    "พวงเกตุ",
]


USE_QWAIT = False  # --qwait: wait in QTest.qWait (which holds the GIL) as the first version did
STEPS = None  # --record: a gui_steps.Steps, told of each key sent


def wait(ms: int) -> None:
    """Let the event loop run for ``ms`` ms the way the application's loop runs (GIL released)."""
    if USE_QWAIT:
        QTest.qWait(ms)
        return
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class Heartbeat(QObject):
    """The longest gap between ticks of a 1 ms timer: how long the event loop was kept waiting."""

    def __init__(self):
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst = 0.0
        self.over = 0  # waits longer than the 50 ms target
        self.gaps: list[tuple[float, float]] = []  # (from, to) of each wait over 20 ms (--record)

    def start(self) -> None:
        self.last, self.worst = time.perf_counter(), 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.worst

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.over += now - self.last > 0.050
        if now - self.last > 0.020:
            self.gaps.append((self.last, now))
        self.last = now


class Painted(QObject):
    """Records when a widget's viewport was painted, and with which text shown."""

    def __init__(self, viewport: QWidget, current_text):
        super().__init__()
        self.current_text = current_text
        self.paints: list[tuple[float, str | None]] = []
        viewport.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints.append((time.perf_counter(), self.current_text()))
        return False


def type_and_time(
    field: QLineEdit, painted: Painted, text: str, pause_ms: int, surface: str = ""
) -> list[float | None]:
    """Type ``text`` key by key; per key, seconds until its results were painted (None: dropped)."""
    if STEPS is not None:
        STEPS.key(surface, "(field emptied)")
    field.clear()
    wait(400)
    sent: list[tuple[float, str]] = []
    painted.paints.clear()
    for i, char in enumerate(text):
        if STEPS is not None:
            STEPS.key(surface, text[: i + 1])
        started = time.perf_counter()
        if char.isascii():
            QTest.keyClicks(field, char)
        else:  # QTest maps ASCII keys only: the key event a Thai keyboard sends
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(field, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
        sent.append((started, text[: i + 1].strip()))
        wait(pause_ms)
    wait(1500)  # the last key's results
    latencies: list[float | None] = []
    for started, typed in sent:
        shown = next((t for t, what in painted.paints if t >= started and what == typed), None)
        latencies.append(None if shown is None else shown - started)
    return latencies


# -- the floor: a minimal window over the same file and the same FTS5 query ----------------


def floor_sql(conn: sqlite3.Connection, text: str, limit: int, kind: str | None) -> tuple[str, list]:
    """The FTS5 query BriefBook's store runs for ``text`` (same terms, order rule and limit)."""
    from briefbook.store.search import RANKED_UP_TO, query_terms

    words, unspaced = query_terms(text)
    if words:
        match = " AND ".join([f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*'])
        many = conn.execute(
            "SELECT count(*) FROM search_words WHERE search_words MATCH ?", [match]
        ).fetchone()[0]
        order = "rank" if many <= RANKED_UP_TO else "search_words.rowid DESC"
        where = "search_words MATCH ?" + (" AND d.kind = ?" if kind else "")
        sql = (
            "SELECT d.kind, d.item_id, d.title, snippet(search_words, 1, '[', ']', '…', 24) "
            "FROM search_words JOIN search_docs d ON d.rowid = search_words.rowid "
            f"WHERE {where} ORDER BY {order} LIMIT ?"
        )
        return sql, [match, *([kind] if kind else []), limit]
    terms = " AND ".join(f'"{t}"' for t in unspaced if len(t) >= 3) or '""'
    where = "search_trigrams MATCH ?" + (" AND d.kind = ?" if kind else "")
    sql = (
        "SELECT d.kind, d.item_id, d.title, snippet(search_trigrams, 0, '[', ']', '…', 24) "
        f"FROM search_trigrams JOIN search_docs d ON d.rowid = search_trigrams.rowid WHERE {where} LIMIT ?"
    )
    return sql, [terms, *([kind] if kind else []), limit]


class FloorWindow(QWidget):
    """QLineEdit + a list (or a table) + one worker thread; only the newest request runs."""

    answered = Signal(str, object)

    def __init__(self, path: Path, table: bool):
        super().__init__()
        self.path, self.table = path, table
        self.resize(1280, 800)
        layout = QVBoxLayout(self)
        self.field = QLineEdit(self)
        layout.addWidget(self.field)
        self.model = QStandardItemModel(self)
        self.view = QTableView(self) if table else QListView(self)
        self.view.setModel(self.model)
        layout.addWidget(self.view, 1)
        self.shown_text: str | None = None
        self._latest = ""
        self._queue: queue.Queue = queue.Queue()
        self.field.textChanged.connect(self._ask)
        self.answered.connect(self._show)
        threading.Thread(target=self._work, daemon=True).start()

    def _ask(self, text: str) -> None:
        self._latest = text.strip()
        self._queue.put(self._latest)

    def _work(self) -> None:
        conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        while True:
            text = self._queue.get()
            if text != self._latest or not text:
                continue
            if self.table:
                sql, params = floor_sql(conn, text, 500, "talking_point")
                ids = [r[1] for r in conn.execute(sql, params)]
                marks = ",".join("?" * len(ids))
                rows = conn.execute(
                    f"SELECT p.text, t.title, p.kind, p.status, p.classification FROM talking_points p "
                    f"JOIN topics t ON t.id = p.topic_id WHERE p.id IN ({marks})",
                    ids,
                ).fetchall()
            else:
                sql, params = floor_sql(conn, text, 200, None)
                rows = [(f"{r[0]} · {r[2]}\n{r[3]}",) for r in conn.execute(sql, params)]
            self.answered.emit(text, rows)

    def _show(self, text: str, rows: list) -> None:
        if text != self._latest:
            return
        self.model.clear()
        for row in rows:
            self.model.appendRow([QStandardItem(str(v)) for v in row])
        self.shown_text = text
        self.view.viewport().update()


def first_open(window: QWidget, path: Path) -> None:
    """Open ``path`` writable in the shown window, as a user does; print how long and the worst wait."""
    window.show()
    wait(300)
    progress: list[str] = []

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "upgradeProgress" and widget.isVisible() and not progress:
                progress.append(widget.labelText().split("\n")[0])

    watch = QTimer()
    watch.timeout.connect(look)
    watch.start(20)
    beat = Heartbeat()
    beat.start()
    started = time.perf_counter()
    assert window.open_library(path)
    opened = time.perf_counter() - started
    worst = beat.stop()
    watch.stop()
    print(
        f"first open: {opened:.2f} s, worst GUI wait {worst * 1000:.0f} ms, "
        f"progress window: {progress[0] if progress else 'not shown'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pause", type=int, default=150, help="ms between keys")
    parser.add_argument("--qwait", action="store_true", help="wait in QTest.qWait (holds the GIL)")
    parser.add_argument(
        "--first-open", action="store_true", help="open writable, as a user does (updates an old file)"
    )
    parser.add_argument(
        "--record", action="store_true", help="say what the GUI thread ran in each long wait (gui_steps.py)"
    )
    parser.add_argument("--record-over", type=float, default=40, help="--record: waits over this many ms")
    args = parser.parse_args()
    global USE_QWAIT, STEPS
    USE_QWAIT = args.qwait
    if args.record:
        import gui_steps

        app, STEPS = gui_steps.recording_application([sys.argv[0]])
        gui_steps.instrument(STEPS)
    else:
        app = QApplication([sys.argv[0]])  # noqa: F841 - kept alive for the whole run
    from briefbook.ui import error_hook
    from briefbook.ui.main_window import MainWindow
    from briefbook.ui.settings import Settings

    os.environ["BRIEFBOOK_DATA_DIR"] = tempfile.mkdtemp(prefix="briefbook-typing-")
    error_hook.show_message = lambda *a, **k: print("message:", a[1:], file=sys.stderr)
    window = MainWindow(Settings())
    window.resize(1280, 800)
    if args.first_open:
        first_open(window, args.library)
    else:
        assert window.open_library(args.library, read_only=True)  # typing writes nothing: no backup
    window.install_extensions()
    window.show()
    wait(500)
    search_view = window.show_view("search")
    ours_search = Painted(
        search_view.list.viewport(), lambda: None if search_view.searching else search_view.text
    )
    window.show_view("talking_point")
    points = window.current_view()
    ours_filter = Painted(
        points.table.viewport(), lambda: None if points.model.searching else points.model.text
    )
    floors = {False: FloorWindow(args.library, table=False), True: FloorWindow(args.library, table=True)}
    floor_paint = {
        k: Painted(f.view.viewport(), lambda f=f: f.shown_text if f.shown_text == f._latest else None)
        for k, f in floors.items()
    }
    beat = Heartbeat()
    results: dict[str, list] = {name: [] for name in ("search", "search floor", "filter", "filter floor")}
    waits: dict[str, float] = {name: 0.0 for name in results}
    over: dict[str, int] = {name: 0 for name in results}
    print(f"load before: {os.getloadavg()}")
    for _ in range(args.rounds):
        for query in QUERIES:
            for name in results:
                table = name.startswith("filter")
                if name.endswith("floor"):
                    window.hide()
                    floor = floors[table]
                    floor.show()
                    field, painted = floor.field, floor_paint[table]
                else:
                    for f in floors.values():
                        f.hide()
                    window.show()
                    if table:
                        window.show_view("talking_point")
                        field, painted = points.filters.text, ours_filter
                    else:
                        window.show_view("search")
                        field, painted = window.search_field, ours_search
                wait(300)  # the window just shown is painted first: that is no key's doing
                beat.start()
                beat.over = 0
                results[name].extend(type_and_time(field, painted, query, args.pause, name))
                waits[name] = max(waits[name], beat.stop())
                over[name] += beat.over
    print(f"load after: {os.getloadavg()}")
    print(f"\n{args.rounds} rounds of {len(QUERIES)} queries typed {args.pause} ms a key; times in ms")
    print(
        f"{'case':<14}{'median':>8}{'worst':>8}{'dropped':>9}{'keys':>6}"
        f"{'GUI wait':>10}{'>50 ms':>8}{'ratio':>8}"
    )
    medians = {}
    for name, lat in results.items():
        shown = [x for x in lat if x is not None]
        medians[name] = statistics.median(shown) if shown else float("nan")
    for name, lat in results.items():
        shown = [x for x in lat if x is not None]
        ratio = "" if name.endswith("floor") else f"{medians[name] / medians[name + ' floor']:.2f}×"
        print(
            f"{name:<14}{medians[name] * 1000:>8.0f}{max(shown, default=0) * 1000:>8.0f}"
            f"{lat.count(None):>9}{len(lat):>6}{waits[name] * 1000:>10.0f}{over[name]:>8}{ratio:>8}"
        )
    if STEPS is not None:
        STEPS.report(beat.gaps, args.record_over)
    window.close()


if __name__ == "__main__":
    main()
