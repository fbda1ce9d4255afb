"""Ctrl+Z in a text box with nothing of its own to undo reaches the window's Undo.

Found under Xvfb: Ctrl+N made a meeting and put the cursor in its title; Ctrl+Z then
did nothing (the title box took the key for its own, empty, undo list), so the new
meeting could not be undone from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefbook.library import Meeting, Topic

CTRL = Qt.KeyboardModifier.ControlModifier


def focused_window(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)


def test_ctrl_z_right_after_new_undoes_the_new_item(qtbot, window, library, filled):
    focused_window(qtbot, window)
    view = window.show_view("meeting")
    before = library.count(Meeting)
    window.actions["new_item"].trigger()
    assert library.count(Meeting) == before + 1
    title = view.editor.field("title").input
    title.setFocus()
    qtbot.waitUntil(title.hasFocus, timeout=10_000)
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)
    assert library.count(Meeting) == before
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, CTRL)
    assert library.count(Meeting) == before + 1


def test_ctrl_z_in_a_box_with_typing_undoes_the_typing_first(qtbot, window, library, filled):
    focused_window(qtbot, window)
    topic = filled["topic"]
    view = window.show_view("topic")
    assert view.select(topic.id)
    title = view.editor.field("title").input
    title.setFocus()
    qtbot.waitUntil(title.hasFocus, timeout=10_000)
    title.end(False)
    qtbot.keyClicks(title, " x")
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)
    assert title.text() == topic.title  # the box's own undo
    assert library.get(Topic, topic.id).title == topic.title


def test_ctrl_z_in_an_untouched_rich_text_box_reaches_the_window(qtbot, window, library, filled):
    focused_window(qtbot, window)
    view = window.show_view("topic")
    before = library.count(Topic)
    window.actions["new_item"].trigger()
    assert library.count(Topic) == before + 1
    background = view.editor.field("background").edit
    background.setFocus()
    qtbot.waitUntil(background.hasFocus, timeout=10_000)
    qtbot.keyClick(background, Qt.Key.Key_Z, CTRL)
    assert library.count(Topic) == before
