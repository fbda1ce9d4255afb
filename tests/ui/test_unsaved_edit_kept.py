"""An edit not saved is never replaced by the stored text when it changes elsewhere.

``FieldWidget.set_value`` keeps an unsaved edit only while the stored value stays as it
was opened. A field can hold one without the focus: a long text whose save, asked for as
the focus left, waits until its Markdown is written (in slices, ``markdown_units``). The
window's refresh (another window's or program's edit, a package merged) then showed the
stored text in its place, and the save that followed found nothing to save: the edit was
gone, not in History, with nothing said. As at the focus's return, the edit is now saved
against the text it was typed over, refused in words, and kept in History.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from briefbook.library import Library, Topic


def _focus(qtbot, window, widget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=30_000)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=30_000)


LONG = " ".join(f"Đoạn {n}: hội nghị về lừa đảo trực tuyến ở Băng Cốc." for n in range(1500))  # ~80 KB


def test_a_long_edit_waiting_to_be_saved_is_not_replaced_by_another_windows(
    qtbot, window, library, filled, library_path
):
    topic = filled["topic"]
    library.update(Topic, topic.id, background="Nền cũ")
    view = window.show_view("topic")
    assert view.select(topic.id)
    background = view.editor.field("background")
    _focus(qtbot, window, background.edit)
    background.edit.selectAll()
    background.edit.insertPlainText(LONG)  # (a long paste over the text)
    with Library.open(library_path, backup=False) as other:
        other.update(Topic, topic.id, background="Nền của cửa sổ khác")
    _focus(qtbot, window, view.editor.field("title").input)  # the save waits for its Markdown
    assert background.is_dirty()
    window.watcher.check()  # the window refreshes
    qtbot.waitUntil(lambda: not background.edit.kept.timer.isActive(), timeout=60_000)
    qtbot.wait(50)
    stored = library.get(Topic, topic.id).background
    kept = [r.value for r in library.revisions("topic", topic.id, "background")]
    assert stored == "Nền của cửa sổ khác"  # theirs is not overwritten unseen
    assert any("Đoạn 1499" in text for text in kept)  # the paste is kept, in History
    assert "changed in another window or program" in background.error  # and that is said
    assert "History" in background.error
