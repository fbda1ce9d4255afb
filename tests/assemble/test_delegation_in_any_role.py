"""One of our delegation, taking part in a meeting in another role (the Deputy Minister as the
speaker of a press conference, or as a session's chair), is on our side of its brief.

Found on a new event: the press conference's brief said "With: Lê Anh Tuấn, Thứ trưởng Bộ Ngoại
giao", as if we were meeting our own minister, listed him under "Their side", and the
delegation page listed him again among the other participants."""

from __future__ import annotations

from briefbook.assemble import assemble
from briefbook.library import Library, Meeting, Person
from briefbook.library.books import new_book
from tests.assemble.test_assemble import text_of


def test_a_delegate_speaking_at_a_meeting_is_ours(library: Library, filled: dict) -> None:
    minister = filled["person"]  # in the event's delegation (fill)
    press = library.add(Meeting(event_id=filled["event"].id, title="Họp báo", kind="press"))
    library.set_participant(press.id, minister.id, "speaker")
    journalist = library.add(Person(name="Somchai Jaidee", position="Bangkok Post"))
    library.set_participant(press.id, journalist.id, "counterpart")
    book = new_book(library, filled["event"].id, title="Sổ tay", language="en")
    text = text_of(assemble(library, book))
    brief = text[text.index("Họp báo\nBrief") :]
    brief = brief[: brief.index("Topic briefs")] if "Topic briefs" in brief else brief
    assert "With: Somchai Jaidee" in brief and "Lê Anh Tuấn" not in brief.split("Who's who")[0]
    their, ours = brief.split("Their side")[1].split("Our delegation")
    assert "Somchai Jaidee" in their and "Lê Anh Tuấn" not in their
    assert "Lê Anh Tuấn" in ours and "[Speaker]" in ours  # the role they have there, kept
    delegation_page = text[text.index("Delegation and participants") : text.index("Meeting briefs")]
    assert delegation_page.count("Lê Anh Tuấn") == 1  # in our delegation, not again among the others
