"""A copied template with a mistake, as the Vietnamese export dialog says it (a real export process)."""

from __future__ import annotations

import json
import shutil

from PySide6.QtGui import QUndoStack

from briefbook.library import Book, Event, Meeting, Person
from briefbook.library.books import new_book
from briefbook.render.template import TEMPLATES_DIR
from briefbook.ui import i18n
from briefbook.ui.context import UiContext
from briefbook.ui.export_dialog import ExportDialog
from briefbook.ui.notifier import LibraryModel
from briefbook.ui.settings import Settings
from tests.ui.test_core_messages_vi import english_left


def test_the_export_dialog_names_a_broken_template_value_in_vietnamese(qtbot, library, tmp_path, dialogs):
    """A desk officer copied formal-a4, typed the accent colour as a word, and pointed a new event's
    book at the copy: the export process refuses, the dialog says which key of which file, in Vietnamese,
    and no file is written."""
    folder = tmp_path / "mẫu của tôi"
    shutil.copytree(TEMPLATES_DIR / "formal-a4", folder)
    spec_path = folder / "template.json"
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    spec["colours"]["accent"] = "xanh đậm"
    spec_path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    event = library.add(Event(title="Đối thoại Chiến lược Việt Nam – Campuchia", city="Phnôm Pênh"))
    meeting = library.add(Meeting(event_id=event.id, title="Hội đàm song phương", kind="bilateral"))
    khmer = library.add(Person(name="ប្រាក់ សុខុន", position="Phó Thủ tướng, Bộ trưởng Ngoại giao"))
    library.set_participant(meeting.id, khmer.id, "counterpart")
    book = new_book(library, event.id, ceiling="Internal")
    library.update(Book, book.id, template=str(folder))
    i18n.apply_language("vi")
    try:
        context = UiContext(LibraryModel(library), QUndoStack(), Settings(tmp_path / "settings.ini"), None)
        dialog = ExportDialog(context, library.get(Book, book.id), False)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.template.currentData() == str(folder)
        dialog.path_edit.setText(str(tmp_path / "đối thoại.pdf"))
        with qtbot.waitSignal(dialog.export_failed, timeout=120_000):
            dialog.export_button.click()
        shown = dialog.message.text()
        assert shown == (
            f"Trong {spec_path}, colours.accent phải là một mã màu dạng #1F3864, không được là 'xanh đậm'."
        ), shown
        assert english_left(shown, {str(spec_path), "colours.accent"}) == []
        assert dialogs.messages[-1] == ("Không xuất được", shown)
        assert not list(tmp_path.glob("đối thoại*"))
        qtbot.waitUntil(
            lambda: dialog.message.height() >= dialog.message.heightForWidth(dialog.message.width())
        )
        dialog.grab().save(str(tmp_path / "export-dialog-broken-template.png"))
        dialog.close()
    finally:
        i18n.apply_language("en")
