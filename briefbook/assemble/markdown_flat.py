"""A document-model block shown as inline runs: lines of their own, lists as indented, marked lines.

For a short field shown inline (a cover line, a card), a list item's text made of a
quote or a table, and the meeting brief's lists written as paragraphs: never a lost
word. ``marker`` is the one rule for the bullet or number a list item shows as text.
"""

from __future__ import annotations

from dataclasses import replace

from briefbook.document.model import Block, ListBlock, Origin, Paragraph, Run, Table

# One level of a list shown as text: four no-break spaces, about an em. An em space (U+2003)
# was a space to reportlab, which broke lines at it and dropped it at a line's start: the PDF
# printed a biography's nested list, and a list in a meeting's purpose, all at the margin
# (the DOCX kept the indents).
INDENT = "\u00a0" * 4


def origin_of(block: Block) -> Origin | None:
    """The block's own origin (a page break and a cover have none)."""
    return getattr(block, "origin", None)


def with_origin(found: list[Run], origin: Origin | None) -> list[Run]:
    """The runs, each without an origin of its own given ``origin`` (its block's)."""
    if origin is None:
        return list(found)
    return [r if r.origin is not None else _given(r, origin) for r in found]


def _given(run: Run, origin: Origin) -> Run:
    """``run`` with ``origin``: what replace() makes, without its field-by-field checks."""
    if type(run) is Run:
        return Run(run.text, run.bold, run.italic, run.link, origin, run.code, run.strike)
    return replace(run, origin=origin)


def flat_runs(block: Block, depth: int = 0) -> list[Run]:
    """One block as runs on lines of their own (lists indented by depth, numbered if ordered)."""
    if isinstance(block, Paragraph):
        return with_origin(block.runs, block.origin)
    out: list[Run] = []
    if isinstance(block, ListBlock):
        for n, item in enumerate(block.items, start=1):
            if out:
                out.append(Run("\n"))
            out.extend(with_origin([Run(INDENT * depth + marker(block.ordered, depth, n))], item.origin))
            out.extend(with_origin(item.runs, item.origin))
            if item.children and item.children.items:
                out.append(Run("\n"))
                out.extend(flat_runs(item.children, depth + 1))
            for part in item.more:  # later paragraphs indented under the item, lists nested
                out.append(Run("\n"))
                if isinstance(part, Paragraph):
                    out.extend(with_origin([Run(INDENT * (depth + 1))], item.origin))
                    out.extend(with_origin(with_origin(part.runs, part.origin), item.origin))
                else:
                    out.extend(with_origin(flat_runs(part, depth + 1), item.origin))
    elif isinstance(block, Table):
        for row in [*block.header, *block.rows]:
            if out:
                out.append(Run("\n"))
            for k, cell in enumerate(row):
                if k:
                    out.append(Run(" · "))
                for j, para in enumerate(cell):
                    if j:
                        out.append(Run(" "))
                    out.extend(with_origin(para.runs, para.origin))
    return out


def marker(ordered: bool, depth: int, n: int) -> str:
    """The bullet or number of a list item shown as text: "1. ", "a. ", "i. " or "• ", "– ", "· "."""
    if not ordered:
        return ("• ", "– ", "· ")[depth % 3]
    kind = depth % 3
    if kind == 0:
        return f"{n}. "
    if kind == 1:
        return _letters(n) + ". "
    return _roman(n) + ". "


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(97 + r) + out
    return out


def _roman(n: int) -> str:
    out = ""
    for value, digits in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out, n = out + digits, n - value
    return out
