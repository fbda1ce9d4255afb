"""An internal export labels each passage not for release; a block with none is kept as it was
marked instead of copied. For any field (lists nested, passages marked at any depth, tables,
quotes, pasted text), the blocks are those the copy made."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefbook.assemble import markdown, markdown_release
from briefbook.document.model import Origin

ORIGIN = Origin("Internal", kind="talking_point", item_id="p1", name="P")
LINES = [
    "Việt Nam ủng hộ",
    "- một",
    "  - hai **đậm**",
    "    1. ba",
    "- [NFR] nội bộ",
    "  - [NFR] con nội bộ",
    "1. [Không công bố] số",
    "> trích dẫn",
    "> [NFR] trích nội bộ",
    "| a | b |",
    "|---|---|",
    "| [NFR] x | y |",
    "“Dán từ Word”\tcó tab… <và> &",
    "",
    "ທອງສະຫວັນ [NFR] ở giữa",
    "  Đoạn tiếp trong mục.",
]


def _long_way(text: str) -> list:
    real = markdown_release._holds_restricted
    markdown_release._holds_restricted = lambda block: True
    try:
        return markdown.blocks(text, origin=ORIGIN, label="KHÔNG CÔNG BỐ")
    finally:
        markdown_release._holds_restricted = real


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=9).map("\n".join))
def test_the_kept_blocks_are_those_the_copy_made(text: str) -> None:
    assert markdown.blocks(text, origin=ORIGIN, label="KHÔNG CÔNG BỐ") == _long_way(text)


def test_a_passage_not_for_release_is_still_labelled() -> None:
    blocks = markdown.blocks("- một\n  - [NFR] con", origin=ORIGIN, label="KHÔNG CÔNG BỐ")
    child = blocks[0].items[0].children.items[0]
    assert child.runs[0].text == "KHÔNG CÔNG BỐ: " and child.runs[0].origin.not_for_release
