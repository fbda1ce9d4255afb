"""Passages not for release in a field's blocks: marked with the field's origin, left out, or labelled.

:func:`marked` gives every block and run the field's origin, and the runs the parse
found restricted (:data:`~briefbook.assemble.markdown_parse.PARSED_NFR`) that origin
marked not for release: a block made only of them is restricted itself, an item whose
text is restricted takes its sub-list and later paragraphs with it, a row with one
restricted cell is restricted whole. A sharing export then leaves them out
(:func:`without_restricted`); an internal one puts the book's label before each
(:func:`labelled`), and the renderers draw a side rule.
"""

from __future__ import annotations

from dataclasses import replace

from briefbook.assemble.markdown_parse import PARSED_NFR
from briefbook.document.model import (
    Block,
    ListBlock,
    ListItem,
    Origin,
    Paragraph,
    Run,
    Table,
    marked_not_for_release,
)


def _marked_runs(runs: list[Run], restricted: Origin) -> list[Run]:
    """The runs the parse found restricted, with the field's origin marked not for release."""
    # (Most runs have no origin of their own: passed by without comparing origins.)
    return [
        replace(r, origin=restricted)
        if r.origin is not None and (r.origin is PARSED_NFR or r.origin == PARSED_NFR)
        else r
        for r in runs
    ]


def all_restricted(runs: list[Run]) -> bool:
    """True if every run that shows text is not for release (and one does)."""
    shown = [r for r in runs if r.text.strip()]
    return bool(shown) and all(r.origin is not None and r.origin.not_for_release for r in shown)


def marked(block: Block, origin: Origin, restricted: Origin) -> Block:
    """A parsed block with the field's ``origin``, its restricted passages ``restricted``."""
    if isinstance(block, Paragraph):
        runs = _marked_runs(block.runs, restricted)
        return Paragraph(runs, block.style, restricted if all_restricted(runs) else origin)
    if isinstance(block, ListBlock):
        return ListBlock([_marked_item(i, origin, restricted) for i in block.items], block.ordered, origin)
    if isinstance(block, Table):
        header = [_marked_row(r, origin, restricted) for r in block.header]
        rows = [_marked_row(r, origin, restricted) for r in block.rows]
        return Table(header, rows, block.widths, origin)
    return block


def _marked_item(item: ListItem, origin: Origin, restricted: Origin) -> ListItem:
    runs = _marked_runs(item.runs, restricted)
    children = item.children
    if children is not None:
        children = marked(children, origin, restricted)  # type: ignore[assignment]
    more = [marked(b, origin, restricted) for b in item.more]
    if all_restricted(runs):
        return ListItem(
            runs,
            _restricted_list(children, restricted) if children else None,
            restricted,
            [_restricted_part(b, restricted) for b in more],  # type: ignore[arg-type]
        )
    return ListItem(runs, children, origin, more)  # type: ignore[arg-type]


def _restricted_list(block: ListBlock, restricted: Origin) -> ListBlock:
    """A sub-list under a restricted item: all of it restricted."""
    items = [
        ListItem(
            [replace(r, origin=restricted) for r in i.runs],
            _restricted_list(i.children, restricted) if i.children else None,
            restricted,
            [_restricted_part(b, restricted) for b in i.more],
        )
        for i in block.items
    ]
    return ListBlock(items, block.ordered, restricted)


def _restricted_part(block: Paragraph | ListBlock, restricted: Origin) -> Paragraph | ListBlock:
    """A later paragraph or list of a restricted item: all of it restricted."""
    if isinstance(block, ListBlock):
        return _restricted_list(block, restricted)
    return _restrict(block, restricted)


def _marked_row(row: list[list[Paragraph]], origin: Origin, restricted: Origin) -> list[list[Paragraph]]:
    cells = [[marked(p, origin, restricted) for p in cell] for cell in row]
    if _row_restricted(cells):  # type: ignore[arg-type]
        return [[_restrict(p, restricted) for p in cell] for cell in cells]  # type: ignore[arg-type]
    return cells  # type: ignore[return-value]


def _restrict(p: Paragraph, restricted: Origin) -> Paragraph:
    return Paragraph([replace(r, origin=restricted) for r in p.runs], p.style, restricted)


# -- sharing exports: restricted passages left out ---------------------------------


def _kept_runs(runs: list[Run]) -> list[Run]:
    kept = [r for r in runs if not (r.origin is not None and r.origin.not_for_release)]
    out: list[Run] = []
    for r in kept:  # no line break left at either end or doubled where a passage was
        if r.text == "\n" and (not out or out[-1].text == "\n"):
            continue
        out.append(r)
    while out and out[-1].text == "\n":
        out.pop()
    return out if any(r.text.strip() for r in out) else []


def without_restricted(found: list[Block]) -> list[Block]:
    """Marked blocks for a sharing export: every passage not for release left out, and a block left empty."""
    kept: list[Block] = []
    for block in found:
        if isinstance(block, Paragraph):
            runs = [] if block.not_for_release else _kept_runs(block.runs)
            if runs:
                kept.append(Paragraph(runs, block.style, block.origin))
        elif isinstance(block, ListBlock):
            block = _list_without_restricted(block)
            if block.items:
                kept.append(block)
        elif isinstance(block, Table):
            header = [r for r in block.header if not _row_restricted(r)]
            rows = [r for r in block.rows if not _row_restricted(r)]
            if header or rows:
                kept.append(Table(header, rows, block.widths, block.origin))
        else:
            kept.append(block)
    return kept


def _row_restricted(row: list[list[Paragraph]]) -> bool:
    """A row with a passage not for release in any cell is not for release whole."""
    return any(marked_not_for_release(p.runs, p.origin) for cell in row for p in cell)


def _list_without_restricted(block: ListBlock) -> ListBlock:
    items = []
    for item in block.items:
        if item.not_for_release:
            continue
        runs = _kept_runs(item.runs)
        children = _list_without_restricted(item.children) if item.children else None
        children = children if children and children.items else None
        more = without_restricted(item.more)  # type: ignore[arg-type]
        if runs or children or more:
            items.append(ListItem(runs, children, item.origin, more))  # type: ignore[arg-type]
    return ListBlock(items, block.ordered, block.origin)


# -- internal exports: restricted passages labelled ----------------------------------


def _labelled_runs(runs: list[Run], label: str) -> list[Run]:
    """``label`` before each stretch of restricted runs."""
    out: list[Run] = []
    inside = False
    for r in runs:
        restricted = r.origin is not None and r.origin.not_for_release
        if restricted and not inside and r.text.strip():
            out.append(Run(f"{label}: ", bold=True, origin=r.origin))
        if r.text.strip() or r.text == "\n":
            inside = restricted and r.text != "\n"
        out.append(r)
    return out


def _holds_restricted(block: Block) -> bool:
    """False if no run of the paragraph or list (its items' sub-lists and paragraphs too) that
    shows text is not for release: :func:`labelled` has no label to put in. True for anything
    else, which :func:`labelled` then reads the long way."""
    if type(block) is Paragraph:
        return _shows_restricted(block.runs)
    if type(block) is not ListBlock:
        return True
    for item in block.items:  # type: ignore[union-attr]
        if _shows_restricted(item.runs):
            return True
        if item.children is not None and _holds_restricted(item.children):
            return True
        if any(_holds_restricted(part) for part in item.more):
            return True
    return False


def _shows_restricted(runs: list[Run]) -> bool:
    return any(r.origin is not None and r.origin.not_for_release and r.text.strip() for r in runs)


def labelled(block: Block, label: str) -> Block:
    """A marked block for an internal export: ``label`` before each passage not for release."""
    if not _holds_restricted(block):
        return block  # nothing to label: the block as marked (made for this field, not shared)
    if isinstance(block, Paragraph):
        return Paragraph(_labelled_runs(block.runs, label), block.style, block.origin)
    if isinstance(block, ListBlock):
        items = [
            ListItem(
                _labelled_runs(i.runs, label),
                labelled(i.children, label) if i.children else None,  # type: ignore[arg-type]
                i.origin,
                [labelled(b, label) for b in i.more],  # type: ignore[misc]
            )
            for i in block.items
        ]
        return ListBlock(items, block.ordered, block.origin)
    if isinstance(block, Table):
        header = [_labelled_row(row, label) for row in block.header]
        rows = [_labelled_row(row, label) for row in block.rows]
        return Table(header, rows, block.widths, block.origin)
    return block


def _labelled_row(row: list[list[Paragraph]], label: str) -> list[list[Paragraph]]:
    """A row not for release, with ``label`` before its first cell's text (the first cell that has any)."""
    if not _row_restricted(row):
        return row
    k = next((k for k, cell in enumerate(row) if cell), None)
    if k is None:
        return row
    first = row[k][0]
    labelled = Paragraph(
        [Run(f"{label}: ", bold=True, origin=first.origin), *first.runs], first.style, first.origin
    )
    return [*row[:k], [labelled, *row[k][1:]], *row[k + 1 :]]
