"""A section's title is stored as a one-line field is: stray spaces, tabs and line breaks, and
invisible characters at its ends, go. 'book sections --add-text "  Logistics " …' printed
" Logistics" in its heading and indented its line in the contents and the composer's tree; a
title typed with a line break ("Hậu cần\\nxe") broke the heading and the contents line."""

from __future__ import annotations

from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.library import Book, Library
from briefbook.library.books import new_book, save_sections, sections

_register()


def test_titles_added_and_renamed_are_stored_on_one_line(
    library: Library, filled: dict, library_path
) -> None:
    book = new_book(library, filled["event"].id, ceiling="Internal")
    args = ["--library", str(library_path), "book", "sections", book.id]
    result = CliRunner().invoke(cli, [*args, "--add-text", "  Hậu cần\u200b ", "Xe lúc **7:30**"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, [*args, "--rename", "biographies", " Tiểu sử\t khách\n mời "])
    assert result.exit_code == 0, result.output
    titles = {s.kind: s.title for s in sections(library.get(Book, book.id))}
    assert titles["text"] == "Hậu cần" and titles["biographies"] == "Tiểu sử khách mời"


def test_save_sections_cleans_titles_from_any_caller(library: Library, filled: dict) -> None:
    book = new_book(library, filled["event"].id, ceiling="Internal")
    parts = sections(book)
    parts[0].title = "\u00ad Bìa\r\n"
    save_sections(library, book.id, parts)
    assert sections(library.get(Book, book.id))[0].title == "Bìa"
