"""What the long-paragraph property test found, each a text opened and saved with no edit.

Qt's writer wraps at 80 columns, inside code spans too, and the editor joins its lines
again: each text below came back as Markdown the book printed otherwise (a space gained or
lost, a character dropped, a backslash shown, a paragraph cut by a fence, a look moved).
"""

from __future__ import annotations

import pytest

from tests.ui.test_editor_long_paragraph_property import _check

V = "Việt"
LEAD = "Hội nghị Việt Nam và Lào lần thứ hai tại Viêng Chăn, đoàn ประเทศไทย dự họp "


@pytest.mark.parametrize(
    "stored",
    [
        # a code span wrapped inside: its next line "~~~`" was read as a fence, the paragraph cut
        LEAD + "`Hà ~~~` ສົມພອນ",
        # two spaces in code where the writer wrapped: made one by the join
        V * 18 + "hội nghị`" + V * 17 + "  ສົມພອນ`",
        # a run with no space in code after a space: the writer dropped a character ("V")
        "Việt ViệtViệtViệt Việt` " + V * 5 + " " + V * 24 + "`",
        # text glued to code ending with a space: a wrap there, joined, gained a space
        V * 5 + "`Việt Việt  `" + V * 28,
        # a space after code: the line ended in "` `", taken for a mark opened there
        V * 7 + " " + V * 7 + "`" + V * 11 + " " + V * 5 + "`Việt` ` ສົມພອນ",
        # ... and after code written by code_looks ("*" in it)
        "ViệtViệt ViệtViệtViệt ViệtViệtViệtNam  Việt ViệtViệt " + V * 5 + " Việt`" + V * 5 + "* ` " + V * 5,
        # code right after italic: Qt closes no italic where code begins (the code made italic)
        V * 26 + "*Việt*` ViệtViệtViệtViệt ViệtViệtViệt`",
        # a code span read over a line ending, with a look: written back with it, joined wrong
        V * 19 + " *` *\nViệtViệt " + V * 8 + "`*",
        # a line break typed after italic: the writer's wrap before it became a space
        V * 33 + " *Việt*\\\nViệt",
        # the spaces after a hard break are the break's (the book drops them)
        LEAD + "Việt\\\n  ສົມພອນ",
        # a run with no space over a line break typed: the writer dropped an "ệ" after it
        V * 30 + "\\\n" + V * 8,
        # stars on either side of a hard break are text to the book (the break's backslash is
        # punctuation): the editor made italic of them
        V * 35 + "*\\\nViệt*",
        "ViệtViệt*\\\n" + V * 33 + "*",
        # code beginning with a space after italic: the writer put its backtick before its wrap
        V * 9 + " ViệtViệtViệt *Việt ViệtViệtViệtViệt*  ` " + V * 13 + "`",
        # a rule or a heading after a line ending in a backslash ends the paragraph (the
        # backslash is text): the editor read it into the paragraph as its text
        LEAD + "Việt \\\n***",
        LEAD + "ສົມພອນ\\\n## Lào",
        # a "*" after a hard break follows white space: text, not an italic's close
        V * 6 + "  " + V * 20 + "*Việt ViệtViệtViệtViệt Việt\\\n*",
    ],
)
def test_a_long_paragraph_comes_back_as_the_book_reads_it(qtbot, stored: str) -> None:
    _check(qtbot, stored)


@pytest.mark.parametrize(
    "stored",
    ["Mã `-5` và `+3`, mục `12. Lào`", "Lệnh `!ສົມພອນ` và `a``b`", "Mã `  ประเทศไทย  ` đây"],
)
def test_inline_code_qt_would_escape_or_trim_is_saved_as_typed(qtbot, stored: str) -> None:
    _check(qtbot, stored)  # ("`-5`" was saved "`\\-5`", "`  x  `" "` x `", read "x")
