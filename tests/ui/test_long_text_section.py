"""A whole report pasted into a book's free-text section (the composer's text editor): its
edit is stored in the book's sections on a thread with its own connection, and its undo
steps the editor's own history, as for a long talking point (``background_save``). The undo and
redo join the window's queue of long-text writes, as a long point's do: each waited for its
write on the window's thread (``update_elsewhere``), the user's input held as long as a save of
the whole report; a refused one is said in the composer's words and leaves the undo stack."""

from __future__ import annotations

import json
import threading

import pytest
from PySide6.QtGui import QTextCursor

from briefbook.library import Book, Event
from briefbook.library.books import Section, new_book, save_sections, sections
from briefbook.ui import error_hook
from tests.ui.conftest import main_window_on
from tests.ui.test_long_text import VIETNAMESE, WORD, report
from tests.ui.test_long_text_undo_queued import _all_stored, _counted_waits


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


def _section_text(library, book, section) -> str:
    return next(s.text for s in sections(library.get(Book, book.id)) if s.id == section.id)


def _edited(qtbot, window, library, book, section, monkeypatch):
    """The section opened in the composer, WORD typed over as 'Halong', saved and stored; the
    names of the threads started meanwhile."""
    composer = window.show_view("book")
    composer.set_book(book.id)
    composer.sections_panel.select(section.id)
    field = composer.text_editor.text_field
    qtbot.waitUntil(lambda: not field.edit.loading and bool(field.value()), timeout=60_000)
    threads: list[str] = []
    real_start = threading.Thread.start
    monkeypatch.setattr(threading.Thread, "start", lambda t: threads.append(t.name) or real_start(t))
    found = field.edit.document().find(WORD)
    field.edit.setTextCursor(found)
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, "Halong")
    field.save_soon()
    qtbot.waitUntil(lambda: _section_text(library, book, section) != section.text, timeout=60_000)
    return field, threads


def test_a_long_text_section_is_stored_off_the_window_and_its_undo_keeps_it_open(
    qtbot, library, long_section, monkeypatch
):
    window, book, section, text = long_section
    field, threads = _edited(qtbot, window, library, book, section, monkeypatch)
    assert _section_text(library, book, section) == text.replace(WORD, "Halong")
    assert "long-text-save" in threads  # stored off the window's thread
    waits = _counted_waits(monkeypatch)
    window.undo()
    assert waits == []  # the undo joins the queue of long-text writes: the window goes on
    _all_stored(window)
    assert _section_text(library, book, section) == text
    assert not field.edit.loading  # not opened again: a step back in its own history
    assert field.value() == text and not field.is_dirty()
    cursor = QTextCursor(field.edit.document())
    assert field.edit.document().find("Halong", cursor).isNull()
    waits.clear()  # (the test's own wait for the undo to be stored)
    window.redo()
    assert waits == []
    _all_stored(window)
    assert _section_text(library, book, section) == text.replace(WORD, "Halong")
    assert field.value() == text.replace(WORD, "Halong")


def test_a_refused_undo_of_a_long_section_is_said_and_leaves_the_stack(
    qtbot, library, long_section, monkeypatch
):
    """Another window left the programme out of the book after the edit: the undo, checked on
    the thread in its write's transaction, is refused in the composer's words (not the JSON of
    the sections), their change and the edited report both stay, and the step leaves the stack
    at once (the next Undo does not say the same refusal again)."""
    window, book, section, text = long_section
    field, _threads = _edited(qtbot, window, library, book, section, monkeypatch)
    edited = text.replace(WORD, "Halong")
    stack = window.undo_stack
    count = stack.count()
    said: list[str] = []
    monkeypatch.setattr(error_hook, "show_message", lambda parent, title, message: said.append(message))
    theirs = sections(library.get(Book, book.id))
    next(s for s in theirs if s.kind == "programme").include = False
    save_sections(library, book.id, theirs)  # another window, meanwhile
    waits = _counted_waits(monkeypatch)
    window.undo()
    assert waits == []
    _all_stored(window)
    assert len(said) == 1 and "another window or program" in said[0], said
    assert "Sổ tay Bangkok" in said[0] and "Traceback" not in said[0] and '"kind"' not in said[0]
    stored = sections(library.get(Book, book.id))
    assert next(s for s in stored if s.kind == "programme").include is False  # their change stays
    assert _section_text(library, book, section) == edited  # and the report as edited
    assert field.value() == edited
    assert stack.count() == count - 1 and not stack.canRedo()  # the refused step is gone
