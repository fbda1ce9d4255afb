"""Closing the window while a long text is being stored: the window goes at once, the text is
stored before the window is closed, and a refusal brings the window back to say it.

Closing waited for the write under way with the window still on screen (0.2-0.7 s for a 1 MB
point, the user's input held). The waits are counted here with the window's visibility at each,
never timed.
"""

from __future__ import annotations

import pytest

from briefbook.library import TalkingPoint
from briefbook.ui.editors import background_save
from tests.ui import test_long_text
from tests.ui.test_long_text import WORD
from tests.ui.test_long_text_saves import _opened, _same, _save_after_pause, _type_over

huge = test_long_text.huge  # a window on a point of 999,000 characters, Vietnamese and Thai


def _shown_at_waits(monkeypatch, window) -> list[bool]:
    """Whether the window is on screen at each of its waits for a write on another thread."""
    shown: list[bool] = []
    real = background_save.wait_for
    monkeypatch.setattr(
        background_save, "wait_for", lambda *a, **k: shown.append(window.isVisible()) or real(*a, **k)
    )
    return shown


def test_the_window_is_gone_while_the_long_text_it_closes_on_is_stored(qtbot, huge, library, monkeypatch):
    window, point, text, _book = huge
    field = _opened(qtbot, window, point)
    editor = window.show_view("talking_point").editor
    _type_over(qtbot, field, WORD, "Halong")
    _save_after_pause(qtbot, field)
    assert editor.writes.busy(point.id)  # being stored as the window closes
    shown = _shown_at_waits(monkeypatch, window)
    window.close()
    assert shown and not any(shown)  # waited for with the window gone
    assert not window.model.is_open  # closed once stored
    assert _same(library.get(TalkingPoint, point.id).text, text.replace(WORD, "Halong"))


@pytest.mark.parametrize("huge", ["th"], indirect=True)
def test_a_long_text_refused_as_the_window_closes_brings_the_window_back_to_say_it(
    qtbot, huge, library, monkeypatch
):
    window, point, text, _book = huge
    window.watcher.timer.stop()  # (the other window's change is found by the write itself)
    field = _opened(qtbot, window, point)
    editor = window.show_view("talking_point").editor
    library.update(TalkingPoint, point.id, status="draft")  # another window, meanwhile
    _type_over(qtbot, field, WORD, "Halong")
    _save_after_pause(qtbot, field)
    assert editor.writes.busy(point.id)
    window.close()
    assert window.isVisible() and window.model.is_open  # back, and still open
    assert "another window" in field.error and "Your text is kept" in field.error  # said at the field
    assert _same(library.get(TalkingPoint, point.id).text, text)  # theirs never written over
