"""Spaces typed where Qt's writer wraps a line are kept: the text saved reads back as the editor
showed it, with as many spaces, whichever writer wrote it (the whole text's, ``markdown_writer``,
or unit by unit, ``markdown_units``). Found by the random edits of ``test_markdown_units``
(seeds 165, 227 and 90 there), each kept here in a text a user may write.
"""

from __future__ import annotations

import pytest

from tests.ui.test_markdown_literals import _reopened, _shown

URL = "https://mofa.gov.vn/tai-lieu"


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
