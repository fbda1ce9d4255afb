"""Bold, italic or strike-through ending (or beginning) with a space is saved as the book
prints it: on the words.

A selection often takes the space after a word ("Bộ trưởng " made bold), and Word's HTML
puts one inside its <b>: the writer wrote "**Bộ trưởng **ສົມພອນ", which Markdown reads as
text, so the book printed the stars and no bold; likewise "* Bộ trưởng*", "~~Lào ~~" and a
bold run ending in a line break typed (``look_edges``).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QFont, QTextCharFormat

from tests.ui.test_editor_strike_kept import _saved
from tests.ui.test_editor_strike_property import _read
from tests.ui.test_markdown_literals import _reopened

BOLD, ITALIC, STRUCK = "bold", "italic", "strike"
LONG = "Hội nghị Việt Nam và Lào lần thứ hai tại Viêng Chăn bàn về lừa đảo trực tuyến. " * 30


def _look(*looks: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if BOLD in looks:
        fmt.setFontWeight(QFont.Weight.Bold)
    if ITALIC in looks:
        fmt.setFontItalic(True)
    if STRUCK in looks:
        fmt.setFontStrikeOut(True)
    return fmt


def _runs(*parts: tuple) -> list[list]:
    """What the book prints: [text, paragraph, strike, bold, italic, code] per run."""
    return [[text, 0, STRUCK in looks, BOLD in looks, ITALIC in looks, False] for text, *looks in parts]


CASES = [
    (
        [("Gặp ",), ("Bộ trưởng ", BOLD), ("ສົມພອນ",)],
        _runs(("Gặp ",), ("Bộ trưởng", BOLD), (" ສົມພອນ",)),
    ),
    (
        [("Gặp",), (" Bộ trưởng", ITALIC), (" ສົມພອນ",)],
        _runs(("Gặp ",), ("Bộ trưởng", ITALIC), (" ສົມພອນ",)),
    ),
    (
        [("Gặp ",), ("Bộ trưởng ", STRUCK), ("ประเทศไทย",)],
        _runs(("Gặp ",), ("Bộ trưởng", STRUCK), (" ประเทศไทย",)),
    ),
    (
        [("Gặp ",), ("Bộ trưởng\u2028", BOLD), ("ประเทศไทย",)],
        _runs(("Gặp ",), ("Bộ trưởng", BOLD), ("\nประเทศไทย",)),
    ),
    (
        [("Gặp ",), (" Bộ trưởng ", BOLD, ITALIC), ("ประเทศไทย ",), (" ", BOLD), ("Lào",)],
        _runs(("Gặp  ",), ("Bộ trưởng", BOLD, ITALIC), (" ประเทศไทย  Lào",)),
    ),
    (  # (a paragraph written in pieces: markdown_writer.PIECE)
        [(LONG,), ("Bộ trưởng ", BOLD), ("ສົມພອນ " + LONG.strip(),)],
        _runs((LONG,), ("Bộ trưởng", BOLD), (" ສົມພອນ " + LONG.strip(),)),
    ),
]


@pytest.mark.parametrize(("parts", "printed"), CASES)
def test_a_look_ending_in_a_space_is_saved_on_its_words(qtbot, parts: list, printed: list) -> None:
    edit = _reopened(qtbot, "")
    cursor = edit.textCursor()
    for text, *looks in parts:
        cursor.insertText(text, _look(*looks))
    saved = edit.markdown()
    assert _read(saved) == printed, saved
    assert _read(_saved(_reopened(qtbot, saved))) == printed  # (opened and saved again)


def test_pasted_bold_with_its_space_is_saved_bold(qtbot) -> None:
    edit = _reopened(qtbot, "")
    page = QMimeData()
    page.setHtml("<p>Gặp <b>Bộ trưởng </b>ສົມພອນ,<i> ประเทศไทย</i> và <s>Lào </s>nay</p>")
    edit.insertFromMimeData(page)
    saved = edit.markdown()
    assert saved == "Gặp **Bộ trưởng** ສົມພອນ, *ประเทศไทย* và ~~Lào~~ nay"
