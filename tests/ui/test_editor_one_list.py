"""A text that is one long list, in the editor: opened as a run of short lists (``list_runs``),
written back byte for byte, and edited (Enter, Backspace, the list button, undo) as the one
list it was before.

Each item added to one ``QTextList`` walks every item already in it, so the editor opened a
text that is one list of n items in time growing with n squared (12,000 items: 4-10 s). The
lists' sizes fail on the old code (one list of all the items)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument, QTextListFormat

from briefbook.ui.editors import long_text
from briefbook.ui.editors.rich_text import FEATURES, MarkdownField
from briefbook.ui.preview_pieces import GROUP
from tests.ui.test_long_text import THAI, VIETNAMESE
from tests.ui.test_revisions_one_list import _bulleted_nested, _largest_list, _seen

ITEMS = 400


def _numbered(n: int) -> str:
    return "\n".join(f"{i}. {VIETNAMESE[i % 3]} {i}" for i in range(1, n + 1))


def _paren(n: int) -> str:
    return "\n".join(f"{i}) {THAI[i % 2]} {i}" for i in range(3, n + 3))


def _starred(n: int) -> str:
    return "\n".join(f"* {VIETNAMESE[i % 3]} {i}" for i in range(n))


def _loose(n: int) -> str:
    return "\n\n".join(f"{i}. {VIETNAMESE[i % 3]} {i}" for i in range(1, n + 1))


def _field(qtbot, text: str, one_list: bool = False) -> MarkdownField:
    """A field showing ``text`` opened in pieces; ``one_list``: as the old editor did, every
    list one ``QTextList``."""
    field = MarkdownField("text")
    qtbot.addWidget(field)
    field.show()
    if one_list:
        opened = long_text.open_in_pieces
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(long_text, "open_in_pieces", lambda *a, group=None, **k: opened(*a, **k))
            field.set_value(text, force=True)
    else:
        field.set_value(text, force=True)
    assert field.edit.loading
    qtbot.waitUntil(lambda: not field.edit.loading, timeout=60_000)
    return field


@pytest.mark.parametrize("make", [_numbered, _paren, _bulleted_nested, _starred, _loose])
def test_a_one_list_text_opens_in_short_lists_and_is_written_back_as_it_was(qtbot, make):
    text = make(ITEMS)
    assert len(text) > long_text.LONG
    field = _field(qtbot, text)
    document = field.edit.document()
    whole = QTextDocument()
    whole.setMarkdown(text, FEATURES)
    assert _seen(document) == _seen(whole)  # every item's number or bullet, depth and text
    assert _largest_list(document) <= GROUP
    assert field.edit.markdown() == _field(qtbot, text, one_list=True).edit.markdown() == text


def _at(field: MarkdownField, number: int, end: bool = False) -> None:
    cursor = QTextCursor(field.edit.document().findBlockByNumber(number))
    if end:
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    field.edit.setTextCursor(cursor)
    field.edit.setFocus()


def _select(field: MarkdownField, first: int, last: int) -> None:
    document = field.edit.document()
    cursor = QTextCursor(document.findBlockByNumber(first))
    cursor.setPosition(document.findBlockByNumber(last).position() + 2, QTextCursor.MoveMode.KeepAnchor)
    field.edit.setTextCursor(cursor)


STEPS = [
    (
        "Enter at the end of the 16th item",
        lambda q, f: (
            _at(f, 15, end=True),
            q.keyClick(f.edit, Qt.Key.Key_Return),
            q.keyClicks(f.edit, "moi"),
        ),
    ),
    (
        "Backspace at a group's first item",
        lambda q, f: (_at(f, 33), q.keyClick(f.edit, Qt.Key.Key_Backspace)),
    ),
    (
        "Enter on an empty item at a boundary",
        lambda q, f: (
            _at(f, 47, end=True),
            q.keyClick(f.edit, Qt.Key.Key_Return),
            q.keyClick(f.edit, Qt.Key.Key_Return),
            q.keyClicks(f.edit, "doan"),
        ),
    ),
    ("Tab at an item's start", lambda q, f: (_at(f, 64), q.keyClick(f.edit, Qt.Key.Key_Tab))),
    ("Shift+Tab at an item's start", lambda q, f: (_at(f, 64), q.keyClick(f.edit, Qt.Key.Key_Backtab))),
    (
        "the list button over a boundary",
        lambda q, f: (_select(f, 76, 86), f.toggle_list(QTextListFormat.Style.ListDecimal)),
    ),
    (
        "numbers to bullets over a boundary",
        lambda q, f: (_select(f, 105, 114), f.toggle_list(QTextListFormat.Style.ListDisc)),
    ),
]


@pytest.mark.parametrize("make", [_numbered, _loose])
def test_edits_across_a_group_boundary_act_as_on_one_list(qtbot, make):
    text = make(ITEMS)
    ours, before = _field(qtbot, text), _field(qtbot, text, one_list=True)
    if make is _numbered:
        block = ours.edit.document().findBlockByNumber(16)
        assert block.textList().itemText(block) == "17."  # (the second group's first item)
    for label, step in STEPS:
        for field in (ours, before):
            step(qtbot, field)
        assert _seen(ours.edit.document()) == _seen(before.edit.document()), label
        assert ours.edit.markdown() == before.edit.markdown(), label
    for _ in STEPS:
        for field in (ours, before):
            field.edit.document().undo()
        assert _seen(ours.edit.document()) == _seen(before.edit.document())
        assert ours.edit.markdown() == before.edit.markdown()
    while ours.edit.document().isUndoAvailable():
        ours.edit.document().undo()
    assert ours.edit.markdown() == text
