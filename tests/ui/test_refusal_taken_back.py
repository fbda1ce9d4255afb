"""A refused entry corrected back to the value that is stored takes the refusal away.

Found typing dates in an event: "2025/12/17" was refused ("Write a date such as 17/12/2025
…"); typing "2025-12-17", the date already stored, left the red message and the field as
typed, since the field saved nothing (nothing had changed) and so said nothing either. The
same with a title emptied (refused: an event needs a title) and typed back as it was."""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefbook.library import Event


def _type(qtbot, field, text: str) -> None:
    field.input.setFocus()
    field.input.selectAll()
    field.input.setText(text)
    qtbot.keyClick(field.input, Qt.Key.Key_Return)


def test_a_date_typed_back_as_stored_clears_its_refusal(qtbot, dialogs, window, library, filled) -> None:
    event = filled["event"]
    library.update(Event, event.id, start_date="2025-12-17")
    view = window.show_view("event")
    assert view.select(event.id)
    field = view.editor.field("start_date")
    _type(qtbot, field, "2025/12/17")
    assert field.error  # refused, in words
    _type(qtbot, field, "2025-12-17")  # the date that is stored, written another way
    assert field.error == ""
    assert field.input.text() == "17/12/2025"  # shown as the field shows a stored date
    assert library.get(Event, event.id).start_date == "2025-12-17"


def test_a_title_typed_back_as_stored_clears_its_refusal(qtbot, dialogs, window, library, filled) -> None:
    event = filled["event"]
    view = window.show_view("event")
    assert view.select(event.id)
    field = view.editor.field("title")
    _type(qtbot, field, "")
    assert field.error
    _type(qtbot, field, event.title)
    assert field.error == ""
    assert library.get(Event, event.id).title == event.title
