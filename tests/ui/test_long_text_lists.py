"""A whole report pasted into one talking point that also holds headings and lists (1 MB):
the editor opens it a block at a time, as it opens a report of plain paragraphs, shows the
same lists and headings it showed opened at once, and saves an edit as exactly the old
text with that edit."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QTextDocument

from briefbook.library import TalkingPoint
from briefbook.ui.editors import long_text
from briefbook.ui.editors.list_indent import nested_lists
from briefbook.ui.editors.rich_text import FEATURES, MarkdownEdit, normalise_markdown
from tests.ui import test_long_text
from tests.ui.test_long_text import THAI, VIETNAMESE, open_point

MARKER = "Điểmđánhdấu"  # one word, inside a list item in the middle


def structured(pool: list[str], chars: int, seed: int = 3) -> str:
    """Sections of headings, long paragraphs (some of 20-40 KB), nested bullets and numbered
    lists, as the editor writes them (Qt's own spelling of each, a number's gap one space).
    (Quotes and code are not in the Markdown a field keeps: a paste drops them.)"""
    rng, parts, size, section = random.Random(seed), [], 0, 0
    while size < chars:
        section += 1
        words = rng.choice([40, 400, 4000, 6000])
        paragraph = " ".join(rng.choice(pool) for _ in range(words // 10 + 1))
        item = rng.choice(pool)
        if section == 12:
            item += f" {MARKER}"
        parts += [
            f"## Mục {section}: {rng.choice(pool)[:30]}",
            paragraph,
            f"- {item}\n- **{rng.choice(pool)}**\n  - [{rng.choice(pool)[:20]}](https://example.org/{section})",
            f"1. {rng.choice(pool)}\n2. {rng.choice(pool)}",
        ]
        size = sum(len(p) + 2 for p in parts)
    document = QTextDocument()
    document.setMarkdown("\n\n".join(parts), FEATURES)
    return normalise_markdown(nested_lists(document.toMarkdown(FEATURES)))


def _shape(document: QTextDocument) -> list[tuple]:
    """Every block that is not a plain paragraph, with what makes it one; and the text."""
    out = []
    block = document.begin()
    while block.isValid():
        fmt, listed = block.blockFormat(), block.textList()
        if listed is not None or fmt.headingLevel() or not long_text.markdown_writer.plain_paragraph(block):
            style = (
                (
                    listed.format().style(),
                    listed.format().indent(),
                    listed.format().start() + listed.itemNumber(block),
                )  # (its number, as shown)
                if listed
                else ()
            )
            out.append((block.text(), fmt.headingLevel(), style, fmt.nonBreakableLines()))
        block = block.next()
    return out


def test_headings_and_lists_open_in_pieces_as_they_opened_at_once(qtbot, monkeypatch):
    text = structured(VIETNAMESE, 300_000)
    whole = MarkdownEdit()
    qtbot.addWidget(whole)
    monkeypatch.setattr(long_text, "LONG", 10_000_000)
    whole.set_markdown(text)
    assert not whole.loading
    monkeypatch.setattr(long_text, "LONG", 20_000)
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.set_markdown(text)
    assert edit.loading  # in pieces, across turns of the event loop
    qtbot.waitUntil(lambda: not edit.loading, timeout=60_000)
    assert edit.document().blockCount() > whole.document().blockCount() + 50  # long paragraphs cut
    assert _shape(edit.document()) == _shape(whole.document())  # every list item, heading, quote, code
    assert len(_shape(edit.document())) > 50
    assert edit.markdown() == whole.markdown() == text


@pytest.fixture(params=["vi", "th"])
def huge_structured(request, qtbot, library, library_path, monkeypatch):
    text = structured(VIETNAMESE if request.param == "vi" else THAI, 900_000)
    monkeypatch.setattr(test_long_text, "report", lambda pool, chars: text)
    yield from test_long_text.huge.__wrapped__(request, qtbot, library, library_path)


def test_a_huge_point_with_lists_opens_in_pieces_and_an_edit_in_a_list_item_saves_the_rest(
    qtbot, huge_structured, library
):
    window, point, text, _book = huge_structured
    assert len(text) > 880_000 and text.count("\n- ") > 50
    field = open_point(window, point)
    assert field.edit.loading and field.edit.isReadOnly()
    qtbot.waitUntil(lambda: not field.edit.loading, timeout=120_000)
    assert field.edit.markdown() == text
    found = field.edit.document().find(MARKER)
    assert found.block().textList() is not None  # in a list item
    field.edit.setTextCursor(found)
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, "Halong")
    field.flush()
    assert library.get(TalkingPoint, point.id).text == text.replace(MARKER, "Halong")
