"""A draft point whose whole text is not for release does not make a shareable copy a draft.

A shareable copy of cleared points printed "DỰ THẢO" on every page, and its preflight said
"Talking point “[NFR] nội bộ” is not cleared yet." next to "Left out of this shareable copy
(not for release): …", for a point that copy does not print. Its internal copy, which prints
the point, stays a draft; so does a shareable copy that prints part of it.
"""

from __future__ import annotations

import pytest

from briefbook.assemble import assemble, preflight
from briefbook.library import Event, Library, Meeting, TalkingPoint, Topic
from briefbook.library.books import new_book


def _book(library: Library, draft_text: str) -> str:
    event = library.add(Event(title="Hội nghị Phnôm Pênh"))
    meeting = library.add(Meeting(event_id=event.id, title="Gặp Campuchia"))
    topic = library.add(Topic(title="Lừa đảo trực tuyến"))
    library.link_topic(meeting.id, topic.id)
    library.add(TalkingPoint(topic_id=topic.id, text="Việt Nam ủng hộ hợp tác.", status="cleared"))
    library.add(TalkingPoint(topic_id=topic.id, text=draft_text, status="draft"))
    return new_book(library, event.id, language="vi", ceiling="Public").id


@pytest.mark.parametrize("text", ["[NFR] Nội bộ: chưa thống nhất.", "- [Không công bố] chi tiết\n  - thêm"])
def test_a_shareable_copy_is_not_a_draft_for_a_point_it_leaves_out(library: Library, text: str) -> None:
    book = _book(library, text)
    assert assemble(library, book, releasable=True).meta.draft is False
    said = [w.message for w in preflight(library, book, releasable=True)]
    assert not any("not cleared" in m for m in said), said
    assert any(m.startswith("Left out of this shareable copy (not for release): Talking point") for m in said)
    # the internal copy prints the point: a draft, and said so
    assert assemble(library, book).meta.draft is True
    assert any("is not cleared yet" in w.message for w in preflight(library, book))


def test_a_shareable_copy_that_prints_part_of_the_draft_is_a_draft(library: Library) -> None:
    book = _book(library, "Việt Nam sẵn sàng.\n\n[NFR] Nội bộ: chưa thống nhất.")
    assert assemble(library, book, releasable=True).meta.draft is True
    assert any("is not cleared yet" in w.message for w in preflight(library, book, releasable=True))
