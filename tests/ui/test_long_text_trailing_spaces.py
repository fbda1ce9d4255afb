"""Spaces at a piece's end in a long paragraph opened in pieces (``long_text``) are written
once, where they are. A stored "…trực&#32;&#32;" at the end of a 30 KB paragraph opened
with its spaces and was saved "…trực" (the last piece's spaces were not written); two
spaces typed at the end of a piece whose paragraph goes on were saved "và&#32;&#32;   các"
(written as a paragraph's end and then joined on again): five spaces at the next open."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from briefbook.ui.editors import long_text, markdown_writer
from briefbook.ui.editors.rich_text import FEATURES, MarkdownEdit, normalise_markdown
from tests.ui.test_long_text import VIETNAMESE, report

TEXT = report(VIETNAMESE, 30_000)  # one paragraph, opened in pieces


def _opened(qtbot, markdown: str) -> MarkdownEdit:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.set_markdown(markdown)
    qtbot.waitUntil(lambda: not edit.loading, timeout=60_000)
    assert edit.document().blockCount() > 10  # in pieces
    return edit


def _written_whole(edit: MarkdownEdit) -> str:
    """The Markdown the one-document writer gives (the editor writes a long text per unit)."""
    return normalise_markdown(markdown_writer.to_markdown(edit.document(), FEATURES))


@pytest.mark.parametrize("after", ["", "\n\nĐoạn hai."])
def test_spaces_at_the_end_of_a_long_paragraph_are_kept(qtbot, after: str) -> None:
    stored = TEXT + "&#32;&#32;" + after
    edit = _opened(qtbot, stored)
    assert edit.markdown() == stored
    assert _written_whole(edit) == stored


def test_spaces_typed_at_the_end_of_a_piece_are_written_once(qtbot) -> None:
    edit = _opened(qtbot, TEXT + "\n\nĐoạn hai.")
    piece = edit.document().findBlockByNumber(0)
    assert long_text.continues(piece.next())
    words = piece.text().split(" ")[-1], piece.next().text().split(" ")[0]
    cursor = QTextCursor(piece)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertText("  ")
    written = edit.markdown()
    assert f"{words[0]}   {words[1]}" in written, written[1990:2040]  # its two and the cut's one
    assert written.replace(f"{words[0]}   {words[1]}", f"{words[0]} {words[1]}", 1) == TEXT + "\n\nĐoạn hai."
    assert _written_whole(edit) == written
    assert _opened(qtbot, written).markdown() == written
