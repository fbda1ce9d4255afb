"""Redo from the keyboard as an officer used to Word does it: Ctrl+Y, as well as
Ctrl+Shift+Z (on Linux Qt's standard Redo key is only Ctrl+Shift+Z, so Ctrl+Y did
nothing on the walk-through)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from briefbook.library import Meeting
from briefbook.ui import menus
from tests.ui.conftest import main_window_on

CTRL = Qt.KeyboardModifier.ControlModifier


def linux_keys(key):
    """What Qt's xcb platform (X11 without a desktop's theme) gives for a standard key."""
    if key == QKeySequence.StandardKey.Redo:
        return [QKeySequence("Ctrl+Shift+Z")]
    return QKeySequence.keyBindings(key)


@pytest.fixture
def linux_window(qtbot, monkeypatch, filled, library_path):
    """The main window with the standard keys Qt gives on X11 (made before it opens)."""
    monkeypatch.setattr(menus, "standard_shortcuts", linux_keys)
    with main_window_on(qtbot, library_path) as window:
        yield window


def test_ctrl_z_then_ctrl_y_and_ctrl_shift_z_redo_an_edit(qtbot, linux_window, library, filled):
    window = linux_window
    meeting = filled["meeting"]
    view = window.show_view("meeting")
    assert view.select(meeting.id)
    venue = view.editor.field("venue").input
    venue.setFocus()
    venue.selectAll()
    venue.insert("Phòng 3, NCC")
    qtbot.keyClick(venue, Qt.Key.Key_Return)
    assert library.get(Meeting, meeting.id).venue == "Phòng 3, NCC"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)  # shortcuts go to the active window
    table = view.table
    table.setFocus()

    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert library.get(Meeting, meeting.id).venue == meeting.venue
    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    assert library.get(Meeting, meeting.id).venue == "Phòng 3, NCC"
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert library.get(Meeting, meeting.id).venue == "Phòng 3, NCC"
