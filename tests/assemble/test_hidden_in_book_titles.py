"""A bidi control in the book's own title or in a section's title is named by the preflight.

A section renamed to '\\u202eevil' (pasted from a message, or typed by someone who means
harm) printed 'live' in its heading and in the contents, and a book titled 'Book \\u202eterceS'
printed 'Book Secret' on the cover and in every running header; the preflight, which names
such a character in the name or one-line field of every item printed, said nothing of the
book's own titles. The text is printed as written; the user is told before the file leaves.
"""

from __future__ import annotations

from briefbook.assemble import preflight
from briefbook.library import Book, Library
from briefbook.library.books import new_book, save_sections, sections


def _book(library: Library, filled: dict) -> Book:
    return new_book(library, filled["event"].id, ceiling="Internal")


def test_a_section_title_with_a_bidi_control_is_named(library: Library, filled: dict) -> None:
    book = _book(library, filled)
    parts = sections(book)
    renamed = next(s for s in parts if s.kind == "biographies")
    renamed.title = "\u202eevil"
    save_sections(library, book.id, parts)
    said = [w for w in preflight(library, book.id) if "U+202E" in w.message]
    assert [w.code for w in said] == ["hidden_in_section"]
    assert "section" in said[0].message and "read backwards" in said[0].message


def test_the_books_title_with_a_bidi_control_is_named(library: Library, filled: dict) -> None:
    book = _book(library, filled)
    library.update(Book, book.id, title="Sổ tay \u202eterceS")
    said = [w for w in preflight(library, book.id) if "U+202E" in w.message]
    assert [w.code for w in said] == ["hidden_in_field"]
    assert said[0].message.startswith("The title of book “Sổ tay")


def test_a_section_left_out_is_not_named(library: Library, filled: dict) -> None:
    book = _book(library, filled)
    parts = sections(book)
    left = next(s for s in parts if s.kind == "biographies")
    left.title, left.include = "\u202eevil", False
    save_sections(library, book.id, parts)
    assert not [w for w in preflight(library, book.id) if "U+202E" in w.message]
