"""The preflight names a bidi control in any one-line field a book prints (a position, a venue,
a statement's source), as it names one in a name; in English and in Vietnamese in the window.

Found on a new event: a counterpart's position holding U+202E printed reversed ("Đại‮ sứ" as
"Đạiứs"), and the preflight named only names (tests/render/test_bidi_control_closed.py keeps
the reversal inside the field)."""

from __future__ import annotations

from briefbook.assemble import preflight
from briefbook.library import Event, Library, Meeting, Person
from briefbook.library.books import new_book
from briefbook.ui import i18n
from briefbook.ui.composer.warnings import warning_text


def test_a_control_in_a_position_or_a_venue_is_named(qapp, library: Library) -> None:
    event = library.add(Event(title="Hội nghị Bangkok"))
    meeting = library.add(Meeting(event_id=event.id, title="Họp báo", kind="press", venue="Sảnh\u202e A"))
    person = library.add(Person(name="Nguyễn Văn A", position="Đại\u202e sứ"))
    library.set_participant(meeting.id, person.id, "counterpart")
    book = new_book(library, event.id, title="Sổ tay", ceiling="Public", language="vi")
    found = {(w.kind, w.item_id): w for w in preflight(library, book) if w.code == "hidden_in_field"}
    assert set(found) == {("person", person.id), ("meeting", meeting.id)}
    said = found[("person", person.id)]
    assert said.message == (
        "The position of person “Nguyễn Văn A” contains an invisible character U+202E, which can make it "
        "read backwards."
    )
    try:
        i18n.apply_language("en")
        assert warning_text(said) == said.message
        i18n.apply_language("vi")
        vietnamese = warning_text(said)
    finally:
        i18n.apply_language("en")
    assert vietnamese.startswith("Mục ") and "“Nguyễn Văn A” chứa một ký tự ẩn U+202E" in vietnamese
