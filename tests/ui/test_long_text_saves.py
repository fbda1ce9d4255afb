"""Saving edits of a whole report pasted into one talking point (1 MB): the Markdown is kept
per unit (``markdown_units``), so a save writes only what an edit changed, and a save still
being written when the user moves on or closes the window is finished first.

Each test reads the stored text back: exactly the old text with the edits made.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from briefbook.library import TalkingPoint
from briefbook.ui.editors import markdown_units
from tests.ui import test_long_text
from tests.ui.test_long_text import WORD, open_point

huge = test_long_text.huge  # a window on a point of 999,000 characters, Vietnamese and Thai


def _opened(qtbot, window, point):
    field = open_point(window, point)
    qtbot.waitUntil(lambda: not field.edit.loading, timeout=120_000)
    return field


def _type_over(qtbot, field, old: str, new: str) -> None:
    found = field.edit.document().find(old)
    assert not found.isNull()
    field.edit.setTextCursor(found)
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, new)


def test_a_save_after_the_pause_in_typing_writes_only_the_edited_piece(qtbot, huge, library, monkeypatch):
    window, point, text, _book = huge
    field = _opened(qtbot, window, point)
    kept = field.edit.kept
    qtbot.waitUntil(lambda: kept.writer.missing(kept._units()) == 0, timeout=120_000)  # written ahead
    written = []
    real = kept.writer._write
    monkeypatch.setattr(kept.writer, "_write", lambda unit: written.append(unit) or real(unit))
    _type_over(qtbot, field, WORD, "Halong")
    cursor = QTextCursor(field.edit.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(" Hết.")  # and one at the very end
    field.save_soon()  # what the pause in typing does
    assert library.get(TalkingPoint, point.id).text == text.replace(WORD, "Halong") + " Hết."
    assert len(written) == 2  # the two pieces edited, not the 500


def test_an_edit_still_being_written_when_another_item_is_shown_is_saved_first(
    qtbot, huge, library, monkeypatch
):
    window, point, text, _book = huge
    field = _opened(qtbot, window, point)
    monkeypatch.setattr(markdown_units, "QUICK", 0)  # any save is written in slices first
    _type_over(qtbot, field, WORD, "Halong")
    field.save_soon()
    assert field.edit.kept.waiting  # still being written
    other = library.add(TalkingPoint(topic_id=point.topic_id, kind="proactive", text="Điểm ngắn."))
    window.show_view("talking_point").editor.show_item(other.id)
    assert library.get(TalkingPoint, point.id).text == text.replace(WORD, "Halong")
    assert not field.edit.kept.waiting  # nothing of the first item is written later
    qtbot.wait(100)
    assert library.get(TalkingPoint, other.id).text == "Điểm ngắn."


def test_an_edit_still_being_written_when_the_window_closes_is_saved(qtbot, huge, library, monkeypatch):
    window, point, text, _book = huge
    field = _opened(qtbot, window, point)
    monkeypatch.setattr(markdown_units, "QUICK", 0)
    _type_over(qtbot, field, WORD, "Halong")
    field.save_soon()
    assert field.edit.kept.waiting
    window.close()
    assert library.get(TalkingPoint, point.id).text == text.replace(WORD, "Halong")


def test_of_two_quick_edits_the_last_is_saved(qtbot, huge, library, monkeypatch):
    window, point, text, _book = huge
    field = _opened(qtbot, window, point)
    monkeypatch.setattr(markdown_units, "QUICK", 0)
    _type_over(qtbot, field, WORD, "Halong")
    field.save_soon()  # the first edit's save, in slices
    _type_over(qtbot, field, "Halong", "Sapa")  # a second edit before it is written
    field.save_soon()
    qtbot.waitUntil(lambda: not field.edit.kept.waiting, timeout=60_000)
    assert library.get(TalkingPoint, point.id).text == text.replace(WORD, "Sapa")
    window.actions["undo"].trigger()
    assert library.get(TalkingPoint, point.id).text == text  # one save, one undo
