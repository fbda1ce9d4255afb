"""A whole report pasted into a book's free-text section (the composer's text editor): its
edit is stored in the book's sections on a thread with its own connection, and its undo
steps the editor's own history, as for a long talking point (``background_save``)."""

from __future__ import annotations

import json
import threading

import pytest
from PySide6.QtGui import QTextCursor

from briefbook.library import Book, Event
from briefbook.library.books import Section, new_book, sections
from tests.ui.conftest import main_window_on
from tests.ui.test_long_text import VIETNAMESE, WORD, report


@pytest.fixture
def long_section(qtbot, library, library_path):
    """A window on a library made from nothing: an event, its book, and a free-text section of
    300,000 characters added to the book's own."""
    text = report(VIETNAMESE, 300_000)
    event = library.add(Event(title="Hội nghị Bangkok", city="Bangkok", start_date="2025-12-17"))
    book = new_book(library, event.id, title="Sổ tay Bangkok")
    stored = json.loads(library.get(Book, book.id).sections)
    section = Section(kind="text", title="Báo cáo ສປປ ລາວ", text=text)
    library.update(Book, book.id, sections=json.dumps([*stored, section.to_dict()], ensure_ascii=False))
    with main_window_on(qtbot, library_path) as window:
        yield window, book, section, text


def test_a_long_text_section_is_stored_off_the_window_and_its_undo_keeps_it_open(
    qtbot, library, long_section, monkeypatch
):
    window, book, section, text = long_section

    def section_text() -> str:
        return next(s.text for s in sections(library.get(Book, book.id)) if s.id == section.id)

    composer = window.show_view("book")
    composer.set_book(book.id)
    composer.sections_panel.select(section.id)
    field = composer.text_editor.text_field
    qtbot.waitUntil(lambda: not field.edit.loading and bool(field.value()), timeout=60_000)
    threads = []
    real_start = threading.Thread.start
    monkeypatch.setattr(threading.Thread, "start", lambda t: threads.append(t.name) or real_start(t))
    found = field.edit.document().find(WORD)
    field.edit.setTextCursor(found)
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, "Halong")
    field.save_soon()
    qtbot.waitUntil(lambda: section_text() != text, timeout=60_000)
    assert section_text() == text.replace(WORD, "Halong")
    assert "long-text-save" in threads  # stored off the window's thread
    window.undo()
    assert section_text() == text
    assert not field.edit.loading  # not opened again: a step back in its own history
    assert field.value() == text and not field.is_dirty()
    cursor = QTextCursor(field.edit.document())
    assert field.edit.document().find("Halong", cursor).isNull()
    window.redo()
    assert section_text() == text.replace(WORD, "Halong")
    assert field.value() == text.replace(WORD, "Halong")
