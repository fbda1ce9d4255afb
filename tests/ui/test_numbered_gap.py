"""A numbered list is saved as it was stored: "1. một", not Qt's "1.  một".

Qt's Markdown writer pads a number to four columns and indents the items nested in a
numbered one by four. The book read the same list, but every save of a text holding a
numbered list (one the Word import made, one typed on the command line) changed its
stored text, and with it the changes page's raw diff and the text's history.
"""

from __future__ import annotations

import pytest

from briefbook.library import TalkingPoint
from tests.exchange.test_word_nested_lists import _outline
from tests.ui.test_markdown_literals import _reopened

STORED = [
    "Our three steps:\n\n1. sign;\n2. ratify;\n   1. by parliament;\n      - in 2026.\n3. implement.",
    "- ask:\n  1. first\n  2. second\n     - under the second\n- done",
    "1. a\n\n   its second paragraph\n\n2. b",
    "\n".join(f"{n}. mục {n}" for n in range(1, 12)),
]


@pytest.mark.parametrize("stored", STORED)
def test_a_numbered_list_is_written_as_stored(qtbot, stored: str) -> None:
    edit = _reopened(qtbot, stored)
    assert edit.markdown() == stored


def test_an_edited_point_keeps_its_numbered_list_as_stored(qtbot, window, library, filled) -> None:
    """Through the point's field: one word typed at the end; nothing else in the text moves."""
    stored = STORED[0]
    library.update(TalkingPoint, filled["point"].id, text=stored)
    view = window.show_view("talking_point")
    assert view.select(filled["point"].id)
    field = view.editor.field("text")
    qtbot.waitUntil(lambda: not field.edit.loading, timeout=60_000)
    cursor = field.edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText(" Hết.")
    field.flush()
    saved = library.get(TalkingPoint, filled["point"].id).text
    assert saved == stored + " Hết."
    assert _outline(saved)[-1] == "1. implement. Hết."
