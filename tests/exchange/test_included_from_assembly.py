"""The record of what an export included reads its items from the records the book was
assembled from, not again from the library: the same items, texts and hashes, no query."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.assemble import assemble
from briefbook.assemble.context import Assembly
from briefbook.demo import load_demo
from briefbook.exchange import changes
from briefbook.export import ExportOptions, export_book
from briefbook.library import Book, Library, Meeting, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import new_book
from tests.vientiane import add_vientiane


class _Counting:
    """A library whose ``get_many`` calls are counted."""

    def __init__(self, library: Library):
        self.library, self.asked = library, []

    def get_many(self, kind, ids):
        self.asked.append((kind, list(ids)))
        return self.library.get_many(kind, ids)


def _new_event_book(library: Library) -> str:
    made = add_vientiane(library)
    event = made["event"]
    arab = library.add(Person(name="فيصل بن فرحان", position="Bộ trưởng", classification="Internal"))
    thai = library.add(Person(name="มาริษ เสงี่ยมพงษ์", biography="- Ngoại giao\n  - ASEAN\n- Kinh tế"))
    secret = library.add(
        Meeting(event_id=event.id, title="Gặp riêng", kind="bilateral", classification="Confidential")
    )
    topic = library.add(Topic(title="Mekong", background="Nền: [NFR] nội bộ.\n\n1. một\n2. hai"))
    library.add(TalkingPoint(topic_id=topic.id, text="[not for release] Chỉ nội bộ.", status="draft"))
    statement = library.add(Statement(speaker_id=arab.id, speaker_name=arab.name, text="نحن ندعم — ủng hộ."))
    library.link_topic(statement.id, topic.id)
    library.link_topic(secret.id, topic.id)
    library.link_topic(made["meeting"].id, topic.id)
    library.set_participant(secret.id, thai.id, "counterpart")
    library.set_participant(made["meeting"].id, arab.id, "counterpart")
    return new_book(library, event.id, title="Sổ tay ລາວ", ceiling="Confidential").id


@pytest.fixture
def books(library: Library) -> list[str]:
    load_demo(library)
    return [library.list(Book)[0].id, _new_event_book(library)]


@pytest.mark.parametrize(
    "choices",
    [
        {},
        {"releasable": True},
        {"language": "en"},
        {"drafts": "mark"},
        {"drafts": "omit"},
        {"ceiling": "Public"},
    ],
)
def test_the_assembly_records_give_what_reading_them_again_gives(library, books, choices) -> None:
    for book_id in books:
        book = library.get(Book, book_id)
        records: dict = {}
        document = assemble(library, book, **{"ceiling": book.ceiling, **choices}, records=records)
        counting = _Counting(library)
        from_assembly = changes.included(document, counting, records)
        read_again = changes.included(document, library)
        assert read_again  # the book holds items
        assert list(from_assembly.items()) == list(read_again.items())
        assert counting.asked == []


def test_an_export_reads_no_item_again_for_its_record(library, books, tmp_path: Path, monkeypatch) -> None:
    asked: list = []
    real = changes.included

    def spy(document, lib, known=None):
        counting = _Counting(lib)
        found = real(document, counting, known)
        asked.extend(counting.asked)
        return found

    monkeypatch.setattr(changes, "included", spy)
    for n, book_id in enumerate(books):
        export_book(library, book_id, tmp_path / f"b{n}.docx", ExportOptions(formats=("docx",)))
    assert asked == []
    assert library.last_export(books[1])["items"]  # and it recorded what it included


def test_an_item_stamped_from_records_that_differ_is_read_again(library, filled) -> None:
    book = library.get(Book, new_book(library, filled["event"].id, title="Sổ tay", ceiling="Internal").id)
    a = Assembly(library, book, ceiling="Internal", drafts="mark", language="vi")
    person = filled["person"]
    a.origin(person)
    a.origin(person)  # the same values: the same record
    assert a.stamped[person.id] is person
    changed = Person(**{**vars(person), "name": "Lê Anh Tuấn (sửa)"})
    a.origin(changed)  # the item changed on disk mid-export: neither record is the item
    assert a.stamped[person.id] is None
    document = assemble(library, book, records=(records := {}))
    assert records and all(r is not None for r in records.values())  # such an item is left out
    assert changes.included(document, library, records) == changes.included(document, library)
