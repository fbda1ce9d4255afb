"""An assembly reads each thing once: a counterpart's meetings once per book, a list of
meetings or participants in one query, and every walk over the document asks a node
type for its fields once. Counted, never timed."""

from __future__ import annotations

import re
from dataclasses import fields

from briefbook.assemble import assemble
from briefbook.document.model import Heading, ListBlock, Origin, Run, node_fields
from briefbook.library import Event, Library, Meeting, Person, Statement, Topic
from briefbook.library.books import new_book
from tests.vientiane import add_vientiane


def _event_with_one_counterpart(library: Library, meetings: int) -> tuple[str, str]:
    with library.transaction():
        event = library.add(Event(title="Hội nghị Phnôm Pênh", city="Phnom Penh"))
        person = library.add(Person(name="សុខ ចាន់", position="Thứ trưởng"))
        for n in range(meetings):
            meeting = library.add(
                Meeting(
                    event_id=event.id,
                    title=f"Gặp lần {n + 1}",
                    kind="bilateral",
                    starts_at=f"2025-12-{n + 1:02d}T09:00",
                )
            )
            library.set_participant(meeting.id, person.id, "counterpart")
        book = new_book(library, event.id, title="Sổ tay Phnôm Pênh")
    return book.id, person.id


def test_a_counterparts_meetings_are_read_once_per_book(library: Library, monkeypatch) -> None:
    book_id, person_id = _event_with_one_counterpart(library, 8)
    asked: list[str] = []
    real = type(library).meetings_of
    monkeypatch.setattr(type(library), "meetings_of", lambda self, pid: asked.append(pid) or real(self, pid))
    many = type(library).meetings_of_people  # the same for all of a book's counterparts at once
    monkeypatch.setattr(
        type(library), "meetings_of_people", lambda self, ids: asked.extend(ids) or many(self, ids)
    )
    document = assemble(library, book_id)
    assert asked.count(person_id) == 1
    # ... and each brief still lists the earlier meetings: the 8th brief names the 7 before it.
    lines = [
        "".join(run.text for run in item.runs)
        for block in document.blocks
        if isinstance(block, ListBlock)
        for item in block.items
    ]
    assert sum(line.endswith("— Gặp lần 1") for line in lines) == 7


def test_meetings_and_participants_are_read_in_one_query_each(library: Library) -> None:
    _book_id, person_id = _event_with_one_counterpart(library, 30)
    queries: list[str] = []
    library.db.conn.set_trace_callback(queries.append)
    try:
        found = library.meetings_of(person_id)
        meeting_id = found[0][0].id
        people = library.participants(meeting_id)
    finally:
        library.db.conn.set_trace_callback(None)
    assert [m.title for m, _role in found] == [f"Gặp lần {n + 1}" for n in range(30)]
    assert [p.person.id for p in people] == [person_id]
    assert len([q for q in queries if q.lstrip().upper().startswith("SELECT")]) <= 5  # was 32


def test_node_fields_are_the_dataclass_fields_and_none_for_anything_else() -> None:
    assert node_fields(Heading) == tuple(f.name for f in fields(Heading))
    assert node_fields(Run) == tuple(f.name for f in fields(Run))
    assert node_fields(Origin) == tuple(f.name for f in fields(Origin))
    assert node_fields(str) is None
    assert node_fields(type) is None
    assert node_fields(type(Heading)) is None  # a class object itself is not a node


def test_what_an_export_included_is_read_in_one_query_per_kind(library: Library) -> None:
    from briefbook.exchange.changes import included

    book_id, person_id = _event_with_one_counterpart(library, 12)
    document = assemble(library, book_id)
    queries: list[str] = []
    library.db.conn.set_trace_callback(queries.append)
    try:
        found = included(document, library)
    finally:
        library.db.conn.set_trace_callback(None)
    assert {e.kind for e in found.values()} >= {"meeting", "person", "event"}
    assert found[person_id].name == "សុខ ចាន់"
    kinds = len({e.kind for e in found.values()})
    assert len([q for q in queries if q.lstrip().upper().startswith("SELECT")]) <= 2 * kinds  # was 2 per item


def test_the_glyph_check_looks_up_each_distinct_text_once(library: Library, monkeypatch) -> None:
    from briefbook.assemble.glyphs import _strings, glyph_warnings
    from briefbook.render.font_chain import Chain

    book_id, _person_id = _event_with_one_counterpart(library, 6)
    document = assemble(library, book_id)
    asked: list[str] = []
    real = Chain.uncovered
    monkeypatch.setattr(Chain, "uncovered", lambda self, text: asked.append(text) or real(self, text))
    glyph_warnings(library, document, "formal-a4")
    texts = [text for text, _origin in _strings(document)]
    assert len(texts) > len(set(texts))  # the counterpart's name and the labels repeat
    assert sorted(asked) == sorted(set(texts))


def test_a_book_reads_only_its_own_statements(library: Library, monkeypatch) -> None:
    """A small book in a library of many statements builds only its own (it read all 25,000: 0.6 s)."""
    from briefbook.library import Statement, Topic

    book_id, person_id = _event_with_one_counterpart(library, 1)
    with library.transaction():
        topic = library.add(Topic(title="Biên giới"))
        for n in range(50):  # other statements of the library, on a topic and without one
            other = library.add(Statement(speaker_name="Người khác", text=f"Tuyên bố {n}", date="2024-01-01"))
            if n % 2:
                library.link_topic(other.id, topic.id)
        on_topic = library.add(Statement(speaker_id=person_id, text="Về biên giới", date="2025-01-02"))
        library.link_topic(on_topic.id, topic.id)
        loose = library.add(Statement(speaker_id=person_id, text="Không chủ đề", date="2025-01-03"))
    built: list[str] = []
    real = Statement.__init__
    monkeypatch.setattr(
        Statement, "__init__", lambda self, *a, **k: real(self, *a, **k) or built.append(self.id)
    )
    document = assemble(library, book_id)
    texts = [run.text for block in document.blocks for run in getattr(block, "runs", [])]
    assert any("Về biên giới" in t for t in texts) and any("Không chủ đề" in t for t in texts)
    assert not any("Tuyên bố" in t for t in texts)
    built_by_assembly = set(built)
    monkeypatch.setattr(Statement, "__init__", real)
    # the topic's statements are read to order them (statements_on); the loose others never
    others = {s.id for s in library.list(Statement) if not library.statement_topics(s.id)} - {loose.id}
    assert len(others) == 25 and not others & built_by_assembly


def test_the_statements_annex_reads_no_topic_the_scope_has_read(library: Library) -> None:
    # The statements annex read again, by id, every topic its statements are on, though the
    # event's scope (what the annexes hold) had read the event's topics just before. (The
    # event's meetings, read once: test_book_reads.)
    made = add_vientiane(library)
    topic = library.add(Topic(title="Mekong", background="Nền."))
    statement = library.add(Statement(speaker_name="ສົມພອນ", text="Phát biểu."))
    library.link_topic(statement.id, topic.id)
    library.link_topic(made["meeting"].id, topic.id)
    book = new_book(library, made["event"].id, title="Sổ tay Viêng Chăn", ceiling="Confidential")
    queries: list[str] = []
    library.db.conn.set_trace_callback(queries.append)
    try:
        document = assemble(library, book.id)
    finally:
        library.db.conn.set_trace_callback(None)
    selects = [" ".join(q.split()) for q in queries if q.lstrip().upper().startswith("SELECT")]
    topics_by_id = [q for q in selects if re.search(r"FROM topics WHERE id IN", q)]
    # The meeting's topic was read with the event's scope: never again by its id (was 1).
    assert not [q for q in topics_by_id if topic.id in q], topics_by_id
    titles = [b.text for b in document.blocks if isinstance(b, Heading)]
    assert titles.count("Mekong") >= 2  # the brief's background, and the statements annex's group
