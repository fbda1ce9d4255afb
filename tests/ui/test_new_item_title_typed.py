"""Typing straight after New item replaces the new item's placeholder title.

Found by a user's walk (review2): Ctrl+N in Events put the focus in the title, which reads
"New event", with the cursor at its end and nothing selected, so a desk officer typing the
event's name got "New eventĐối tác toàn cầu…" (Word and Zotero select such a name).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefbook.library import Event, Topic


def test_typing_after_new_item_gives_the_title_typed(qtbot, window, library) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window or window.isActiveWindow(), timeout=2000)
    for kind, cls in (("event", Event), ("topic", Topic)):
        view = window.show_view(kind)
        window.actions["new_item"].trigger()
        item_id = view.editor.item_id
        title = view.editor.field("title").input
        assert QApplication.focusWidget() is title
        qtbot.keyClicks(title, "Hoi nghi Bangkok")
        qtbot.keyClick(title, Qt.Key.Key_Return)
        assert library.get(cls, item_id).title == "Hoi nghi Bangkok"
