"""Deleting what a book uses says what it means, by title; the book's preflight then names what went.

Before: the question said "1 participant link", and the book silently dropped the biography.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from briefbook.assemble import preflight
from briefbook.cli.main import _register, cli
from briefbook.export import ExportOptions, export_book
from briefbook.library import Book, Event, Library, Meeting, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import new_book, save_sections, sections
from briefbook.library.uses import delete_summary, uses_of


def _vientiane(library: Library) -> tuple[dict, TalkingPoint, Statement, Book]:
    """An event made from nothing: a bilateral with Laos, a Khmer counterpart, a book."""
    event = library.add(Event(title="Hội nghị Bộ trưởng Ngoại giao ASEAN (AMM-59)", city="Viêng Chăn"))
    meeting = library.add(Meeting(event_id=event.id, title="Gặp song phương với Lào", kind="bilateral"))
    laos = library.add(Person(name="ທອງສະລິດ ມັງໜໍ່ເມກ", position="Bộ trưởng Ngoại giao Lào"))
    khmer = library.add(Person(name="សុខ ចិន្តា", name_romanised="Sok Chenda", position="Phó Thủ tướng"))
    library.set_participant(meeting.id, laos.id, "counterpart")
    library.set_participant(meeting.id, khmer.id, "counterpart")
    topic = library.add(Topic(title="Hợp tác sông Mê Công"))
    library.link_topic(meeting.id, topic.id)
    point = library.add(TalkingPoint(topic_id=topic.id, text="Chia sẻ số liệu dòng chảy.", status="cleared"))
    said = library.add(Statement(speaker_id=laos.id, date="2025-07-09", text="ສະບາຍດີ"))
    library.link_topic(said.id, topic.id)
    book = new_book(library, event.id, ceiling="Secret", title="Sổ tay AMM-59")
    return (
        {"event": event, "meeting": meeting, "laos": laos, "khmer": khmer, "topic": topic},
        point,
        said,
        book,
    )


def test_deleting_a_counterpart_names_the_meeting_and_the_book(library: Library) -> None:
    f, _, _, book = _vientiane(library)
    uses, going = delete_summary(library, "person", f["laos"].id)
    assert uses.meetings == [("Gặp song phương với Lào", f["event"].title)]
    assert uses.books == [book.title]
    assert "1 participant link" not in going  # named by its meeting instead
    assert going == [] and uses.statements == 1  # said in words: the statement stays, unlinked
    assert "they made 1 prior statement: kept, no longer linked" in uses.sentences()
    assert any("“Gặp song phương với Lào”" in s for s in uses.sentences())


def test_a_book_that_chose_other_people_does_not_use_this_one(library: Library) -> None:
    f, _, _, book = _vientiane(library)
    chosen = sections(book)
    keep = [s for s in chosen if s.kind in ("cover", "biographies")]
    for s in keep:
        if s.kind == "biographies":
            s.items = [f["khmer"].id]
    save_sections(library, book.id, keep)
    assert uses_of(library, "person", f["laos"].id).books == []
    assert uses_of(library, "person", f["khmer"].id).books == [book.title]


def test_a_point_a_statement_and_a_meeting_a_book_includes_are_named(library: Library) -> None:
    f, point, said, book = _vientiane(library)
    for kind, item_id in (("talking_point", point.id), ("statement", said.id), ("meeting", f["meeting"].id)):
        assert uses_of(library, kind, item_id).books == [book.title], kind
    other = library.add(Event(title="Đối thoại Mê Công – Lan Thương"))
    lone = library.add(Meeting(event_id=other.id, title="Ăn trưa"))
    assert not uses_of(library, "meeting", lone.id)


def test_the_cli_refuses_without_force_and_names_the_meeting_and_book(
    library: Library, library_path: Path
) -> None:
    f, point, _, book = _vientiane(library)
    library.close()
    _register()
    refused = CliRunner().invoke(cli, ["--library", str(library_path), "delete", f["laos"].id])
    assert refused.exit_code == 1
    assert "they take part in the meeting “Gặp song phương với Lào”" in refused.output
    assert f"the book “{book.title}” shows them" in refused.output
    refused = CliRunner().invoke(cli, ["--library", str(library_path), "delete", point.id])
    assert refused.exit_code == 1 and "Sổ tay AMM-59" in refused.output  # a point asks too now
    done = CliRunner().invoke(cli, ["--library", str(library_path), "delete", "--force", f["laos"].id])
    assert done.exit_code == 0, done.output
    shown = CliRunner().invoke(cli, ["--library", str(library_path), "preflight", book.id])
    assert "Person “ທອງສະລິດ ມັງໜໍ່ເມກ” was in this book and has been deleted" in shown.output


def test_after_an_export_a_deleted_counterpart_is_named_by_the_preflight(library: Library, tmp_path) -> None:
    f, _, _, book = _vientiane(library)
    export_book(library, book.id, tmp_path / "amm59", ExportOptions(formats=("docx",)))
    before = {w.code for w in preflight(library, book.id)}
    assert "deleted_item" not in before
    library.delete(Person, f["khmer"].id)
    gone = [w for w in preflight(library, book.id) if w.code == "deleted_item"]
    assert [w.message for w in gone] == [
        "Person “សុខ ចិន្តា (Sok Chenda)” was in this book and has been deleted; it is left out "
        "(briefbook deleted lists it)."
    ]
    assert gone[0].kind == "person" and gone[0].item_id == ""  # nothing to open
    [entry] = library.deleted_items()
    library.undelete_item(entry.id)
    assert "deleted_item" not in {w.code for w in preflight(library, book.id)}


def test_an_item_deleted_before_the_last_export_is_not_named_again(library: Library, tmp_path) -> None:
    f, _, _, book = _vientiane(library)
    library.delete(Person, f["khmer"].id)
    assert "deleted_item" in {w.code for w in preflight(library, book.id)}  # never exported: since made
    export_book(library, book.id, tmp_path / "amm59", ExportOptions(formats=("docx",)))
    assert "deleted_item" not in {w.code for w in preflight(library, book.id)}  # that copy left it out


def test_a_deleted_meeting_point_and_statement_are_named(library: Library) -> None:
    f, point, said, book = _vientiane(library)
    library.delete(TalkingPoint, point.id)
    library.delete(Statement, said.id)
    messages = [w.message for w in preflight(library, book.id) if w.code == "deleted_item"]
    assert any(m.startswith("Talking point “Chia sẻ số liệu dòng chảy.”") for m in messages)
    assert any(m.startswith("Prior statement “") and "ສະບາຍດີ" in m for m in messages)
    library.delete(Meeting, f["meeting"].id)
    messages = [w.message for w in preflight(library, book.id) if w.code == "deleted_item"]
    assert "Meeting “Gặp song phương với Lào” was in this book" in messages[0]


def test_a_chosen_item_deleted_is_named_and_one_never_known_keeps_its_id(library: Library) -> None:
    f, _, _, book = _vientiane(library)
    chosen = sections(book)
    for s in chosen:
        if s.kind == "biographies":
            s.items = [f["laos"].id, "no-such-person"]
    library.update(Book, book.id, sections=json.dumps([s.to_dict() for s in chosen], ensure_ascii=False))
    library.delete(Person, f["laos"].id)
    warnings = preflight(library, book.id)
    named = [w.message for w in warnings if w.code == "deleted_item"]
    assert len(named) == 1 and "ທອງສະລິດ ມັງໜໍ່ເມກ" in named[0]  # once, though chosen and in the event
    assert [w.message for w in warnings if w.code == "missing_item"] == [
        "An item chosen for this book no longer exists (no-such-person)."
    ]


def test_deleting_an_event_names_its_books(library: Library, library_path: Path) -> None:
    f, _, _, book = _vientiane(library)
    uses, going = delete_summary(library, "event", f["event"].id)
    assert uses.books == [book.title] and "1 book" not in going and "1 meeting" in going
    library.close()
    _register()
    refused = CliRunner().invoke(cli, ["--library", str(library_path), "delete", f["event"].id])
    assert refused.exit_code == 1
    assert f"its book “{book.title}” is deleted with it" in refused.output
    assert "It also deletes or changes: 1 meeting" in refused.output
