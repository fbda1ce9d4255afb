"""Scrolling an editor with the mouse wheel never changes a field under the pointer.

Found under Xvfb: scrolling down a meeting's form passed the pointer over
"Classification", each wheel notch stepped the combo box, and the meeting was
saved as Secret. A wheel turn now scrolls the form unless the field has focus.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from briefbook.library import Meeting


def turn_wheel(widget, notches: int = -1) -> None:
    """One wheel notch down (negative) over the middle of ``widget``, as the mouse sends it."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_unfocused_field_leaves_it_alone(qtbot, window, library, filled):
    meeting = filled["meeting"]
    view = window.show_view("meeting")
    assert view.select(meeting.id)
    window.activateWindow()
    view.table.setFocus()
    level = view.editor.field("classification").input
    kind = view.editor.field("kind").input
    order = view.editor.field("position").input
    before = library.get(Meeting, meeting.id)
    for widget in (level, kind, order):
        assert not widget.hasFocus()
        for _ in range(3):
            turn_wheel(widget)
    after = library.get(Meeting, meeting.id)
    assert (after.classification, after.kind, after.position) == (
        before.classification,
        before.kind,
        before.position,
    )
    assert level.currentData() == before.classification and kind.currentData() == before.kind


def test_the_wheel_still_steps_a_field_the_user_is_in(qtbot, window, library, filled):
    meeting = filled["meeting"]
    view = window.show_view("meeting")
    assert view.select(meeting.id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    level = view.editor.field("classification").input
    level.setFocus()
    qtbot.waitUntil(level.hasFocus, timeout=10_000)
    start = level.currentIndex()
    turn_wheel(level)
    assert level.currentIndex() == start + 1
    assert library.get(Meeting, meeting.id).classification == level.currentData()
