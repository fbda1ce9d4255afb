"""Another window's edit of the item shown here appears when this window gets the focus
again, even with the focus in one of its fields, and an edit typed here is not lost."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from briefbook.library import Library, Topic


def _focus(qtbot, window, widget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=30_000)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=30_000)


def test_another_windows_edit_shows_when_the_window_gets_the_focus_in_a_field(
    qtbot, window, library, filled, library_path
):
    topic = filled["topic"]
    view = window.show_view("topic")
    assert view.select(topic.id)
    background = view.editor.field("background")
    _focus(qtbot, window, background.edit)  # (the field the focus goes back to with the window)
    with Library.open(library_path, backup=False) as other:
        other.update(Topic, topic.id, background="Nền của cửa sổ khác: **Lào**, Thái Lan")
    assert window.watcher.check()  # what the window does when it gets the focus again
    assert background.edit.toPlainText() == "Nền của cửa sổ khác: Lào, Thái Lan"
    background.edit.insertPlainText("Của tôi ")  # typed over theirs: saved, not refused
    background.flush()
    assert not background.error
    stored = library.get(Topic, topic.id).background
    assert "Của tôi" in stored and "Nền của cửa sổ khác" in stored


def test_an_edit_typed_here_is_kept_when_another_window_changes_the_item(qtbot, window, filled, library_path):
    topic = filled["topic"]
    view = window.show_view("topic")
    assert view.select(topic.id)
    background = view.editor.field("background")
    _focus(qtbot, window, background.edit)
    background.edit.insertPlainText("Đang gõ ")  # not saved yet
    with Library.open(library_path, backup=False) as other:
        other.update(Topic, topic.id, background="Nền của cửa sổ khác")
    assert not window.watcher.check()  # typing: the refresh waits
    assert "Đang gõ" in background.edit.toPlainText()  # nothing typed is replaced
    background.flush()  # (as when the focus leaves)
    assert "changed in another window or program" in (background.error or "")
    assert "History" in background.error  # the text typed is kept, and where is said
