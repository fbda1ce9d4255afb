"""The export bench's PDF floor renders the same text as the book: every paragraph,
those inside lists and table cells included (a floor with less text flatters us)."""

from __future__ import annotations

import html
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph, SimpleDocTemplate

from briefbook.assemble import assemble
from briefbook.document.model import ListBlock
from briefbook.document.model import Table as ModelTable
from briefbook.library import Library
from briefbook.render.template import load_template

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _bench():
    sys.path.insert(0, str(BENCH))
    try:
        import export
    finally:
        sys.path.remove(str(BENCH))
    return export


def _words(markup: str) -> Counter:
    return Counter(html.unescape(re.sub(r"<[^>]*>", "", markup.replace("<br/>", " "))).split())


def _list_words(block: ListBlock) -> Counter:
    words: Counter = Counter()
    for item in block.items:
        words += Counter("".join(r.text for r in item.runs).split())
        if item.children is not None:
            words += _list_words(item.children)
        for part in item.more:
            words += (
                _list_words(part)
                if isinstance(part, ListBlock)
                else Counter("".join(r.text for r in part.runs).split())
            )
    return words


@pytest.mark.parametrize("script", ["vi", "thai"])
def test_the_floor_holds_every_list_item_and_table_cell(tmp_path: Path, monkeypatch, script: str) -> None:
    export = _bench()
    source = tmp_path / "bench.briefbook"
    book = export.build_library(source, 3, script=script)
    with Library.open(source, backup=False) as lib:
        document = assemble(lib, book)
        template = load_template(lib.get("book", book).template)
    built: list = []
    build = SimpleDocTemplate.build

    def keep(self, flowables, *args, **kw):
        built.extend(flowables)
        return build(self, flowables, *args, **kw)

    monkeypatch.setattr(SimpleDocTemplate, "build", keep)
    export.minimal_render(document, template, str(tmp_path / "floor.pdf"))
    assert built and all(type(p) is Paragraph for p in built)
    floor: Counter = Counter()
    for p in built:
        floor += _words(p.text)

    lists: Counter = Counter()
    cells: Counter = Counter()
    for block in document.blocks:
        if isinstance(block, ListBlock):
            lists += _list_words(block)
        if isinstance(block, ModelTable):
            for row in [*block.header, *block.rows]:
                for cell in row:
                    for para in cell:
                        cells += Counter("".join(r.text for r in para.runs).split())
    assert sum(lists.values()) > 100 and sum(cells.values()) > 20  # the book has both
    assert not (lists + cells) - floor  # every word of them is in the floor, as often
