"""Markdown text fields → document-model blocks and runs (CommonMark via markdown-it-py).

Raw HTML is not interpreted (``html: False``): ``<b>`` typed by a user stays
the four characters ``<b>``. Pipe tables use markdown-it-py's own maintained
``table`` rule (GFM tables). Anything the model has no block for (headings,
code, rules inside a field) degrades to a plain paragraph, never to lost text:
lists nest to any depth, and a table or quote inside a list item becomes lines
of that item.

Not for release. A passage whose text starts with a marker (``[NFR]``, ``[Not for
release]``, ``[Không công bố]``, ``[Không phổ biến]``) is not for release: a
paragraph, a heading, a block quote's paragraph, any paragraph of a list item (a
marker at the start of an item covers the whole item and its sub-list), a table
row (a marker in any cell covers the row), a code block. Markers are found after
normalising (NFKC, case, invisible and format characters, any whitespace, the
emphasis and escape characters of Markdown) in both the source of the passage
and its text, so a link reference definition elsewhere cannot hide one. Such
runs carry a restricted origin; a sharing export leaves them out, an internal one
labels them (and the renderers draw a side rule).
"""

from __future__ import annotations

import re
from dataclasses import replace

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from briefbook.assemble.markers import is_marked
from briefbook.document.model import Block, ListBlock, ListItem, Origin, Paragraph, Run, Table
from briefbook.text import clean

_MD = MarkdownIt("commonmark", {"html": False}).enable("table").disable(["image"])


_NFR = Origin("", not_for_release=True)


def blocks(
    text: str,
    style: str = "body",
    *,
    releasable: bool = False,
    origin: Origin | None = None,
    label: str = "",
) -> list[Block]:
    """The blocks of one Markdown field; empty text gives no blocks.

    Every block and run of a passage not for release carries ``origin`` marked
    so (others carry ``origin``, or share their block's). With ``releasable``
    those passages are left out; otherwise ``label`` (the book's words for "not
    for release") is put before each of them.
    """
    text = clean(text)
    if not text.strip():
        return []
    out = _plain_blocks(text, style)
    if out is None:
        out = _parsed_blocks(text, style)
    where = origin or Origin("")  # no origin given: an unknown level, which the gate refuses
    out = [_marked(b, where, where.restricted()) for b in out]
    if releasable:
        out = _without_restricted(out)
    elif label:
        out = [_labelled(b, label) for b in out]
    return out


def _parsed_blocks(text: str, style: str) -> list[Block]:
    """The blocks of a cleaned field as CommonMark reads it (before marking)."""
    tree = SyntaxTreeNode(_MD.parse(text))
    return [b for node in tree.children for b in _block(node, style)]


# Plain text, as most fields are: no character any inline rule acts on, and no line that
# could open a block (a list, quote, heading, rule, fence, table, indented code, a setext
# underline) or carry markup at its ends. CommonMark reads such a text as paragraphs split
# at empty lines, each line joined to the next by a space; _parsed_blocks is the judge
# (a property test holds the two to the same blocks). Any opening bracket a marker can
# start with ("[", U+FE47, U+FF3B) sends the text to the parser, which marks its passages.
_INLINE_MARKUP = re.compile(r"[\\`*_\[\]<>&|~#\t\x00\ufe47\uff3b]")
_BLOCK_START = re.compile(r"[-+=>]|\d{1,9}[.)]")


def _plain_blocks(text: str, style: str) -> list[Block] | None:
    """The blocks of a plain-text field without a parse; None if the text may hold Markdown."""
    if _INLINE_MARKUP.search(text):
        return None
    out: list[Block] = []
    lines: list[str] = []
    for line in [*text.split("\n"), ""]:
        if not line:
            if lines:
                out.append(Paragraph([Run(" ".join(lines))], style))
                lines = []
            continue
        if line != line.strip() or _BLOCK_START.match(line):
            return None
        lines.append(line)
    return out


# -- marking: runs of restricted passages, and blocks made only of them -------------


def _marked_runs(runs: list[Run], origin: Origin, restricted: Origin) -> list[Run]:
    return [replace(r, origin=restricted) if r.origin is _NFR or r.origin == _NFR else r for r in runs]


def _all_restricted(runs: list[Run]) -> bool:
    shown = [r for r in runs if r.text.strip()]
    return bool(shown) and all(r.origin is not None and r.origin.not_for_release for r in shown)


def _marked(block: Block, origin: Origin, restricted: Origin) -> Block:
    if isinstance(block, Paragraph):
        runs = _marked_runs(block.runs, origin, restricted)
        return Paragraph(runs, block.style, restricted if _all_restricted(runs) else origin)
    if isinstance(block, ListBlock):
        return ListBlock([_marked_item(i, origin, restricted) for i in block.items], block.ordered, origin)
    if isinstance(block, Table):
        header = [_marked_row(r, origin, restricted) for r in block.header]
        rows = [_marked_row(r, origin, restricted) for r in block.rows]
        return Table(header, rows, block.widths, origin)
    return block


def _marked_item(item: ListItem, origin: Origin, restricted: Origin) -> ListItem:
    runs = _marked_runs(item.runs, origin, restricted)
    children = item.children
    if children is not None:
        children = _marked(children, origin, restricted)  # type: ignore[assignment]
    more = [_marked(b, origin, restricted) for b in item.more]
    if _all_restricted(runs):
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
    cells = [[_marked(p, origin, restricted) for p in cell] for cell in row]
    if any(p.not_for_release or _any_restricted(p.runs) for cell in cells for p in cell):  # type: ignore[union-attr]
        return [[_restrict(p, restricted) for p in cell] for cell in cells]  # type: ignore[arg-type]
    return cells  # type: ignore[return-value]


def _any_restricted(runs: list[Run]) -> bool:
    return any(r.origin is not None and r.origin.not_for_release and r.text.strip() for r in runs)


def _restrict(p: Paragraph, restricted: Origin) -> Paragraph:
    return Paragraph([replace(r, origin=restricted) for r in p.runs], p.style, restricted)


# -- sharing exports: restricted passages left out ----------------------------------


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


def _without_restricted(found: list[Block]) -> list[Block]:
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
    return any(p.not_for_release or _any_restricted(p.runs) for cell in row for p in cell)


def _list_without_restricted(block: ListBlock) -> ListBlock:
    items = []
    for item in block.items:
        if item.not_for_release:
            continue
        runs = _kept_runs(item.runs)
        children = _list_without_restricted(item.children) if item.children else None
        children = children if children and children.items else None
        more = _without_restricted(item.more)  # type: ignore[arg-type]
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


def _labelled(block: Block, label: str) -> Block:
    if isinstance(block, Paragraph):
        return Paragraph(_labelled_runs(block.runs, label), block.style, block.origin)
    if isinstance(block, ListBlock):
        items = [
            ListItem(
                _labelled_runs(i.runs, label),
                _labelled(i.children, label) if i.children else None,  # type: ignore[arg-type]
                i.origin,
                [_labelled(b, label) for b in i.more],  # type: ignore[misc]
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


def runs(text: str, *, releasable: bool = False, origin: Origin | None = None, label: str = "") -> list[Run]:
    """The inline runs of a short Markdown text (paragraph breaks become line breaks).

    Lists keep their numbers and their nesting (indented lines), tables become one
    line per row: a short field shown inline never loses a word. Each run carries
    the origin of its passage (see :func:`blocks`).
    """
    collected: list[Run] = []
    for block in blocks(text, releasable=releasable, origin=origin, label=label):
        if collected and collected[-1].text != "\n":
            collected.append(Run("\n"))
        collected.extend(_with_origin(flat_runs(block), _origin_of(block)))
    while collected and collected[-1].text == "\n":
        collected.pop()
    return collected


def restricted_passages(text: str) -> list[str]:
    """The text of each passage of a field marked not for release, in order (for the preflight)."""
    out: list[str] = []
    current: list[str] = []
    for r in runs(text, origin=Origin("")):
        if r.origin is not None and r.origin.not_for_release and r.text != "\n":
            current.append(r.text)
        elif current and (r.text == "\n" or r.text.strip()):
            out.append(" ".join("".join(current).split()))
            current = []
    if current:
        out.append(" ".join("".join(current).split()))
    return [p for p in out if p]


def _origin_of(block: Block) -> Origin | None:
    return getattr(block, "origin", None)


def _with_origin(found: list[Run], origin: Origin | None) -> list[Run]:
    return [replace(r, origin=origin) if r.origin is None and origin is not None else r for r in found]


def flat_runs(block: Block, depth: int = 0) -> list[Run]:
    """One block as runs on lines of their own (lists indented by depth, numbered if ordered)."""
    if isinstance(block, Paragraph):
        return _with_origin(block.runs, block.origin)
    out: list[Run] = []
    if isinstance(block, ListBlock):
        for n, item in enumerate(block.items, start=1):
            if out:
                out.append(Run("\n"))
            out.extend(_with_origin([Run("\u2003" * depth + marker(block.ordered, depth, n))], item.origin))
            out.extend(_with_origin(item.runs, item.origin))
            if item.children and item.children.items:
                out.append(Run("\n"))
                out.extend(flat_runs(item.children, depth + 1))
            for part in item.more:  # later paragraphs indented under the item, lists nested
                out.append(Run("\n"))
                if isinstance(part, Paragraph):
                    out.extend(_with_origin([Run("\u2003" * (depth + 1))], item.origin))
                    out.extend(_with_origin(_with_origin(part.runs, part.origin), item.origin))
                else:
                    out.extend(_with_origin(flat_runs(part, depth + 1), item.origin))
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
                    out.extend(_with_origin(para.runs, para.origin))
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


def items(
    text: str, *, releasable: bool = False, origin: Origin | None = None, label: str = ""
) -> list[ListItem]:
    """A whole Markdown field as items of a list (a talking point in a list of points).

    The field is one item: its first paragraph is the item's text, then its lists
    and later paragraphs follow in order (each list kept apart, a numbered one
    numbered; a paragraph after a list is the item's, not the list's last item's).
    A field that is only lists gives their items. Empty if nothing is left (an
    empty field, or all of it not for release).
    """
    found = blocks(text, releasable=releasable, origin=origin, label=label)
    if all(isinstance(b, ListBlock) for b in found):
        return [i for b in found for i in b.items]  # type: ignore[union-attr]
    lines, sub, more = _item_parts(found)
    alone = not sub and not more
    own = origin.restricted() if origin and _all_restricted(lines) and alone else origin
    return [ListItem(lines, sub, own, more)]


def _item_parts(parts: list[Block]) -> tuple[list[Run], ListBlock | None, list[Paragraph | ListBlock]]:
    """A list item's blocks as its text (the first paragraph), its sub-list (a list right
    after it) and the rest in order; a quote becomes italic text, a table lines of text."""
    lines: list[Run] = []
    sub: ListBlock | None = None
    more: list[Paragraph | ListBlock] = []
    for n, block in enumerate(parts):
        if isinstance(block, ListBlock):
            if sub is None and not more:
                sub = block
            else:
                more.append(block)
            continue
        if isinstance(block, Paragraph) and block.style == "quote":
            block = Paragraph([replace(r, italic=True) for r in block.runs], "body", block.origin)
        elif not isinstance(block, Paragraph):
            block = Paragraph(flat_runs(block), "body", _origin_of(block))
        if n == 0:
            lines = flat_runs(block)
        else:
            more.append(block)
    return lines, sub, more


def _block(node: SyntaxTreeNode, style: str) -> list[Block]:
    kind = node.type
    if kind == "paragraph":
        return [Paragraph(_inline_of(node), style)]
    if kind in ("bullet_list", "ordered_list"):
        return [_list(node)]
    if kind == "heading":
        return [Paragraph([replace(r, bold=True) for r in _inline_of(node)], style)]
    if kind == "table":
        return [_table(node)]
    if kind == "blockquote":
        return [b for child in node.children for b in _block(child, "quote")]
    if kind in ("code_block", "fence"):
        content = node.content.rstrip("\n")
        return [Paragraph([Run(content, origin=_NFR if is_marked(content) else None)], style)]
    if kind == "hr":
        return []
    # html_block cannot occur (html disabled); anything else: keep its text.
    content = node.content or "".join(c.content for c in node.children)
    marked = _NFR if is_marked(content) else None
    return [Paragraph([Run(content, origin=marked)], style)] if content.strip() else []


def _list(node: SyntaxTreeNode) -> ListBlock:
    items: list[ListItem] = []
    for entry in node.children:
        parts = [b for child in entry.children for b in _block(child, "body")]
        item_runs, nested, more = _item_parts(parts)
        if _leads_restricted(item_runs):  # a marker at the start covers the whole item
            item_runs = [replace(r, origin=_NFR) for r in item_runs]
            nested = _nfr_list(nested) if nested else None
            more = [_nfr_part(b) for b in more]
        items.append(ListItem(item_runs, nested, None, more))
    return ListBlock(items, ordered=node.type == "ordered_list")


def _leads_restricted(item_runs: list[Run]) -> bool:
    first = next((r for r in item_runs if r.text.strip()), None)
    return first is not None and first.origin is _NFR


def _nfr_list(block: ListBlock) -> ListBlock:
    return ListBlock(
        [ListItem([replace(r, origin=_NFR) for r in i.runs], _nfr_list(i.children) if i.children else None,
                  None, [_nfr_part(b) for b in i.more])
         for i in block.items],
        block.ordered,
    )  # fmt: skip


def _nfr_part(block: Paragraph | ListBlock) -> Paragraph | ListBlock:
    if isinstance(block, ListBlock):
        return _nfr_list(block)
    return Paragraph([replace(r, origin=_NFR) for r in block.runs], block.style, block.origin)


def _table(node: SyntaxTreeNode) -> Table:
    header: list[list[list[Paragraph]]] = []
    rows: list[list[list[Paragraph]]] = []
    for part in node.children:
        for tr in part.children:
            cells = [[Paragraph(_inline_of(cell))] if _inline_of(cell) else [] for cell in tr.children]
            (header if part.type == "thead" else rows).append(cells)
    return Table(header, rows)


def _inline_of(node: SyntaxTreeNode) -> list[Run]:
    inline = next((c for c in node.children if c.type == "inline"), None)
    if inline is None:
        return []
    out: list[Run] = []
    _walk(inline.children, False, False, None, out)
    merged = _merge(out)
    # The source as typed (a link definition elsewhere cannot turn "[NFR]" into a link
    # here unseen) and the text as shown (entities, escapes) are both checked.
    if is_marked(inline.content) or is_marked("".join(r.text for r in merged)):
        merged = [replace(r, origin=_NFR) for r in merged]
    return merged


def _walk(nodes, bold: bool, italic: bool, link: str | None, out: list[Run]) -> None:
    for n in nodes:
        if n.type == "text" or n.type == "code_inline" or n.type == "html_inline":
            out.append(Run(n.content, bold, italic, link))
        elif n.type == "softbreak":
            out.append(Run(" ", bold, italic, link))
        elif n.type == "hardbreak":
            out.append(Run("\n", bold, italic, link))
        elif n.type == "strong":
            _walk(n.children, True, italic, link, out)
        elif n.type == "em":
            _walk(n.children, bold, True, link, out)
        elif n.type == "link":
            href = str(n.attrs.get("href", ""))
            safe = href if href.lower().startswith(("http://", "https://", "mailto:")) else None
            _walk(n.children, bold, italic, safe, out)
        else:
            _walk(n.children, bold, italic, link, out)


def _merge(items: list[Run]) -> list[Run]:
    """Join neighbouring runs that look the same (markdown-it splits text at every entity)."""
    merged: list[Run] = []
    for r in items:
        last = merged[-1] if merged else None
        if last is not None and (last.bold, last.italic, last.link, last.origin) == (
            r.bold,
            r.italic,
            r.link,
            r.origin,
        ):
            merged[-1] = replace(last, text=last.text + r.text)
        else:
            merged.append(r)
    return merged
