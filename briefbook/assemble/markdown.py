"""Markdown text fields → document-model blocks and runs (CommonMark via markdown-it-py).

Raw HTML is not interpreted (``html: False``): ``<b>`` typed by a user stays
the four characters ``<b>``. Pipe tables use markdown-it-py's own maintained
``table`` rule (GFM tables). Anything the model has no block for (headings,
code, rules inside a field) degrades to a plain paragraph, never to lost text:
lists nest to any depth, and a table or quote inside a list item becomes lines
of that item.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from briefbook.document.model import Block, ListBlock, ListItem, Paragraph, Run, Table
from briefbook.text import clean

_MD = MarkdownIt("commonmark", {"html": False}).enable("table").disable(["image"])


# A paragraph or list item that starts with one of these is background a reader
# must not quote: it is left out of every export made for sharing.
RESTRICTED_MARKERS = ("[nfr]", "[not for release]", "[không công bố]", "[không phổ biến]")


def is_restricted(runs: list[Run]) -> bool:
    return "".join(r.text for r in runs[:4]).lstrip().casefold().startswith(RESTRICTED_MARKERS)


def blocks(text: str, style: str = "body", *, releasable: bool = False) -> list[Block]:
    """The blocks of one Markdown field; empty text gives no blocks.

    With ``releasable``, paragraphs and list items marked not for release are left out.
    """
    text = clean(text)
    if not text.strip():
        return []
    tree = SyntaxTreeNode(_MD.parse(text))
    out: list[Block] = []
    for node in tree.children:
        out.extend(_block(node, style))
    return _without_restricted(out) if releasable else out


def _without_restricted(found: list[Block]) -> list[Block]:
    kept: list[Block] = []
    for block in found:
        if isinstance(block, Paragraph) and is_restricted(block.runs):
            continue
        if isinstance(block, ListBlock):
            block = _list_without_restricted(block)
            if not block.items:
                continue
        kept.append(block)
    return kept


def _list_without_restricted(block: ListBlock) -> ListBlock:
    items = []
    for item in block.items:
        if is_restricted(item.runs):
            continue
        children = _list_without_restricted(item.children) if item.children else None
        items.append(ListItem(item.runs, children if children and children.items else None))
    return ListBlock(items, block.ordered)


def runs(text: str, *, releasable: bool = False) -> list[Run]:
    """The inline runs of a short Markdown text (paragraph breaks become line breaks).

    Lists keep their numbers and their nesting (indented lines), tables become one
    line per row: a short field shown inline never loses a word.
    """
    collected: list[Run] = []
    for block in blocks(text, releasable=releasable):
        if collected and collected[-1].text != "\n":
            collected.append(Run("\n"))
        collected.extend(flat_runs(block))
    while collected and collected[-1].text == "\n":
        collected.pop()
    return collected


def flat_runs(block: Block, depth: int = 0) -> list[Run]:
    """One block as runs on lines of their own (lists indented by depth, numbered if ordered)."""
    if isinstance(block, Paragraph):
        return list(block.runs)
    out: list[Run] = []
    if isinstance(block, ListBlock):
        for n, item in enumerate(block.items, start=1):
            if out:
                out.append(Run("\n"))
            out.append(Run("\u2003" * depth + marker(block.ordered, depth, n)))
            out.extend(item.runs)
            if item.children and item.children.items:
                out.append(Run("\n"))
                out.extend(flat_runs(item.children, depth + 1))
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
                    out.extend(para.runs)
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


def items(text: str, *, releasable: bool = False) -> list[ListItem]:
    """A whole Markdown field as items of a list (a talking point in a list of points).

    Paragraphs are lines of one item and its lists are that item's sub-list; a
    field that is only a list gives its items. Empty if nothing is left (an empty
    field, or all of it not for release).
    """
    found = blocks(text, releasable=releasable)
    if all(isinstance(b, ListBlock) for b in found):
        return [i for b in found for i in b.items]
    lines: list[Run] = []
    nested: list[ListItem] = []
    ordered = False
    for block in found:
        if isinstance(block, ListBlock):
            ordered = ordered or (block.ordered and not nested)
            nested += block.items
        elif nested:  # text after the sub-list: a line of the last sub-item
            last = nested[-1]
            nested[-1] = ListItem([*last.runs, Run("\n"), *flat_runs(block)], last.children)
        else:
            if lines:
                lines.append(Run("\n"))
            lines.extend(flat_runs(block))
    return [ListItem(lines, ListBlock(nested, ordered) if nested else None)]


def _block(node: SyntaxTreeNode, style: str) -> list[Block]:
    kind = node.type
    if kind == "paragraph":
        return [Paragraph(_inline_of(node), style)]
    if kind in ("bullet_list", "ordered_list"):
        return [_list(node)]
    if kind == "heading":
        return [
            Paragraph([Run(r.text, bold=True, italic=r.italic, link=r.link) for r in _inline_of(node)], style)
        ]
    if kind == "table":
        return [_table(node)]
    if kind == "blockquote":
        return [b for child in node.children for b in _block(child, "quote")]
    if kind in ("code_block", "fence"):
        return [Paragraph([Run(node.content.rstrip("\n"))], style)]
    if kind == "hr":
        return []
    # html_block cannot occur (html disabled); anything else: keep its text.
    content = node.content or "".join(c.content for c in node.children)
    return [Paragraph([Run(content)], style)] if content.strip() else []


def _list(node: SyntaxTreeNode) -> ListBlock:
    items: list[ListItem] = []
    for entry in node.children:
        item_runs: list[Run] = []
        nested: ListBlock | None = None
        for child in entry.children:
            if child.type in ("bullet_list", "ordered_list"):
                sub = _list(child)
                # Two sub-lists in one item (a bullet list, then a numbered one): one sub-list.
                nested = sub if nested is None else ListBlock(nested.items + sub.items, nested.ordered)
                continue
            if nested is not None:  # text after a sub-list: a line of its last item
                last = nested.items[-1]
                extra = [r for b in _block(child, "body") for r in [Run("\n"), *flat_runs(b)]]
                nested.items[-1] = ListItem([*last.runs, *extra], last.children)
                continue
            for block in _block(child, "body"):
                if item_runs:
                    item_runs.append(Run("\n"))
                if isinstance(block, Paragraph) and block.style == "quote":
                    item_runs.extend(Run(r.text, r.bold, True, r.link) for r in block.runs)
                else:
                    item_runs.extend(flat_runs(block))
        items.append(ListItem(item_runs, nested))
    return ListBlock(items, ordered=node.type == "ordered_list")


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
    return _merge(out)


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
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].link) == (r.bold, r.italic, r.link):
            merged[-1] = Run(merged[-1].text + r.text, r.bold, r.italic, r.link)
        else:
            merged.append(r)
    return merged
