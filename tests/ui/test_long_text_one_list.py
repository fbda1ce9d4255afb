"""A long report that is one bulleted or numbered list (a pasted report of 5,000 items in
one talking point): the editor builds it off screen and shows it whole, as it showed it
opened at once, and saves an edit in it as exactly the old text with that edit.

Built in the shown document, each item added to the list made Qt lay the whole list out
again: a 1 MB list took minutes to open."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from briefbook.ui.editors import long_text
from briefbook.ui.editors.rich_text import FEATURES, MarkdownEdit, normalise_markdown
from tests.ui.test_long_text import THAI, VIETNAMESE
from tests.ui.test_long_text_lists import _shape


def one_list(pool: list[str], chars: int, numbered: bool, seed: int = 7) -> str:
    """One list of 1-3 sentences an item, every tenth or so with two nested items, as the
    editor writes it (Qt's own spelling)."""
    rng, lines, size = random.Random(seed), [], 0
    while size < chars:
        mark = f"{len(lines) + 3}." if numbered else "-"
        line = f"{mark} " + " ".join(rng.choice(pool) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.1:
            line += f"\n    - {rng.choice(pool)}\n    - **{rng.choice(pool)}**"
        lines.append(line)
        size += len(line) + 1
    document = QTextDocument()
    document.setMarkdown("\n".join(lines), FEATURES)
    return normalise_markdown(document.toMarkdown(FEATURES))


def _opened_at_once(qtbot, monkeypatch, text: str) -> MarkdownEdit:
    monkeypatch.setattr(long_text, "LONG", 10_000_000)
    whole = MarkdownEdit()
    qtbot.addWidget(whole)
    whole.resize(600, 300)
    whole.set_markdown(text)
    assert not whole.loading
    monkeypatch.setattr(long_text, "LONG", 20_000)
    return whole


@pytest.mark.parametrize("numbered", [False, True])
@pytest.mark.parametrize("pool", [VIETNAMESE, THAI], ids=["vi", "th"])
def test_one_long_list_opens_off_screen_and_shows_and_saves_what_it_did_opened_at_once(
    qtbot, monkeypatch, numbered, pool
):
    text = one_list(pool, 120_000, numbered)
    assert text.count("\n") > 300 and len(text) > long_text.LONG
    whole = _opened_at_once(qtbot, monkeypatch, text)
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.resize(600, 300)
    edit.show()
    whole.show()
    shown_meanwhile = []
    edit.set_markdown(text)
    assert edit.loading and edit.isReadOnly()
    while edit.loading:  # the shown document holds the text's start until the rest is whole
        shown_meanwhile.append(edit.document().characterCount())
        assert edit.isReadOnly()
        qtbot.wait(1)
    assert max(shown_meanwhile) <= 4_001  # (long_text.PREVIEW: the text is not built where it is shown)
    assert not edit.isReadOnly() and not edit.document().isModified()
    assert not edit.document().isUndoAvailable()
    assert _shape(edit.document()) == _shape(whole.document())  # every item, its list and number
    assert edit.toPlainText() == whole.toPlainText()
    tops = {block.textList().format().indent() for block in _blocks(edit.document()) if block.textList()}
    assert tops == ({1} if numbered else {1, 2})  # (a numbered item keeps its "-" lines as text)
    last = edit.document().lastBlock()
    qtbot.waitUntil(lambda: last.layout().lineCount() > 0)  # laid out by Qt, a part at a time
    for shown in (edit, whole):
        shown.verticalScrollBar().setValue(0)
    assert edit.grab().toImage() == whole.grab().toImage()  # what the user sees
    assert edit.markdown() == whole.markdown()
    assert numbered or edit.markdown() == text  # (Qt writes a numbered item's nested "-" lines its way)
    item = edit.document().findBlockByNumber(200)
    assert item.textList() is not None
    cursor = QTextCursor(item)
    cursor.setPosition(item.position() + item.text().index(" ") + 1)  # a word's start, in an item
    edit.setTextCursor(cursor)
    edit.setFocus()
    qtbot.keyClicks(edit, "Halong ")
    assert edit.document().isModified() and "Halong " in edit.document().findBlockByNumber(200).text()
    expected = QTextDocument()
    expected.setMarkdown(text, FEATURES)
    typed = QTextCursor(expected)
    typed.setPosition(cursor.position() - len("Halong "))
    typed.insertText("Halong ")
    assert expected.toPlainText() == edit.toPlainText()
    assert edit.markdown() == normalise_markdown(long_text.markdown_writer.to_markdown(expected, FEATURES))


def _blocks(document: QTextDocument):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_a_long_list_opened_then_another_text_set_meanwhile_shows_only_that(qtbot):
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.set_markdown(one_list(VIETNAMESE, 60_000, numbered=False))
    assert edit.loading
    qtbot.wait(1)
    edit.set_markdown("Bản ngắn.")  # another item chosen before it is whole
    assert not edit.loading and edit.toPlainText() == "Bản ngắn."
    qtbot.wait(100)
    assert edit.toPlainText() == "Bản ngắn." and edit.markdown() == "Bản ngắn."
    edit.set_markdown(text := one_list(THAI, 60_000, numbered=False))
    qtbot.waitUntil(lambda: not edit.loading, timeout=60_000)
    assert edit.markdown() == text
    edit.set_markdown(one_list(VIETNAMESE, 30_000, numbered=True, seed=2))  # a second long one
    qtbot.waitUntil(lambda: not edit.loading, timeout=60_000)
    assert edit.toPlainText().count("\n") > 100 and not edit.isReadOnly()
