"""A copy below the book's own ceiling says that it holds the book's own text sections.

Found by a user's walk (review2): a desk officer wrote a free-text section ("Ghi chú của Vụ")
into a Secret book and exported a Public copy; the section has no level of its own (it is
the book's own text), so the Public copy printed it, and the preflight said nothing.
"""

from __future__ import annotations

from briefbook.assemble import preflight
from briefbook.library import Book, Library
from briefbook.library.books import Section, new_book, save_sections, sections


def _messages(library: Library, book: Book, ceiling: str) -> list[str]:
    return [w.message for w in preflight(library, book, ceiling=ceiling) if w.code == "text_section_in_copy"]


def test_a_lower_copy_names_the_text_sections_it_prints(library: Library, filled: dict) -> None:
    book = new_book(library, filled["event"].id, ceiling="Secret")
    extra = Section(kind="text", title="Ghi chú của Vụ", text="Chỉ dành cho đoàn.")
    book = save_sections(library, book.id, [*sections(book), extra])
    said = _messages(library, book, "Public")
    assert len(said) == 1 and "“Ghi chú của Vụ”" in said[0] and "Public" in said[0]
    assert not _messages(library, book, "Secret")  # the book's own ceiling: nothing to say
