"""Provenance: text derived from an item obeys that item's level wherever it is printed."""

from __future__ import annotations

import zipfile
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefbook.assemble import assemble, assemble_with_warnings
from briefbook.document.model import Cover, Heading, PageBreak, Paragraph, Reference
from briefbook.export import export_book
from briefbook.library import Event, Library, Meeting, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import MeetingChoice, new_book, save_sections, sections
from briefbook.release import problems


def texts(node) -> str:
    """Every string of a document model node, its origins left out (they are never printed)."""
    if isinstance(node, str):
        return node
    if isinstance(node, (list, tuple)):
        return " ".join(texts(v) for v in node)
    if isinstance(node, dict):
        return " ".join(texts(v) for v in node.values())
    if is_dataclass(node):
        return " ".join(
            texts(getattr(node, f.name)) for f in fields(node) if f.name not in ("origin", "origins")
        )
    return ""


def everything(folder: Path, stem: str) -> str:
    reader = PdfReader(folder / f"{stem}.pdf")
    parts = [p.extract_text() for p in reader.pages]
    parts += [
        str(dict(reader.metadata or {})),
        str([o.title for o in reader.outline if not isinstance(o, list)]),
    ]
    with zipfile.ZipFile(folder / f"{stem}.docx") as z:
        parts += [z.read(n).decode() for n in z.namelist() if n.endswith(".xml")]
    return "\n".join(parts)


@pytest.fixture
def event(library: Library) -> Event:
    return library.add(Event(title="Hội nghị Viêng Chăn"))


def test_a_secret_persons_name_never_prints_as_the_speaker_of_a_public_statement(
    library: Library, event: Event, tmp_path: Path
) -> None:
    meeting = library.add(Meeting(event_id=event.id, title="Gặp"))
    topic = library.add(Topic(title="Hợp tác"))
    library.link_topic(meeting.id, topic.id)
    agent = library.add(Person(name="Ông BÍMẬTXYZ", classification="Secret"))
    # The editor used to copy the person's name into the statement: the copy must not escape.
    s = library.add(Statement(speaker_id=agent.id, speaker_name=agent.name, text="Phát biểu CÔNGKHAI"))
    library.link_topic(s.id, topic.id)
    free = library.add(Statement(speaker_name="Bà TỰDO", text="Phát biểu khác", classification="Internal"))
    library.link_topic(free.id, topic.id)
    book = new_book(library, event.id, ceiling="Public")
    export_book(library, book.id, tmp_path / "b.pdf")
    text = everything(tmp_path, "b")
    assert "CÔNGKHAI" in text and "BÍMẬTXYZ" not in text
    assert "TỰDO" not in text  # a free-text speaker is of the statement's own level
    library.update(type(book), book.id, ceiling="Secret")
    document = assemble(library, book.id)
    cite = next(b for b in document.blocks if isinstance(b, Paragraph) and "BÍMẬTXYZ" in str(b.runs))
    assert next(r for r in cite.runs if "BÍMẬTXYZ" in r.text).origin.level == "Secret"


def test_a_secret_events_title_never_reaches_an_internal_exports_cover_headers_or_metadata(
    library: Library, tmp_path: Path
) -> None:
    secret = library.add(Event(title="Chiến dịch MẬTTUYỆTĐỐI", classification="Secret"))
    meeting = library.add(Meeting(event_id=secret.id, title="Gặp nội bộ", classification="Internal"))
    topic = library.add(Topic(title="Hợp tác"))
    library.link_topic(meeting.id, topic.id)
    library.add(
        TalkingPoint(topic_id=topic.id, text="Điểm NỘIBỘ", status="cleared", classification="Internal")
    )
    book = new_book(library, secret.id, ceiling="Internal")  # default title: "Tài liệu chuẩn bị: <event>"
    document, warnings = assemble_with_warnings(library, book.id)
    assert "MẬTTUYỆTĐỐI" not in texts(document)
    assert any(w.code == "title_above_ceiling" for w in warnings)
    export_book(library, book.id, tmp_path / "b.pdf")
    text = everything(tmp_path, "b")
    assert "NỘIBỘ" in text and "MẬTTUYỆTĐỐI" not in text.replace("\n", "")
    assert "Tài liệu chuẩn bị" in text  # a plain title instead


def test_a_hand_picked_point_of_a_confidential_topic_obeys_the_topics_level(
    library: Library, event: Event
) -> None:
    meeting = library.add(Meeting(event_id=event.id, title="Gặp"))
    secret_topic = library.add(Topic(title="Chủ đề mật", classification="Confidential"))
    point = library.add(TalkingPoint(topic_id=secret_topic.id, text="Điểm ĐIỂMMẬT", status="cleared"))
    book = new_book(library, event.id, ceiling="Internal")
    parts = sections(book)
    for s in parts:
        if s.kind == "meetings":
            s.choices[meeting.id] = MeetingChoice(talking_points=[point.id])
    save_sections(library, book.id, parts)
    assert "ĐIỂMMẬT" not in str(assemble(library, book.id).blocks)
    library.link_topic(meeting.id, secret_topic.id)  # chosen automatically: the same rule
    parts = sections(library.get(type(book), book.id))
    for s in parts:
        s.choices = {}
    save_sections(library, book.id, parts)
    assert "ĐIỂMMẬT" not in str(assemble(library, book.id).blocks)
    shown = assemble(library, book.id, ceiling="Confidential")
    assert "ĐIỂMMẬT" in str(shown.blocks)


def test_text_in_a_meeting_brief_is_at_least_the_meetings_level(library: Library, event: Event) -> None:
    meeting = library.add(Meeting(event_id=event.id, title="Gặp kín", classification="Confidential"))
    person = library.add(Person(name="Bà Một", position="Bộ trưởng"))
    library.set_participant(meeting.id, person.id, "counterpart")
    topic = library.add(Topic(title="Hợp tác"))
    library.link_topic(meeting.id, topic.id)
    library.add(TalkingPoint(topic_id=topic.id, text="Điểm", status="cleared"))
    book = new_book(library, event.id, ceiling="Secret")
    document = assemble(library, book.id)
    start = next(i for i, b in enumerate(document.blocks) if isinstance(b, Heading) and b.text == "Gặp kín")
    brief = []
    for block in document.blocks[start:]:
        if isinstance(block, Heading) and block.level <= 2 and brief:
            break
        brief.append(block)
    brief = [b for b in brief if not isinstance(b, PageBreak)]
    assert brief and all(b.origin is not None and b.origin.level == "Confidential" for b in brief)
    # Who's who: the person's line (a reference to the biography) is the person's, at the meeting's level.
    line = next(b for b in brief if isinstance(b, Paragraph | Reference) and b.runs[0].text == "Bà Một")
    assert line.origin.kind == "person" and line.origin.level == "Confidential"
    levels = library.classification_levels()
    assert [p.reason for p in problems(document, levels, "Internal", sharing=False)]
    assert problems(document, levels, "Confidential", sharing=False) == []


def test_the_cover_and_metadata_name_an_origin_for_every_field(library: Library, event: Event) -> None:
    book = new_book(library, event.id, ceiling="Public", recipient="Thứ trưởng", copy_number="3")
    document = assemble(library, book.id, releasable=True)
    cover = next(b for b in document.blocks if isinstance(b, Cover))
    for name in ("title", "event", "recipient", "copy_number", "classification", "shareable"):
        assert getattr(cover, name) and name in cover.origins, name
    assert {"title", "subject", "author", "banner", "keywords"} <= set(document.meta.origins)
    assert cover.origins["event"].kind == "event" and document.meta.origins["title"].kind == "book"


def test_file_and_print_job_names_never_carry_a_title_above_the_ceiling(library: Library) -> None:
    from briefbook.assemble import release_title

    secret = library.add(Event(title="Chiến dịch MẬTTUYỆTĐỐI", classification="Secret"))
    book = new_book(library, secret.id, ceiling="Internal")
    assert release_title(library, book.id) == "Tài liệu chuẩn bị"
    assert release_title(library, book.id, "secret") == book.title
    own = new_book(library, secret.id, ceiling="Internal", title="Sổ tay đoàn")
    assert release_title(library, own.id) == "Sổ tay đoàn"
