"""A "&#32;" inside a code span is the six characters typed, in the editor as in the book.

The editor stores a space at a paragraph's start as "&#32;" and, opening a text, gave every
"&#32;" to Qt's reader as a space, code spans included, where CommonMark (the book) reads
no entity: "`a&#32;b`" printed "a&#32;b", the editor showed "a b", and the next save
stored "`a b`" (the text changed with no edit). Each text is opened in the real editor,
compared with what the book's parser prints, edited elsewhere and saved.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from briefbook.assemble.markdown_parse import parsed_blocks
from tests.ui.test_markdown_literals import _reopened, shown_paragraphs


def _book(markdown: str) -> list[str]:
    return ["".join(r.text for r in block.runs) for block in parsed_blocks(markdown, "body")]


TEXTS = [
    "`a&#32;b`",
    "&#32;&#32;x `&#32;` cuối",
    "&#32;&#32;`a&#32;b` và `&#32;`",
    "&#32;a ``x ` &#32;`` b",
    "&#32;ສປປ `&#32;&#32;ລາວ` ประเทศไทย\n\n&#32;&#32;đoạn `mã&#32;` hai",
]


@pytest.mark.parametrize("text", TEXTS)
def test_an_entity_in_a_code_span_opens_as_typed(qtbot, text: str) -> None:
    edit = _reopened(qtbot, text)
    assert shown_paragraphs(edit) == _book(text)
    assert edit.markdown() == text  # opened and saved: unchanged


@pytest.mark.parametrize("text", TEXTS)
def test_an_entity_in_a_code_span_is_kept_through_an_edit_elsewhere(qtbot, text: str) -> None:
    edit = _reopened(qtbot, text)
    cursor = QTextCursor(edit.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, " them")
    stored = edit.markdown()
    assert _book(stored) == [*_book(text)[:-1], _book(text)[-1] + " them"], stored
