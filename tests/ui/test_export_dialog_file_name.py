"""The export dialog's file name follows the ceiling chosen in it.

Found by a user's walk (review2): the dialog filled "Save as" once, with the title the
book's own ceiling may show. A book of a Confidential event, exported from it at Public,
kept the name "Tài liệu chuẩn bị <the event's Confidential title>.pdf", which leaves with
the copy, though the file's cover and metadata leave the title out.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from briefbook.library import Event, Library, Meeting
from briefbook.library.books import new_book
from briefbook.ui import export_dialog
from briefbook.ui.context import UiContext
from briefbook.ui.export_dialog import ExportDialog
from briefbook.ui.notifier import LibraryModel
from briefbook.ui.settings import Settings


@pytest.fixture(autouse=True)
def no_file_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    def unexpected(*args, **kwargs):
        raise AssertionError("the file dialog opened in a test")

    monkeypatch.setattr(export_dialog, "ask_export_path", unexpected)


def _dialog(qtbot, library: Library, tmp_path: Path) -> ExportDialog:
    event = library.add(Event(title="XYZZYEVENT Đàm phán kín", classification="Confidential"))
    library.add(Meeting(event_id=event.id, title="Phiên công khai", kind="plenary"))
    book = new_book(library, event.id, ceiling="Confidential", language="vi")
    settings = Settings(tmp_path / "settings.ini")
    settings.export_folder = str(tmp_path)
    context = UiContext(LibraryModel(library), QUndoStack(), settings, None)
    dialog = ExportDialog(context, book, False)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_lowering_the_ceiling_renames_the_file(qtbot, library: Library, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, library, tmp_path)
    assert "XYZZYEVENT" in dialog.path_edit.text()  # at Confidential the title may show
    dialog.ceiling.setCurrentIndex(dialog.ceiling.findData("Public"))
    assert "XYZZYEVENT" not in dialog.path_edit.text()
    assert all("XYZZYEVENT" not in p.name for p in dialog.targets())
    assert "XYZZYEVENT" not in dialog.files_note.text()
    dialog.ceiling.setCurrentIndex(dialog.ceiling.findData("Confidential"))
    assert "XYZZYEVENT" in dialog.path_edit.text()


def test_a_name_the_user_typed_is_kept(qtbot, library: Library, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, library, tmp_path)
    dialog.path_edit.setText(str(tmp_path / "ban-chia-se.pdf"))
    dialog.ceiling.setCurrentIndex(dialog.ceiling.findData("Public"))
    assert dialog.path_edit.text() == str(tmp_path / "ban-chia-se.pdf")
