"""A new user's own event in the composer: the new-book dialog asks for the ceiling, a book holds only
its event, every section's items are ticked in the tree, and titles follow the book's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from briefbook.demo.loader import load_demo
from briefbook.library import Book, Event, Library, Topic
from briefbook.library.books import new_book, sections
from briefbook.library.scope import events_of
from briefbook.ui.composer import BookComposer, new_book_dialog
from briefbook.ui.composer.new_book_dialog import NewBookAnswer, NewBookDialog
from briefbook.ui.composer.section_rows import BELONGS_ROLE
from briefbook.ui.context import UiContext
from briefbook.ui.editors import pickers
from briefbook.ui.notifier import LibraryModel
from briefbook.ui.preferences import PreferencesDialog
from briefbook.ui.settings import Settings
from tests.ui.conftest import shown_composer
from tests.vientiane import add_vientiane


@pytest.fixture
def made(library: Library) -> dict:
    load_demo(library)
    return add_vientiane(library)


@pytest.fixture
def composer(qtbot, library: Library, made, tmp_path: Path, monkeypatch):
    context = UiContext(LibraryModel(library), QUndoStack(), Settings(tmp_path / "settings.ini"), None)
    with shown_composer(qtbot, context, (1400, 820)) as widget:
        yield widget


def show_book(qtbot, composer: BookComposer, book_id: str) -> None:
    with qtbot.waitSignal(composer.preview.ready, timeout=60_000):
        composer.set_book(book_id)


def section_index(composer: BookComposer, kind: str):
    row = next(i for i, s in enumerate(composer.sections) if s.kind == kind)
    return composer.model.index(row, 0)


def children(composer: BookComposer, kind: str) -> list[tuple[str, bool, str]]:
    parent = section_index(composer, kind)
    model = composer.model
    out = []
    for r in range(model.rowCount(parent)):
        index = model.index(r, 0, parent)
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        out.append((index.data(Qt.ItemDataRole.DisplayRole), checked, index.data(BELONGS_ROLE)))
    return out


def test_the_new_book_dialog_offers_the_events_level(qtbot, library, made) -> None:
    dialog = NewBookDialog(library, made["event"].id, "vi")
    qtbot.addWidget(dialog)
    assert dialog.ceiling.currentData() == "Internal"  # the Vientiane event's own level
    bangkok = next(e for e in library.list(Event) if e.id != made["event"].id)
    dialog.events.setCurrentIndex(dialog.events.findData(bangkok.id))
    assert dialog.ceiling.currentData() == bangkok.classification
    dialog.ceiling.setCurrentIndex(dialog.ceiling.findData("Public"))
    dialog.title_edit.setText("  Sổ tay   Viêng Chăn ")
    assert dialog.answer() == NewBookAnswer(bangkok.id, "Public", "vi", "Sổ tay Viêng Chăn")
    assert "Public" in dialog.note.text() or bangkok.classification in dialog.note.text()


def test_new_book_asks_and_never_starts_without_a_ceiling(qtbot, composer, library, made, monkeypatch):
    asked = []

    def cancel(parent, lib, event_id, language):
        asked.append((event_id, language))
        return None

    monkeypatch.setattr(new_book_dialog, "ask_new_book", cancel)
    before = library.count(Book)
    composer.new_book(made["event"].id)
    assert asked == [(made["event"].id, "en")] and library.count(Book) == before  # cancelled: nothing made
    monkeypatch.setattr(
        new_book_dialog,
        "ask_new_book",
        lambda parent, lib, event_id, language: NewBookAnswer(event_id, "Internal", "vi", ""),
    )
    composer.new_book(made["event"].id)
    book = composer.book
    assert library.count(Book) == before + 1 and book.event_id == made["event"].id
    assert book.ceiling == "Internal" and book.language == "vi"
    assert composer.model.index(1, 0).data() == "Mục lục"


def test_the_books_language_follows_the_window(tmp_path) -> None:
    settings = Settings(tmp_path / "s.ini")
    settings.language = "vi"
    assert settings.book_language == "vi" and settings.book_language_follows_window
    settings.language = "en"
    assert settings.book_language == "en"
    dialog = PreferencesDialog(settings)
    assert dialog.book_language.currentData() == ""  # "Same as the window"
    dialog.apply()
    settings.language = "vi"
    assert settings.book_language == "vi"  # OK in Preferences did not freeze it
    settings.book_language = "en"
    assert settings.book_language == "en" and not settings.book_language_follows_window
    dialog.deleteLater()


def test_section_titles_follow_the_books_language_until_renamed(qtbot, composer, library, made):
    book = new_book(library, made["event"].id, language="en", ceiling="Internal")
    show_book(qtbot, composer, book.id)
    assert section_index(composer, "contents").data() == "Contents"
    composer.model.setData(section_index(composer, "topics"), "ASEAN topics", Qt.ItemDataRole.EditRole)
    composer.form.fields["language"].input.setCurrentIndex(
        composer.form.fields["language"].input.findData("vi")
    )
    composer.form.fields["language"].input.activated.emit(
        composer.form.fields["language"].input.currentIndex()
    )
    assert library.get(Book, book.id).language == "vi"
    assert section_index(composer, "contents").data() == "Mục lục"
    assert section_index(composer, "biographies").data() == "Phụ lục: tiểu sử"
    assert section_index(composer, "topics").data() == "ASEAN topics"


def test_every_sections_items_are_ticked_in_the_tree(qtbot, composer, library, made, monkeypatch):
    book = new_book(library, made["event"].id, ceiling="Secret")
    show_book(qtbot, composer, book.id)
    assert children(composer, "topics") == [(made["topic"].title, True, "event")]
    people = children(composer, "biographies")
    assert [p[1] for p in people] == [True, True] and {p[2] for p in people} == {"event"}
    assert "ທອງສະຫວັນ ພົມວິຫານ" in " ".join(p[0] for p in people)
    assert len(children(composer, "statements")) == 1
    assert "Bangkok" not in composer.preview.text() and made["topic"].title in composer.preview.text()

    # Untick our topic: stored as an empty choice; tick it again: back to the event's default.
    topic_row = composer.model.index(0, 0, section_index(composer, "topics"))
    composer.model.setData(topic_row, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert next(s for s in sections(library.get(Book, book.id)) if s.kind == "topics").items == []
    topic_row = composer.model.index(0, 0, section_index(composer, "topics"))
    composer.model.setData(topic_row, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert next(s for s in sections(library.get(Book, book.id)) if s.kind == "topics").items is None

    # Add a Bangkok topic from the library: ticked, marked, and warned about.
    bangkok = next(t for t in library.list(Topic) if t.id != made["topic"].id and events_of(library, t))
    picked = []
    monkeypatch.setattr(pickers, "pick_item", lambda parent, context, kind: picked.append(kind) or bangkok.id)
    composer.sections_panel.tree.setCurrentIndex(section_index(composer, "topics"))
    assert composer.sections_panel.add_item_button.isEnabled()
    with qtbot.waitSignal(composer.analysed, timeout=60_000):
        composer.sections_panel.add_item_button.click()
    assert picked == ["topic"]
    rows = children(composer, "topics")
    assert rows[1][1] and rows[1][2] == "other" and "another event" in rows[1][0]
    warned = [w for w in composer.warnings.warnings if w.code == "other_event"]
    assert [w.item_id for w in warned] == [bangkok.id]
    texts = [composer.warnings.list.item(i).text() for i in range(composer.warnings.list.count())]
    assert any("belongs to another event" in t for t in texts)
    composer.context.stack.undo()
    assert next(s for s in sections(library.get(Book, book.id)) if s.kind == "topics").items is None


def test_screenshot_of_the_composer_choosing_annex_items(
    qtbot, composer, library, made, monkeypatch, screenshot_dir
):
    book = new_book(library, made["event"].id, ceiling="Internal", language="vi")
    show_book(qtbot, composer, book.id)
    demo_statement = next(s for s in library.list("statement") if s.id != made["statement"].id)
    monkeypatch.setattr(pickers, "pick_item", lambda *args: demo_statement.id)
    composer.sections_panel.tree.setCurrentIndex(section_index(composer, "statements"))
    with qtbot.waitSignal(composer.preview.ready, timeout=60_000):
        composer.sections_panel.add_item_button.click()
    tree = composer.tree
    for kind in ("meetings", "topics"):
        tree.collapse(section_index(composer, kind))
    for kind in ("statements", "biographies"):
        tree.expand(section_index(composer, kind))
    tree.scrollTo(section_index(composer, "biographies"))
    assert composer.grab().save(str(screenshot_dir / "composer-annex-items.png"))


def test_the_new_book_dialog_is_named_for_screen_readers(qtbot, library, made) -> None:
    from tests.ui.a11y import undescribed, unnamed, walk

    dialog = NewBookDialog(library, made["event"].id, "vi")
    qtbot.addWidget(dialog)
    dialog.show()
    found = walk(dialog)
    assert found and unnamed(found) == [] and undescribed(found) == []
