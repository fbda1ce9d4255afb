"""Reading a long Markdown field leaves nothing for Python's cyclic collector, and runs none.

A collection holds the GIL while it walks every object alive, on whichever thread allocates:
the preview's analysis of a 1 MB point, on its own thread, held the window 55-180 ms in
each full collection that its parse tree (120,000 objects linked to their parents) set off.
"""

from __future__ import annotations

import gc

from briefbook.assemble import markdown_parse
from briefbook.assemble.markdown_parse import parsed_blocks
from briefbook.document.model import ListBlock


def one_list(items: int) -> str:
    lines = []
    for n in range(items):
        lines.append(f"- Mục **{n}**: hợp tác chống [lừa đảo](https://example.org/{n}) trực tuyến.")
        if n % 10 == 0:
            lines.append(f"  - con {n}")
    return "\n".join(lines)


def test_a_parsed_field_leaves_no_cycles_behind():
    text = one_list(50)  # (short: parsed with the collector running)
    parsed_blocks(text, "body")  # (the parser made once)
    gc.collect()
    gc.disable()
    try:
        blocks = parsed_blocks(text, "body")
        assert isinstance(blocks[0], ListBlock) and len(blocks[0].items) == 50
        del blocks
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_a_long_field_is_parsed_without_a_collection_and_the_collector_runs_again_after():
    text = one_list(3000)
    assert len(text) > 10 * markdown_parse.PAUSED_PARSE
    started: list[int] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(seen)
    try:
        blocks = parsed_blocks(text, "body")
    finally:
        gc.callbacks.remove(seen)
    assert started == []
    assert gc.isenabled()
    assert len(blocks[0].items) == 3000
    assert blocks[0].items[10].children is not None
    assert [r.text for r in blocks[0].items[7].runs][:2] == ["Mục ", "7"]


def test_a_collector_paused_by_its_caller_stays_paused():
    gc.disable()
    try:
        parsed_blocks(one_list(3000), "body")
        assert not gc.isenabled()
    finally:
        gc.enable()
