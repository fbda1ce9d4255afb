"""Tildes pasted from a web page or Word stay text; what the page struck stays struck.

Qt's HTML reader keeps a text's tildes as characters and its writer writes them bare, beside
the "~~" it writes for a ``<s>``, ``<del>`` or ``<strike>``: a price "~~20 USD~~" copied from a
page was shown struck after the paste and saved as strike-through, and a paragraph starting
with "~~~" was read as a code fence and lost. The paste now writes a text's tildes escaped
(``html_paste``); code keeps its own. And Qt's reader dropped a ``<strike>`` (an old page's).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData

from tests.ui.test_editor_strike_kept import _saved, book_struck, struck_text
from tests.ui.test_markdown_literals import _reopened

CASES = [
    (
        "<p>Khoảng ~~5 km~~ tới ประเทศไทย, giá ~~ 20 USD</p>",
        [("Khoảng ~~5 km~~ tới ประเทศไทย, giá ~~ 20 USD", False)],
    ),
    (  # (Word's own paragraph, a struck word beside tildes of text)
        "<p class=MsoNormal><span lang=VI>Gặp <s>ສົມພອນ</s> và <del>Viêng Chăn</del>, "
        "<strike>Hà Nội</strike> ~~giữ~~</span></p>",
        [
            ("Gặp ", False),
            ("ສົມພອນ", True),
            (" và ", False),
            ("Viêng Chăn", True),
            (", ", False),
            ("Hà Nội", True),
            (" ~~giữ~~", False),
        ],
    ),
    ("<p>a ~~<s>Lào</s>~~ c</p>", [("a ~~", False), ("Lào", True), ("~~ c", False)]),
    ("<p><s>Hà~~Nội</s> ประเทศไทย</p>", [("Hà~~Nội", True), (" ประเทศไทย", False)]),
    ("<p>~~~ ba dấu ~ ประเทศไทย</p><p>~~ສົມພອນ~~</p>", [("~~~ ba dấu ~ ประเทศไทย\n~~ສົມພອນ~~", False)]),
    ("<p><code>~~mã~~</code> và ~~chữ~~ Việt</p>", [("~~mã~~ và ~~chữ~~ Việt", False)]),
    (
        '<p>xem <a href="https://example.org/~user">https://example.org/~user</a> ~~nay~~</p>',
        [("xem https://example.org/~user ~~nay~~", False)],
    ),
]


@pytest.mark.parametrize(("html", "shown"), CASES)
def test_pasted_tildes_stay_text_and_struck_html_stays_struck(qtbot, html: str, shown: list) -> None:
    edit = _reopened(qtbot, "")
    page = QMimeData()
    page.setHtml(html)
    edit.insertFromMimeData(page)
    assert struck_text(edit.document()) == shown
    saved = edit.markdown()
    assert book_struck(saved) == shown, saved
    again = _reopened(qtbot, saved)  # (and opened and saved again: the same)
    assert struck_text(again.document()) == shown
    assert book_struck(_saved(again)) == shown


def test_pasted_code_keeps_its_tildes_as_typed(qtbot) -> None:
    edit = _reopened(qtbot, "")
    page = QMimeData()
    page.setHtml("<p>Mã <code>~~HĐ-07~~</code> của ~~ສົມພອນ~~</p><pre>~~~\nx ~~a~~\n</pre>")
    edit.insertFromMimeData(page)
    assert edit.markdown() == "Mã `~~HĐ-07~~` của \\~~ສົມພອນ\\~~\n\n```\n~~~\nx ~~a~~\n```"


def test_a_pasted_rule_leaves_the_paragraph_after_it_a_paragraph(qtbot) -> None:
    edit = _reopened(qtbot, "")  # (Qt writes "- - -"; joined to it, the text became three lists)
    page = QMimeData()
    page.setHtml("<p>Hà Nội</p><hr><p>ສົມພອນ ~~và~~ ประเทศไทย</p>")
    edit.insertFromMimeData(page)
    assert book_struck(edit.markdown()) == [("Hà Nội\nສົມພອນ ~~và~~ ประเทศไทย", False)]
