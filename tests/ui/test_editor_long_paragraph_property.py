"""A long paragraph opened and saved with no edit gives back Markdown the book prints the same.

Qt's writer wraps a paragraph at 80 columns, and the editor joins the wrapped lines again
(``normalise_markdown``): any word, mark or code span may start a line there, where a "~~~"
or "```" opens a fence, a "* " a list, and a "\\" at a line's end is a hard break. A text
over ``markdown_writer.PIECE`` characters is written in pieces. The short texts of
``test_editor_strike_property`` never wrap; these are drawn long, of Vietnamese, Thai and
Lao words among stars, backslashes, tildes, backticks, spaces and the text's own line breaks.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefbook.assemble.markdown_parse import parsed_blocks
from briefbook.document.model import Paragraph
from briefbook.ui.editors.markdown_text import code_spans
from tests.ui.test_editor_strike_kept import _saved, book_struck, struck_text
from tests.ui.test_editor_strike_property import _read, _struck
from tests.ui.test_markdown_literals import _reopened

_FENCE = re.compile(r"^ {0,3}(?:~~~|```)", re.M)
_LINE_END = re.compile(r"[ \t]+\n")
_LINE_START = re.compile(r"(?<!\\)\n[ \t]+")
WORDS = ["Việt", "Nam", "hội nghị", "Hà Nội", "ประเทศไทย", "ສົມພອນ", "a", "2025."]
MARKS = ["*", "**", "\\", "~", "~~", "~~~", "`", "``"]
LONG = settings(
    max_examples=200,  # (about 15 s)
    derandomize=True,  # (the same texts at each run)
    database=None,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)


def _part() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(MARKS),
        st.just(" "),
        st.sampled_from([" ", "  ", "\n"]),  # (a run of spaces, a line break of the text's own)
    )


def _paragraph() -> st.SearchStrategy[str]:
    """Some 40-200 parts (most over 80 columns); a few joined into one over 2,000 characters."""
    one = st.lists(_part(), min_size=40, max_size=200).map("".join).map(_tidy)
    many = st.lists(one, min_size=6, max_size=12).map(" ".join)
    return st.one_of(one, one, one, many).filter(_one_paragraph)


def _tidy(text: str) -> str:
    """``text`` without spaces at a line's end (two are a hard break Qt's reader reads as a
    paragraph's end: left as it is) or at a line's start after a soft break (where md4c and
    markdown-it read a code span across the lines otherwise)."""
    return _LINE_START.sub("\n", _LINE_END.sub("\n", text)).strip()


def _one_paragraph(markdown: str) -> bool:
    """The book reads ``markdown`` as one paragraph (no fence, list or heading drawn), and no
    code span in it holds a line ending (md4c reads one at a span's end otherwise: "`  a\n`"
    is " a " to the editor, " a" to the book; left as it is)."""
    if _FENCE.search(markdown) or any("\n" in markdown[a:b] for a, b in code_spans(markdown)):
        return False
    blocks = parsed_blocks(markdown, "body")
    return len(blocks) == 1 and isinstance(blocks[0], Paragraph)


@LONG
@given(stored=_paragraph())
def test_a_long_paragraph_is_saved_as_the_book_reads_it(qtbot, stored: str) -> None:
    _check(qtbot, stored)


def _check(qtbot, stored: str) -> None:
    edit = _reopened(qtbot, stored)
    shown = [(text.replace("\u2028", "\n"), struck) for text, struck in struck_text(edit.document())]
    assert _struck(shown) == _struck(book_struck(stored))  # (a line break typed: U+2028 there)
    saved = _saved(edit)
    assert _read(saved) == _read(stored), saved
