"""The book form's and the composer's fields keep an unsaved edit when another window changes
the book: it is refused in words and what was typed is said, as in the item editor
(``RecordEditor._show_stored``, tests/ui/test_unsaved_edit_kept.py).

``FieldWidget.set_value`` keeps an unsaved edit only while the stored value stays as it
was opened; the window's refresh after another window's change showed theirs in its place,
and the edit was gone with nothing said.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from briefbook.library import Book, Event, Library
from briefbook.library.books import Section, new_book, save_sections, sections
from tests.ui.conftest import main_window_on


def test_an_unsaved_book_title_is_not_replaced_unsaid(qtbot, dialogs, win, library, seeded, library_path):
    book = seeded["book"]
    composer = win.show_view("book")
    composer.set_book(book.id)
    title = composer.form.fields["title"]
    title.input.setText("Sổ tay của tôi")  # typed, not saved yet
    assert title.is_dirty()
    with Library.open(library_path, backup=False) as other:
        other.update(Book, book.id, title="Sổ tay của cửa sổ khác")
    win.watcher.check()  # the window refreshes
    qtbot.waitUntil(lambda: "changed in another window or program" in title.error, timeout=30_000)
    assert library.get(Book, book.id).title == "Sổ tay của cửa sổ khác"  # theirs not overwritten unseen
    assert title.input.text() == "Sổ tay của cửa sổ khác"  # and shown
    assert "Sổ tay của tôi" in title.error  # what was typed is said, word for word
    assert not dialogs.messages


@pytest.fixture
def text_section(qtbot, library, library_path):
    """A window on a book holding a free-text section."""
    event = library.add(Event(title="Hội nghị Bangkok", city="Bangkok", start_date="2025-12-17"))
    book = new_book(library, event.id, title="Sổ tay Bangkok")
    stored = json.loads(library.get(Book, book.id).sections)
    section = Section(kind="text", title="Ghi chú của Vụ", text="Xe đón lúc 7:30.")
    library.update(Book, book.id, sections=json.dumps([*stored, section.to_dict()], ensure_ascii=False))
    with main_window_on(qtbot, library_path) as window:
        yield window, book, section


def test_an_unsaved_text_section_is_not_replaced_unsaid(qtbot, dialogs, library, library_path, text_section):
    window, book, section = text_section
    composer = window.show_view("book")
    composer.set_book(book.id)
    composer.sections_panel.select(section.id)
    field = composer.text_editor.text_field
    qtbot.waitUntil(lambda: not field.edit.loading and bool(field.value()), timeout=60_000)
    field.edit.selectAll()
    field.edit.insertPlainText("Xe đón lúc 8:00, cổng số 2.")  # typed, not saved yet
    assert field.is_dirty()
    with Library.open(library_path, backup=False) as other:
        theirs = [
            replace(s, text="Xe đón lúc 9:00.") if s.id == section.id else s
            for s in sections(other.get(Book, book.id))
        ]
        save_sections(other, book.id, theirs)
    window.watcher.check()  # the window refreshes
    qtbot.waitUntil(lambda: "changed in another window or program" in field.error, timeout=30_000)
    assert field.value() == "Xe đón lúc 9:00."  # theirs shown
    assert "Xe đón lúc 8:00, cổng số 2." in field.error  # what was typed is said
    stored_now = next(s.text for s in sections(library.get(Book, book.id)) if s.id == section.id)
    assert stored_now == "Xe đón lúc 9:00."
    assert not dialogs.messages
