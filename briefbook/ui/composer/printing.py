"""Print: the book as a PDF in a temporary folder, opened in the system's viewer (which prints it).

The PDF is made by the same export as the dialog's, on its own thread, with a
small progress window that can cancel it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from briefbook.export import ExportOptions
from briefbook.library import Book
from briefbook.ui import error_hook
from briefbook.ui.context import UiContext
from briefbook.ui.export_dialog import open_path, safe_file_name
from briefbook.ui.workers import ExportJob


def print_folder() -> Path:
    """One folder for the PDFs made for printing (each print replaces the book's last one)."""
    folder = Path(tempfile.gettempdir()) / "briefbook-print"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class PrintJob(QObject):
    """``printed(path)`` once the PDF is open in the viewer; ``failed(message)``; ``cancelled()``."""

    printed = Signal(str)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, context: UiContext, book: Book, releasable: bool, parent: QWidget):
        super().__init__(parent)
        self.widget = parent
        self.target = print_folder() / (safe_file_name(book.title) + ".pdf")
        options = ExportOptions(formats=("pdf",), releasable=releasable)
        path = context.library.path
        if path is None:
            raise RuntimeError("a library without a file cannot be printed")
        self.job = ExportJob(Path(path), book.id, self.target, options, self)
        self.dialog = QProgressDialog(parent)
        self.dialog.setObjectName("printProgress")
        self.dialog.setWindowTitle(self.tr("Print"))
        self.dialog.setLabelText(self.tr("Preparing “%1” for printing…").replace("%1", book.title))
        self.dialog.setCancelButtonText(self.tr("Cancel"))
        self.dialog.setRange(0, 0)
        self.dialog.setMinimumDuration(400)
        self.dialog.setWindowModality(Qt.WindowModality.NonModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.job.cancel)
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self.cancelled)
        self.job.done.connect(self._done)

    def start(self) -> None:
        self.job.start()

    def is_running(self) -> bool:
        return self.job.is_running()

    def _progress(self, stage: str, done: int, total: int) -> None:
        if stage == "pdf" and total:
            self.dialog.setRange(0, total)
            self.dialog.setValue(min(done, total))

    def _finished(self, paths: list) -> None:
        path = Path(paths[0])
        if not open_path(path):
            self._failed(
                self.tr("The PDF is ready at %1, but no program to show it was found.").replace(
                    "%1", str(path)
                )
            )
            return
        self.printed.emit(str(path))

    def _failed(self, message: str) -> None:
        error_hook.show_message(self.widget, self.tr("Print"), message)
        self.failed.emit(message)

    def _done(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()
