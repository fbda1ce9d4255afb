"""Every character the editor shows comes back after save and reopen, Markdown's own too.

Qt's writer escapes a "`" only where it starts a word, and "*", "[", ">" or a "- " that its
80-column wrapping puts at a line's start only at times: "don`t ... `x" came back as a code
span, "> a" as a quote, "a [b] c" kept, "b`_" lost its "_". The editor's text is stored as
Markdown and read back twice: by the book (``assemble.markdown_parse``, markdown-it) and by
the editor (Qt's md4c). Both must find the text the user typed, in short texts, in long
ones written in pieces (``markdown_writer``) and in texts over 20,000 characters written per
run of blocks and opened in pieces (``markdown_units``, ``long_text``).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from briefbook.assemble.markdown_parse import parsed_blocks
from briefbook.document.model import Paragraph
from briefbook.ui.editors import markdown_writer
from briefbook.ui.editors.long_text import continues
from briefbook.ui.editors.rich_text import MarkdownEdit

# Markdown's characters, alone and in the words they come in, with Vietnamese and Thai.
SPECIALS = [*"`*_[]<>#|~\\-+=!&().:", "1.", "12)", "don`t", "a*b", "a_b", "a__b_", "ต_ี"]
SPECIALS += ["[NFR]", "<b>", "&amp;"]
WORDS = ["Việt", "Nam", "hội", "nghị", "ประเทศไทย", "2025.", "ສປປ", "a", "x"]
FAST = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _word() -> st.SearchStrategy[str]:
    one = st.sampled_from(SPECIALS + WORDS)
    return st.lists(one, min_size=1, max_size=3).map("".join)


def _paragraph(max_words: int) -> st.SearchStrategy[str]:
    return st.lists(_word(), min_size=1, max_size=max_words).map(" ".join)


def _text(max_words: int) -> st.SearchStrategy[str]:
    return st.lists(_paragraph(max_words), min_size=1, max_size=3).map("\n".join)


def _book_text(markdown: str) -> str:
    """The text the book prints of the stored Markdown (a paragraph per line)."""
    out = []
    for block in parsed_blocks(markdown, "body"):
        assert isinstance(block, Paragraph), f"{type(block).__name__} made of {markdown!r}"
        out.append("".join(run.text for run in block.runs))
    return "\n".join(out)


def shown_paragraphs(edit: MarkdownEdit) -> list[str]:
    """The editor's paragraphs, a paragraph it shows in pieces joined again by its space."""
    lines: list[str] = []
    block = edit.document().begin()
    while block.isValid():
        if lines and continues(block):
            lines[-1] += " " + block.text()
        else:
            lines.append(block.text())
        block = block.next()
    return lines


def _shown(edit: MarkdownEdit) -> str:
    return "\n".join(shown_paragraphs(edit))


def _typed(qtbot, text: str) -> MarkdownEdit:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.insertPlainText(text)  # what typing or a plain paste puts in
    return edit


def _reopened(qtbot, markdown: str) -> MarkdownEdit:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.set_markdown(markdown)
    qtbot.waitUntil(lambda: not edit.loading, timeout=60_000)
    return edit


def _round_trip(qtbot, text: str) -> None:
    edit = _typed(qtbot, text)
    assert _shown(edit) == text
    stored = edit.markdown()
    assert _book_text(stored) == text, stored
    assert _shown(_reopened(qtbot, stored)) == text, stored


@FAST
@given(text=_text(12))
def test_a_short_text_comes_back_as_typed(qtbot, text: str) -> None:
    _round_trip(qtbot, text)


@settings(FAST, max_examples=100)
@given(text=_text(60))
def test_a_text_wrapped_over_several_lines_comes_back_as_typed(qtbot, text: str) -> None:
    _round_trip(qtbot, text)  # (Qt wraps at 80 columns: any word may start a line)


@settings(FAST, max_examples=60)
@given(text=_text(200))
def test_a_long_paragraph_written_in_pieces_comes_back_as_typed(qtbot, monkeypatch, text: str) -> None:
    monkeypatch.setattr(markdown_writer, "PIECE", 60)
    _round_trip(qtbot, text)


@pytest.mark.parametrize("seed", [1, 2])
def test_a_text_over_20000_characters_comes_back_as_typed(qtbot, seed: int) -> None:
    """Written per run of blocks (``markdown_units``) and opened again in pieces."""
    import random

    rng = random.Random(seed)
    words = SPECIALS + WORDS
    paragraphs = [" ".join(rng.choice(words) for _ in range(rng.randint(2000, 4000))) for _ in range(3)]
    text = "\n".join(paragraphs)
    assert len(text) > 20_000
    _round_trip(qtbot, text)


@pytest.mark.parametrize(
    "text",
    [
        "don`t forget the `code",  # a backtick inside a word pairs with a later one
        "> a quote typed by hand",
        "b`_x` and _y_",
        "a [b] c [d](e)",
        "x < y <b>bold</b> &amp;",
        "# not a heading\n1. not a list\n- nor this\n+ nor this\n===",
        "a | b | c\n--- | ---",
        "~~~ not a fence",
        "back\\slash \\* and a trailing \\",
    ],
)
def test_markdown_characters_typed_come_back(qtbot, text: str) -> None:
    _round_trip(qtbot, text)


def test_keys_typed_come_back(qtbot) -> None:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.keyClicks(edit, "don`t use `x or *y")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "> [NFR] 1. a")
    text = "don`t use `x or *y\n> [NFR] 1. a"
    assert _shown(edit) == text
    stored = edit.markdown()
    assert _book_text(stored) == text
    assert _shown(_reopened(qtbot, stored)) == text


def test_ordinary_prose_is_stored_without_escapes_that_would_show(qtbot) -> None:
    """Only what would act is escaped: a "-", "#1" or "Điều 5." the writer's wrapping brought to
    a line's start is text again once the lines are joined, and "[NFR]" or "a | b" act nowhere;
    their backslashes showed in the table's summaries and in messages quoting the text."""
    sentence = "Hợp tác Việt Nam - Thái Lan theo Điều 5. của Công ước, ưu tiên #1 > 0, [NFR] vòng 2) = + đi;"
    for lead in range(1, 40):  # each mark, at some lead, is where the wrapping starts a line
        text = f"{'x' * lead} {sentence} {sentence} {sentence}"
        edit = _typed(qtbot, text)
        stored = edit.markdown()
        assert "\n" not in stored  # one paragraph, its wrapped lines joined
        for written in ("\\-", "\\#", "\\>", "\\=", "\\+", "5\\.", "2\\)", "\\|", "\\]"):
            assert written not in stored, (written, stored)
        assert _book_text(stored) == text
        assert _shown(_reopened(qtbot, stored)) == text


def test_a_table_cell_shows_an_escaped_character_as_itself() -> None:
    """Qt's writer stores "[NFR]" as "\\[NFR]" and "R&D" as "R\\&D"; the table's one-line
    summary showed the backslashes (and took "a\\_b" for emphasis: "ab")."""
    from briefbook.ui.cell_text import plain_summary

    assert (
        plain_summary("\\[NFR] R\\&D a\\_b \\*sao\\* \\<b> a\\\\b **đậm**")
        == "[NFR] R&D a_b *sao* <b> a\\b đậm"
    )
