"""A Shift+Enter at the end of a list item is kept on save, in a tight list as at a paragraph's end.

Qt's writer puts the next item on the next line, so the break was written "- một\\\\" then
"- hai": CommonMark ends the item there and prints its "\\\\", and Qt's reader made one item
of the two ("một" + line break + "- hai"), which the next save escaped: the text changed
with no edit. Each list is opened in the real editor, Shift+Enter pressed at an item's end,
and the saved text read back by the book's parser and by reopening the editor.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from briefbook.assemble.markdown_parse import parsed_blocks
from briefbook.document.model import ListBlock, ListItem
from tests.ui.test_markdown_literals import _reopened


def _items(markdown: str) -> list[tuple[int, str]]:
    """The book's list items of ``markdown``, each as (depth, its text), in reading order."""
    out: list[tuple[int, str]] = []

    def walk(block: ListBlock, depth: int) -> None:
        for item in block.items:
            out.append((depth, "".join(r.text for r in item.runs)))
            if item.children:
                walk(item.children, depth + 1)

    blocks = parsed_blocks(markdown, "body")
    assert all(isinstance(b, ListBlock) for b in blocks), blocks
    for block in blocks:
        walk(block, 0)
    return out


def _shown(edit) -> list[str]:
    out = []
    block = edit.document().begin()
    while block.isValid():
        out.append(block.text().replace("\u2028", "\n"))
        block = block.next()
    return out


def _break_at_end_of(qtbot, markdown: str, item: int):
    """``markdown`` opened, Shift+Enter pressed at the end of block ``item``."""
    edit = _reopened(qtbot, markdown)
    cursor = QTextCursor(edit.document().findBlockByNumber(item))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    return edit


CASES = [
    # (the list, the block pressed in, the book's items after)
    ("- một\n- hai", 0, [(0, "một\n\u00a0"), (0, "hai")]),
    ("1. ສປປ ລາວ\n2. ประเทศไทย\n3. ba", 1, [(0, "ສປປ ລາວ"), (0, "ประเทศไทย\n\u00a0"), (0, "ba")]),
    ("- một\n  - a\n  - b\n- hai", 0, [(0, "một\n\u00a0"), (1, "a"), (1, "b"), (0, "hai")]),
    ("- một\n  - a\n  - b\n- hai", 2, [(0, "một"), (1, "a"), (1, "b\n\u00a0"), (0, "hai")]),
    ("- một\n- **hai**\n- ba", 1, [(0, "một"), (0, "hai\n\u00a0"), (0, "ba")]),
    ("- một\n- hai", 1, [(0, "một"), (0, "hai\n\u00a0")]),  # (the last: already kept)
]


@pytest.mark.parametrize(("markdown", "item", "printed"), CASES)
def test_a_line_break_typed_at_the_end_of_a_list_item_is_kept(qtbot, markdown, item, printed) -> None:
    edit = _break_at_end_of(qtbot, markdown, item)
    shown = _shown(edit)
    stored = edit.markdown()
    assert _items(stored) == printed, stored
    again = _reopened(qtbot, stored)
    assert _shown(again) == shown, stored  # the same items, the break where it was typed
    assert again.markdown() == stored  # (and saved again unchanged)


def test_a_line_break_typed_inside_a_list_item_stays_a_line_break(qtbot) -> None:
    edit = _reopened(qtbot, "- một hai\n- ba")
    cursor = QTextCursor(edit.document().begin())
    cursor.setPosition(cursor.block().position() + len("một"))
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    stored = edit.markdown()
    assert _items(stored) == [(0, "một\n hai"), (0, "ba")], stored
    assert _reopened(qtbot, stored).markdown() == stored


def test_a_line_break_at_an_items_end_is_kept_in_a_list_over_20000_characters(qtbot) -> None:
    lines = [f"- mục {n} " + "ประเทศไทย Việt Nam " * 8 for n in range(200)]
    markdown = "\n".join(line.rstrip() for line in lines)
    assert len(markdown) > 20_000
    edit = _break_at_end_of(qtbot, markdown, 100)
    stored = edit.markdown()
    items = _items(stored)
    assert len(items) == 200 and items[100][1].endswith("\n\u00a0"), stored[:200]
    assert [text for n, (_, text) in enumerate(items) if n != 100] == [
        line[2:].rstrip() for n, line in enumerate(lines) if n != 100
    ]
    again = _reopened(qtbot, stored)
    assert again.markdown() == stored
    assert isinstance(parsed_blocks(stored, "body")[0].items[100], ListItem)
