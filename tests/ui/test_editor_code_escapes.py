"""Inline code holding a character Qt's writer escapes comes back as it was typed.

Qt's writer escapes "\\", "*", "[", "<", "#" and "&" inside inline code, where a backslash is
text: "`HĐ*07`" was saved "`HĐ\\*07`", which the book printed with its backslash, and each
save added one more before a "\\". Such code is written as the editor writes code with a look
(``code_looks``); a fenced block's lines were never escaped.
"""

from __future__ import annotations

import pytest

from tests.ui.test_editor_strike_kept import _saved
from tests.ui.test_markdown_literals import _reopened


@pytest.mark.parametrize(
    "stored",
    [
        "Số `HĐ*07` và `ສົມພອນ\\2` tại `[Viêng Chăn]`",
        "Mã `<b>#1</b>` và `R&D` của ประเทศไทย",
        "**`A*1`** rồi [`ສົມພອນ\\2`](https://example.org/a) và ~~`x<y`~~",
        "Khối mã:\n\n```\nx*y \\ [a] <b> #1 &amp;\n```",
    ],
)
def test_code_with_characters_qt_escapes_is_saved_as_typed(qtbot, stored: str) -> None:
    saved = _saved(_reopened(qtbot, stored))
    assert saved == stored
    assert _saved(_reopened(qtbot, saved)) == stored  # (and again: no backslash added per save)
