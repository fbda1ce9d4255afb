"""The Library's reads for many items at once (a book's meetings, topics, people) give, for
each item, exactly what its one-item read gives: the same records in the same order, ties
included (positions repeated after an unlink, statements of one date, meetings at one time)."""

from __future__ import annotations

import io

from PIL import Image

from briefbook.library import Event, Library, Meeting, Person, Statement, TalkingPoint, Topic


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 10), (10, 200, 30)).save(out, "PNG")
    return out.getvalue()


def _links(library: Library) -> dict:
    with library.transaction():
        event = library.add(Event(title="Hội nghị Viêng Chăn"))
        people = [
            library.add(Person(name=name, position="Bộ trưởng"))
            for name in ("ທອງສະຫວັນ", "สีหศักดิ์", "فيصل", "សុខ ចិន្តា", "Nguyễn Văn A")
        ]
        meetings = [
            library.add(Meeting(event_id=event.id, title=title, starts_at=when))
            for title, when in (("Gặp B", "2026-07-21T09:00"), ("Gặp A", "2026-07-21T09:00"), ("Gặp C", ""))
        ]
        meetings.append(library.add(Meeting(event_id=event.id, title="Gặp A", starts_at="2026-07-21T09:00")))
        topics = [library.add(Topic(title=f"Chủ đề {n}")) for n in range(4)]
        for meeting in meetings:
            for person in reversed(people[:4]):
                library.set_participant(meeting.id, person.id, "counterpart")
            library.set_participant(meeting.id, people[4].id, "delegation")
            for topic in topics:
                library.link_topic(meeting.id, topic.id)
        # A topic unlinked and another linked: two topics of one meeting now share a position.
        library.unlink_topic(meetings[0].id, topics[0].id)
        library.link_topic(meetings[0].id, topics[0].id)
        library.remove_participant(meetings[1].id, people[2].id)
        for topic in topics:
            for k in range(3):
                library.add(TalkingPoint(topic_id=topic.id, text=f"{topic.title} {k}", position=2 - k))
            library.add(TalkingPoint(topic_id=topic.id, text="cùng vị trí", position=1))
        for n in range(6):
            statement = library.add(
                Statement(
                    speaker_id=people[n % 4].id, date="2025-11-06" if n % 2 else "2025-01-01", text=f"Lời {n}"
                )
            )
            for topic in topics[n % 3 :]:
                library.link_topic(statement.id, topic.id)
        library.set_photo(people[1].id, _png())
    return {"meetings": meetings, "topics": topics, "people": people}


def test_many_meetings_read_at_once_as_one_by_one(library: Library) -> None:
    made = _links(library)
    ids = [m.id for m in made["meetings"]] + ["no-such-meeting"]
    participants = library.participants_of(ids)
    topics = library.topics_of_meetings(ids)
    for meeting_id in ids:
        assert participants[meeting_id] == library.participants(meeting_id)
        assert topics[meeting_id] == library.meeting_topics(meeting_id)
    first = made["meetings"][0].id
    assert len({t.id for t in topics[first]}) == 4 and participants["no-such-meeting"] == []


def test_many_topics_read_at_once_as_one_by_one(library: Library) -> None:
    made = _links(library)
    ids = [t.id for t in made["topics"]]
    points = library.points_of_topics(ids)
    statements = library.statements_on_topics(ids)
    for topic_id in ids:
        assert points[topic_id] == library.list(TalkingPoint, where={"topic_id": topic_id})
        assert statements[topic_id] == library.statements_on(topic_id)
        assert [s.speaker_label for s in statements[topic_id]] == [
            s.speaker_label for s in library.statements_on(topic_id)
        ]
    assert len(statements[ids[-1]]) == 6


def test_many_people_read_at_once_as_one_by_one(library: Library) -> None:
    made = _links(library)
    ids = [p.id for p in made["people"]]
    meetings = library.meetings_of_people(ids)
    for person_id in ids:
        assert meetings[person_id] == library.meetings_of(person_id)
    titles = [m.title for m, _role in meetings[ids[0]]]
    assert titles == ["Gặp A", "Gặp A", "Gặp B", "Gặp C"]  # by time, then title; undated last
    photos = library.photos([*ids, "nobody"])
    assert photos == {ids[1]: library.photo(ids[1])}


def test_a_row_becomes_its_record_by_position_only_where_that_is_the_same() -> None:
    from dataclasses import dataclass, field

    from briefbook.library.queries import _to_record

    @dataclass
    class Plain:
        a: str = ""
        b: str = ""

    @dataclass
    class KeywordOnly:
        a: str = ""
        b: str = field(default="", kw_only=True)

    assert _to_record(Plain, ("x", "y"), ["a", "b"]) == Plain("x", "y")
    assert _to_record(Plain, ("y", "x"), ["b", "a"]) == Plain("x", "y")  # other columns: by name
    assert _to_record(KeywordOnly, ("x", "y"), ["a", "b"]) == KeywordOnly("x", b="y")
