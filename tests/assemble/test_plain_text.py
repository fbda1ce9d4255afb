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
from briefbook.assemble.markdown_parse import parsed_blocks, plain_blocks, plain_list
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


# A flat list of plain lines, as the editor writes one (objectives, a person's interests).
ITEM_PIECES = [*LINE_PIECES, "- ", "-", "\n- ", "\n-", "*", "[NFR]", "\t", "    ", "#", ">", "`", "\n\n- "]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(ITEM_PIECES), max_size=8), min_size=1, max_size=6), st.booleans())
def test_the_list_shortcut_gives_the_parsers_blocks(items: list[list[str]], trailing: bool) -> None:
    text = clean("\n".join("- " + "".join(item) for item in items) + ("\n" if trailing else ""))
    plain = plain_list(text)
    if plain is not None:
        assert plain == parsed_blocks(text, "body"), repr(text)


@pytest.mark.parametrize(
    "text",
    [
        "- Việt Nam đánh giá cao hội nghị.\n- Chia sẻ thông tin (2025).\n- ประเทศไทย: ສປປ ລາວ",
        "- một",
        "- 50% số vụ, năm 2025\n- a - b + c = d\n",
    ],
)
def test_plain_lists_take_the_shortcut_and_read_the_same(text: str) -> None:
    assert plain_list(text) is not None
    assert plain_list(text) == parsed_blocks(text, "body")


@pytest.mark.parametrize(
    "text",
    [
        "- a\n  - b",  # nested
        "- a\nb",  # lazy continuation
        "- a\n\n- b",  # loose
        "* a\n* b",
        "- a\n+ b",  # two lists
        "1. a",
        "- 1. a",
        "- - a",
        "- > a",
        "- **a**",
        "- [NFR] a",
        "-  a",
        "- a ",
        "- a\n---",
        "-",
        "- ",
        "text\n- a",
    ],
)
def test_anything_else_is_not_a_plain_list(text: str) -> None:
    assert plain_list(text) is None


def test_a_plain_list_is_not_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(md, "parsed_blocks", lambda text, style: pytest.fail("parsed"))
    found = md.items("- Chia sẻ thông tin.\n- Hợp tác.", origin=Origin("Public"))
    assert ["".join(r.text for r in i.runs) for i in found] == ["Chia sẻ thông tin.", "Hợp tác."]


# Only what an item may hold, so that most examples take the list shortcut.
PLAIN_ITEM = [
    "Việt Nam",
    "a",
    " ",
    "  ",
    "1",
    "12",
    ".",
    ")",
    "=",
    "-",
    "+",
    "\u00a0",
    ":",
    "ประเทศไทย",
    "تؤكد",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PLAIN_ITEM), max_size=8), min_size=1, max_size=6))
def test_the_list_shortcut_gives_the_parsers_blocks_for_plain_items(items: list[list[str]]) -> None:
    text = clean("\n".join("- " + "".join(item) for item in items))
    plain = plain_list(text)
    if plain is not None:
        assert plain == parsed_blocks(text, "body"), repr(text)
