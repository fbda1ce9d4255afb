"""Escape takes back what was typed in a one-line field: the saved value comes back and a
refusal ("too long", "write a date such as…") goes away. Found on the walk-through: a name
refused as too long stayed in the field, red, and Escape did nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefbook.library import Meeting, Person


def test_escape_puts_back_a_refused_name(qtbot, window, library, filled):
    person = filled["thai"]
    view = window.show_view("person")
    assert view.select(person.id)
    name = view.editor.field("name")
    name.input.setFocus()
    name.input.selectAll()
    name.input.insert("فيصل بن فرحان آل سعود " * 20)
    qtbot.keyClick(name.input, Qt.Key.Key_Return)
    assert name.error  # refused: too long, shown at the field
    assert library.get(Person, person.id).name == person.name

    qtbot.keyClick(name.input, Qt.Key.Key_Escape)
    assert name.input.text() == person.name and not name.error
    assert library.get(Person, person.id).name == person.name


def test_escape_before_enter_keeps_the_saved_value_and_saves_nothing(qtbot, window, library, filled):
    meeting = filled["meeting"]
    view = window.show_view("meeting")
    assert view.select(meeting.id)
    venue = view.editor.field("venue")
    start = view.editor.field("starts_at")
    venue.input.setFocus()
    venue.input.selectAll()
    venue.input.insert("Phòng 3, NCC")
    qtbot.keyClick(venue.input, Qt.Key.Key_Escape)
    assert venue.input.text() == (meeting.venue or "")
    start.input.setFocus()  # focus leaves: nothing to save
    assert library.get(Meeting, meeting.id).venue == meeting.venue

    start.input.selectAll()
    start.input.insert("31/02/2027")
    qtbot.keyClick(start.input, Qt.Key.Key_Return)
    assert start.error
    qtbot.keyClick(start.input, Qt.Key.Key_Escape)
    assert not start.error and library.get(Meeting, meeting.id).starts_at == meeting.starts_at
