"""A meeting's first participant shows their whole role: the role column widens for its
combo box. Found under Xvfb: adding the first participant of a meeting left the column
at the header's width, so "Đối tác" read "Đố"."""

from __future__ import annotations

from briefbook.ui import i18n


def test_the_first_participant_s_role_is_readable(qtbot, window, dialogs, filled):
    i18n.apply_language("vi")
    qtbot.wait(10)
    window.resize(1280, 800)
    view = window.show_view("meeting")
    window.actions["new_item"].trigger()  # a meeting with nobody yet
    participants = view.editor.form.panels[0]
    assert participants.table.rowCount() == 0
    dialogs.pick.append(filled["thai"].id)
    participants.add_button.click()
    assert participants.table.rowCount() == 1
    combo = participants.table.cellWidget(0, 1)
    assert combo.currentText() == "Đối tác"
    assert participants.table.columnWidth(1) >= combo.sizeHint().width()
