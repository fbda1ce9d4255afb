"""A new user's own event on the command line: safe book defaults, and a book that holds only its event."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.demo import load_demo
from briefbook.library import Book, Library, Topic
from briefbook.library.books import sections
from tests.vientiane import add_vientiane

_register()


@pytest.fixture
def made(library: Library) -> dict:
    load_demo(library)
    return add_vientiane(library)


def invoke(path: Path, *args: str, env: dict | None = None):
    runner = CliRunner()
    return runner.invoke(cli, ["--library", str(path), *args], catch_exceptions=False, env=env or {})


def test_book_new_without_ceiling_takes_the_events_level_and_says_so(library, library_path, made) -> None:
    result = invoke(library_path, "book", "new", made["event"].id, env={"LANG": "vi_VN.UTF-8"})
    assert result.exit_code == 0, result.output
    assert "No --ceiling given" in result.output and "Internal" in result.output
    book = library.get(Book, result.output.strip().splitlines()[-1])
    assert book.ceiling == "Internal" and book.language == "vi"
    assert sections(book)[1].title == "Mục lục"


def test_book_new_with_a_ceiling_and_an_english_system(library, library_path, made) -> None:
    result = invoke(
        library_path,
        "book",
        "new",
        made["event"].id,
        "--ceiling",
        "confidential",
        env={"LANG": "en_GB.UTF-8"},
    )
    assert result.exit_code == 0, result.output
    assert "No --ceiling" not in result.output
    book = library.get(Book, result.output.strip())
    assert book.ceiling == "Confidential" and book.language == "en"


def test_section_titles_follow_the_books_language_until_renamed(library, library_path, made) -> None:
    book_id = (
        invoke(library_path, "book", "new", made["event"].id, "--language", "en").output.strip().split()[-1]
    )
    assert (
        invoke(library_path, "book", "sections", book_id, "--rename", "topics", "Chủ đề ASEAN").exit_code == 0
    )
    assert invoke(library_path, "edit", book_id, "--set", "language=vi").exit_code == 0
    shown = invoke(library_path, "book", "sections", book_id).output
    assert "Mục lục" in shown and "Phụ lục: tiểu sử" in shown and "Chủ đề ASEAN" in shown
    assert "Contents" not in shown


def test_book_items_shows_and_chooses_a_sections_items(library, library_path, made) -> None:
    book_id = invoke(library_path, "book", "new", made["event"].id).output.strip().split()[-1]
    own = json.loads(invoke(library_path, "--json", "book", "items", book_id, "topics").output)
    assert [r["id"] for r in own] == [made["topic"].id]
    rows = json.loads(invoke(library_path, "--json", "book", "items", book_id, "topics", "--all").output)
    assert rows[0] == {
        "id": made["topic"].id,
        "name": made["topic"].title,
        "included": True,
        "belongs": "event",
    }
    assert all(not r["included"] and r["belongs"] in ("other", "none") for r in rows[1:])
    bangkok = next(r for r in rows if r["belongs"] == "other")
    ticked = invoke(library_path, "book", "items", book_id, "topics", "--tick", bangkok["id"])
    assert ticked.exit_code == 0 and "[x]" in ticked.output
    assert next(s for s in sections(library.get(Book, book_id)) if s.kind == "topics").items == [
        made["topic"].id,
        bangkok["id"],
    ]
    warned = invoke(library_path, "preflight", book_id).output
    assert "belongs to another event" in warned and bangkok["name"][:20] in warned
    invoke(library_path, "book", "items", book_id, "topics", "--untick", bangkok["id"])
    assert next(s for s in sections(library.get(Book, book_id)) if s.kind == "topics").items is None
    assert "belongs to another event" not in invoke(library_path, "preflight", book_id).output


def test_book_items_refuses_a_section_without_items(library, library_path, made) -> None:
    book_id = invoke(library_path, "book", "new", made["event"].id).output.strip().split()[-1]
    result = invoke(library_path, "book", "items", book_id, "cover")
    assert result.exit_code == 1 and "does not choose items" in result.output
    result = invoke(library_path, "book", "items", book_id, "topics", "--tick", "nope")
    assert result.exit_code == 1 and "no item nope" in result.output
    assert library.count(Topic) > 1


def test_add_book_is_never_without_a_ceiling_or_sections(library, library_path, made) -> None:
    result = invoke(
        library_path, "add", "book", "--set", f"event_id={made['event'].id}", "--set", "title=Sổ tay"
    )
    assert result.exit_code == 0, result.output
    assert "No ceiling given" in result.output and "Internal" in result.output
    book = library.get(Book, result.output.strip().splitlines()[-1])
    assert book.ceiling == "Internal" and [s.kind for s in sections(book)][:2] == ["cover", "contents"]
    missing = invoke(library_path, "add", "book", "--set", "title=Không sự kiện")
    assert missing.exit_code == 1 and "needs an event" in missing.output
