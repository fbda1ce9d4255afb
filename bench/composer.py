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

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.worst = 0.0
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last - 0.010)
        self.last = now

    def reset(self) -> None:
        self.worst, self.last = 0.0, time.perf_counter()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=500)
    parser.add_argument("--exports", type=int, default=3)
    args = parser.parse_args()

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


if __name__ == "__main__":
    main()
