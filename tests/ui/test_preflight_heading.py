"""The warnings' heading says "the book is ready" only after a book was really checked.

Found on the walk-through: on an empty library the composer showed "Before you
export: nothing to check, the book is ready." with no book at all, and it said the
same when the book could not be assembled (the preview showing the reason).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack

from briefbook.library import Book, Event, Library
from briefbook.ui.context import UiContext
from briefbook.ui.notifier import LibraryModel
from briefbook.ui.settings import Settings
from tests.ui.conftest import shown_composer

READY = "the book is ready"


def composer_on(qtbot, library: Library, tmp_path: Path):
    context = UiContext(LibraryModel(library), QUndoStack(), Settings(tmp_path / "settings.ini"), None)
    return shown_composer(qtbot, context, (1300, 800))


def test_no_book_is_not_called_ready(qtbot, library: Library, tmp_path: Path):
    library.add(Event(title="Hội nghị Mekong–Lan Thương, Viêng Chăn", city="Viêng Chăn"))
    with composer_on(qtbot, library, tmp_path) as composer:
        assert composer.book is None
        heading = composer.warnings.heading.text()
        assert READY not in heading and "no book" in heading
        composer.warnings.retranslate()  # a language change keeps what it says
        assert "no book" in composer.warnings.heading.text()


def test_a_book_that_cannot_be_checked_is_not_called_ready(qtbot, library: Library, tmp_path: Path):
    event = library.add(Event(title="Hội nghị Mekong–Lan Thương, Viêng Chăn"))
    library.add(Book(event_id=event.id, title="Tài liệu", ceiling="Public"))
    with composer_on(qtbot, library, tmp_path) as composer:
        assert composer.book is not None
        assert READY in composer.warnings.heading.text()  # checked: nothing to look at
        composer.analyzer.failed.emit(0, "The book could not be assembled: a test's reason.")
        heading = composer.warnings.heading.text()
        assert READY not in heading and "could not be checked" in heading
