"""What the editor shows struck is what the book strikes, in any text, and an open and save
without an edit gives back Markdown the book prints the same.

The book reads strike-through by markdown-it's rule, the editor by ``struck`` over md4c;
md4c's own (f3530c4) struck single tildes and missed pairs inside a word. Texts are drawn
from tildes, backticks, backslashes, stars and spaces among Vietnamese, Thai and Lao words.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefbook.assemble.markdown_parse import parsed_blocks
from tests.ui.test_editor_strike_kept import _saved, book_struck, struck_text
from tests.ui.test_markdown_literals import _reopened

PARTS = ["~", "~~", "~~", "~~~", "`", "\\", "*", "**", " ", " ", "Việt", "ประเทศไทย", "ສົມພອນ", "a", "."]
CHECKED = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _paragraph(parts: list[str] = PARTS) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(parts), min_size=1, max_size=24).map("".join).map(str.strip)


def _text() -> st.SearchStrategy[str]:
    paragraph = _paragraph().filter(_a_paragraph)
    return st.lists(paragraph, min_size=1, max_size=3).map("\n\n".join)


def _a_paragraph(text: str) -> bool:
    """Not empty, nor a fence (code), a list item or a rule."""
    return bool(text) and not text.startswith(("~~~", "```", "* ")) and text.strip("* ") != ""


@CHECKED
@given(stored=_text())
def test_the_editor_strikes_what_the_book_strikes(qtbot, stored: str) -> None:
    _check(qtbot, stored)


def _check(qtbot, stored: str) -> None:
    edit = _reopened(qtbot, stored)
    assert _struck(struck_text(edit.document())) == _struck(book_struck(stored))
    saved = _saved(edit)
    assert _read(saved) == _read(stored), saved


def _read(markdown: str) -> list[tuple]:
    """The runs the book prints, in their looks (one a look, paragraphs apart)."""
    out: list[list] = []
    for n, block in enumerate(parsed_blocks(markdown, "body")):
        for run in getattr(block, "runs", []):
            looks = (n, run.strike, run.bold, run.italic, run.code)
            if out and out[-1][1:] == list(looks):
                out[-1][0] += run.text
            elif run.text:
                out.append([run.text, *looks])
    return out


def _struck(runs: list[tuple[str, bool]]) -> list[str]:
    """The struck stretches, in order."""
    return [text for text, struck in runs if struck]
