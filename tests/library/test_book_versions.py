"""A book's version counts exports that differ from the last one, not edits.

Before, every composer save added one (an untick and its Undo were two versions), so
"version 37" meant nothing. Now version N names one content of the book as handed out.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.export import ExportOptions, export_book
from briefbook.library import Book, Event, Library, Meeting, Person, TalkingPoint, Topic
from briefbook.library.books import new_book, save_sections, sections

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _event_from_nothing(library: Library) -> Book:
    event = library.add(Event(title="Đối thoại chiến lược Việt Nam – Thái Lan", city="Bangkok"))
    meeting = library.add(Meeting(event_id=event.id, title="Hội đàm song phương", kind="bilateral"))
    thai = library.add(Person(name="มาริษ เสงี่ยมพงษ์", name_romanised="Maris Sangiampongsa"))
    library.set_participant(meeting.id, thai.id, "counterpart")
    topic = library.add(Topic(title="Chống lừa đảo trực tuyến"))
    library.link_topic(meeting.id, topic.id)
    library.add(
        TalkingPoint(topic_id=topic.id, text="Đề nghị phối hợp **giải cứu** công dân.", status="cleared")
    )
    return new_book(library, event.id, ceiling="Secret")


def _docx(library: Library, book: Book, target: Path, **options) -> int:
    export_book(library, book.id, target, ExportOptions(formats=("docx",), **options))
    return library.get(Book, book.id).version


def test_edits_and_their_undo_do_not_make_versions(library: Library) -> None:
    book = _event_from_nothing(library)
    assert book.version == 0
    parts = sections(book)
    parts[2].include = False  # untick ...
    save_sections(library, book.id, parts)
    parts[2].include = True  # ... and undo
    save_sections(library, book.id, parts)
    assert library.get(Book, book.id).version == 0


def test_exporting_the_same_book_again_keeps_its_version(library: Library, tmp_path: Path) -> None:
    book = _event_from_nothing(library)
    assert _docx(library, book, tmp_path / "a") == 1
    assert _docx(library, book, tmp_path / "b") == 1  # again, unchanged
    export_book(library, book.id, tmp_path / "c", ExportOptions(formats=("pdf",)))  # as PDF too
    assert library.get(Book, book.id).version == 1
    parts = sections(library.get(Book, book.id))
    parts[2].include = False
    save_sections(library, book.id, parts)
    parts[2].include = True
    save_sections(library, book.id, parts)
    assert _docx(library, book, tmp_path / "d") == 1  # an edit and its undo: nothing new
    assert [r[0] for r in library.db.execute("SELECT version FROM export_records")] == [1]


def test_an_export_with_something_new_is_the_next_version(library: Library, tmp_path: Path) -> None:
    book = _event_from_nothing(library)
    assert _docx(library, book, tmp_path / "a") == 1
    point = library.list(TalkingPoint)[0]
    library.update(TalkingPoint, point.id, text="Đề nghị phối hợp giải cứu công dân Việt Nam.")
    assert _docx(library, book, tmp_path / "b") == 2
    library.update(Book, book.id, subtitle="Bản dành cho Thứ trưởng")  # the book's own words count
    assert _docx(library, book, tmp_path / "c") == 3
    meeting, thai = library.list(Meeting)[0], library.list(Person)[0]
    library.set_participant(meeting.id, thai.id, "delegation")  # a link, not a field of an item
    assert _docx(library, book, tmp_path / "c2") == 4
    assert _docx(library, book, tmp_path / "d", releasable=True) == 5  # a shareable copy holds other text


def test_the_changes_page_of_the_same_version_again_compares_with_the_one_before(
    library: Library, tmp_path: Path
) -> None:
    from docx import Document

    book = _event_from_nothing(library)
    _docx(library, book, tmp_path / "a")
    point = library.list(TalkingPoint)[0]
    library.update(TalkingPoint, point.id, text="Đề nghị phối hợp giải cứu công dân Việt Nam.")
    assert _docx(library, book, tmp_path / "b", changes_page=True) == 2
    assert _docx(library, book, tmp_path / "c", changes_page=True) == 2
    text = "\n".join(p.text for p in Document(str(tmp_path / "c.docx")).paragraphs)
    assert "since version 1" in text.lower() or "từ phiên bản 1" in text.lower(), text[:2000]


def test_the_cli_shows_the_version_of_the_last_export(library: Library, library_path: Path, tmp_path) -> None:
    book = _event_from_nothing(library)
    library.close()
    _register()

    def run(*args: str):
        result = CliRunner().invoke(cli, ["--library", str(library_path), *args])
        assert result.exit_code == 0, result.output
        return result.output

    assert "version: not exported yet" in run("book", "show", book.id)
    run("export", book.id, "-o", str(tmp_path / "one"), "--format", "docx")
    run("export", book.id, "-o", str(tmp_path / "two"), "--format", "docx")
    assert "version: 1" in run("book", "show", book.id)


def test_an_older_library_counts_its_exports_as_versions(tmp_path: Path) -> None:
    """A library of schema 0009 whose book was edited 37 times and exported twice is at version 2."""
    path = tmp_path / "old.briefbook"
    shutil.copy(FIXTURES / "library-0009_short_sort_keys.briefbook", path)
    conn = sqlite3.connect(path)
    event_id = conn.execute("SELECT id FROM events").fetchone()[0]
    stamp = "2025-12-01T00:00:00.000000Z"
    conn.execute(
        "INSERT INTO books (id, created_at, updated_at, event_id, title, version, ceiling) "
        "VALUES ('b1', ?, ?, ?, 'Sổ tay', 37, 'Secret'), ('b2', ?, ?, ?, 'Chưa xuất', 5, 'Secret')",
        [stamp, stamp, event_id] * 2,
    )
    for version in (1, 2):
        conn.execute(
            "INSERT INTO export_records (book_id, version, exported_at, items) VALUES ('b1', ?, ?, '{}')",
            [version, stamp],
        )
    conn.commit()
    conn.close()
    with Library.open(path, backup=False) as lib:
        assert lib.get(Book, "b1").version == 2 and lib.get(Book, "b2").version == 0
        assert lib.db.execute("SELECT content_hash FROM export_records").fetchall() == [("",), ("",)]
