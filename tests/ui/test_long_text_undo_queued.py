"""Undo and redo of an edit of a long text join the queue of long-text writes; the window never
waits for them, nor takes its own saves for another window's edit.

Each undo or redo of an edit of a 1 MB point waited for its write on another thread
(``background_save.wait_for``): the window painted, but what the user typed or clicked was held
0.2-0.6 s. The thread's own connection made ``PRAGMA data_version`` change, so the window's
check read every such save as another window's and reloaded every view. The calls are counted
here, never timed.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from briefbook.library import TalkingPoint
from briefbook.ui import error_hook
from briefbook.ui.editors import background_save
from tests.ui import test_long_text
from tests.ui.test_long_text import WORD
from tests.ui.test_long_text_saves import _opened, _same, _save_after_pause, _type_over

huge = test_long_text.huge  # a window on a point of 999,000 characters, Vietnamese and Thai


def _edited(qtbot, window, point):
    """The point's text with WORD typed over as 'Halong', saved after a pause and stored."""
    field = _opened(qtbot, window, point)
    editor = window.show_view("talking_point").editor
    _type_over(qtbot, field, WORD, "Halong")
    _save_after_pause(qtbot, field)
    qtbot.waitUntil(lambda: not editor.writes.busy(), timeout=60_000)
    return field


def _all_stored(window) -> None:
    """Until the window's long-text writes are in (the code before had no queue of them)."""
    writes = getattr(window.model, "writes", None)
    if writes is not None:
        writes.wait()


def _counted_waits(monkeypatch) -> list[str]:
    """The window's waits for a write on another thread, one entry each."""
    waits: list[str] = []
    real = background_save.wait_for
    monkeypatch.setattr(background_save, "wait_for", lambda *a, **k: waits.append("wait") or real(*a, **k))
    return waits


def _stored_texts(monkeypatch) -> list[str]:
    """The texts the thread stores, in the order stored (the code before had no ``store``)."""
    order: list[str] = []
    real = getattr(background_save, "store", None)

    def store(write):
        order.append(write.new.get("text", ""))
        return real(write)

    monkeypatch.setattr(background_save, "store", store, raising=False)
    return order


def test_undo_and_redo_of_a_long_text_do_not_wait_and_are_stored_in_order(qtbot, huge, library, monkeypatch):
    window, point, text, _book = huge
    field = _edited(qtbot, window, point)
    edited = text.replace(WORD, "Halong")
    waits, order = _counted_waits(monkeypatch), _stored_texts(monkeypatch)
    window.actions["undo"].trigger()
    window.actions["redo"].trigger()  # (the undo is still being stored)
    window.actions["undo"].trigger()
    assert waits == []  # the user's input was never held
    assert window.model.writes.busy(point.id)
    _all_stored(window)
    assert [_same(t, text) for t in order] == [True, False, True]  # undo, redo, undo: in order
    assert _same(order[1], edited)
    assert _same(library.get(TalkingPoint, point.id).text, text)
    assert _same(field.value(), text) and not field.is_dirty()
    window.actions["redo"].trigger()
    _all_stored(window)
    assert _same(library.get(TalkingPoint, point.id).text, edited)
    assert _same(field.value(), edited)


def test_a_close_while_an_undo_is_being_stored_stores_it(qtbot, huge, library, monkeypatch):
    window, point, text, _book = huge
    _edited(qtbot, window, point)
    waits = _counted_waits(monkeypatch)
    window.actions["undo"].trigger()
    assert waits == []
    assert window.model.writes.busy(point.id)  # being stored as the window closes
    shown: list[bool] = []
    real = background_save.wait_for
    monkeypatch.setattr(
        background_save, "wait_for", lambda *a, **k: shown.append(window.isVisible()) or real(*a, **k)
    )
    window.close()
    assert _same(library.get(TalkingPoint, point.id).text, text)
    assert shown == [False]  # one wait, the window already gone


def test_an_undo_over_another_windows_change_is_refused_in_words(qtbot, huge, library, monkeypatch):
    """The check that nothing changed the text since is made on the thread, in the write's own
    transaction: another window's text is never written over, and the user is told why."""
    window, point, _text, _book = huge
    _edited(qtbot, window, point)
    said: list[str] = []
    monkeypatch.setattr(error_hook, "show_message", lambda parent, title, message: said.append(message))
    library.update(TalkingPoint, point.id, text="Đã sửa ở cửa sổ khác: ສົມພອນ ວົງສາ.")
    window.actions["undo"].trigger()
    _all_stored(window)
    assert library.get(TalkingPoint, point.id).text == "Đã sửa ở cửa sổ khác: ສົມພອນ ວົງສາ."
    assert len(said) == 1 and "another window" in said[0].lower()
    assert "Traceback" not in said[0]


def test_our_own_long_text_save_is_not_read_as_another_windows_edit(qtbot, huge, library):
    window, point, _text, _book = huge
    reloads: list[str] = []
    window.model.changed_elsewhere.connect(lambda: reloads.append("reload"))
    window.watcher.check()  # (what the window knew so far)
    reloads.clear()
    field = _edited(qtbot, window, point)
    window.actions["undo"].trigger()
    _all_stored(window)
    field.edit.clearFocus()
    window.watcher.check()
    assert reloads == [] and not window.watcher.pending  # (the code before: every view reloaded)
    # another window's change, and one of ours, between the same two checks: it still reloads
    library.update(TalkingPoint, point.id, status="draft")
    cursor = QTextCursor(field.edit.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    field.edit.setTextCursor(cursor)
    window.actions["redo"].trigger()
    _all_stored(window)
    field.edit.clearFocus()
    window.watcher.check()
    assert reloads == ["reload"]


def test_a_key_typed_while_an_undo_is_stored_goes_into_the_undone_text(qtbot, huge, library, monkeypatch):
    """The undo does not wait; a key typed into the field before the undo is in waits for it,
    so that it goes into the text the undo gives, not into the one it took back."""
    window, point, text, _book = huge
    field = _edited(qtbot, window, point)
    waits = _counted_waits(monkeypatch)
    writes = window.model.writes
    assert writes._typing is None  # no application-wide filter of every event while no step is held
    window.actions["undo"].trigger()
    assert waits == []
    assert writes._typing is not None
    cursor = QTextCursor(field.edit.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    field.edit.setTextCursor(cursor)
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, " Halong")  # (QTest types ASCII only)
    _save_after_pause(qtbot, field)
    _all_stored(window)
    assert _same(library.get(TalkingPoint, point.id).text, text + " Halong")
    assert _same(field.value(), text + " Halong") and not field.is_dirty()
    assert writes._typing is None  # taken off with the step


def test_a_refused_undo_of_a_long_text_leaves_the_stack_at_once(qtbot, huge, library, monkeypatch):
    """An undo refused on the thread (another window changed the text) stayed on the stack: the
    next Undo said the same refusal again. It is dropped once said, as Word drops a step that
    can no longer apply; the steps before it stay."""
    window, point, _text, _book = huge
    field = _edited(qtbot, window, point)
    _type_over(qtbot, field, "Halong", "Sapa")
    _save_after_pause(qtbot, field)
    _all_stored(window)
    stack = window.undo_stack
    assert stack.count() == 2 and stack.index() == 2
    said: list[str] = []
    monkeypatch.setattr(error_hook, "show_message", lambda parent, title, message: said.append(message))
    library.update(TalkingPoint, point.id, text="Đã sửa ở cửa sổ khác: ສົມພອນ ວົງສາ.")
    window.actions["undo"].trigger()
    _all_stored(window)
    assert len(said) == 1 and "another window" in said[0].lower()
    assert stack.count() == 1 and stack.index() == 1  # the refused step is gone, the first stays
    assert not stack.canRedo()
    assert library.get(TalkingPoint, point.id).text == "Đã sửa ở cửa sổ khác: ສົມພອນ ວົງສາ."
