"""The editor's Markdown of a long paragraph, written in pieces
(``briefbook.ui.editors.markdown_writer``), reads back as the text the editor holds.

Qt's own writer takes time growing with the square of a paragraph (a 1 MB paragraph:
287 s at every save after an edit). Pieces are made tiny here (``PIECE`` 40), so that
cuts meet bold, italic, links, characters Markdown escapes, Thai and Arabic. Not always
Qt's characters: Qt escapes a "12." that its 80-column wrapping puts at the start of a
line, and the pieces wrap elsewhere ("12\\." and "12." read the same). Qt's one call
also loses marks where its wrapping meets them (the "marks" cases fail with it).
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QTextDocument

from briefbook.ui.editors import markdown_writer
from briefbook.ui.editors.rich_text import FEATURES, MarkdownEdit, normalise_markdown
from tests.ui.rich_text_runs import runs

WORDS = (
    "Việt Nam đánh giá cao việc tổ chức hội nghị 2025. Hanoi Convention 12. "
    "ประเทศไทยให้ความสำคัญ اجتمع الوفد في بانكوك"
).split()
# Typed or pasted as they are: the writer escapes them.
SPECIALS = "a*b a_b ** __ [x] 1) 3. ~ = + # -".split()


def _words(rng: random.Random, pool: list[str], count: int, marks: bool) -> str:
    words = []
    for _ in range(count):
        word = rng.choice(pool)
        if marks and rng.random() < 0.08:
            word = rng.choice([f"**{word}**", f"*{word}*", f"[{word}](https://example.org/)"])
        words.append(word)
    return " ".join(words)


def _edit(qtbot, seed: int, kind: str) -> MarkdownEdit:
    rng = random.Random(seed)
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    if kind == "specials":  # plain text holding Markdown's own characters, as pasted
        edit.insertPlainText("Việt " + _words(rng, WORDS + SPECIALS, 900, marks=False))
    else:  # (each paragraph starts with a word: one starting "12." would be a list)
        paragraphs = [
            "Việt " + _words(rng, WORDS, rng.randint(150, 300), marks=kind == "marks") for _ in range(3)
        ]
        edit.set_markdown("\n\n".join(paragraphs))
    return edit


def _read_back(markdown: str) -> list[tuple]:
    document = QTextDocument()
    document.setMarkdown(markdown, FEATURES)
    return runs(document)


@pytest.mark.parametrize("kind", ["plain", "marks", "specials"])
@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_a_long_paragraph_written_in_pieces_reads_back_as_the_editors_text(
    qtbot, monkeypatch, seed: int, kind: str
) -> None:
    edit = _edit(qtbot, seed, kind)
    document = edit.document()
    monkeypatch.setattr(markdown_writer, "PIECE", 40)
    cuts = []
    real = markdown_writer.cuts
    monkeypatch.setattr(markdown_writer, "cuts", lambda *a: cuts.append(real(*a)) or cuts[-1])
    stored = edit.markdown()
    assert sum(len(c) for c in cuts) > 20  # written in pieces indeed
    assert _read_back(stored) == runs(document)
    assert len(stored.split("\n\n")) == (1 if kind == "specials" else 3)  # a paragraph stays one


def test_a_document_with_a_list_is_written_in_one_call(qtbot, monkeypatch) -> None:
    edit = _edit(qtbot, 5, "plain")
    edit.set_markdown(edit.markdown() + "\n\n- one\n- two\n")
    monkeypatch.setattr(markdown_writer, "PIECE", 40)
    monkeypatch.setattr(markdown_writer, "cuts", lambda *a: pytest.fail("cut"))
    assert edit.markdown() == normalise_markdown(edit.document().toMarkdown(FEATURES))


def test_a_short_text_is_qts_own_markdown(qtbot) -> None:
    short = MarkdownEdit()
    qtbot.addWidget(short)
    short.set_markdown("Một **đoạn** ngắn, *in nghiêng*, [liên kết](https://example.org/).")
    assert short.markdown() == normalise_markdown(short.document().toMarkdown(FEATURES))
