"""A book is about its event: by default its topics, statements and people come from the event."""

from __future__ import annotations

import json

import pytest

from briefbook.assemble import assemble_with_warnings
from briefbook.demo import load_demo
from briefbook.library import Book, Library, Person, Statement, Topic
from briefbook.library.books import new_book, save_sections, sections
from briefbook.library.scope import candidates, event_scope, events_of
from tests.vientiane import add_vientiane


def text_of(document) -> str:
    from tests.assemble.test_assemble import text_of as flatten

    return flatten(document)


@pytest.fixture
def both(library: Library) -> tuple[Library, dict]:
    load_demo(library)
    return library, add_vientiane(library)


def test_the_scope_is_the_events_topics_people_and_statements(both) -> None:
    library, made = both
    scope = event_scope(library, made["event"].id)
    assert [t.id for t in scope.topics] == [made["topic"].id]
    assert [p.id for p in scope.people] == [made["ours"].id, made["lao"].id]  # delegation first
    assert [s.id for s in scope.statements] == [made["statement"].id]
    rows = candidates(library, scope, "topics")
    assert rows[0] == (scope.topics[0], True)
    assert all(not own for _t, own in rows[1:]) and len(rows) == library.count(Topic)


def test_a_new_book_holds_only_its_event(both) -> None:
    library, made = both
    book = new_book(library, made["event"].id, ceiling="Secret")
    document, warnings = assemble_with_warnings(library, book)
    text = text_of(document)
    assert "Kết nối ASEAN" in text and "ທອງສະຫວັນ ພົມວິຫານ" in text and "bạn tốt" in text
    bangkok = [t.title for t in library.list(Topic) if t.id != made["topic"].id]
    assert bangkok and not any(title in text for title in bangkok)
    demo_people = [p.name for p in library.list(Person) if p.id not in (made["lao"].id, made["ours"].id)]
    assert not any(name in text for name in demo_people)
    assert "Lừa đảo" not in text and "lừa đảo" not in text
    assert not [w for w in warnings if w.code == "other_event"]


def test_choosing_another_events_item_is_warned(both) -> None:
    library, made = both
    book = new_book(library, made["event"].id, ceiling="Secret")
    demo_topic = next(t for t in library.list(Topic) if t.id != made["topic"].id and events_of(library, t))
    demo_statement = next(
        s for s in library.list(Statement) if s.id != made["statement"].id and events_of(library, s)
    )
    parts = sections(book)
    for part in parts:
        if part.kind == "topics":
            part.items = [made["topic"].id, demo_topic.id]
        if part.kind == "statements":
            part.items = [demo_statement.id]
    book = save_sections(library, book.id, parts)
    document, warnings = assemble_with_warnings(library, book)
    other = {w.item_id: w.message for w in warnings if w.code == "other_event"}
    assert set(other) == {demo_topic.id, demo_statement.id}
    assert "belongs to another event" in other[demo_topic.id]
    assert demo_topic.title in text_of(document)  # chosen: included, and warned about


def test_an_item_of_no_event_is_not_warned(both) -> None:
    library, made = both
    loose = library.add(Topic(title="Chủ đề chung", background="Không thuộc sự kiện nào."))
    assert events_of(library, loose) == set()
    book = new_book(library, made["event"].id, ceiling="Secret")
    parts = sections(book)
    next(p for p in parts if p.kind == "topics").items = [loose.id]
    book = save_sections(library, book.id, parts)
    document, warnings = assemble_with_warnings(library, book)
    assert "Chủ đề chung" in text_of(document)
    assert not [w for w in warnings if w.code == "other_event"]
    assert json.loads(library.get(Book, book.id).sections)


def test_a_meeting_brief_hand_picking_another_events_statement_is_warned(both) -> None:
    from briefbook.library.books import MeetingChoice
    from briefbook.library.records import TalkingPoint

    library, made = both
    book = new_book(library, made["event"].id, ceiling="Secret")
    demo_statement = next(
        s for s in library.list(Statement) if s.id != made["statement"].id and events_of(library, s)
    )
    demo_point = next(
        p
        for p in library.list(TalkingPoint)
        if p.topic_id != made["topic"].id and events_of(library, library.get(Topic, p.topic_id))
    )
    parts = sections(book)
    briefs = next(p for p in parts if p.kind == "meetings")
    briefs.choices[made["meeting"].id] = MeetingChoice([made["point"].id, demo_point.id], [demo_statement.id])
    book = save_sections(library, book.id, parts)
    _document, warnings = assemble_with_warnings(library, book)
    assert {w.item_id for w in warnings if w.code == "other_event"} == {demo_point.id, demo_statement.id}
