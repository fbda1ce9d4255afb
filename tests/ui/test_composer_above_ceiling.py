"""An item above the book's ceiling is shown left out in the composer's tree, not ticked.

The biographies (and every other section's items, and the meetings) were shown ticked whatever
their level, while the export leaves out what is above the ceiling: a Confidential profile in an
Internal book read as included. Now it is unticked, greyed, marked "above the ceiling" and
cannot be ticked; its stored choice is kept, and the preflight still names it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from briefbook.assemble.book import preflight
from briefbook.library import Event, Library, Meeting, Person
from briefbook.library.books import new_book
from briefbook.ui.context import UiContext
from briefbook.ui.notifier import LibraryModel
from briefbook.ui.settings import Settings
from tests.ui.conftest import shown_composer
from tests.ui.test_book_about_event import section_index, show_book


def test_a_profile_above_the_ceiling_is_shown_left_out_and_named(qtbot, library: Library, tmp_path: Path):
    event = library.add(Event(title="Hội đàm Viêng Chăn", start_date="2026-12-16", end_date="2026-12-17"))
    meeting = library.add(
        Meeting(event_id=event.id, title="ກອງປະຊຸມ", kind="bilateral", starts_at="2026-12-16 10:00")
    )
    secret = library.add(Person(name="ສົມພອນ ວົງສາ", classification="Confidential"))
    plain = library.add(Person(name="សុខ ចាន់", classification="Internal"))
    for person in (secret, plain):
        library.set_participant(meeting.id, person.id)
    book = new_book(library, event.id, title="Sổ Viêng Chăn", language="vi", ceiling="Internal")
    context = UiContext(LibraryModel(library), QUndoStack(), Settings(tmp_path / "settings.ini"), None)
    with shown_composer(qtbot, context, (1400, 820)) as composer:
        show_book(qtbot, composer, book.id)
        parent = section_index(composer, "biographies")
        model = composer.model
        rows = {}
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            rows[index.data(Qt.ItemDataRole.DisplayRole)] = (
                index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked,
                bool(model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable),
                index.data(Qt.ItemDataRole.ToolTipRole),
            )
        shown = rows["(above the ceiling) ສົມພອນ ວົງສາ"]
        assert shown[:2] == (False, False) and "leaves it out" in shown[2]
        assert rows["សុខ ចាន់"][:2] == (True, True)
    said = [w for w in preflight(library, book.id) if w.code == "above_ceiling"]
    assert [w.item_id for w in said] == [secret.id] and "ສົມພອນ ວົງສາ" in said[0].message
