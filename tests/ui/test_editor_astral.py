"""Characters beyond Unicode's first plane (emoji, a flag, 𝐀) in a text the editor opens and
saves (ui/editors/astral.py): Qt counts each as two positions, Python as one, and every mark
after one moved by a character on save: "😀 **Bộ trưởng**" was saved "😀 **ộ trưởng **",
a code span or a link's text lost letters. Each text comes back as the book reads it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData

from briefbook.ui.editors.rich_text import MarkdownEdit

KEPT = [
    "😀 **Bộ trưởng** gặp `x` tại [Bangkok](https://a.example) hôm nay",
    "🇹🇭 Khoảng 5 km, a_b_c và *nghiêng*",
    "😀😀😀 𝐀𝐁 Hà Nội `code` and ~~struck~~ text",
    "📌 a `-5` b",
    "**Bộ 😀 trưởng** và *📌 ghi chú* 𝐀",
    "[Bangkok 🇹🇭](https://a.example/😀) hôm nay `code 😀` x",
    "1. 😀 ~~struck 😀~~ text\n2. 𝐀 *b*",
    "a 😀\\\nb 𝐀 *c*",
    "😀" * 40 + " **x**",
    ("Việt Nam 😀 ủng hộ **mạnh mẽ** ສປປ ລາວ " * 200).strip(),  # (written in pieces)
]


def _saved(qtbot, text: str) -> str:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.set_markdown(text)
    qtbot.waitUntil(lambda: not edit.loading, timeout=30_000)
    return edit.markdown()


@pytest.mark.parametrize("text", KEPT)
def test_a_text_with_emoji_is_saved_as_it_was_opened(qtbot, text: str) -> None:
    saved = _saved(qtbot, text)
    assert saved == text
    assert _saved(qtbot, saved) == text


def test_an_emoji_typed_before_bold_keeps_the_bold_on_its_words(qtbot) -> None:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.set_markdown("Gặp **Bộ trưởng** tại [Bangkok](https://a.example)")
    cursor = edit.textCursor()
    cursor.setPosition(4)
    cursor.insertText("📌 ")
    assert edit.markdown() == "Gặp 📌 **Bộ trưởng** tại [Bangkok](https://a.example)"


def test_pasted_html_with_an_emoji_keeps_its_bold_and_code(qtbot) -> None:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    data = QMimeData()
    data.setHtml("<p>📌 Ghi <b>chú</b> quan trọng <code>-5</code></p>")
    edit.insertFromMimeData(data)
    assert edit.markdown() == "📌 Ghi **chú** quan trọng `-5`"


LONG_TEXTS = [  # over long_text.LONG: opened in pieces, written per unit
    "\n\n".join(
        "Việt Nam 😀 ủng hộ **mạnh mẽ** `x` hợp tác ສປປ ລາວ [link 🇹🇭](https://a.example)" for _ in range(400)
    ),
    "\n".join("- 📌 Việt Nam ủng hộ hợp tác 𝐀𝐁 vì hòa bình" for _ in range(800)),
    ("Việt Nam 😀 ủng hộ mạnh mẽ hợp tác ສປປ ລາວ 𝐀𝐁 vì hòa bình " * 600).strip(),  # one paragraph, cut
]


@pytest.mark.parametrize("text", LONG_TEXTS, ids=["paragraphs", "list", "one-paragraph"])
def test_a_long_text_with_emoji_is_opened_and_saved_whole(qtbot, text: str) -> None:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.resize(600, 300)
    edit.show()
    edit.set_markdown(text)
    qtbot.waitUntil(lambda: not edit.loading, timeout=60_000)
    assert edit.markdown() == text
    cursor = edit.textCursor()
    cursor.setPosition(0)
    cursor.insertText("📌 thêm ")  # (typed at the start of the first paragraph or item)
    marker = "- " if text.startswith("- ") else ""
    assert edit.markdown() == marker + "📌 thêm " + text[len(marker) :]
