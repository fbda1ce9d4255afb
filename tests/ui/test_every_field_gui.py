"""Every field of every kind is edited in the window, as a user does (cases from the record definitions).

For each kind, the item is opened in its editor (a book in the composer's
form) and each field is given a new value through its widget: typed and
confirmed with Enter, picked in a combo box, chosen with the item picker, or
written in the rich-text editor. The few fields that are not in a form are
edited where the window offers them (ROUTES). A field added to a record
later is covered by the same code; one the window cannot edit fails here.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from briefbook.library import Library, TalkingPoint
from briefbook.library.books import sections
from briefbook.library.records import RECORD_TYPES
from briefbook.ui.editors.fields import (
    ChoiceField,
    DateField,
    IntField,
    LineField,
    ReadOnlyField,
    display_date,
)
from briefbook.ui.editors.pickers import RefField
from briefbook.ui.editors.rich_text import MarkdownField
from tests.field_cases import new_value

# Fields that no form shows, and where the window edits them instead.
ROUTES = {
    ("talking_point", "position"): "the talking points list (drag, or keyboard reorder)",
    ("book", "sections"): "the composer's sections tree",
    ("book", "last_export_at"): "recorded by an export; shown under the book's form",
    ("book", "version"): "counted by exports (Library.record_export); shown under the book's form",
}


def enter(qtbot, dialogs, widget, value) -> None:
    """Give ``widget`` a new value the way a user would."""
    if isinstance(widget, ReadOnlyField):
        raise AssertionError(f"{widget.field} is read-only in the window")
    if isinstance(widget, RefField):
        dialogs.pick.append(value)
        widget.choose_button.click()
    elif isinstance(widget, ChoiceField):
        index = widget.input.findData(value)
        assert index >= 0, (widget.field, value)
        widget.input.setCurrentIndex(index)
        widget.input.activated.emit(index)
    elif isinstance(widget, IntField):
        widget.input.setFocus()
        widget.input.setValue(value)
        qtbot.keyClick(widget.input, Qt.Key.Key_Return)
    elif isinstance(widget, MarkdownField):
        widget.edit.setFocus()
        widget.edit.selectAll()
        widget.edit.textCursor().insertText("x")  # the user replaces the text…
        widget.edit.set_markdown(value)  # …with what a paste of this Markdown gives
        widget.edit.document().setModified(True)
        widget.flush()  # what the pause in typing or leaving the field does
    elif isinstance(widget, (DateField, LineField)):
        shown = display_date(value) if isinstance(widget, DateField) else value
        widget.input.setFocus()
        widget.input.selectAll()
        widget.input.insert(shown)
        qtbot.keyClick(widget.input, Qt.Key.Key_Return)
    else:
        raise AssertionError(f"the test does not know how to type into {type(widget).__name__}")


def form_of(window, kind: str, item_id: str) -> dict:
    if kind == "book":
        composer = window.show_view("book")
        composer.set_book(item_id)
        return composer.form.fields
    view = window.show_view(kind)
    assert view.select(item_id)
    return view.editor._ensure_form().fields


@pytest.mark.parametrize("kind", sorted(RECORD_TYPES))
def test_every_field_is_edited_in_the_window(qtbot, dialogs, win, library, seeded, kind: str) -> None:
    item = seeded[kind]
    fields = form_of(win, kind, item.id)
    edited = []
    for name in RECORD_TYPES[kind].data_fields():
        if (kind, name) in ROUTES:
            assert name not in fields
            continue
        assert name in fields, f"{kind}.{name} cannot be edited in the window"
        value = new_value(library, seeded, kind, name)
        enter(qtbot, dialogs, fields[name], value)
        stored = getattr(library.get(kind, item.id), name)
        assert stored == value, (kind, name, stored, value)
        assert not fields[name].error, (kind, name, fields[name].error)
        edited.append(name)
    assert not dialogs.messages
    assert edited, kind


def test_a_talking_points_position_is_edited_by_reordering(win, library, seeded) -> None:
    point = seeded["talking_point"]
    later = library.add(TalkingPoint(topic_id=point.topic_id, text="Điểm sau"))
    view = win.show_view("talking_point", point.topic_id)
    assert view.model.move_items([point.id], None)  # what a drop after the last row does
    assert library.get(TalkingPoint, point.id).position > library.get(TalkingPoint, later.id).position


def test_a_books_sections_are_edited_in_the_composer(win, library, seeded) -> None:
    book = seeded["book"]
    composer = win.show_view("book")
    composer.set_book(book.id)
    index = composer.model.index(0, 0)
    assert composer.model.setData(index, "Ghi chú ວຽງຈັນ", Qt.ItemDataRole.EditRole)
    assert sections(library.get("book", book.id))[0].title == "Ghi chú ວຽງຈັນ"


def test_the_last_export_is_shown_not_typed(win, library, seeded) -> None:
    book = library.update("book", seeded["book"].id, last_export_at="2026-07-20T08:15:00Z")
    composer = win.show_view("book")
    composer.set_book(book.id)
    assert "20/07/2026 08:15" in composer.form.status.text()


def test_a_refused_choice_goes_back_and_says_why(qtbot, dialogs, win, library, seeded, monkeypatch) -> None:
    """An edit the library refuses never leaves the combo showing an unsaved value, nor loops a dialog."""
    meeting = seeded["meeting"]
    fields = form_of(win, "meeting", meeting.id)
    real = Library.update

    def broken(self, kind, item_id, /, **changes):
        if "kind" in changes:
            raise RuntimeError("simulated fault")
        return real(self, kind, item_id, **changes)

    monkeypatch.setattr(Library, "update", broken)
    enter(qtbot, dialogs, fields["kind"], "bilateral")
    assert library.get("meeting", meeting.id).kind == "plenary"
    assert fields["kind"].value() == "plenary"  # shows what is stored
    assert "could not be saved" in fields["kind"].error and "shown again" in fields["kind"].error
    fields["title"].input.setFocus()
    fields["kind"].input.setFocus()
    fields["kind"].flush()
    assert not dialogs.messages  # no dialog, on focus changes or a flush


def test_refused_text_stays_marked_for_correction(qtbot, dialogs, win, library, seeded) -> None:
    meeting = seeded["meeting"]
    fields = form_of(win, "meeting", meeting.id)
    enter(qtbot, dialogs, fields["starts_at"], "2026-07-24T09:30")
    fields["starts_at"].input.setText("32/13/2026")
    qtbot.keyClick(fields["starts_at"].input, Qt.Key.Key_Return)
    assert fields["starts_at"].input.text() == "32/13/2026" and fields["starts_at"].error
    assert library.get("meeting", meeting.id).starts_at == "2026-07-24T09:30"
    assert not dialogs.messages
