"""The export dialog: both formats through a patched file dialog, cancel, errors in plain words."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QUndoStack

from briefbook.demo.loader import load_demo
from briefbook.library import Book, Event, Library, Meeting, Statement, TalkingPoint, Topic
from briefbook.library.books import new_book
from briefbook.ui import export_dialog, export_run
from briefbook.ui.context import UiContext
from briefbook.ui.export_dialog import ExportDialog
from briefbook.ui.export_target import safe_file_name
from briefbook.ui.notifier import LibraryModel
from briefbook.ui.settings import Settings


@pytest.fixture(autouse=True)
def export_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The file dialog fails unless a test answers it; "Open" records instead of opening."""

    def unexpected(*args, **kwargs):
        raise AssertionError("the file dialog opened in a test")

    opened: list[Path] = []
    monkeypatch.setattr(export_dialog, "ask_export_path", unexpected)
    monkeypatch.setattr(export_run, "open_path", lambda path: opened.append(Path(path)) or True)
    return opened


@pytest.fixture
def context(library: Library, tmp_path: Path) -> UiContext:
    return UiContext(LibraryModel(library), QUndoStack(), Settings(tmp_path / "settings.ini"), None)


def make_dialog(qtbot, context: UiContext, book: Book, releasable: bool = False) -> ExportDialog:
    dialog = ExportDialog(context, book, releasable)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def close(dialog: ExportDialog) -> None:
    dialog.close()
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def big_book(library: Library, meetings: int) -> Book:
    """An event with many meetings, each with its topic, points and statements (in one transaction)."""
    with library.transaction():
        event = library.add(Event(title="Hội nghị lớn", city="Bangkok", start_date="2025-12-17"))
        for i in range(meetings):
            meeting = library.add(
                Meeting(
                    event_id=event.id, title=f"Cuộc gặp {i + 1}", starts_at=f"2025-12-17T{8 + i % 10:02d}:00"
                )
            )
            topic = library.add(Topic(title=f"Chủ đề {i + 1}", background="Bối cảnh " * 40))
            library.link_topic(meeting.id, topic.id)
            for k in range(4):
                library.add(
                    TalkingPoint(topic_id=topic.id, text=f"Luận điểm {k} về hợp tác. " * 6, status="cleared")
                )
            statement = library.add(
                Statement(speaker_name="Người phát ngôn", date="2025-11-06", text="Phát biểu " * 30)
            )
            library.link_topic(statement.id, topic.id)
    return new_book(library, event.id, title="Sổ tay lớn")


def test_a_safe_file_name_from_the_title():
    assert safe_file_name("Tài liệu: Hội nghị / Bangkok?  ") == "Tài liệu Hội nghị Bangkok"
    assert safe_file_name('<>:"/\\|?*') == "book"  # the command line's name (briefbook.export)
    assert safe_file_name("Sổ tay\x00\tđoàn.") == "Sổ tay đoàn"


def test_the_dialog_starts_from_the_book(qtbot, context: UiContext, library: Library):
    load_demo(library)
    book = library.list(Book)[0]
    dialog = make_dialog(qtbot, context, book, releasable=True)
    assert dialog.template.currentData() == book.template
    assert dialog.language.currentData() == book.language
    assert dialog.sharing.isChecked()
    target = dialog.target()
    assert target.suffix == ".pdf" and target.stem == safe_file_name(book.title)
    assert [p.suffix for p in dialog.targets()] == [".pdf", ".docx"]
    dialog.formats.setCurrentIndex(2)  # Word only: no password for it
    assert not dialog.password.isEnabled()
    close(dialog)


def test_export_both_formats(
    qtbot, context: UiContext, library: Library, tmp_path: Path, monkeypatch, export_dialogs
):
    load_demo(library)
    book = library.list(Book)[0]
    dialog = make_dialog(qtbot, context, book)
    asked = []

    def answer(parent, start, formats):
        asked.append((start, formats))
        return tmp_path / "out" / "so-tay"  # no suffix: the dialog adds one

    (tmp_path / "out").mkdir()
    monkeypatch.setattr(export_dialog, "ask_export_path", answer)
    dialog.browse_button.click()
    assert asked and asked[0][1] == ("pdf", "docx")
    assert dialog.target() == tmp_path / "out" / "so-tay.pdf"
    progress = []
    dialog.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(dialog.exported, timeout=120_000) as signal:
        dialog.export_button.click()
        assert not dialog.export_button.isEnabled() and dialog.cancel_button.text() == "Cancel"
    pdf, docx = (Path(p) for p in signal.args[0])
    assert pdf == tmp_path / "out" / "so-tay.pdf" and docx == tmp_path / "out" / "so-tay.docx"
    assert len(PdfReader(pdf).pages) > 3
    assert "word/document.xml" in zipfile.ZipFile(docx).namelist()
    assert progress and progress[-1] == 1000 and progress == sorted(progress)
    assert dialog.export_button.isEnabled() and dialog.open_button.isVisible()
    assert pdf.name in dialog.message.text() and str(pdf.parent) in dialog.message.text()
    # The files it just wrote are not "a file of that name already there".
    assert "just written" in dialog.files_note.text() and "already" not in dialog.files_note.text()
    assert library.get(Book, book.id).last_export_at  # the window's connection sees the export
    assert context.settings.export_folder == tmp_path / "out"
    dialog.open_button.menu().actions()[0].trigger()
    dialog.folder_button.click()
    assert export_dialogs == [pdf, tmp_path / "out"]
    close(dialog)


def test_a_password_protects_the_pdf(qtbot, context: UiContext, library: Library, tmp_path: Path):
    load_demo(library)
    dialog = make_dialog(qtbot, context, library.list(Book)[0])
    dialog.formats.setCurrentIndex(1)  # PDF only
    dialog.path_edit.setText(str(tmp_path / "mat.pdf"))
    dialog.password.setText("bí mật")
    assert dialog.allow_printing.isEnabled()
    dialog.allow_printing.setChecked(False)
    with qtbot.waitSignal(dialog.exported, timeout=120_000):
        dialog.export_button.click()
    reader = PdfReader(tmp_path / "mat.pdf")
    assert reader.is_encrypted and reader.decrypt("bí mật")
    assert not (tmp_path / "mat.docx").exists()
    close(dialog)


def test_cancel_a_big_export(qtbot, context: UiContext, library: Library, tmp_path: Path):
    book = big_book(library, 150)
    out = tmp_path / "out"
    out.mkdir()
    dialog = make_dialog(qtbot, context, book)
    dialog.path_edit.setText(str(out / "lon.pdf"))
    with qtbot.waitSignal(dialog.export_cancelled, timeout=120_000):
        dialog.export_button.click()
        dialog.cancel_button.click()  # right after the start
        assert dialog.stage.text() == "Cancelling…"
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled())
    assert list(out.iterdir()) == []  # no file, no temporary file
    assert "cancelled" in dialog.message.text() and not dialog.open_button.isVisible()
    assert not library.get(Book, book.id).last_export_at
    close(dialog)


def test_closing_the_dialog_during_an_export_cancels_it(
    qtbot, context: UiContext, library: Library, tmp_path: Path
):
    book = big_book(library, 60)
    dialog = make_dialog(qtbot, context, book)
    dialog.path_edit.setText(str(tmp_path / "lon.pdf"))
    with qtbot.waitSignal(dialog.export_cancelled, timeout=120_000):
        dialog.export_button.click()
        dialog.reject()  # Esc
        assert dialog.isVisible()  # until the export has stopped
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not (tmp_path / "lon.pdf").exists()


def test_a_missing_folder_is_a_message_in_plain_words(
    qtbot, context: UiContext, library: Library, tmp_path: Path, dialogs
):
    load_demo(library)
    dialog = make_dialog(qtbot, context, library.list(Book)[0])
    target = tmp_path / "not-there" / "book.pdf"
    dialog.path_edit.setText(str(target))
    dialog.export_button.click()  # checked at once, before any work: said under the field
    expected = f"Cannot export to {target}: the folder {target.parent} does not exist."
    assert dialogs.messages == []  # no dialog for a mistyped folder
    assert dialog.job is None and not target.parent.exists()
    assert dialog.message.text() == expected and "Traceback" not in dialog.message.text()
    assert dialog.path_edit.styleSheet()  # the field is marked
    assert dialog.export_button.isEnabled() and not dialog.open_button.isVisible()
    close(dialog)


def test_a_bad_template_leaves_the_previous_file_intact(
    qtbot, context: UiContext, library: Library, tmp_path: Path, dialogs
):
    load_demo(library)
    book = library.update(Book, library.list(Book)[0].id, template="gone-missing")
    (tmp_path / "book.pdf").write_bytes(b"%PDF-1.4 the previous export")
    dialog = make_dialog(qtbot, context, book)
    assert dialog.template.currentData() == "gone-missing"
    dialog.path_edit.setText(str(tmp_path / "book.pdf"))
    assert "replaces" in dialog.files_note.text()
    with qtbot.waitSignal(dialog.export_failed, timeout=120_000) as signal:
        dialog.export_button.click()
    assert signal.args[0].startswith("There is no template 'gone-missing'. Templates available: ")
    assert dialogs.messages[0][1] == signal.args[0]
    assert (tmp_path / "book.pdf").read_bytes() == b"%PDF-1.4 the previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    close(dialog)


def test_a_file_that_cannot_be_replaced_is_reported(
    qtbot, context: UiContext, library: Library, tmp_path: Path, dialogs, monkeypatch
):
    """A target locked by another program (Windows) or read-only: the message, the old file kept."""
    load_demo(library)
    target = tmp_path / "book.pdf"
    target.write_bytes(b"old")
    import briefbook.export_paths as export_paths

    monkeypatch.setattr(export_paths.os, "access", lambda path, mode: Path(path) != target)
    dialog = make_dialog(qtbot, context, library.list(Book)[0])
    dialog.formats.setCurrentIndex(1)
    dialog.path_edit.setText(str(target))
    dialog.export_button.click()  # checked when asked, before any work
    assert dialog.message.text() == (
        f"Cannot export to {target}: the file is read-only or open in another program. "
        "Close it and export again."
    )
    assert target.read_bytes() == b"old" and dialog.job is None
    close(dialog)


def test_the_export_runs_in_its_own_process_and_cancel_mid_pdf_ends_it_cleanly(
    qtbot, context: UiContext, library: Library, tmp_path: Path
):
    """reportlab holds the GIL: in its own process it cannot stall the window; cancel ends that process."""
    import os

    book = big_book(library, 150)
    out = tmp_path / "out"
    out.mkdir()
    (out / "lon.pdf").write_bytes(b"%PDF-1.4 the previous export")
    dialog = make_dialog(qtbot, context, book)
    dialog.path_edit.setText(str(out / "lon.pdf"))
    stages: list[str] = []
    dialog.export_button.click()
    job = dialog.job
    job.progress.connect(lambda stage, done, total: stages.append(stage))
    assert job.child.process.pid != os.getpid()
    qtbot.waitUntil(lambda: "pdf" in stages, timeout=120_000)  # in the middle of the PDF
    with qtbot.waitSignal(dialog.export_cancelled, timeout=60_000):
        dialog.cancel_button.click()
    # It said so once unwound; it exits a moment later, reaped off the GUI thread (never waited for there).
    assert job.child.wait(60) == 0  # it unwound and said so; it was not killed (60 s bounds a broken test)
    assert sorted(p.name for p in out.iterdir()) == ["lon.pdf"]  # no temporary file left
    assert (out / "lon.pdf").read_bytes() == b"%PDF-1.4 the previous export"


def test_cards_for_the_car_from_the_dialog(qtbot, context: UiContext, library: Library, tmp_path: Path):
    load_demo(library)
    dialog = make_dialog(qtbot, context, library.list(Book)[0])
    dialog.formats.setCurrentIndex(4)  # cards, A6
    assert "A6" in dialog.formats.currentText() and dialog.chosen_cards() == "A6"
    dialog.path_edit.setText(str(tmp_path / "cards.pdf"))
    with qtbot.waitSignal(dialog.exported, timeout=120_000):
        dialog.export_button.click()
    reader = PdfReader(tmp_path / "cards.pdf")
    assert len(reader.pages) == 6  # one page per meeting of the demo
    width, height = (float(x) for x in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (298, 420)  # A6
    assert not (tmp_path / "cards.docx").exists()
    close(dialog)


def test_the_ceiling_choice_offers_nothing_above_the_books_ceiling(qtbot, context, library: Library) -> None:
    event = library.add(Event(title="ການປະຊຸມ ວຽງຈັນ", city="Vientiane"))
    book = new_book(library, event.id, title="Sổ tay", ceiling="Internal")
    dialog = make_dialog(qtbot, context, book)
    offered = [dialog.ceiling.itemData(i) for i in range(dialog.ceiling.count())]
    assert offered == ["Public", "Internal"] and dialog.ceiling.currentData() == "Internal"
    close(dialog)


def test_a_read_only_library_exports_without_recording_and_says_so(
    qtbot, library: Library, tmp_path: Path, monkeypatch
):
    """A library the window opened read-only still makes its book, and the export process
    changes nothing in it (even where the file could be written: it opens it read-only too)."""
    load_demo(library)
    book = library.list(Book)[0]
    path = library.path
    library.close()
    read_only = Library.open(path, backup=False, read_only=True)
    try:
        context = UiContext(LibraryModel(read_only), QUndoStack(), Settings(tmp_path / "settings.ini"), None)
        dialog = make_dialog(qtbot, context, book)
        monkeypatch.setattr(export_dialog, "ask_export_path", lambda *a: tmp_path / "so-tay.pdf")
        dialog.browse_button.click()
        dialog.formats.setCurrentIndex(1)  # PDF only
        with qtbot.waitSignal(dialog.exported, timeout=120_000) as signal:
            dialog.export_button.click()
        assert [Path(p).name for p in signal.args[0]] == ["so-tay.pdf"]
        assert len(PdfReader(tmp_path / "so-tay.pdf").pages) > 3
        assert "read-only, so this export is not recorded" in dialog.message.text()
        close(dialog)
    finally:
        read_only.close()
    with Library.open(path, backup=False) as after:
        assert after.last_export(book.id) is None and not after.get(Book, book.id).last_export_at
