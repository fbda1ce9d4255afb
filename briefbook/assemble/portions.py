"""Portion marking: each paragraph or point above the book's lowest level shows its level
in brackets, as a government marks portions of a classified document.

Optional per template (``"portion_marking": true`` in template.json). The mark is
the level's words in the book's language, in capitals, in round brackets: "(MẬT)"
in a Vietnamese book, "(CONFIDENTIAL)" in an English one. It is taken from each
passage's own origin (the level of the item the text came from), so a mark can
never be lower than the text it stands before.
"""

from __future__ import annotations

from collections.abc import Callable

from briefbook.document.model import Document, ListBlock, ListItem, Origin, Paragraph, Reference, Run, Table


def mark_portions(document: Document, levels: list[str], label: Callable[[str], str]) -> Document:
    """Prefix every paragraph and list item above ``levels[0]`` with its level (in place).

    ``label(level)`` gives the level's words in the book's language. Headings, the
    cover and page furniture are not portions (the banner carries the page's level).
    """
    lowest = levels[0] if levels else ""
    marks: dict[str, str] = {}

    def mark(origin: Origin | None) -> str:
        if origin is None or origin.level == lowest or origin.level not in levels:
            return ""
        if origin.level not in marks:
            marks[origin.level] = f"({label(origin.level).upper()}) "
        return marks[origin.level]

    def prefix(runs: list[Run], origin: Origin | None) -> list[Run]:
        text = mark(_highest(runs, origin, levels))
        return [Run(text, bold=True), *runs] if text else runs

    def items(block: ListBlock, inherited: Origin | None) -> None:
        for n, item in enumerate(block.items):
            own = item.origin or block.origin or inherited
            block.items[n] = ListItem(prefix(item.runs, own), item.children, item.origin, item.more)
            if item.children:
                items(item.children, own)
            for k, part in enumerate(item.more):
                if isinstance(part, ListBlock):
                    items(part, own)
                else:
                    item.more[k] = Paragraph(prefix(part.runs, part.origin or own), part.style, part.origin)

    for block in document.blocks:
        if isinstance(block, Paragraph | Reference):
            block.runs = prefix(block.runs, block.origin)
        elif isinstance(block, ListBlock):
            items(block, block.origin)
        elif isinstance(block, Table):
            for row in [*block.header, *block.rows]:
                for cell in row:
                    for para in cell:
                        para.runs = prefix(para.runs, para.origin or block.origin)
    return document


def _highest(runs: list[Run], origin: Origin | None, levels: list[str]) -> Origin | None:
    """The highest origin among a passage's own and its runs' (a run may be more sensitive)."""
    best = origin
    for run in runs:
        o = run.origin
        if (
            o is not None
            and o.level in levels
            and (best is None or levels.index(o.level) > levels.index(best.level))
        ):
            best = o
    return best
