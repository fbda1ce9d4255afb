"""Assembly remembers an item's origin for the item's values, never for its id alone: the
same item read again after an edit (another window, another process, mid-export) gets the
origin its new values say, so a remembered origin can never let a marked or raised item out."""

from __future__ import annotations

from dataclasses import replace

from briefbook.assemble.book import start_assembly
from briefbook.library import Event, Library, Meeting, TalkingPoint, Topic
from briefbook.library.books import new_book


def _assembly(library: Library):
    event = library.add(Event(title="Đối thoại Viêng Chăn", city="Vientiane"))
    book = new_book(library, event.id, ceiling="Secret")
    return start_assembly(library, book.id, "Secret", None, None, False)[0], event


def test_an_item_read_again_with_a_marker_or_a_higher_level_gets_its_new_origin(library: Library):
    a, event = _assembly(library)
    meeting = library.add(Meeting(event_id=event.id, title="Gặp song phương", kind="bilateral"))
    first = a.origin(meeting)
    assert first == a.origin(meeting)  # the same values: the same origin
    assert (first.level, first.not_for_release) == ("Public", False)
    marked = replace(meeting, title="[NFR] Gặp song phương")  # same id, a marker typed since
    assert a.origin(marked).not_for_release and a.restricted(marked)
    raised = replace(meeting, classification="Confidential")
    assert a.origin(raised).level == "Confidential"
    renamed = replace(meeting, title="Gặp ngoại trưởng")
    assert a.origin(renamed).name == "Gặp ngoại trưởng"
    assert a.origin(meeting) == first  # and the old values still read as they did


def test_a_point_takes_its_topics_level_and_marking_through_the_memo(library: Library):
    a, _event = _assembly(library)
    topic = library.add(Topic(title="[NFR] Biên giới", classification="Confidential"))
    point = library.add(TalkingPoint(topic_id=topic.id, text="Không bình luận."))
    origin = a.origin(point)
    assert (origin.level, origin.not_for_release) == ("Confidential", True)
    assert a.origin(point, topic) == origin
    other = library.add(Topic(title="Hợp tác"))
    moved = replace(point, topic_id=other.id)
    assert (a.origin(moved).level, a.origin(moved).not_for_release) == ("Public", False)
