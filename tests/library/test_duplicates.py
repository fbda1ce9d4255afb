"""Duplicating items, and "the same conference, next year": one transaction, through the API and the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.errors import ValidationError
from briefbook.library import Book, Event, Library, Meeting, Person, TalkingPoint, Topic
from briefbook.library.books import new_book, save_sections, sections
from briefbook.library.duplicates import shift_years

_register()


def test_a_talking_point_copy_goes_right_after_it(library: Library) -> None:
    topic = library.add(Topic(title="Lừa đảo trực tuyến"))
    points = [library.add(TalkingPoint(topic_id=topic.id, text=f"Điểm {i}")) for i in range(3)]
    copy = library.duplicate(points[0].id, text="Điểm 0, sửa lại")
    order = [p.text for p in library.list(TalkingPoint, where={"topic_id": topic.id}, order_by="position")]
    assert order == ["Điểm 0", "Điểm 0, sửa lại", "Điểm 1", "Điểm 2"]
    assert copy.id != points[0].id and copy.kind == points[0].kind
    assert library.search("sua lai")[0].id == copy.id  # the copy is searchable


def test_a_topic_comes_with_its_points_a_meeting_with_its_links_a_person_with_a_photo(
    library: Library, filled: dict
) -> None:
    topic = library.duplicate(filled["topic"].id, title="Công ước Hà Nội (2)")
    assert [p.text for p in library.list(TalkingPoint, where={"topic_id": topic.id})] == [
        filled["point"].text
    ]
    meeting = library.duplicate(filled["meeting"].id)
    assert [p.person.id for p in library.participants(meeting.id)] == [filled["thai"].id]
    assert [t.id for t in library.meeting_topics(meeting.id)] == [filled["topic"].id]
    statement = library.duplicate(filled["statement"].id)
    assert [t.id for t in library.statement_topics(statement.id)] == [filled["topic"].id]
    from tests.library.test_photos import _image  # a real picture, made for the photo tests

    library.set_photo(filled["person"].id, _image())
    person = library.duplicate(filled["person"].id)
    assert library.photo(person.id) == library.photo(filled["person"].id)


def test_the_same_conference_next_year(library: Library) -> None:
    event = library.add(
        Event(title="Hội nghị Bộ trưởng ASEAN 2025", start_date="2025-07-08", end_date="2025-07-11")
    )
    lao = library.add(Person(name="ທອງສະຫວັນ ພົມວິຫານ", name_romanised="Thongsavanh Phomvihane"))
    library.set_delegate(event.id, lao.id, "Trưởng đoàn")
    topic = library.add(Topic(title="An ninh mạng"))
    talks = library.add(
        Meeting(event_id=event.id, title="Gặp song phương 2025", starts_at="2025-07-09T09:30")
    )
    library.set_participant(talks.id, lao.id, "counterpart")
    library.link_topic(talks.id, topic.id)
    book = new_book(library, event.id, language="vi", issue_date="2024-02-29")
    chosen = sections(book)
    for section in chosen:
        if section.kind == "meetings":
            section.items = [talks.id]
    save_sections(library, book.id, chosen)

    copy = library.duplicate(event.id, years=1)
    assert isinstance(copy, Event) and copy.id != event.id
    assert (copy.title, copy.start_date, copy.end_date) == (
        "Hội nghị Bộ trưởng ASEAN 2026",
        "2026-07-08",
        "2026-07-11",
    )
    assert [(p.person.id, p.role) for p in library.delegation(copy.id)] == [(lao.id, "Trưởng đoàn")]
    [meeting] = library.list(Meeting, where={"event_id": copy.id})
    assert (meeting.title, meeting.starts_at) == ("Gặp song phương 2026", "2026-07-09T09:30")
    assert [p.person.id for p in library.participants(meeting.id)] == [lao.id]
    assert [t.id for t in library.meeting_topics(meeting.id)] == [topic.id]
    [new] = library.list(Book, where={"event_id": copy.id})
    assert new.title == "Tài liệu chuẩn bị: Hội nghị Bộ trưởng ASEAN 2026" and new.issue_date == "2025-02-28"
    meetings_section = next(s for s in sections(new) if s.kind == "meetings")
    assert meetings_section.items == [meeting.id]  # the new meeting, not last year's
    assert {s.id for s in sections(new)}.isdisjoint({s.id for s in sections(library.get(Book, book.id))})
    # last year's is untouched
    assert library.get(Event, event.id).title == "Hội nghị Bộ trưởng ASEAN 2025"
    assert len(library.list(Meeting, where={"event_id": event.id})) == 1


def test_a_failing_duplicate_writes_nothing(library: Library, filled: dict, monkeypatch) -> None:
    new_book(library, filled["event"].id)
    before = {k: library.count(k) for k in ("event", "meeting", "book", "talking_point")}

    def broken(*args):
        raise ValidationError("The sections of the book are damaged.")

    monkeypatch.setattr(Library, "_renew_sections", broken)  # fails after the event and meetings
    with pytest.raises(ValidationError):
        library.duplicate(filled["event"].id, years=1)
    monkeypatch.undo()
    with pytest.raises(ValidationError):
        library.duplicate(filled["event"].id, no_such_field="x")
    with pytest.raises(ValidationError):
        library.duplicate(filled["event"].id, years=10_000)
    assert {k: library.count(k) for k in ("event", "meeting", "book", "talking_point")} == before
    assert shift_years("not a date", 1) == "not a date" and shift_years("", 3) == ""


def test_cli_duplicate(library: Library, library_path, filled: dict) -> None:
    runner = CliRunner()
    base = ["--library", str(library_path)]
    result = runner.invoke(cli, [*base, "duplicate", filled["event"].id, "--years", "1"])
    assert result.exit_code == 0, result.output
    new_id = result.output.strip()
    shown = json.loads(runner.invoke(cli, [*base, "--json", "show", new_id]).output)
    assert shown["links"]["meetings"] == ["Phiên khai mạc"]
    result = runner.invoke(cli, [*base, "--json", "duplicate", filled["point"].id, "--set", "status=cleared"])
    assert json.loads(result.output)["status"] == "cleared"
    result = runner.invoke(cli, [*base, "duplicate", "no-such-id"])
    assert result.exit_code == 1 and "There is no item with id no-such-id" in result.output
