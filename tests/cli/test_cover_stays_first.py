"""The cover stays the first section of a book. 'book sections --move cover 9' (or moving a
section to position 1) was stored, and the book printed its cover pages at the end; a book
stored so is read with its cover first, and the command line refuses the move in words."""

from __future__ import annotations

import json

from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.library import Book, Library
from briefbook.library.books import new_book, sections

_register()


def _kinds(library: Library, book_id: str) -> list[str]:
    return [s.kind for s in sections(library.get(Book, book_id))]


def test_the_command_line_refuses_to_move_the_cover_or_put_a_section_before_it(
    library: Library, filled: dict, library_path
) -> None:
    book = new_book(library, filled["event"].id, ceiling="Internal")
    before = _kinds(library, book.id)
    args = ["--library", str(library_path), "book", "sections", book.id]
    for move in (["--move", "cover", "9"], ["--move", "contents", "1"], ["--move", "1", "2"]):
        result = CliRunner().invoke(cli, [*args, *move])
        assert result.exit_code != 0, (move, result.output)
        assert "The cover stays the first section of the book" in result.output, result.output
        assert "Traceback" not in result.output
        assert _kinds(library, book.id) == before, move
    # Other moves are made as before.
    result = CliRunner().invoke(cli, [*args, "--move", "biographies", "2"])
    assert result.exit_code == 0, result.output
    assert _kinds(library, book.id)[:2] == ["cover", "biographies"]


def test_a_book_stored_with_its_cover_last_is_read_with_it_first(library: Library, filled: dict) -> None:
    book = new_book(library, filled["event"].id, ceiling="Internal")
    stored = json.loads(book.sections)
    stored.append(stored.pop(0))  # as the old move left it
    library.update(Book, book.id, sections=json.dumps(stored, ensure_ascii=False))
    kinds = _kinds(library, book.id)
    assert kinds == ["cover", *(s["kind"] for s in stored[:-1])]
