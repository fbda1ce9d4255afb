"""A book's assembly reads what it needs once: each meeting's participants, each topic's
points and statements, each topic and event by id, and works out a counterpart's earlier
meetings once per person, not at every brief they are in. Counted, never timed; the
briefs still say what they said."""

from __future__ import annotations

from briefbook.assemble import assemble
from briefbook.assemble import meeting_brief as brief_module
from briefbook.document.model import ListBlock
from briefbook.library import Event, Library, Meeting, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import new_book


def _event(library: Library, meetings: int) -> str:
    """``meetings`` briefs, each with a topic (background, two points, a statement) and two
    of three counterparts, met before at an earlier event."""
    with library.transaction():
        old = library.add(Event(title="Hội nghị Viêng Chăn", city="Vientiane"))
        event = library.add(Event(title="Hội nghị Bangkok", city="Bangkok"))
        people = [
            library.add(Person(name=name, position="Bộ trưởng"))
            for name in ("ສົມສັກ ພົມມະວົງ", "สีหศักดิ์ พวงเกตุแก้ว", "فيصل بن فرحان")
        ]
        earlier = library.add(Meeting(event_id=old.id, title="Gặp cũ", starts_at="2024-05-02T10:00"))
        for person in people:
            library.set_participant(earlier.id, person.id, "counterpart")
        for n in range(meetings):
            meeting = library.add(
                Meeting(
                    event_id=event.id,
                    title=f"Gặp lần {n + 1}",
                    kind="bilateral",
                    starts_at=f"2025-12-{n + 1:02d}T09:00",
                    purpose="Mục đích: **hợp tác**.",
                )
            )
            topic = library.add(Topic(title=f"Chủ đề {n + 1}", background=f"Nền {n + 1}"))
            library.link_topic(meeting.id, topic.id)
            for k, kind in enumerate(("key_message", "reactive")):
                library.add(
                    TalkingPoint(
                        topic_id=topic.id, kind=kind, text=f"Điểm {n}.{k}", status="cleared", position=k
                    )
                )
            statement = library.add(Statement(speaker_id=people[0].id, date="2025-11-06", text=f"Lời {n}"))
            library.link_topic(statement.id, topic.id)
            for person in (people[n % 3], people[(n + 1) % 3]):
                library.set_participant(meeting.id, person.id, "counterpart")
        return new_book(library, event.id, title="Sổ tay Bangkok").id


def _queries(library: Library, book_id: str) -> int:
    asked: list[str] = []
    library.db.conn.set_trace_callback(asked.append)
    try:
        assemble(library, book_id)
    finally:
        library.db.conn.set_trace_callback(None)
    return len(asked)


def test_a_meeting_more_costs_a_few_queries_not_sixteen(library: Library, tmp_path) -> None:
    small = _queries(library, _event(library, 4))
    other = Library.create(tmp_path / "other.briefbook")
    try:
        large = _queries(other, _event(other, 12))
    finally:
        other.close()
    per_meeting = (large - small) / 8
    assert per_meeting <= 11, per_meeting  # was 20: participants, points, statements read twice


def test_previous_contacts_are_worked_out_once_per_person(library: Library, monkeypatch) -> None:
    book_id = _event(library, 9)
    dated: list[str] = []
    real = brief_module.format_date
    monkeypatch.setattr(
        brief_module, "format_date", lambda text, lang: dated.append(text) or real(text, lang)
    )
    document = assemble(library, book_id)
    # Each of the 3 people: their 7 meetings (6 here, 1 before) dated once, not at each brief.
    assert len(dated) <= 3 * 7, len(dated)
    lines = [
        "".join(run.text for run in item.runs)
        for block in document.blocks
        if isinstance(block, ListBlock)
        for item in block.items
    ]
    # Every brief's two counterparts each met us at the earlier event.
    assert sum("Gặp cũ (Hội nghị Viêng Chăn)" in line for line in lines) == 9 * 2
    assert "02/05/2024 — Gặp cũ (Hội nghị Viêng Chăn) · ສົມສັກ ພົມມະວົງ" in lines
    # Meeting 8 (people 1 and 2) is earlier only for the 9th brief, and only for person 2 there.
    assert sum(line.startswith("08/12/2025 — Gặp lần 8") for line in lines) == 1


def test_a_book_reads_the_same_number_of_queries_whatever_its_meetings(library: Library, tmp_path) -> None:
    """A brief's participants, topics, points, statements, speakers and the counterparts'
    earlier meetings are read for all of a book's meetings at once (it was 10 queries per
    meeting here)."""
    small = _queries(library, _event(library, 4))
    other = Library.create(tmp_path / "other.briefbook")
    try:
        large = _queries(other, _event(other, 16))
    finally:
        other.close()
    assert large == small, (small, large)


def test_the_speakers_and_photos_of_a_book_are_read_once(library: Library) -> None:
    """A speaker quoted in every brief, and the biographies' photos, are one query each."""
    book_id = _event(library, 6)
    asked: list[str] = []
    library.db.conn.set_trace_callback(asked.append)
    try:
        document = assemble(library, book_id)
    finally:
        library.db.conn.set_trace_callback(None)
    photos = [q for q in asked if "FROM photos" in q]
    people = [q for q in asked if q.startswith("SELECT") and " FROM people WHERE id" in q]
    assert len(photos) == 1, photos
    assert len(people) <= 3, people  # the participants, the speakers' names, the delegation
    credits = [
        "".join(r.text for r in block.runs)
        for block in document.blocks
        if getattr(block, "style", "") == "note" and block.runs and block.runs[0].text == "— "
    ]
    assert credits and all("ສົມສັກ ພົມມະວົງ" in line for line in credits)


def test_an_export_does_not_look_for_what_was_deleted_since(library: Library, monkeypatch) -> None:
    """What was deleted since the last export is the preflight's to say (it reads every item
    that export recorded); the export's own assembly, whose warnings nobody reads, skips it."""
    from briefbook.assemble import gone, preflight

    book_id = _event(library, 3)
    asked: list[str] = []
    real = gone.gone_since_last_export
    monkeypatch.setattr(
        gone, "gone_since_last_export", lambda lib, book: asked.append(book) or real(lib, book)
    )
    assemble(library, book_id)
    assert asked == []
    preflight(library, book_id)
    assert asked == [book_id]


def test_the_events_meetings_are_read_once_for_the_book_s_sections(library: Library) -> None:
    """The programme, the objectives and the briefs each list the event's meetings, and the
    event's scope does too: one read for the book (the scope read them again for itself)."""
    book_id = _event(library, 5)
    asked: list[str] = []
    library.db.conn.set_trace_callback(asked.append)
    try:
        document = assemble(library, book_id)
    finally:
        library.db.conn.set_trace_callback(None)
    listed = [q for q in asked if q.startswith("SELECT") and "FROM meetings WHERE event_id" in q]
    assert len(listed) == 1, listed  # was 2: the sections' one read, and the scope's own
    titles = [b.text for b in document.blocks if getattr(b, "level", 0) == 2]
    assert [t for t in titles if t.startswith("Gặp lần")] == [f"Gặp lần {n + 1}" for n in range(5)]
