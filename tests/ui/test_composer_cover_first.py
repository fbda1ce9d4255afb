"""The cover stays the first section of a book in the composer: moving it down (the button,
Alt+Down) or dragging it away, or dragging a section above it, does nothing and says why in
the window's status bar, in the window's language. It used to be stored, and the book
printed its cover pages in the middle or at the end."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from briefbook.library import Book, Event, Library
from briefbook.library.books import new_book, sections
from briefbook.ui import i18n
from briefbook.ui.context import UiContext
from briefbook.ui.notifier import LibraryModel
from briefbook.ui.settings import Settings
from tests.ui.conftest import shown_composer

SAID = "Trang bìa luôn là phần đầu tiên của sổ"


@pytest.fixture
def window(qtbot, library: Library, tmp_path: Path):
    event = library.add(Event(title="Hội nghị Viêng Chăn", start_date="2026-12-15", end_date="2026-12-17"))
    book = new_book(library, event.id, title="Sổ tay ສົມພອນ", ceiling="Public")
    i18n.apply_language("vi")
    context = UiContext(LibraryModel(library), QUndoStack(), Settings(tmp_path / "settings.ini"), None)
    with shown_composer(qtbot, context, (1200, 800)) as composer:
        composer.set_book(book.id)
        win = QMainWindow()
        qtbot.addWidget(win)
        win.setCentralWidget(composer)
        win.show()
        yield win, composer, book.id


def _kinds(composer, book_id: str) -> list[str]:
    return [s.kind for s in sections(composer.context.library.get(Book, book_id))]


def test_moving_the_cover_down_does_nothing_and_says_why(window) -> None:
    win, composer, book_id = window
    before = _kinds(composer, book_id)
    assert before[0] == "cover"
    composer.tree.setCurrentIndex(composer.model.index(0, 0))
    composer.sections_panel.move_current(+1)
    assert _kinds(composer, book_id) == before
    assert win.statusBar().currentMessage().startswith(SAID), win.statusBar().currentMessage()
    assert not composer.context.stack.count()  # nothing to undo: nothing was done


def test_dragging_the_cover_away_or_a_section_above_it_does_nothing_and_says_why(window) -> None:
    win, composer, book_id = window
    model = composer.model
    before = _kinds(composer, book_id)
    for source, target in ((0, model.rowCount()), (before.index("contents"), 0)):
        win.statusBar().clearMessage()
        data = model.mimeData([model.index(source, 0)])
        model.dropMimeData(data, Qt.DropAction.MoveAction, target, 0, QModelIndex())
        assert _kinds(composer, book_id) == before, (source, target)
        assert win.statusBar().currentMessage().startswith(SAID), (source, target)
    # Any other move is made, and says nothing.
    win.statusBar().clearMessage()
    composer.tree.setCurrentIndex(model.index(before.index("contents"), 0))
    composer.sections_panel.move_current(+1)
    assert _kinds(composer, book_id)[1:3] == [before[2], "contents"]
    assert not win.statusBar().currentMessage()
