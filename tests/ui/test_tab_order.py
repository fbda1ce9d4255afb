"""Keyboard only: Tab leaves a list for the editor beside it. Found under Xvfb: Tab in a
collection's table (and in a meeting's participants) moved cell by cell down every row,
so a keyboard user never reached the editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def tab(qtbot, times: int = 1, back: bool = False) -> None:
    for _ in range(times):
        widget = QApplication.focusWidget()
        qtbot.keyClick(widget, Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab)


def test_tab_goes_from_the_list_to_the_editor_and_back(qtbot, window, filled):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    view = window.show_view("meeting")
    assert view.select(filled["meeting"].id)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus, timeout=10_000)
    tab(qtbot)
    focused = QApplication.focusWidget()
    assert focused is not view.table and view.editor.isAncestorOf(focused)
    tab(qtbot, back=True)
    assert QApplication.focusWidget() is view.table


def test_tab_leaves_the_participants_table(qtbot, window, filled):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    view = window.show_view("meeting")
    assert view.select(filled["meeting"].id)
    participants = view.editor.form.panels[0]
    assert participants.table.rowCount() > 0
    participants.table.setFocus()
    participants.table.setCurrentCell(0, 0)
    qtbot.waitUntil(participants.table.hasFocus, timeout=10_000)
    tab(qtbot)
    focused = QApplication.focusWidget()
    assert not participants.table.isAncestorOf(focused) and focused is not participants.table


def test_tab_reads_a_link_panel_as_it_is_shown_list_then_add_then_remove(qtbot, window, filled):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    view = window.show_view("meeting")
    assert view.select(filled["meeting"].id)
    participants, topics = view.editor.form.panels
    for panel, listing in ((participants, participants.table), (topics, topics.list)):
        listing.setFocus()
        qtbot.waitUntil(listing.hasFocus, timeout=10_000)
        tab(qtbot)
        assert QApplication.focusWidget() is panel.add_button
        tab(qtbot)
        assert QApplication.focusWidget() is panel.remove_button
        tab(qtbot, back=True)
        tab(qtbot, back=True)
        assert QApplication.focusWidget() is listing
