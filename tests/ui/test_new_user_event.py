"""A new user's own event, made from nothing in the window beside the demo library, up to the exported PDF.

An ASEAN ministerial meeting in Vientiane, with a Lao counterpart whose name is
in Lao script: every step as a user takes it (New, typing, combo boxes, the
link panels, New book, ticking, Export to a folder), and what comes out holds
that event only.
"""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt

from briefbook.demo.loader import load_demo
from briefbook.library import Book, Event, Meeting, Person, TalkingPoint, Topic
from briefbook.ui.composer import new_book_dialog
from briefbook.ui.composer.new_book_dialog import NewBookAnswer
from briefbook.ui.export_target import safe_file_name
from briefbook.ui.main_window import MainWindow
from briefbook.ui.settings import Settings

LAO_NAME = "ທອງສະຫວັນ ພົມວິຫານ"


def type_into(qtbot, line_edit, text: str) -> None:
    line_edit.setFocus()
    line_edit.selectAll()
    line_edit.insert(text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def choose(combo_field, value: str) -> None:
    combo = combo_field.input
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())


def new_in(window, kind: str, owner_id: str = ""):
    view = window.show_view(kind, owner_id)
    window.actions["new_item"].trigger()
    return view, view.editor.item_id


def test_a_vientiane_event_from_nothing_to_its_book(
    qtbot, dialogs, library, library_path, tmp_path, monkeypatch
):
    load_demo(library)
    demo_topics = {t.title for t in library.list(Topic)}
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.resize(1400, 900)
    assert window.open_library(library_path)
    window.show()
    try:
        view, event_id = new_in(window, "event")
        type_into(qtbot, view.editor.field("title").input, "Hội nghị Bộ trưởng Ngoại giao ASEAN (AMM-59)")
        type_into(qtbot, view.editor.field("city").input, "Viêng Chăn")
        type_into(qtbot, view.editor.field("start_date").input, "21/07/2026")
        choose(view.editor.field("classification"), "Internal")

        view, meeting_id = new_in(window, "meeting", event_id)
        assert library.get(Meeting, meeting_id).event_id == event_id  # the event in view
        type_into(qtbot, view.editor.field("title").input, "Gặp song phương Việt Nam – Lào")
        choose(view.editor.field("kind"), "bilateral")  # the field that once failed
        assert library.get(Meeting, meeting_id).kind == "bilateral"

        view, person_id = new_in(window, "person")
        type_into(qtbot, view.editor.field("name").input, LAO_NAME)
        type_into(qtbot, view.editor.field("name_romanised").input, "Thongsavanh Phomvihane")

        view, topic_id = new_in(window, "topic")
        type_into(qtbot, view.editor.field("title").input, "Kết nối đường sắt Viêng Chăn – Hà Nội")
        view, point_id = new_in(window, "talking_point", topic_id)
        assert library.get(TalkingPoint, point_id).topic_id == topic_id
        choose(view.editor.field("kind"), "press_line")
        choose(view.editor.field("status"), "cleared")

        view = window.show_view("meeting", event_id)
        assert view.select(meeting_id)
        participants, topics = view.editor.form.panels
        dialogs.pick.append(person_id)
        participants.add_button.click()
        dialogs.pick.append(topic_id)
        topics.add_button.click()
        assert [p.person.id for p in library.participants(meeting_id)] == [person_id]

        monkeypatch.setattr(
            new_book_dialog,
            "ask_new_book",
            lambda parent, lib, ev, language: NewBookAnswer(ev, lib.get(Event, ev).classification, "vi", ""),
        )
        composer = window.show_view("book")
        with qtbot.waitSignal(composer.preview.ready, timeout=60_000):
            composer.new_book(event_id)
        book = library.get(Book, composer.book.id)
        assert book.event_id == event_id and book.ceiling == "Internal"
        text = composer.preview.text()
        assert LAO_NAME in text and "Kết nối đường sắt" in text
        assert not [t for t in demo_topics if t in text]

        dialog = composer.export_book()
        out = tmp_path / "out"
        out.mkdir()
        dialog.formats.setCurrentIndex(1)  # PDF only
        dialog.path_edit.setText(str(out) + "/")
        with qtbot.waitSignal(dialog.exported, timeout=120_000):
            dialog.export_button.click()
        pdf = out / (safe_file_name(book.title) + ".pdf")
        assert pdf.is_file()
        exported = "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
        assert "Viêng Chăn" in exported and "Thongsavanh" in exported
        assert not [t for t in demo_topics if t in exported]
        assert library.count(Person, where={"id": person_id}) == 1
        dialog.close()
        assert dialogs.messages == []
    finally:
        window.close()
