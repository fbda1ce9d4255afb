"""Code with a look survives opening and saving a field: bold, italic or a link around a code
span. Qt's Markdown reader gave a code span its monospace font whole (the bold or italic around
it was dropped) and its writer wrote a code fragment as code alone (no emphasis, and no code
mark in a link's text), so opening a field and saving it with no edit stored ``a `B` c`` for
``a **`B`** c`` and ``[B](url)`` for ``[`B`](url)`` (``briefbook.ui.editors.code_looks``).
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from briefbook.assemble.markdown_parse import parsed_blocks
from briefbook.document.model import ListBlock, Paragraph, Table
from tests.ui.test_markdown_literals import _reopened

URL = "https://mofa.gov.vn/tai-lieu"
KEPT = [
    "Mã **`HĐ-07`** cuối",
    "Mã *`ສົມພອນ-42`* cuối",
    "Mã ***`ภาษาไทย`*** cuối",
    f"Xem [`ĐN-07`]({URL}) nhé",
    "Mã **``a`b``** và **` `x` `** cuối",
    "Mã **`  hai  `** và **`**sao**`** cuối",
    "- một `B` hai\n- **`C`** ba\n- [`D`](" + URL + ")",
    "|a|b|\n|-|-|\n|**`B`**|[`C`](" + URL + ")|",
    "Mở đầu **đậm `trong` đậm** và *`x`* sau `thường` cuối",
]


def _code_looks(markdown: str) -> list[tuple[str, bool, bool, bool]]:
    """Each code run as the book reads it: (text, bold, italic, a link)."""
    out = []

    def runs_of(block) -> None:
        if isinstance(block, Paragraph):
            out.extend((r.text, r.bold, r.italic, bool(r.link)) for r in block.runs if r.code)
        elif isinstance(block, ListBlock):
            for item in block.items:
                out.extend((r.text, r.bold, r.italic, bool(r.link)) for r in item.runs if r.code)
        elif isinstance(block, Table):
            for row in [*block.header, *block.rows]:
                for cell in row:
                    for paragraph in cell:
                        runs_of(paragraph)

    for block in parsed_blocks(markdown, "body"):
        runs_of(block)
    return out


@pytest.mark.parametrize("text", KEPT)
def test_opening_and_saving_keeps_code_with_a_look_byte_for_byte(qtbot, text: str) -> None:
    assert any(look[1] or look[2] or look[3] for look in _code_looks(text))
    assert _reopened(qtbot, text).markdown() == text


@pytest.mark.parametrize("text", KEPT[:7])
def test_an_edit_elsewhere_keeps_code_with_a_look(qtbot, text: str) -> None:
    edit = _reopened(qtbot, text)
    edit.setTextCursor(QTextCursor(edit.document()))  # (at the start: after a link, typing extends it)
    qtbot.keyClicks(edit, "Them ")
    head = "- " if text.startswith("- ") else ""
    assert edit.markdown() == head + "Them " + text[len(head) :]


def test_underscore_italic_code_keeps_its_look(qtbot) -> None:
    """``_x_`` is written ``*x*`` by Qt's writer, code or not: the same italic to the book."""
    stored = _reopened(qtbot, "Mã _`B`_ và _c_ cuối").markdown()
    assert stored == "Mã *`B`* và *c* cuối"
    assert _code_looks(stored) == [("B", False, True, False)]


def test_code_edited_inside_keeps_its_look(qtbot) -> None:
    edit = _reopened(qtbot, "Mã **`AB`** cuối")
    cursor = QTextCursor(edit.document())
    cursor.setPosition(4)
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, "`")
    stored = edit.markdown()
    assert _code_looks(stored) == [("A`B", True, False, False)], stored


FILLER = " ".join(["Việt Nam hội nghị ประเทศไทย ສປປ"] * 900)  # (over 20,000 characters with the rest)


def long_text_kept(qtbot, text: str) -> None:
    """``text`` (long: written unit by unit) is saved as it was, opened and saved, and after a
    word typed at its end."""
    edit = _reopened(qtbot, text)
    assert edit.markdown() == text
    cursor = QTextCursor(edit.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, " them")
    assert edit.markdown() == text + " them"


def test_a_long_text_keeps_code_with_a_look(qtbot) -> None:
    long_text_kept(qtbot, f"{FILLER} **`HĐ-07`** và [`ĐN`]({URL}) {FILLER}\n\n{FILLER} *`x`* cuối")


def test_backticks_in_a_links_address_are_read_as_qt_reads_them(qtbot) -> None:
    text = "Xem **`A`** và [mục](https://x.org/a`b`c) cuối"
    edit = _reopened(qtbot, text)
    assert "\u2e28" not in edit.document().toPlainText()
    assert edit.document().toPlainText() == "Xem A và mục cuối"
