"""Plain text skips the Markdown parser and reads exactly as CommonMark reads it.

Most fields are a sentence or a few paragraphs with no markup; they become
paragraphs without a markdown-it parse. The parse stays the judge: for any text
the shortcut takes, its blocks are the parser's.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefbook.assemble import markdown as md
from briefbook.assemble.markdown_parse import parsed_blocks, plain_blocks
from briefbook.document.model import Origin
from briefbook.text import clean

PIECES = [
    "Việt Nam",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\n \n",
    ".",
    ",",
    ":",
    "!",
    "?",
    "(",
    ")",
    "%",
    "@",
    "=",
    "-",
    "+",
    "1",
    "2025",
    "1.",
    "3)",
    "ประเทศไทย",
    "ສປປ ລາວ",
    "تؤكد",
    "\u00a0",
    "\u3000",
    "\u200b",
    "“",
    "”",
    "'",
    '"',
    "/",
    "$",
    "^",
    "{",
    "}",
    "a",
    "*",
    "_",
    "`",
    "#",
    ">",
    "<",
    "&",
    "[",
    "]",
    "|",
    "~",
    "\\",
    "\t",
    "    ",
    "e\u0301",
    "［ＮＦＲ］",
    "\ufe47NFR]",
    "NFR",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_the_shortcut_gives_the_parsers_blocks(pieces: list[str]) -> None:
    text = clean("".join(pieces))
    plain = plain_blocks(text, "body")
    if plain is not None:
        assert plain == parsed_blocks(text, "body"), repr(text)


# Only what the shortcut may take, so most examples exercise it (lines, spaces, numbers).
LINE_PIECES = ["Việt Nam", "a", " ", "  ", "\n", "\n\n", "1", "12", ".", ")", "=", "-", "+", "\u00a0", ":"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES), max_size=25))
def test_the_shortcut_gives_the_parsers_blocks_for_lines_and_numbers(pieces: list[str]) -> None:
    text = clean("".join(pieces))
    plain = plain_blocks(text, "body")
    if plain is not None:
        assert plain == parsed_blocks(text, "body"), repr(text)


@pytest.mark.parametrize(
    "text",
    [
        "Việt Nam đánh giá cao việc tổ chức hội nghị.",
        "Đoạn một.\nvẫn đoạn một.\n\nĐoạn hai: 50% (2025)!",
        "ประเทศไทยให้ความสำคัญ\n\n\n\nສປປ ລາວ",
        "2025 là năm bản lề.",
    ],
)
def test_plain_fields_take_the_shortcut_and_read_the_same(text: str) -> None:
    assert plain_blocks(text, "body") is not None
    assert plain_blocks(text, "body") == parsed_blocks(text, "body")


@pytest.mark.parametrize(
    "text",
    ["- a", "1. a", "> a", "# a", "a\n===", "a\n---", "    code", "a  \nb", "**a**", "[NFR] a", "a | b"],
)
def test_anything_that_may_be_markdown_is_parsed(text: str) -> None:
    assert plain_blocks(text, "body") is None


def test_a_plain_field_is_not_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(md, "parsed_blocks", lambda text, style: pytest.fail("parsed"))
    blocks = md.blocks("Chia sẻ thông tin.\n\nHợp tác.", origin=Origin("Public"))
    assert [b.runs[0].text for b in blocks] == ["Chia sẻ thông tin.", "Hợp tác."]
    assert all(b.origin == Origin("Public") for b in blocks)
