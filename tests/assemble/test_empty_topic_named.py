"""A topic of the event's meetings that has nothing to print (no talking point, no background)
is named in the preflight, not left out without a word.

Found on a new event: two topics linked to the press conference, not written yet, were in
neither the meeting brief nor the topic briefs, and the preflight said only that the meeting
had no talking points."""

from __future__ import annotations

from briefbook.assemble import assemble, preflight
from briefbook.library import Library, TalkingPoint, Topic
from briefbook.library.books import new_book
from tests.assemble.test_assemble import text_of


def test_a_topic_with_nothing_to_print_is_named(library: Library, filled: dict) -> None:
    empty = library.add(Topic(title="Bảo hộ công dân"))
    library.link_topic(filled["meeting"].id, empty.id)
    book = new_book(library, filled["event"].id, title="Sổ tay", language="vi")
    assert "Bảo hộ công dân" not in text_of(assemble(library, book))
    (named,) = [w for w in preflight(library, book) if w.item_id == empty.id]
    assert named.code == "topic_without_content" and "Bảo hộ công dân" in named.message
    # Once it has a point to print, it is printed and no longer named.
    library.add(TalkingPoint(topic_id=empty.id, text="Bảo hộ công dân là ưu tiên.", status="cleared"))
    assert "Bảo hộ công dân" in text_of(assemble(library, book))
    assert not [w for w in preflight(library, book) if w.item_id == empty.id]
