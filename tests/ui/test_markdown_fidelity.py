"""The editor keeps what the user typed on save: line breaks, words and spaces.

Qt's writer (``QTextDocument.toMarkdown``) wraps at 80 columns and ``normalise_markdown``
joins the lines again; the stored text is read back by the book (``parsed_blocks``) and
by the editor opening it again. Short texts, texts wrapped over several lines and texts
over 20,000 characters (written per unit, opened in pieces) alike.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor

from briefbook.assemble.markdown_parse import parsed_blocks
from briefbook.document.model import Paragraph
from briefbook.ui.editors.rich_text import MarkdownEdit
from tests.ui.test_markdown_literals import _reopened, shown_paragraphs

WORDS = ["Việt", "Nam", "hội", "nghị", "ประเทศไทย", "ສປປ", "ព្រះរាជាណាចក្រ", "الوفد", "2025", "a"]


def _book(markdown: str) -> list[str]:
    """The book's paragraphs of the stored text (a line break in one is a "\\n")."""
    out = []
    for block in parsed_blocks(markdown, "body"):
        assert isinstance(block, Paragraph), f"{type(block).__name__} made of {markdown!r}"
        out.append("".join(run.text for run in block.runs))
    return out


def _shown(edit: MarkdownEdit) -> list[str]:
    """The editor's paragraphs (a paragraph opened in pieces joined by its space; a line
    break typed, U+2028, as a "\\n")."""
    return [line.replace("\u2028", "\n") for line in shown_paragraphs(edit)]


def _typed(qtbot, parts: list[list[tuple[str, bool]]]) -> MarkdownEdit:
    """An editor holding paragraphs of (text, bold) parts, as pasted: in one edit block, as a
    paste is. Qt lays a paragraph out again after each insertion outside a block, which for the
    20,000-character texts cost 20 s of 10,800 insertions and made the same document."""
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    cursor = QTextCursor(edit.document())
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    cursor.beginEditBlock()
    for number, paragraph in enumerate(parts):
        if number:
            cursor.insertBlock()
        for text, strong in paragraph:
            cursor.insertText(text, bold if strong else QTextCharFormat())
    cursor.endEditBlock()
    return edit


def _kept(qtbot, edit: MarkdownEdit, expected: list[str]) -> str:
    stored = edit.markdown()
    assert _book(stored) == expected, stored
    again = _reopened(qtbot, stored)
    assert _shown(again) == expected, stored
    assert again.markdown() == stored  # (and saved again unchanged)
    return stored


def _broken_lines(rng: random.Random, words: int) -> str:
    out = []
    for _ in range(words):
        out.append(rng.choice(WORDS))
        out.append("\n" if rng.random() < 0.08 else " ")
    return "".join(out[:-1])


def _plain_typed(qtbot, text: str) -> MarkdownEdit:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.insertPlainText(text)
    return edit


def _kept_over_20000(qtbot, edit: MarkdownEdit, shown: list[str], printed: list[str] | None = None) -> None:
    """``edit``'s text, over 20,000 characters, is stored so that the book prints ``printed``
    (``shown`` if None), and reopens in pieces showing ``shown``, stored again unchanged."""
    assert edit.document().characterCount() > 20_000
    stored = edit.markdown()
    assert _book(stored) == (shown if printed is None else printed)
    again = _reopened(qtbot, stored)
    assert again.document().blockCount() > 3  # opened in pieces
    assert _shown(again) == shown
    assert again.markdown() == stored


# (1) a line break typed with Shift+Enter


@pytest.mark.parametrize(
    "text",
    [
        "Điểm 1\nĐiểm 2",
        "ສປປ ລາວ\nປະເທດໄທ\n\nالوفد",  # (two breaks: an empty line between)
        "- not a list\n1. nor this",  # (a mark that the break brings to a line's start)
        "**not bold**\nplain",  # (typed: the stars are text)
    ],
)
def test_a_line_break_typed_in_a_short_text_is_kept(qtbot, text: str) -> None:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.insertPlainText(text.replace("\n", "\u2028"))  # what Shift+Enter puts in
    stored = _kept(qtbot, edit, [text])
    assert _reopened(qtbot, stored).document().blockCount() == 1  # one paragraph, the break inside it


@pytest.mark.parametrize("seed", range(6))
def test_line_breaks_typed_in_a_text_wrapped_over_several_lines_are_kept(qtbot, seed: int) -> None:
    rng = random.Random(seed)
    text = _broken_lines(rng, 120)
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.insertPlainText(text.replace("\n", "\u2028"))
    _kept(qtbot, edit, [text])


def test_line_breaks_typed_in_a_text_over_20000_characters_are_kept(qtbot) -> None:
    rng = random.Random(7)
    paragraphs = [_broken_lines(rng, 1500) for _ in range(3)]
    edit = _plain_typed(qtbot, "\n".join(p.replace("\n", "\u2028") for p in paragraphs))
    _kept_over_20000(qtbot, edit, paragraphs)


@pytest.mark.parametrize(
    "text",
    ["Điểm 1\n", "ສປປ ລາວ\n\n", "a\nb\n", "Điểm 1\n|Điểm 2", "x " * 60 + "cuối\n"],
)
def test_a_line_break_typed_at_a_paragraphs_end_is_kept(qtbot, text: str) -> None:
    """CommonMark drops a hard break at a paragraph's end: it is followed by a no-break space,
    which the book prints as the empty line the break made and the editor takes out again."""
    paragraphs = text.split("|")
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.insertPlainText("\n".join(p.replace("\n", "\u2028") for p in paragraphs))
    stored = edit.markdown()
    assert _book(stored) == [p + "\u00a0" if p.endswith("\n") else p for p in paragraphs], stored
    again = _reopened(qtbot, stored)
    assert _shown(again) == paragraphs, stored
    assert again.markdown() == stored


def test_a_line_break_typed_at_a_paragraphs_end_is_kept_in_a_text_over_20000_characters(qtbot) -> None:
    rng = random.Random(17)
    paragraphs = [_broken_lines(rng, 1500) + "\n" for _ in range(3)]
    edit = _plain_typed(qtbot, "\n".join(p.replace("\n", "\u2028") for p in paragraphs))
    _kept_over_20000(qtbot, edit, paragraphs, printed=[p + "\u00a0" for p in paragraphs])


# (2) a word made of parts in different formats gains no space


def _word_parts(filler: int) -> list[tuple[str, bool]]:
    return [("a" * 10 + " " + "x" * filler + " ", False), ("Vi", True), ("nghị", False), ("ệt", True)]


def test_a_word_in_parts_of_different_formats_gains_no_space_where_the_writer_wraps(qtbot) -> None:
    parts = [[*_word_parts(filler), (" cuối", False)] for filler in range(40, 80)]
    edit = _typed(qtbot, parts)
    expected = ["a" * 10 + " " + "x" * f + " Vinghịệt cuối" for f in range(40, 80)]
    _kept(qtbot, edit, expected)


def test_a_word_in_parts_gains_no_space_in_a_text_wrapped_over_several_lines(qtbot) -> None:
    rng = random.Random(3)
    paragraph: list[tuple[str, bool]] = []
    expected = ""
    for _ in range(80):
        word = rng.choice(WORDS)
        cut = rng.randint(1, max(1, len(word) - 1))
        paragraph += [(word[:cut], False), (word[cut:] + rng.choice(["", "x"]), True), (" ", False)]
    edit = _typed(qtbot, [paragraph[:-1]])
    expected = "".join(text for text, _ in paragraph[:-1])
    _kept(qtbot, edit, [expected])


def test_a_word_in_parts_gains_no_space_in_a_text_over_20000_characters(qtbot) -> None:
    rng = random.Random(5)
    paragraphs = []
    for _ in range(3):
        paragraph: list[tuple[str, bool]] = []
        for _ in range(1200):
            word = rng.choice(WORDS)
            cut = rng.randint(1, max(1, len(word) - 1))
            between = " " + rng.choice(WORDS) + " "
            paragraph += [(word[:cut], False), (word[cut:] + "x", True), (between, False)]
        paragraph[-1] = (paragraph[-1][0].rstrip(), False)
        paragraphs.append(paragraph)
    edit = _typed(qtbot, paragraphs)
    _kept_over_20000(qtbot, edit, ["".join(text for text, _ in p) for p in paragraphs])


def test_a_word_with_a_part_in_code_gains_no_space_where_the_writer_wraps(qtbot) -> None:
    for filler in range(60, 80):
        text = "a" * 10 + " " + "x" * filler + " Vi`ệt` cuối"
        edit = _reopened(qtbot, text)
        _kept(qtbot, edit, ["a" * 10 + " " + "x" * filler + " Việt cuối"])


# A run with no space longer than a line (Thai, Lao, Khmer write no spaces between words):
# Qt's writer dropped a character where it broke it after a wrap, and the join put a space
THAI = "ความร่วมมือระหว่างประเทศไทยและสาธารณรัฐประชาธิปไตยประชาชนลาวในด้านการค้าการลงทุนและการท่องเที่ยว"


@pytest.mark.parametrize("text", [f"ประเทศไทย {THAI} จบ", "a b " + "ก" * 90 + " ขข", f"ສປປ ລາວ {THAI * 3}"])
def test_a_long_run_with_no_space_keeps_every_character(qtbot, text: str) -> None:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.insertPlainText(text)
    _kept(qtbot, edit, [text])


@pytest.mark.parametrize("seed", range(4))
def test_long_runs_with_no_space_in_a_text_wrapped_over_several_lines_keep_every_character(
    qtbot, seed: int
) -> None:
    rng = random.Random(seed)
    text = " ".join(rng.choice([*WORDS, THAI, THAI[: rng.randint(20, 90)]]) for _ in range(60))
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.insertPlainText(text)
    _kept(qtbot, edit, [text])


def test_long_runs_with_no_space_in_a_text_over_20000_characters_keep_every_character(qtbot) -> None:
    rng = random.Random(13)
    paragraphs = [" ".join(rng.choice([*WORDS, THAI, THAI[:70]]) for _ in range(400)) for _ in range(3)]
    edit = _plain_typed(qtbot, "\n".join(paragraphs))
    _kept_over_20000(qtbot, edit, paragraphs)


# Several spaces typed in a row where Qt's writer wraps a line: it kept some at the line's
# end and dropped the rest, and the join made them one


def _spaced(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(WORDS) + " " * rng.choice([1, 1, 2, 3, 4, 7]) for _ in range(words)).strip()


@pytest.mark.parametrize("seed", range(8))
def test_several_spaces_where_the_writer_wraps_are_kept(qtbot, seed: int) -> None:
    text = _spaced(random.Random(seed), 60)
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.insertPlainText(text)
    _kept(qtbot, edit, [text])


def test_several_spaces_where_the_writer_wraps_are_kept_in_a_text_over_20000_characters(qtbot) -> None:
    rng = random.Random(23)
    paragraphs = [_spaced(rng, 1200) for _ in range(3)]
    edit = _plain_typed(qtbot, "\n".join(paragraphs))
    _kept_over_20000(qtbot, edit, paragraphs)


# Spaces at a paragraph's start (or after a line break typed): CommonMark drops them, and four
# make code, so the book printed the text without them and the editor reopened it so (or as code)


@pytest.mark.parametrize(
    "text",
    [
        "   ba dấu cách",
        "    bốn: không phải mã",
        "một|  hai",
        "một\n   sau dòng mới",
        "  " + "từ " * 40 + "cuối",
    ],
)
def test_spaces_at_a_paragraphs_start_are_kept(qtbot, text: str) -> None:
    paragraphs = text.split("|")
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.insertPlainText("\n".join(p.replace("\n", "\u2028") for p in paragraphs))
    _kept(qtbot, edit, paragraphs)


def test_spaces_at_a_paragraphs_start_are_kept_in_a_text_over_20000_characters(qtbot) -> None:
    rng = random.Random(29)
    paragraphs = ["  " + _broken_lines(rng, 1500).replace("\n", "\n ") for _ in range(3)]
    edit = _plain_typed(qtbot, "\n".join(p.replace("\n", "\u2028") for p in paragraphs))
    _kept_over_20000(qtbot, edit, paragraphs)
