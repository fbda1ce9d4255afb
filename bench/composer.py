"""The composer on a big book: preview build time, and how responsive the window stays.

    QT_QPA_PLATFORM=offscreen python bench/composer.py [--meetings 500]

Prints, for a synthetic book of N meeting briefs (the library of bench/export.py):

- assemble and preflight (the composer runs them on its background thread);
- building the preview's QTextDocument: the whole book, and the capped preview
  the composer shows (``preview.MAX_BLOCKS`` blocks), built in slices;
- the longest the event loop waited (a 10 ms timer's worst lateness) while the
  preview was built and while the export dialog wrote PDF + DOCX (``--exports``
  times; each one's worst wait, their median, and the machine's load).

The floor for the event-loop wait is the same window left idle for 10 s (on a loaded
machine the scheduler alone delays a timer); the target is under 100 ms during a
500-meeting export (the export runs in a process of its own).

``--window`` measures the export as a user runs it instead: the main window on the
library, the book open in the composer (its preview built), File → Export from the
composer, and the wait measured from the click to the end of the export, then for
what the window does after it (the composer reads the book again, since its "last
exported" changed, and rebuilds its preview), until that is done. Its floors: the
same window idle, and the same window idle beside a child process that keeps one
core busy as the export's process does (on two cores, that competition alone delays
the window's timer). ``--where`` says, for each wait over 50 ms, whether the GUI thread
was running our code (and which) or idling in the event loop while the machine kept it
off a core (``bench/gui_samples.py``; sampling costs time: time the waits without it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


class Lateness:
    """The worst delay of a 10 ms repeating timer: how long the GUI thread was busy at a stretch."""

    def __init__(self, over_s: float = 0.050):
        from PySide6.QtCore import QTimer

        self.worst = 0.0
        self.last = time.perf_counter()
        self.over, self.gaps = over_s, []  # each wait longer than ``over_s``: (start, end)
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last - 0.010)
        if now - self.last - 0.010 > self.over:
            self.gaps.append((self.last, now))
        self.last = now

    def reset(self) -> None:
        self.worst, self.last, self.gaps = 0.0, time.perf_counter(), []


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=500)
    parser.add_argument("--exports", type=int, default=3)
    parser.add_argument("--window", action="store_true", help="export from the composer of the main window")
    parser.add_argument(
        "--where",
        action="store_true",
        help="with --window: for each wait over 50 ms, where the GUI thread was (bench/gui_samples.py)",
    )
    args = parser.parse_args()
    if args.window:
        window_bench(args.meetings, args.exports, args.where)
        return

    from export import build_library
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from briefbook.assemble import assemble, preflight
    from briefbook.library import Book, Library
    from briefbook.ui import preview
    from briefbook.ui.context import UiContext
    from briefbook.ui.export_dialog import ExportDialog
    from briefbook.ui.notifier import LibraryModel
    from briefbook.ui.settings import Settings

    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="briefbook-bench-"))
    path = folder / "big.briefbook"
    started = time.perf_counter()
    book_id = build_library(path, args.meetings)
    print(f"library with {args.meetings} meetings built in {time.perf_counter() - started:.1f} s")
    library = Library.open(path, backup=False)
    book = library.get(Book, book_id)

    started = time.perf_counter()
    document = assemble(library, book)
    print(f"assemble: {1000 * (time.perf_counter() - started):.0f} ms, {len(document.blocks)} blocks")
    started = time.perf_counter()
    warnings = preflight(library, book)
    print(f"preflight: {1000 * (time.perf_counter() - started):.0f} ms, {len(warnings)} warnings")

    started = time.perf_counter()
    preview.build_document(document)
    print(f"preview of the whole book (one go): {1000 * (time.perf_counter() - started):.0f} ms")

    widget = preview.BookPreview()
    widget.resize(600, 800)
    widget.show()
    lateness = Lateness()
    done = []
    widget.ready.connect(lambda: done.append(time.perf_counter()))
    started = time.perf_counter()
    lateness.reset()
    widget.show_document(document)
    while not done:
        app.processEvents()
    print(
        f"capped preview ({min(len(document.blocks), preview.MAX_BLOCKS)} blocks, in slices): "
        f"{1000 * (done[0] - started):.0f} ms, worst event-loop wait {1000 * lateness.worst:.0f} ms"
    )

    context = UiContext(LibraryModel(library), QUndoStack(), Settings(folder / "settings.ini"), None)
    dialog = ExportDialog(context, book)
    dialog.path_edit.setText(str(folder / "book.pdf"))
    dialog.show()
    finished: list = []
    dialog.exported.connect(finished.append)
    dialog.export_failed.connect(finished.append)
    waits, took = [], []
    print(f"load before the exports: {os.getloadavg()}")
    lateness.reset()  # the floor: the same timer with nothing to do (what the machine's load alone costs)
    idle_until = time.perf_counter() + 10
    while time.perf_counter() < idle_until:
        app.processEvents()
        time.sleep(0.001)
    print(f"idle window for 10 s (the floor): worst event-loop wait {1000 * lateness.worst:.0f} ms")
    for _ in range(args.exports):
        finished.clear()
        started = time.perf_counter()
        lateness.reset()
        dialog.start_export()
        while not finished:
            app.processEvents()
            time.sleep(0.001)
        waits.append(lateness.worst)
        took.append(time.perf_counter() - started)
        print(
            f"export PDF + DOCX from the dialog: {took[-1]:.1f} s, "
            f"worst event-loop wait {1000 * waits[-1]:.0f} ms ({str(finished[0])[:60]})"
        )
    print(
        f"median of {args.exports}: {statistics.median(took):.1f} s, worst event-loop wait "
        f"{1000 * statistics.median(waits):.0f} ms (worst of all {1000 * max(waits):.0f} ms); "
        f"load after: {os.getloadavg()}"
    )
    dialog.close()
    library.close()


def _spin(seconds: float) -> None:
    """A child process that keeps one core busy (the export's competition, without the export)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def _wait_until(app, done, lateness: Lateness | None = None, timeout: float = 600.0) -> None:
    """Run the event loop (as ``QApplication.exec`` does, the GIL free while idle) until ``done()``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    check = QTimer()
    check.setInterval(5)
    end = time.perf_counter() + timeout
    check.timeout.connect(lambda: (done() or time.perf_counter() > end) and loop.quit())
    check.start()
    loop.exec()
    check.stop()


def window_bench(meetings: int, exports: int, where: bool = False) -> None:
    """The export from the composer of the main window, and what the window does after it
    (``where``: and, for each wait over 50 ms, where the GUI thread was)."""
    import multiprocessing

    from export import build_library
    from PySide6.QtWidgets import QApplication

    from briefbook.library import Book, Library
    from briefbook.ui import error_hook
    from briefbook.ui.main_window import MainWindow
    from briefbook.ui.settings import Settings

    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="briefbook-bench-"))
    os.environ["BRIEFBOOK_DATA_DIR"] = str(folder / "data")
    error_hook.show_message = lambda *a, **k: print("message:", a[1:], file=sys.stderr)
    path = folder / "big.briefbook"
    book_id = build_library(path, meetings)
    with Library.open(path, backup=False) as library:
        title = library.get(Book, book_id).title
    window = MainWindow(Settings(folder / "settings.ini"))
    window.resize(1280, 800)
    assert window.open_library(path)
    window.install_extensions()
    window.show()
    composer = window.show_view("book")
    composer.set_book(book_id)
    started = time.perf_counter()
    _wait_until(app, lambda: composer._document is not None and not composer.preview.is_building())
    took = time.perf_counter() - started
    print(f"{meetings} meetings, book “{title}”: composer analysed and previewed in {took:.1f} s")
    lateness = Lateness()
    if where:
        from gui_samples import Sampler

        sampler = Sampler()
    print(f"load before: {os.getloadavg()}")
    rows = []
    for _ in range(exports):
        lateness.reset()
        _wait_until(app, lambda: False, timeout=5)
        idle = lateness.worst
        spinner = multiprocessing.get_context("spawn").Process(target=_spin, args=(6.0,), daemon=True)
        spinner.start()
        time.sleep(0.5)  # it has started spinning
        lateness.reset()
        _wait_until(app, lambda: False, timeout=5)
        beside = lateness.worst
        spinner.join()
        finished: list = []
        lateness.reset()
        started = time.perf_counter()
        dialog = composer.export_book()
        dialog.path_edit.setText(str(folder / "book.pdf"))
        dialog.exported.connect(finished.append)
        dialog.export_failed.connect(finished.append)
        dialog.start_export()
        _wait_until(app, lambda finished=finished: bool(finished))
        took, during = time.perf_counter() - started, lateness.worst
        during_gaps, clicked = lateness.gaps, started
        lateness.reset()
        started = time.perf_counter()
        _wait_until(
            app,
            lambda started=started: (
                time.perf_counter() - started > 1.0
                and not composer.warnings.pending
                and not composer.preview.is_building()
            ),
        )
        after, settled = lateness.worst, time.perf_counter() - started
        dialog.close()
        rows.append((idle, beside, took, during, after, settled))
        print(
            f"idle {1000 * idle:.0f} ms, idle beside a busy core {1000 * beside:.0f} ms; "
            f"export {took:.1f} s, worst wait {1000 * during:.0f} ms; "
            f"after it {settled:.1f} s, worst wait {1000 * after:.0f} ms"
        )
        if where:
            print("  during the export (from the click that opens the dialog):")
            sampler.report(during_gaps, clicked, "_wait_until")
            print("  after it:")
            sampler.report(lateness.gaps, started, "_wait_until")
    print(f"load after: {os.getloadavg()}")
    median = [statistics.median(r[i] for r in rows) for i in range(6)]
    print(
        f"median of {exports}: idle floor {1000 * median[0]:.0f} ms, "
        f"beside a busy core {1000 * median[1]:.0f} ms; "
        f"during the export {1000 * median[3]:.0f} ms (worst {1000 * max(r[3] for r in rows):.0f} ms); "
        f"after it {1000 * median[4]:.0f} ms (worst {1000 * max(r[4] for r in rows):.0f} ms)"
    )
    window.close()


if __name__ == "__main__":
    main()
