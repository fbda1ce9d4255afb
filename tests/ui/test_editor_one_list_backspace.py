"""Backspace at a group's first item of a long bulleted list with nested items (opened as a
run of short lists: ``list_runs``) makes that one item a paragraph of the item before, and
the rest of the list stays tight, as it was typed.

The editor that held such a list as one ``QTextList`` made it loose instead: Qt's writer,
seeing a block that is not an item between two items of one list, put a blank line after
each item's nested list all down the list (40 blank lines added to this one for one key
pressed). Which is right for a user: the Markdown changes only where they pressed the key.
So this pins the run of groups' answer (the one-list editor fails it)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_editor_one_list import _at, _field
from tests.ui.test_revisions_one_list import _bulleted_nested


def test_backspace_at_a_groups_first_item_changes_the_markdown_only_there(qtbot) -> None:
    text = _bulleted_nested(400)
    field = _field(qtbot, text)
    document = field.edit.document()
    block = document.findBlockByNumber(20)
    assert block.textList().item(0) == block  # a group's first item, after a top-level item
    assert block.textList().objectIndex() != block.previous().textList().objectIndex()
    _at(field, 20)
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    lines = text.splitlines()
    item = lines[20]
    assert item.startswith("- ")
    expected = [*lines[:20], "", "  " + item[2:], "", *lines[21:]]
    assert field.edit.markdown().splitlines() == expected
    document.undo()
    assert field.edit.markdown() == text
