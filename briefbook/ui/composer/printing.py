"""Print: the system's print dialog (printer, copies, pages) through Qt, and nothing left behind.

The book is exported as a PDF by the same export as the dialog's (on its own
thread, with a progress window that can cancel it) into a private folder made
for this print alone (``tempfile.mkdtemp``: only the user can enter it), the
file itself mode 0600. The print dialog says the book's classification in its
title and its own tab before anything is printed. The pages are drawn onto
the chosen printer with Qt (rendered by PDFium), and the folder is removed when
printing is done, cancelled or failed: classified text never waits in a shared
temporary folder for someone else to read.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRect, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QLabel, QProgressDialog, QVBoxLayout, QWidget

from briefbook.assemble import release_title
from briefbook.errors import BriefBookError
from briefbook.export import ExportOptions
from briefbook.library import Book
from briefbook.ui import error_hook
from briefbook.ui.context import UiContext
from briefbook.ui.export_target import safe_file_name
from briefbook.ui.workers import ExportJob

MAX_DPI = 300  # pages are drawn at the printer's resolution, at most this (a 1200 dpi page is 400 MB)


def private_folder() -> Path:
    """A new folder that only this user can enter (mode 0700), for one print."""
    return Path(tempfile.mkdtemp(prefix="briefbook-print-"))


def classification_tab(title: str, classification: str) -> QWidget:
    """The print dialog's own tab: which book, at which classification."""
    tab = QWidget()
    tab.setObjectName("printClassificationTab")
    tab.setWindowTitle(QCoreApplication.translate("PrintJob", "Classification"))
    layout = QVBoxLayout(tab)
    label = QLabel(tab)
    label.setObjectName("printClassification")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(
        QCoreApplication.translate("PrintJob", "“%1” is classified %2. Hand the printed pages accordingly.")
        .replace("%1", title)
        .replace("%2", classification)
    )
    label.setStyleSheet("color: #b3261e; font-weight: bold;")
    layout.addWidget(label)
    layout.addStretch(1)
    return tab


def print_dialog_title(title: str, classification: str) -> str:
    return (
        QCoreApplication.translate("PrintJob", "Print “%1” — %2")
        .replace("%1", title)
        .replace("%2", classification or "?")
    )


def make_print_dialog(
    parent: QWidget | None, printer: QPrinter, title: str, classification: str, pages: int
) -> QPrintDialog:
    """The system's print dialog for one book: its classification in the title and in its own tab."""
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    dialog.setWindowTitle(print_dialog_title(title, classification))
    dialog.setMinMax(1, max(1, pages))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    tab = classification_tab(title, classification)
    dialog.setOptionTabs([tab])
    dialog.classification_tab = tab  # type: ignore[attr-defined]  # Qt does not own it: keep it alive
    layout = dialog.layout()
    if layout is not None:  # Qt's own dialog (the native ones have none): the level above everything
        banner = QLabel(print_dialog_title(title, classification), dialog)
        banner.setObjectName("printClassificationBanner")
        banner.setTextFormat(Qt.TextFormat.PlainText)
        banner.setWordWrap(True)
        banner.setStyleSheet("color: #b3261e; font-weight: bold; padding: 4px;")
        if hasattr(layout, "insertWidget"):
            layout.insertWidget(0, banner)
        elif hasattr(layout, "addWidget"):
            layout.addWidget(banner)
    return dialog


def ask_print(parent: QWidget | None, printer: QPrinter, title: str, classification: str, pages: int) -> bool:
    """The system's print dialog (printer, copies, pages); True to print (patched in tests)."""
    dialog = make_print_dialog(parent, printer, title, classification, pages)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def print_pdf(
    path: Path,
    printer: QPrinter,
    *,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Draw the PDF's pages (the printer's page range and copies) onto ``printer``; returns pages sent.

    ``progress(done, total)`` returns False to stop.
    """
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    painter = QPainter()
    try:
        count = len(document)
        first, last = 1, count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = max(1, printer.fromPage()), min(count, printer.toPage() or count)
        copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        order = [p for _ in range(copies) for p in range(first - 1, last)]
        if not order:
            return 0
        if not painter.begin(printer):
            raise BriefBookError(
                "The printer could not be started. Check that it is connected and try again."
            )
        scale = min(printer.resolution(), MAX_DPI) / 72
        sent = 0
        for n, index in enumerate(order):
            if progress is not None and not progress(n, len(order)):
                break
            if n:
                printer.newPage()
            image = document[index].render(scale=scale).to_pil().convert("RGB")
            data = image.tobytes()
            qimage = QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888)
            area = painter.viewport()
            fitted = qimage.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.topLeft(), fitted), qimage)
            sent += 1
        return sent
    finally:
        if painter.isActive():
            painter.end()
        document.close()


class PrintJob(QObject):
    """``printed(pages)`` once the pages went to the printer; ``failed(message)``; ``cancelled()``.

    ``classification()`` says the book's level for the print dialog (the
    composer's current analysis, made with the same settings as this print).
    """

    printed = Signal(int)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        context: UiContext,
        book: Book,
        releasable: bool,
        parent: QWidget,
        classification: Callable[[], str] | None = None,
    ):
        super().__init__(parent)
        self.widget = parent
        self.book = book
        self.classification = classification or (lambda: "")
        self.folder = private_folder()
        # The print job's name reaches the printer's queue: never a title above the ceiling.
        self.title = release_title(context.library, book)
        self.target = self.folder / (safe_file_name(self.title) + ".pdf")
        options = ExportOptions(formats=("pdf",), releasable=releasable)
        path = context.library.path
        if path is None:
            self.cleanup()
            raise BriefBookError("This library is not stored in a file; it cannot be printed.")
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
        self.job.cancelled.connect(self._cancelled)
        self.job.done.connect(self._done)
        self._busy = True

    def start(self) -> None:
        self.job.start()

    def is_running(self) -> bool:
        return self._busy

    def _progress(self, stage: str, done: int, total: int) -> None:
        if stage == "pdf" and total:
            self.dialog.setRange(0, total)
            self.dialog.setValue(min(done, total))

    def _finished(self, paths: list) -> None:
        path = Path(paths[0])
        try:
            os.chmod(path, 0o600)  # the folder is the user's alone already; the file too
            pages = page_count(path)
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.title)
            printer.setFromTo(1, pages)
            self.dialog.hide()
            if not ask_print(self.widget, printer, self.book.title, self.classification(), pages):
                self._cancelled()
                return
            self.dialog.setLabelText(self.tr("Printing “%1”…").replace("%1", self.book.title))
            self.dialog.show()
            stopped = {"yes": False}
            self.dialog.canceled.connect(lambda: stopped.update(yes=True))

            def progress(done: int, total: int) -> bool:
                self.dialog.setRange(0, total)
                self.dialog.setValue(done)
                QCoreApplication.processEvents()
                return not stopped["yes"]

            sent = print_pdf(path, printer, progress=progress)
        except BriefBookError as error:
            self._failed(str(error))
            return
        finally:
            self.cleanup()
        if stopped["yes"]:
            self.cancelled.emit()
        else:
            self.printed.emit(sent)

    def _failed(self, message: str) -> None:
        self.cleanup()
        error_hook.show_message(self.widget, self.tr("Print"), message)
        self.failed.emit(message)

    def _cancelled(self) -> None:
        self.cleanup()
        self.cancelled.emit()

    def cleanup(self) -> None:
        """Remove the private folder and the PDF in it (any time: done, cancelled, failed)."""
        shutil.rmtree(self.folder, ignore_errors=True)

    def _done(self) -> None:
        self.cleanup()
        self._busy = False
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()
