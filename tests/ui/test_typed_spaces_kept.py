"""Spaces typed where Qt's writer wraps a line are kept: the text saved reads back as the editor
showed it, with as many spaces, whichever writer wrote it (the whole text's, ``markdown_writer``,
or unit by unit, ``markdown_units``). Found by the random edits of ``test_markdown_units``
(seeds 165, 227 and 90 there), each kept here in a text a user may write.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from briefbook.ui.editors import long_text, markdown_units, markdown_writer
from briefbook.ui.editors.rich_text import FEATURES, normalise_markdown
from tests.ui.test_markdown_literals import _reopened, _shown

URL = "https://mofa.gov.vn/tai-lieu"


@pytest.fixture
def pieces(monkeypatch):
    """A text is opened in pieces from 300 characters, cut every 40 (``test_markdown_units``)."""
    monkeypatch.setattr(long_text, "LONG", 300)
    monkeypatch.setattr(markdown_writer, "PIECE", 40)


@pytest.mark.parametrize(
    "text",
    [
        f"Đoàn Việt Nam gặp Bộ trưởng [ສົມພອນ ວົງສາ]({URL})  [ประเทศไทย]({URL}) tại hội nghị",
        f"Đoàn gặp [ສົມພອນ]({URL}) và Bộ trưởng Ngoại giao  [ประเทศไทย]({URL}) tại hội nghị",
    ],
)
def test_two_spaces_before_a_link_the_writer_wraps_at_are_kept(qtbot, text: str) -> None:
    """Qt's writer put its wrap after the spaces, before the link (a fragment it cannot break),
    and the join of the wrapped lines made the two spaces one."""
    edit = _reopened(qtbot, text)
    assert "  " in _shown(edit)
    assert edit.markdown() == text


def _paragraph(shift: int = 0) -> str:
    words = [f"[ສົມພອນ]({URL}) Việt Nam", "đánh giá cao", f"*[ประเทศไทย]({URL})* hội nghị", "Hà Nội"]
    return "Phái đoàn" + "n" * shift + " " + " ".join(words[n % 4] for n in range(40))


@pytest.mark.parametrize("shift", range(20, 32, 2))  # (26: a wrap at the space typed)
def test_a_space_typed_at_the_end_of_a_piece_is_kept(qtbot, pieces, shift: int) -> None:
    """A space typed at the end of a piece of a long paragraph (joined to the next by the space
    it was cut at) was dropped where Qt's writer wrapped at it: "cao  Hà" saved "cao Hà".
    (``shift`` moves the pieces' ends along the writer's lines.)"""
    text = f"{_paragraph(shift)}\n\n- một\n- hai"
    ends = []
    opened = _reopened(qtbot, text)
    block = opened.document().begin()
    while block.isValid():
        if block.next().isValid() and long_text.continues(block.next()):
            ends.append(block.position() + block.length() - 1)
        block = block.next()
    assert len(ends) > 5
    for end in ends:
        edit = _reopened(qtbot, text)
        cursor = QTextCursor(edit.document())
        cursor.setPosition(end)
        edit.setTextCursor(cursor)
        qtbot.keyClicks(edit, " ")
        shown = _shown(edit)
        assert _shown(_reopened(qtbot, edit.markdown())) == shown, end


def test_a_paragraph_of_one_space_before_a_piece_is_saved_with_one(qtbot, pieces, monkeypatch) -> None:
    """A paragraph of spaces only whose paragraph goes on in a piece: the unit writer wrote its
    space as the paragraph's first ("&#32;") and added it again as the end of the piece before
    the join, so the paragraph gained a space."""
    monkeypatch.setattr(markdown_units, "LONG", 0)  # (written unit by unit)
    edit = _reopened(qtbot, f"Mở đầu ສົມພອນ\n\n{_paragraph()}")
    document = edit.document()
    assert long_text.continues(document.begin().next().next())
    cursor = QTextCursor(document.begin().next())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, "\r")
    qtbot.keyClicks(edit, " ")
    saved = edit.markdown()
    assert saved == normalise_markdown(markdown_writer.to_markdown(document, FEATURES))
    assert _shown(_reopened(qtbot, saved)) == _shown(edit)
