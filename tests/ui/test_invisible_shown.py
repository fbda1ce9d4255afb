"""A name holding a bidi control (U+202E, pasted or imported: "Lê Anh Tuấn\u202e terceS" reads
"Secret" backwards) is shown harmlessly in the window, as the command line shows it: the table's
cells, the preflight and the package preview show the control as ``<U+202E>``, and the preflight
names it in the window's language. The stored text keeps it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack

from briefbook.assemble import preflight
from briefbook.exchange.packages import export_package
from briefbook.library import Event, Library, Meeting, Person
from briefbook.library.books import new_book
from briefbook.ui import i18n
from briefbook.ui.columns import PersonColumn
from briefbook.ui.composer.warnings import warning_text
from briefbook.ui.context import UiContext
from briefbook.ui.exchange.package_preview import PackageDialog, plan_in_background
from briefbook.ui.notifier import LibraryModel
from briefbook.ui.search_service import Searcher
from briefbook.ui.settings import Settings
from briefbook.ui.table_model import RecordTableModel

CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
SPOOF = "Lê Anh Tuấn\u202e terceS"
SHOWN = "Lê Anh Tuấn<U+202E> terceS"


@pytest.fixture
def context(qapp, library: Library):
    model = LibraryModel(library)
    searcher = Searcher(model)
    yield UiContext(model, QUndoStack(), Settings(), searcher)
    searcher.shutdown()


def _book_with_the_spoof(library: Library):
    person = library.add(Person(name=SPOOF, position="Thứ trưởng\u2067 ภาษาไทย", classification="Public"))
    event = library.add(Event(title="Hội nghị Viêng Chăn", classification="Public"))
    meeting = library.add(Meeting(event_id=event.id, title="Song phương", classification="Public"))
    library.set_participant(meeting.id, person.id, "counterpart")
    return person, event, new_book(library, event.id, ceiling="Public")


def test_the_table_cells_show_the_control(context, library: Library) -> None:
    _book_with_the_spoof(library)
    model = RecordTableModel(context, "person")
    model.sort(model.column_of("name"))
    assert model.rowCount() == 1
    cells = [
        model.data(model.index(0, column), Qt.ItemDataRole.DisplayRole)
        for column in (PersonColumn.NAME, PersonColumn.POSITION)
    ]
    assert cells == [SHOWN, "Thứ trưởng<U+2067> ภาษาไทย"]
    assert model.index(0, 0) != QModelIndex()


def test_the_preflight_names_the_control_in_both_languages(qapp, library: Library) -> None:
    person, _event, book = _book_with_the_spoof(library)
    warnings = [w for w in preflight(library, book) if w.code == "hidden_in_name"]
    assert [(w.kind, w.item_id) for w in warnings] == [("person", person.id)]
    assert warnings[0].message == (
        f"The name of person “{SHOWN}” contains an invisible character U+202E, which can make "
        "the text after it read backwards."
    )
    try:
        i18n.apply_language("en")
        assert warning_text(warnings[0]) == warnings[0].message
        i18n.apply_language("vi")
        said = warning_text(warnings[0])
    finally:
        i18n.apply_language("en")
    assert said.startswith("Tên của ") and f"“{SHOWN}” chứa một ký tự ẩn U+202E" in said
    for warning in preflight(library, book):  # no line of the preflight obeys a control
        assert not any(c in warning_text(warning) for c in CONTROLS), warning


def test_the_package_preview_shows_the_control(window, library: Library, tmp_path: Path, qtbot) -> None:
    other = Library.create(tmp_path / "other.briefbook")
    _person, event, _book = _book_with_the_spoof(other)
    export_package(other, [event.id, *[p.id for p in other.list(Person)]], tmp_path / "p.bbpkg")
    other.close()
    dialog = PackageDialog(window, plan_in_background(library.path, tmp_path / "p.bbpkg", window))
    qtbot.addWidget(dialog)
    rows = []
    for n in range(dialog.tree.topLevelItemCount()):
        group = dialog.tree.topLevelItem(n)
        rows += [group.child(k).text(2) for k in range(group.childCount())]
    assert SHOWN in rows, rows
    assert not any(c in row for row in rows for c in CONTROLS)
