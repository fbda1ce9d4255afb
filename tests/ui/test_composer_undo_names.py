"""The composer's undo steps name an item by one rule (text.one_line, 60 characters), however it was included.

Adding an item from the library named it in the undo step cut at 60 characters with no
ellipsis ('name[:60]'); ticking it in the tree named it on one line with an ellipsis.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from briefbook.library import Event, Library, Meeting, Topic
from briefbook.library.books import new_book
from briefbook.text import one_line
from briefbook.ui.context import UiContext
from briefbook.ui.editors import pickers
from briefbook.ui.notifier import LibraryModel
from briefbook.ui.settings import Settings
from tests.ui.conftest import shown_composer

LONG = "Hành lang kinh tế Đông – Tây và kết nối đường sắt ວຽງຈັນ – Hà Nội – Hải Phòng, giai đoạn hai"


@pytest.fixture
def composer(qtbot, library: Library, tmp_path: Path):
    context = UiContext(LibraryModel(library), QUndoStack(), Settings(tmp_path / "settings.ini"), None)
    with shown_composer(qtbot, context, (1400, 820)) as widget:
        yield widget


def test_adding_and_ticking_an_item_name_it_alike_in_the_undo_step(qtbot, composer, library, monkeypatch):
    event = library.add(Event(title="Hội nghị Viêng Chăn"))
    library.add(Meeting(event_id=event.id, title="Gặp song phương", kind="bilateral"))
    topic = library.add(Topic(title=LONG))
    book = new_book(library, event.id, ceiling="Secret")
    with qtbot.waitSignal(composer.preview.ready, timeout=60_000):
        composer.set_book(book.id)
    row = next(i for i, s in enumerate(composer.sections) if s.kind == "topics")
    monkeypatch.setattr(pickers, "pick_item", lambda parent, context, kind: topic.id)
    composer.sections_panel.tree.setCurrentIndex(composer.model.index(row, 0))
    with qtbot.waitSignal(composer.analysed, timeout=60_000):
        composer.sections_panel.add_item_button.click()
    stack = composer.context.stack
    added = stack.undoText()
    shown = composer.sections_panel.tree.currentIndex()  # the tree selects what was added (index_of_item)
    assert shown.parent().row() == row and composer.model.record_at(shown).id == topic.id
    parent = composer.model.index(row, 0)
    index = composer.model.index(0, 0, parent)
    composer.model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    left_out = stack.undoText()
    assert added == f"Include “{one_line(LONG, 60)}”" and added.endswith("…”")
    assert left_out == f"Leave out “{one_line(LONG, 60)}”"
