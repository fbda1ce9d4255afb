"""Export and print that cannot surprise: the "Save as" field is checked when the user exports, never
while typing, and a folder means a file named after the book; Print goes through Qt's print dialog,
which says the classification first, from a private folder that is gone afterwards."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtPrintSupport import QPrinter

from briefbook.demo.loader import load_demo
from briefbook.library import Book, Library
from briefbook.ui.composer import printing
from briefbook.ui.context import UiContext
from briefbook.ui.export_dialog import ExportDialog
from briefbook.ui.export_target import preview_target, resolve_target, safe_file_name
from briefbook.ui.notifier import LibraryModel
from briefbook.ui.settings import Settings
from tests.ui.conftest import shown_composer


@pytest.fixture
def context(library: Library, tmp_path: Path) -> UiContext:
    load_demo(library)
    return UiContext(LibraryModel(library), QUndoStack(), Settings(tmp_path / "settings.ini"), None)


@pytest.fixture
def dialog(qtbot, context: UiContext, library: Library, tmp_path: Path):
    start = tmp_path / "Documents"
    start.mkdir()
    context.settings.export_folder = start  # type: ignore[attr-defined]
    book = library.list(Book)[0]
    widget = ExportDialog(context, book)
    widget._base_folder = start  # the folder the dialog starts in (the settings' export folder)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.close()


def type_text(qtbot, edit, text: str) -> None:
    edit.clear()
    for char in text:  # one key at a time, as a user types (QTest types ASCII only: insert)
        edit.insert(char)
        qtbot.wait(1)


def test_typing_a_path_never_raises_nor_opens_a_dialog(qtbot, dialog, dialogs, tmp_path):
    type_text(qtbot, dialog.path_edit, "/")
    assert dialogs.messages == [] and not dialog.path_edit.styleSheet()
    assert "Writes" in dialog.files_note.text()  # "/" is a folder: a file named after the book there
    type_text(qtbot, dialog.path_edit, "/nowhere/at/all/v1")
    assert dialogs.messages == [] and "v1.pdf" in dialog.files_note.text()
    type_text(qtbot, dialog.path_edit, "")
    assert dialogs.messages == [] and "Choose where" in dialog.files_note.text()


def test_a_folder_means_a_file_named_after_the_book(qtbot, dialog, dialogs, tmp_path, monkeypatch):
    written = []

    class FakeJob:  # the export itself is tested elsewhere: here, where it would write
        def __init__(self, library_path, book_id, target, options, parent, read_only=False):
            written.append(Path(target))

        def __getattr__(self, name):
            return _Signal()

        def is_running(self):
            return False

    class _Signal:
        def connect(self, *_):
            pass

        def __call__(self, *args, **kwargs):
            return None

    from briefbook.ui import export_run

    monkeypatch.setattr(export_run, "ExportJob", FakeJob)
    out = tmp_path / "out"
    out.mkdir()
    name = safe_file_name(dialog.book.title)
    for typed in (str(out), str(out) + "/"):
        written.clear()
        dialog.job = None
        dialog._set_running(False)  # the fake export never ends: as if the last one had
        dialog.path_edit.setText(typed)
        dialog.export_button.click()
        assert written[-1] == out / f"{name}.pdf", typed
        assert dialog.path_edit.text() == str(out / f"{name}.pdf")  # shown in full before writing
    dialog.job = None
    dialog._set_running(False)
    dialog.path_edit.setText("v1")  # a bare name: into the folder the dialog started in, not "/"
    dialog.export_button.click()
    assert written[-1] == dialog.base_folder() / "v1.pdf"
    assert dialogs.messages == []


def test_a_bad_target_is_said_at_the_field_when_exporting(qtbot, dialog, dialogs, tmp_path):
    dialog.path_edit.setText(str(tmp_path / "missing") + "/")
    dialog.export_button.click()
    assert "does not exist" in dialog.message.text() and dialog.path_edit.styleSheet()
    assert dialog.job is None and dialogs.messages == []
    dialog.path_edit.insert("x")  # typing again clears the mark
    assert not dialog.path_edit.styleSheet()
    dialog.path_edit.setText("   ")
    dialog.export_button.click()
    assert "Choose where to save the book" in dialog.message.text() and dialog.job is None


def test_the_target_rules(tmp_path: Path) -> None:
    base = tmp_path
    title = "Sổ tay: Viêng Chăn / 2026"
    assert (
        resolve_target(str(tmp_path), title, ("pdf", "docx"), base) == tmp_path / "Sổ tay Viêng Chăn 2026.pdf"
    )
    assert resolve_target("book", title, ("docx",), base) == tmp_path / "book.docx"
    assert resolve_target("~/x.pdf", title, ("pdf",), base) == Path.home() / "x.pdf"
    assert preview_target("", title, ("pdf",), base) == []
    assert [p.suffix for p in preview_target("a", title, ("pdf", "docx"), base)] == [".pdf", ".docx"]


@pytest.fixture
def composer(qtbot, context: UiContext):
    with shown_composer(qtbot, context, (1200, 760)) as widget:
        yield widget


def test_print_uses_the_print_dialog_and_leaves_nothing(qtbot, composer, tmp_path, monkeypatch):
    printed_to = tmp_path / "printed.pdf"
    seen = {}

    def answer(parent, printer: QPrinter, title, classification, pages):
        job = composer.print_job
        seen.update(title=title, classification=classification, pages=pages, folder=job.folder)
        seen["folder_mode"] = stat.S_IMODE(job.folder.stat().st_mode)
        seen["file_mode"] = stat.S_IMODE(job.target.stat().st_mode)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed_to))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)  # the user asks for pages 2 to 3
        return True

    monkeypatch.setattr(printing, "ask_print", answer)
    job = composer.print_book()
    with qtbot.waitSignal(job.printed, timeout=120_000) as signal:
        pass
    assert signal.args == [2]
    assert seen["title"] == composer.book.title and seen["pages"] > 3
    assert seen["classification"] == composer._document.meta.banner and seen["classification"]
    assert seen["folder_mode"] == 0o700 and seen["file_mode"] == 0o600
    assert not seen["folder"].exists()  # removed when printing is done
    assert len(PdfReader(str(printed_to)).pages) == 2


def test_cancelling_the_print_dialog_removes_the_file(qtbot, composer, monkeypatch):
    folders = []

    def cancel(parent, printer, title, classification, pages):
        folders.append(composer.print_job.folder)
        assert composer.print_job.target.exists()
        return False

    monkeypatch.setattr(printing, "ask_print", cancel)
    job = composer.print_book()
    with qtbot.waitSignal(job.cancelled, timeout=120_000):
        pass
    assert folders and not folders[0].exists()


def test_screenshot_of_the_print_dialog(qtbot, composer, screenshot_dir):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    banner = composer.classification()
    dialog = printing.make_print_dialog(composer, printer, composer.book.title, banner, 12)
    qtbot.addWidget(dialog)
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.show()
    qtbot.wait(50)
    assert banner in dialog.windowTitle()
    assert dialog.classification_tab.findChild(printing.QLabel, "printClassification").text().find(banner) > 0
    assert banner in dialog.findChild(printing.QLabel, "printClassificationBanner").text()
    for button in dialog.findChildren(printing.QWidget):  # Qt's own dialog: show copies and pages too
        if button.metaObject().className() == "QPushButton" and "Options" in button.text():
            button.click()
    qtbot.wait(50)
    assert dialog.grab().save(str(screenshot_dir / "print-dialog.png"))
    dialog.reject()
