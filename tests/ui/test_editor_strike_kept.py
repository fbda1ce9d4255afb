"""A struck-through word is shown struck and kept struck when a talking point is opened and saved.

The editor's reader was given CommonMark with tables only, so "~~ສົມພອນ~~" was read as
text with tildes, and the writer escaped the first tilde at the word's start: saved
untouched, the point held "\\~~ສົມພອນ~~", which the book prints as tildes, not struck.
md4c's own strike-through (f3530c4, reverted) also struck "~x~", which the book prints as
typed, so the editor strikes only where the book (markdown-it) does (``struck``).
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from briefbook.assemble.markdown_parse import parsed_blocks
from briefbook.document.model import Table
from briefbook.ui.editors.markdown_edit import MarkdownEdit
from briefbook.ui.editors.markdown_text import insert_markdown
from briefbook.ui.editors.rich_text import FEATURES
from tests.ui.test_markdown_literals import _reopened


def struck_text(document: QTextDocument) -> list[tuple[str, bool]]:
    """(text, struck) of each run of ``document`` struck or not, its paragraphs on lines."""
    out: list[tuple[str, bool]] = []
    block = document.begin()
    while block.isValid():
        if out:
            out.append(("\n", False))
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            out.append((fragment.text(), fragment.charFormat().fontStrikeOut()))
            it += 1
        block = block.next()
    out = joined(out)
    if out and not out[-1][1]:  # (Qt's empty paragraph after a table)
        out[-1:] = [(out[-1][0].rstrip("\n"), False)] if out[-1][0].rstrip("\n") else []
    return out


def book_struck(markdown: str) -> list[tuple[str, bool]]:
    """(text, struck) as the book prints ``markdown``."""
    out: list[tuple[str, bool]] = []
    for block in parsed_blocks(markdown, "body"):
        if out:
            out.append(("\n", False))
        if isinstance(block, Table):  # (a cell a line, as the editor's cells are blocks)
            cells = [p for r in block.header + block.rows for c in r for p in c]
            for n, paragraph in enumerate(cells):
                out += [("\n", False)] * bool(n) + [(run.text, run.strike) for run in paragraph.runs]
        else:
            out += [(run.text, run.strike) for run in block.runs]
    return joined(out)


def joined(runs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for text, struck in runs:
        if not text:
            continue
        if out and out[-1][1] == struck:
            out[-1] = (out[-1][0] + text, struck)
        else:
            out.append((text, struck))
    return out


def _saved(edit: MarkdownEdit) -> str:
    edit.document().setModified(True)  # (opened and saved: the writer runs)
    return edit.markdown()


def test_a_struck_name_is_saved_as_it_was_written(qtbot) -> None:
    stored = "Gặp ~~ສົມພອນ ວົງສາ~~ tại Viêng Chăn, **đã** hoãn."
    edit = _reopened(qtbot, stored)
    shown = [("Gặp ", False), ("ສົມພອນ ວົງສາ", True), (" tại Viêng Chăn, đã hoãn.", False)]
    assert struck_text(edit.document()) == shown
    assert _saved(edit) == stored


@pytest.mark.parametrize(
    "stored",
    [
        r"Khoảng \~5 km tới nhà ประเทศไทย, a\~~b\~~c",
        "`~ `~ Hà Nội ~ ~x~ ~ ສົມພອນ",  # (md4c's strike-through struck "~ `~ Hà Nội ~")
        r"\~~Thái Lan~~ vẫn là chữ",
        "~~ không gạch~~ và ~~~ ba dấu",
        "Đà Nẵng\n\n`~~`ສົມພອນ",  # (the code's backticks and tildes were taken for marks: one paragraph)
    ],
)
def test_tildes_the_book_prints_stay_text(qtbot, stored: str) -> None:
    edit = _reopened(qtbot, stored)
    assert struck_text(edit.document()) == book_struck(stored) == [(edit.toPlainText(), False)]
    saved = _saved(edit)
    assert book_struck(saved) == book_struck(stored), saved


@pytest.mark.parametrize(
    "stored",
    [
        "a~~ประเทศ~~c, ~~~Lào~~~",  # (inside a word; a third tilde is text)
        "~~**đậm** rồi~~ và *nghiêng ~~gạch~~*",  # (Qt's writer crossed them: "**~~đậm** rồi~~")
        "~~`mã-42`~~ và [trang ~~ສົມພອນ~~ đây](https://example.org/a)",  # (Qt dropped both)
        "~~Hà Nội\\~~~\\~Viêng Chăn",  # ("Hà Nội~" struck, then "~Viêng Chăn")
        "| Nước | Ghi chú |\n|---|---|\n| ~~Lào~~ | ສົມພອນ |",
        "~~*~~* Hà Nội",  # (the book strikes "*"; md4c took the two stars for emphasis)
        "*~ Việt Nam ~~\\ Hà Nội **~* ສົມພອນ \\~~~*",  # (md4c paired the stars otherwise)
        "*~~~`\\`* và ~~Lào~~",  # ("*~~~" was taken for a fence: the code lost its italic)
        "y ~~~*Việt ~~`ສົມພອນ`~~*",  # (the code lost its italic: "~~~" was taken for a fence)
        # (Qt's writer began a line after "**~~": saved "**~~ ประเทศไทย", a space gained)
        "Hội nghị Việt Nam, Lào và Campuchia lần thứ hai tại Viêng Chăn, *~ phiên **~~ประเทศไทย~~ họp ~***",
    ],
)
def test_what_the_book_strikes_is_shown_struck_and_saved_so(qtbot, stored: str) -> None:
    edit = _reopened(qtbot, stored)
    assert any(struck for _text, struck in struck_text(edit.document()))
    assert struck_text(edit.document()) == book_struck(stored)
    saved = _saved(edit)
    assert book_struck(saved) == book_struck(stored), saved
    assert struck_text(_reopened(qtbot, saved).document()) == struck_text(edit.document())


def test_a_pasted_strike_is_shown_struck(qtbot) -> None:
    document = QTextDocument()
    insert_markdown(QTextCursor(document), "Đã ~~hoãn~~ gặp ~x~ ສົມພອນ", FEATURES)
    assert struck_text(document) == [("Đã ", False), ("hoãn", True), (" gặp ~x~ ສົມພອນ", False)]
