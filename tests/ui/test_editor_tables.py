"""A table in a talking point survives the editor: shown as a grid, kept as a table on save.

A point's text may hold a pipe table (typed on the command line, imported, sent in a
package), and the book prints it as a table. The editor read the text as plain CommonMark,
which knows no tables: the rows showed as one paragraph of pipes, and the first edit saved
them so ("| Nước | Số vụ | | --- | --- | | Thái Lan | 1.200 |"), and the book then printed
that line instead of the table. Each test reads the stored text back with the book's parser.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextTable

from briefbook.assemble.markdown_parse import parsed_blocks
from briefbook.document.model import Paragraph, Table
from briefbook.ui.editors.markdown_text import normalise_markdown
from briefbook.ui.editors.rich_text import MarkdownEdit
from tests.ui.test_markdown_literals import _reopened as _opened

TABLE = "| Nước | Số vụ |\n| --- | --- |\n| ประเทศไทย | 1.200 |\n| ສປປ ລາວ | 300 |"
TEXT = f"Số vụ lừa đảo trực tuyến đã ghi nhận:\n\n{TABLE}\n\nNguồn: **UNODC**, 2025."


def _cells(markdown: str) -> list[list[list[str]]]:
    """The book's tables in ``markdown``: for each, its rows (header first) of cell texts."""
    tables = [b for b in parsed_blocks(markdown, "body") if isinstance(b, Table)]
    return [
        [["".join(r.text for p in cell for r in p.runs) for cell in row] for row in [*t.header, *t.rows]]
        for t in tables
    ]


def _paragraphs(markdown: str) -> list[str]:
    blocks = parsed_blocks(markdown, "body")
    return ["".join(r.text for r in b.runs) for b in blocks if isinstance(b, Paragraph)]


def _type_at_end(edit: MarkdownEdit, text: str) -> None:
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    edit.insertPlainText(text)


def _grid(edit: MarkdownEdit) -> list[list[str]]:
    tables = [f for f in edit.document().rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert len(tables) == 1, "the editor shows no table"
    table = tables[0]
    return [
        [table.cellAt(r, c).firstCursorPosition().block().text() for c in range(table.columns())]
        for r in range(table.rows())
    ]


EXPECTED = [["Nước", "Số vụ"], ["ประเทศไทย", "1.200"], ["ສປປ ລາວ", "300"]]


def test_a_table_is_shown_as_a_grid_and_kept_after_an_edit_elsewhere(qtbot) -> None:
    edit = _opened(qtbot, TEXT)
    assert _grid(edit) == EXPECTED
    _type_at_end(edit, " Cập nhật.")
    stored = edit.markdown()
    assert _cells(stored) == [EXPECTED], stored
    assert _paragraphs(stored) == ["Số vụ lừa đảo trực tuyến đã ghi nhận:", "Nguồn: UNODC, 2025. Cập nhật."]
    assert _grid(_opened(qtbot, stored)) == EXPECTED  # and it opens as a grid again


def test_a_cell_edited_in_the_grid_is_saved_in_its_cell(qtbot) -> None:
    edit = _opened(qtbot, TEXT)
    table = next(f for f in edit.document().rootFrame().childFrames() if isinstance(f, QTextTable))
    cursor = table.cellAt(2, 1).lastCursorPosition()
    cursor.insertText(" (ước tính)")
    assert _cells(edit.markdown()) == [[*EXPECTED[:2], ["ສປປ ລາວ", "300 (ước tính)"]]]


def test_a_table_in_a_text_over_20000_characters_is_kept(qtbot) -> None:
    """Such a text is opened whole, not a block at a time, and written whole: its cells are
    blocks a piece-by-piece open or write would take out of the table."""
    long_paragraph = " ".join(["Hợp tác khu vực chống lừa đảo trực tuyến"] * 700)
    text = f"{long_paragraph}\n\n{TABLE}\n\n{long_paragraph}"
    assert len(text) > 40_000
    edit = _opened(qtbot, text)
    assert _grid(edit) == EXPECTED
    _type_at_end(edit, " Hết.")
    stored = edit.markdown()
    assert _cells(stored) == [EXPECTED]
    assert _paragraphs(stored) == [long_paragraph, long_paragraph + " Hết."]


@pytest.mark.parametrize("width", [20, 40, 60])
def test_a_wrapped_line_starting_with_a_pipe_is_still_joined(width: int) -> None:
    """Outside a table, a "|" at a line's start is where the writer wrapped the paragraph."""
    words = "Lào | Campuchia | Thái Lan | Việt Nam | Myanmar".split(" ")
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    assert normalise_markdown("\n".join(lines)) == " ".join(words)


def test_the_table_the_writer_writes_is_kept_line_by_line() -> None:
    written = "Trước:\n\n\n|Nước|Số vụ|\n|----|-----|\n|Lào |300  |\n\nSau."
    assert normalise_markdown(written) == "Trước:\n\n|Nước|Số vụ|\n|----|-----|\n|Lào |300  |\n\nSau."
