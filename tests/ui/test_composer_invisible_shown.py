"""The composer's section tree (and every list the window names items in through
``labels.display_name``: the sidebar, pickers, filters, the book bar) shows a bidi control as
``<U+202E>``, as the tables and the preflight do. Found on a new event: a topic titled
"\u202eevil title" (pasted) read "eltit live" under Topic briefs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from briefbook.library import Event, Library, Meeting, Topic
from briefbook.library.books import new_book
from briefbook.ui.context import UiContext
from briefbook.ui.labels import display_name
from briefbook.ui.notifier import LibraryModel
from briefbook.ui.settings import Settings
from tests.ui.conftest import shown_composer

CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.fixture
def composer(qtbot, library: Library, tmp_path: Path):
    context = UiContext(LibraryModel(library), QUndoStack(), Settings(tmp_path / "settings.ini"), None)
    with shown_composer(qtbot, context, (1400, 820)) as widget:
        yield widget


def test_the_section_tree_shows_the_control(qtbot, composer, library: Library) -> None:
    event = library.add(Event(title="Hội nghị Bangkok"))
    meeting = library.add(Meeting(event_id=event.id, title="Họp báo", kind="press"))
    topic = library.add(Topic(title="\u202eevil title", background="Nội dung."))
    library.link_topic(meeting.id, topic.id)
    book = new_book(library, event.id, ceiling="Secret")
    with qtbot.waitSignal(composer.preview.ready, timeout=60_000):
        composer.set_book(book.id)
    row = next(i for i, s in enumerate(composer.sections) if s.kind == "topics")
    parent = composer.model.index(row, 0)
    names = [
        composer.model.index(i, 0, parent).data(Qt.ItemDataRole.DisplayRole)
        for i in range(composer.model.rowCount(parent))
    ]
    assert "<U+202E>evil title" in names, names
    assert not any(c in name for name in names for c in CONTROLS)
    assert display_name(topic) == "<U+202E>evil title"
