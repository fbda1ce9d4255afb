"""A loose list (a blank line between its items) stays loose through the editor.

Qt's reader keeps no trace of a list's blank lines and its writer writes every list tight,
so a text opened and saved changed with no edit ("- một" blank "- hai" stored "- một" /
"- hai"), and every later edit of the text rewrote its lists. Each text is opened in the
real editor and saved, with no edit and after one elsewhere, and read back by the book's
parser and by reopening.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from briefbook.assemble.markdown_parse import parsed_blocks
from tests.ui.test_markdown_literals import _reopened

LOOSE = [
    "- một\n\n- hai",
    "- ສປປ ລາວ\n\n- ประเทศไทย\n\n- Việt Nam",
    "Trước\n\n- một\n\n- hai\n\nSau đó",
    "- a\n  - b\n\n  - c\n- d",  # (the nested list is loose, its parent tight)
    "- a\n  - b\n\n- c",  # (the parent is loose: the blank line ends its first item)
    "- một\n\n- **hai** [liên kết](https://mofa.gov.vn)\n\n- ba",
    "Trước\n\n    - mã, không phải mục\n\n- a\n\n- b",  # (a line like an item, in indented code)
]
TIGHT = [
    "- a\n- b\n\n* x\n* y",  # (two lists: the blank line is between them)
    "Đoạn\n\n- a\n- b",
    "- a\n  - b\n- c",
]


@pytest.mark.parametrize("text", LOOSE + TIGHT)
def test_a_list_opened_and_saved_keeps_its_blank_lines(qtbot, text: str) -> None:
    edit = _reopened(qtbot, text)
    assert edit.markdown() == text
    assert parsed_blocks(edit.markdown(), "body") == parsed_blocks(text, "body")


@pytest.mark.parametrize("text", LOOSE + TIGHT)
def test_a_list_keeps_its_blank_lines_through_an_edit_elsewhere(qtbot, text: str) -> None:
    edit = _reopened(qtbot, "Mở đầu\n\n" + text)
    cursor = QTextCursor(edit.document().begin())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, " them")
    stored = edit.markdown()
    assert stored == "Mở đầu them\n\n" + text
    assert _reopened(qtbot, stored).markdown() == stored


def test_an_item_added_to_a_loose_list_is_apart_too(qtbot) -> None:
    edit = _reopened(qtbot, "- một\n\n- hai")
    cursor = QTextCursor(edit.document().lastBlock())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "ba")
    assert edit.markdown() == "- một\n\n- hai\n\n- ba"


@pytest.mark.parametrize("text", ["- một\n\n- hai", "một\\\nhai", "&#32;&#32;thụt vào", "- a\\\n&nbsp;\n- b"])
def test_undo_just_after_opening_changes_nothing(qtbot, text: str) -> None:
    """What the editor puts back after Qt's reader (a line break, a space, a list's blank
    lines) is no step of its history: Ctrl+Z showed the private-use character in its place."""
    edit = _reopened(qtbot, text)
    shown = edit.toPlainText()
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == shown
    assert not edit.document().isModified()
    assert edit.markdown() == text


def test_a_loose_list_over_20000_characters_keeps_its_blank_lines(qtbot) -> None:
    text = "\n\n".join(f"- mục {n}: " + "ประเทศไทย Việt Nam " * 6 + "cuối" for n in range(220))
    assert len(text) > 20_000
    edit = _reopened(qtbot, text)
    assert edit.markdown() == text
    cursor = QTextCursor(edit.document().lastBlock())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, " x")
    assert edit.markdown() == text + " x"
