"""In the composer, an untick and its Undo leave the book's version alone; an export with
something new shows the next one (it went up on every click before)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from briefbook.export import ExportOptions, export_book
from briefbook.library import Book, Library, TalkingPoint
from briefbook.library.books import new_book
from briefbook.ui.context import UiContext
from briefbook.ui.notifier import LibraryModel
from briefbook.ui.settings import Settings
from tests.ui.conftest import shown_composer


def _untick_and_undo(qtbot, composer) -> None:
    row = next(i for i, s in enumerate(composer.sections) if s.kind == "programme")
    index = composer.model.index(row, 0)
    with qtbot.waitSignal(composer.preview.ready, timeout=60_000):
        composer.model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    with qtbot.waitSignal(composer.preview.ready, timeout=60_000):
        composer.context.stack.undo()


def test_the_composer_shows_exports_not_clicks(qtbot, library: Library, filled, tmp_path: Path) -> None:
    book = new_book(library, filled["event"].id, ceiling="Secret")
    context = UiContext(LibraryModel(library), QUndoStack(), Settings(tmp_path / "settings.ini"), None)
    with shown_composer(qtbot, context, (1300, 800)) as composer:
        with qtbot.waitSignal(composer.preview.ready, timeout=60_000):
            composer.set_book(book.id)
        assert composer.form.status.text() == "Not exported yet"
        _untick_and_undo(qtbot, composer)
        assert library.get(Book, book.id).version == 0
        assert composer.form.status.text() == "Not exported yet"

        export_book(library, book.id, tmp_path / "one", ExportOptions(formats=("docx",)))
        composer.reload()
        assert composer.form.status.text().startswith("Version 1 · last exported")
        _untick_and_undo(qtbot, composer)
        export_book(library, book.id, tmp_path / "two", ExportOptions(formats=("docx",)))
        composer.reload()
        assert composer.form.status.text().startswith("Version 1 ·")  # nothing new: the same version

        library.update(TalkingPoint, filled["point"].id, text="Việt Nam kiên quyết chống lừa đảo.")
        export_book(library, book.id, tmp_path / "three", ExportOptions(formats=("docx",)))
        composer.reload()
        assert composer.form.status.text().startswith("Version 2 ·")


def test_the_version_is_not_typed_in_the_form(qtbot, library: Library, filled, tmp_path: Path) -> None:
    """Exports count it: the composer's form has no box to type a version in (it had a number box)."""
    book = new_book(library, filled["event"].id, ceiling="Secret")
    context = UiContext(LibraryModel(library), QUndoStack(), Settings(tmp_path / "settings.ini"), None)
    with shown_composer(qtbot, context, (1300, 800)) as composer:
        with qtbot.waitSignal(composer.preview.ready, timeout=60_000):
            composer.set_book(book.id)
        assert "version" not in composer.form.fields
        assert "title" in composer.form.fields
