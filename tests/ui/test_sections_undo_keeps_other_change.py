"""Undoing a change of a book's sections does not take back what another window or the
command line changed in them since.

The composer's undo stored the whole list of sections from before its step: a section
renamed here, then 'briefbook book sections BOOK --exclude programme' from the command line
(or another window), then Ctrl+Z here put the programme back in the book without a word. As
an undo of a field's edit does, it is now refused, said, and nothing is written.
"""

from __future__ import annotations

from briefbook.library import Book, Library
from briefbook.library.books import new_book, save_sections, sections
from briefbook.ui.composer.commands import SaveSections, execute


def _included(library: Library, book_id: str) -> dict[str, bool]:
    return {s.kind: s.include for s in sections(library.get(Book, book_id))}


def test_undo_after_another_windows_change_of_the_sections_is_refused(
    qtbot, window, library, filled, library_path, dialogs
) -> None:
    book = new_book(library, filled["event"].id, ceiling="Internal")
    before = sections(book)
    after = [s for s in sections(book)]
    next(s for s in after if s.kind == "biographies").title = "Tiểu sử khách mời"
    execute(window.undo_stack, SaveSections(window.model, book.id, before, after, "Rename"))
    with Library.open(library_path, backup=False) as other:  # the command line, meanwhile
        parts = sections(other.get(Book, book.id))
        next(s for s in parts if s.kind == "programme").include = False
        save_sections(other, book.id, parts)
    window.undo()
    assert _included(library, book.id)["programme"] is False  # their change stays
    titles = {s.kind: s.title for s in sections(library.get(Book, book.id))}
    assert titles["biographies"] == "Tiểu sử khách mời"  # and nothing was written
    assert dialogs.messages and "another window or program" in dialogs.messages[-1][1]


def test_undo_and_redo_of_the_sections_alone_still_work(qtbot, window, library, filled, dialogs) -> None:
    book = new_book(library, filled["event"].id, ceiling="Internal")
    before = sections(book)
    after = sections(book)
    next(s for s in after if s.kind == "programme").include = False
    execute(window.undo_stack, SaveSections(window.model, book.id, before, after, "Leave out"))
    window.undo()
    assert _included(library, book.id)["programme"] is True
    window.redo()
    assert _included(library, book.id)["programme"] is False
    assert not dialogs.messages
