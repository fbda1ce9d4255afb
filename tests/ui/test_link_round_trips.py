"""Links the editor opens and saves as they were written: a bracket in a link's text stays in
the link. Qt's writer lost it (saved with no edit): ``[a \\] b](u)`` was saved ``[a ] b](u)``,
which the book reads as no link at all, and ``[a \\[ b](u)`` as ``[a [ b](u)``, a link of " b"."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from tests.ui.test_code_with_a_look import FILLER, long_text_kept
from tests.ui.test_link_looks import _links
from tests.ui.test_markdown_literals import _reopened

URL = "https://mofa.gov.vn/tai-lieu"
LAO = "https://mofa.gov.la/ສົມພອນ"


def _kept(qtbot, text: str) -> str:
    """Opened and saved twice with no edit: each time as it was, read by the book as it was."""
    stored = _reopened(qtbot, text).markdown()
    assert stored == text
    assert _reopened(qtbot, stored).markdown() == text
    assert _links(stored) == _links(text)
    return stored


BRACKETS = [
    f"Xem [Điều 5 \\] ສົມພອນ]({URL}) nhé",
    f"Xem [ประเทศไทย \\]]({URL})",
    f"Xem **[Hà Nội \\] ສົມພອນ]({URL})** nhé",
    f"Xem [Hội nghị `ສົມພອນ-42` \\] cuối]({URL}) nhé",
    f"Xem [a \\[ b]({URL}) và [c \\] d \\[ e]({URL})",
]


@pytest.mark.parametrize("text", BRACKETS)
def test_a_bracket_in_a_links_text_stays_in_the_link(qtbot, text: str) -> None:
    _kept(qtbot, text)


def test_a_bracket_typed_in_a_links_text_stays_in_the_link(qtbot) -> None:
    edit = _reopened(qtbot, f"Xem [Điều 5 ສົມພອນ]({URL}) nhé")
    cursor = QTextCursor(edit.document())
    cursor.setPosition(len("Xem Điều 5"))
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, "]")
    stored = edit.markdown()
    assert _links(stored) == [("Điều 5] ສົມພອນ", URL, False, False, False)]
    assert _reopened(qtbot, stored).markdown() == stored


def test_a_long_text_keeps_a_bracket_in_a_links_text(qtbot) -> None:
    text = f"{FILLER} [Điều 5 \\] ສົມພອນ]({URL}) {FILLER}\n\n{FILLER} [ประเทศไทย \\[2]({LAO}) cuối"
    long_text_kept(qtbot, text)
