"""Spaces at a paragraph's end are kept, as those at its start are (stored ``&#32;``).

CommonMark drops spaces at a paragraph's end, and so does Qt's writer: a text stored
"Việt Nam&#32;" (the book prints the space, as Word keeps one) opened as "Việt Nam " and
was saved "Việt Nam" at the next edit anywhere in it, a change no one made.
"""

from __future__ import annotations

import pytest

from briefbook.assemble.markdown import blocks
from briefbook.document.model import ListBlock, Origin
from tests.ui.test_markdown_literals import _reopened


def _book_lines(stored: str) -> list[str]:
    """The book's paragraphs and list items, a line each."""
    out: list[str] = []
    for block in blocks(stored, origin=Origin("Public")):
        if isinstance(block, ListBlock):
            out += ["".join(r.text for r in item.runs) for item in block.items]
        else:
            out.append("".join(r.text for r in block.runs))
    return out


@pytest.mark.parametrize(
    ("stored", "edited"),
    [
        ("Việt Nam&#32;\n\nHà Nội", "XViệt Nam&#32;\n\nHà Nội"),
        ("Việt Nam&#32;&#32;&#32;", "XViệt Nam&#32;&#32;&#32;"),
        ("- một&#32;\n- hai", "- Xmột&#32;\n- hai"),
        ("&#32;giữa&#32;", "X giữa&#32;"),
        ("một\\\nhai&#32;", "Xmột\\\nhai&#32;"),
    ],
)
def test_a_stored_space_at_a_paragraphs_end_is_kept_at_the_next_edit(qtbot, stored: str, edited: str) -> None:
    edit = _reopened(qtbot, stored)
    assert edit.markdown() == stored
    cursor = edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    cursor.insertText("X")  # an edit elsewhere in the text
    assert edit.markdown() == edited
    assert [line.endswith(" ") for line in _book_lines(edited)] == [
        line.endswith(" ") for line in _book_lines(stored)
    ]
    assert any(line.endswith(" ") for line in _book_lines(stored))


def test_a_space_typed_at_a_paragraphs_end_is_stored_and_read_by_the_book(qtbot) -> None:
    edit = _reopened(qtbot, "")
    edit.insertPlainText("Việt Nam ")
    stored = edit.markdown()
    assert _book_lines(stored) == ["Việt Nam "], stored
    assert _reopened(qtbot, stored).toPlainText() == "Việt Nam "
