"""A link with a look survives opening and saving a field: bold or italic around a link, code or
emphasis in a link's text. Qt's writer wrote a link fragment without its look and each fragment
of a link as a link of its own, so opening a field and saving it with no edit stored ``[B](url)``
for ``**[B](url)**`` and three links for ``[x `B` y](url)`` (``briefbook.ui.editors.link_looks``).
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from briefbook.assemble.markdown_parse import parsed_blocks
from briefbook.document.model import ListBlock, Paragraph
from tests.ui.test_code_with_a_look import FILLER, long_text_kept
from tests.ui.test_markdown_literals import _reopened

URL = "https://mofa.gov.vn/tai-lieu"
KEPT = [
    f"Gặp **[ສົມພອນ ວົງສາ]({URL})** tại Viêng Chăn",
    f"Xem *[ประเทศไทย]({URL})* và ***[Hà Nội]({URL})*** nhé",
    f'Gặp **[ສົມພອນ]({URL} "Hồ sơ")** sáng nay',
    f"Xem [Hội nghị `ສົມພອນ-42` cuối]({URL}) nhé",
    f"Xem [**Việt** Nam *ประเทศไทย*]({URL}) nhé",
    f"Mã **[`HĐ-07` ສົມພອນ]({URL})** cuối",
    f"**Mở đầu [ສົມພອນ]({URL}) đậm** sau",
    f"Trang **<{URL}>** nhé",
    f"- **[ສົມພອນ]({URL})** một\n- [hai `B` ba]({URL})",
]
# A link right after text with a look: Qt's writer left the look open over the link.
AFTER_A_LOOK = [
    f"Gặp **Bộ trưởng**[ສົມພອນ]({URL}) nhé",
    f"Mã `HĐ-07`[ประเทศไทย]({URL}) nhé",
    f"Xem *nghiêng*[ສົມພອນ]({URL})",
    f"Gặp **[ສົມພອນ]({URL})**[ประเทศไทย]({URL}/th) nhé",
]


def _links(markdown: str) -> list[tuple[str, str, bool, bool, bool]]:
    """Each run in a link as the book reads it: (text, address, bold, italic, code)."""
    out = []
    for block in parsed_blocks(markdown, "body"):
        paragraphs = block.items if isinstance(block, ListBlock) else [block]
        for paragraph in paragraphs:
            runs = paragraph.runs if isinstance(paragraph, Paragraph) or isinstance(block, ListBlock) else []
            out += [(r.text, r.link, r.bold, r.italic, r.code) for r in runs if r.link]
    return out


@pytest.mark.parametrize("text", KEPT)
def test_opening_and_saving_keeps_a_link_with_a_look_byte_for_byte(qtbot, text: str) -> None:
    assert any(look[2] or look[3] or look[4] for look in _links(text))
    assert _reopened(qtbot, text).markdown() == text


@pytest.mark.parametrize("text", AFTER_A_LOOK)
def test_a_link_right_after_text_with_a_look_keeps_its_own(qtbot, text: str) -> None:
    stored = _reopened(qtbot, text).markdown()
    assert stored == text
    assert _links(stored) == _links(text)


def test_code_in_a_links_text_stays_one_link(qtbot) -> None:
    stored = _reopened(qtbot, f"Xem [x `ສົມພອນ` y]({URL}) nhé").markdown()
    assert _links(stored) == [
        ("x ", URL, False, False, False),
        ("ສົມພອນ", URL, False, False, True),
        (" y", URL, False, False, False),
    ]
    assert stored.count("](") == 1


@pytest.mark.parametrize("text", KEPT[:6])  # (typed before a bold start, the text is bold)
def test_an_edit_elsewhere_keeps_a_link_with_a_look(qtbot, text: str) -> None:
    edit = _reopened(qtbot, text)
    edit.setTextCursor(QTextCursor(edit.document()))
    qtbot.keyClicks(edit, "Them ")
    assert edit.markdown() == "Them " + text


def test_a_long_text_keeps_a_link_with_a_look(qtbot) -> None:
    long_text_kept(
        qtbot, f"{FILLER} **[ສົມພອນ]({URL})** và [x `ĐN` y]({URL}) {FILLER}\n\n{FILLER} *[ý]({URL})* cuối"
    )
