"""The editor keeps a text's blocks on save: nested lists and code, as the book reads them.

Each text is opened in the real editor and its saved Markdown read back by the book's
parser (``parsed_blocks``) and by the editor opening it again, as in
``test_markdown_fidelity``.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor, QTextListFormat

from briefbook.assemble.markdown_parse import parsed_blocks
from briefbook.ui.editors.rich_text import MarkdownEdit
from tests.ui.test_markdown_literals import _reopened


def _read(markdown: str) -> list:
    return parsed_blocks(markdown, "body")


NESTED = [
    "1. Mở đầu\n   - ສປປ ລາວ\n   - ประเทศไทย\n2. Kết luận",
    "1. one\n   1. a\n      - deep\n   2. b\n2. two",
    "- one\n  1. a\n  2. b\n- two",
    "\n".join(f"{n}. item {n}" for n in range(1, 12)) + "\n    - nested under eleven\n12. twelve",
    "1. one\n   - a long nested item " + "từ " * 40 + "cuối\n2. two",
]


@pytest.mark.parametrize("text", NESTED)
def test_a_numbered_list_with_nested_items_keeps_its_shape(qtbot, text: str) -> None:
    stored = _reopened(qtbot, text).markdown()
    assert _read(stored) == _read(text), stored
    again = _reopened(qtbot, stored)
    assert again.markdown() == stored  # (opened and saved again: unchanged)


def test_a_bulleted_list_typed_under_a_numbered_item_stays_nested(qtbot) -> None:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    cursor = QTextCursor(edit.document())
    cursor.insertText("Mở đầu")
    cursor.createList(QTextListFormat.Style.ListDecimal)
    cursor.insertBlock()
    cursor.insertText("ສປປ ລາວ")
    nested = QTextListFormat()
    nested.setStyle(QTextListFormat.Style.ListDisc)
    nested.setIndent(2)
    cursor.createList(nested)
    cursor.insertBlock()
    cursor.insertText("ประเทศไทย")
    cursor.insertBlock()
    first = edit.document().begin().textList()
    first.add(cursor.block())
    cursor.insertText("Kết luận")
    stored = edit.markdown()
    assert _read(stored) == _read("1. Mở đầu\n   - ສປປ ລາວ\n   - ประเทศไทย\n2. Kết luận"), stored


FENCED = [
    "```\nmã  hai dấu cách\n  thụt vào\n```",
    "Trước\n\n```python\nx = 1   \n\n  y\n```\n\nSau đó",
    "- mục\n\n  ```\n  code  a\n  ```\n- mục hai",
    "~~~\n`a`  **b**\n~~~\n\nĐoạn " + "dài " * 30 + "cuối",
]


@pytest.mark.parametrize("text", FENCED)
def test_a_code_fence_keeps_its_lines_on_save(qtbot, text: str) -> None:
    stored = _reopened(qtbot, text).markdown()
    assert _read(stored) == _read(text), stored
    assert _reopened(qtbot, stored).markdown() == stored


def test_a_typed_line_break_in_a_text_holding_code_stays_a_line_break(qtbot) -> None:
    text = "Trước\n\n```\ncode\n```\n\nĐiểm 1\\\nĐiểm 2"
    edit = _reopened(qtbot, text)
    assert edit.document().lastBlock().text() == "Điểm 1\u2028Điểm 2"  # one paragraph, as the book reads it
    cursor = QTextCursor(edit.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\u2028ສປປ")  # Shift+Enter, then a word
    stored = edit.markdown()
    assert [p.runs[0].text for p in _read(stored)][-1] == "Điểm 1\nĐiểm 2\nສປປ", stored
    again = _reopened(qtbot, stored)
    assert again.document().lastBlock().text() == "Điểm 1\u2028Điểm 2\u2028ສປປ"
    assert again.markdown() == stored


# Code pasted from a web page or Word (a <pre>): its lines, as they are, in a fenced block
PASTED_CODE = [
    (
        "<p>Trước</p><pre>x = 1\n    thụt  vào\n&gt; không phải trích dẫn\n| a | b |\n"
        "# không phải tiêu đề\n**b**</pre><p>Sau đó</p>",
        "x = 1\n    thụt  vào\n> không phải trích dẫn\n| a | b |\n# không phải tiêu đề\n**b**",
    ),
    ("<h2>Mã</h2><pre><code>def f():\n    return 1\n</code></pre>", "def f():\n    return 1"),
    (
        "<p class=MsoNormal>Lệnh</p><pre><span style='font-family:\"Courier New\"'>ສປປ  ລາວ\n"
        "  - không phải danh sách</span></pre>",
        "ສປປ  ລາວ\n  - không phải danh sách",
    ),
]


@pytest.mark.parametrize(("html", "code"), PASTED_CODE)
def test_code_pasted_from_html_keeps_its_lines(qtbot, html: str, code: str) -> None:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    mime = QMimeData()
    mime.setHtml(html)
    edit.insertFromMimeData(mime)
    stored = edit.markdown()
    texts = ["".join(r.text for r in b.runs) for b in _read(stored)]
    assert code in texts, stored  # one paragraph of the code's lines, nothing made markup
    assert _reopened(qtbot, stored).markdown() == stored  # (opened and saved again: unchanged)
