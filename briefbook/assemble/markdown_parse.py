"""A cleaned Markdown field read into document-model blocks (CommonMark via markdown-it-py), before marking.

Raw HTML is not interpreted (``html: False``): ``<b>`` typed by a user stays the four
characters ``<b>``. Pipe tables use markdown-it-py's own maintained ``table`` rule (GFM
tables). Anything the model has no block for (headings, code, rules inside a field)
degrades to a plain paragraph, never to lost text: lists nest to any depth, and a table
or quote inside a list item becomes lines of that item. Plain text, as most fields are,
skips the parser (:func:`plain_blocks`).

The runs of a passage that starts with a marker carry :data:`PARSED_NFR`; the blocks
themselves carry no origin yet (:mod:`briefbook.assemble.markdown_release` gives them the
field's).
"""

from __future__ import annotations

import functools
import gc
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from briefbook.assemble.markdown_flat import flat_runs, origin_of
from briefbook.assemble.markers import is_marked
from briefbook.document.model import Block, ListBlock, ListItem, Origin, Paragraph, Run, Table

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.tree import SyntaxTreeNode


@functools.cache
def _md() -> MarkdownIt:
    """The CommonMark parser, made on the first field that needs it: a book of plain text
    and plain lists never imports markdown-it (13-25 ms of a command's start-up)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"]).disable(["image"])


PAUSED_PARSE = 20_000  # a longer text is parsed with Python's cyclic garbage collector paused

# What marks runs of a restricted passage while a field is parsed; replaced by the
# field's own origin, marked not for release, before the blocks leave assembly's Markdown.
PARSED_NFR = Origin("", not_for_release=True)


def parsed_blocks(text: str, style: str) -> list[Block]:
    """The blocks of a cleaned field as CommonMark reads it (before marking).

    The syntax tree's nodes point to their parents, so a tree is a web of cycles that only
    Python's full collection frees, holding the GIL as it walks every object alive: a 1 MB
    point's tree is 120,000 objects, and the window waited 55-180 ms in each of the full
    collections that followed the preview's analysis on its own thread. The parents are let go
    once the blocks are read: the tree is then freed as soon as it is dropped.

    A text of more than :data:`PAUSED_PARSE` characters is parsed with the collector paused:
    its tree alone is enough objects to start a full collection (one to three per 1 MB point,
    42-93 ms each), which can free none of it while it is being read."""
    from markdown_it.tree import SyntaxTreeNode

    pause = len(text) > PAUSED_PARSE and gc.isenabled()
    if pause:
        gc.disable()
    try:
        tree = SyntaxTreeNode(_md().parse(text))
        try:
            return [b for node in tree.children for b in _block(node, style)]
        finally:
            nodes = [tree]
            while nodes:
                node = nodes.pop()
                node.parent = None
                nodes.extend(node.children)
    finally:
        if pause:
            gc.enable()


# Plain text, as most fields are: no character any inline rule acts on, and no line that
# could open a block (a list, quote, heading, rule, fence, table, indented code, a setext
# underline) or carry markup at its ends. CommonMark reads such a text as paragraphs split
# at empty lines, each line joined to the next by a space; parsed_blocks is the judge
# (a property test holds the two to the same blocks). Any opening bracket a marker can
# start with ("[", U+FE47, U+FF3B) sends the text to the parser, which marks its passages.
# (The two beyond Latin-1 are looked for apart: with them, compiling the class took Python's
# compiler 4 M instructions, a bitmap of the whole of Unicode's first plane; without, a small one.)
_INLINE_MARKUP = re.compile(r"[\\`*_\[\]<>&|~#\t\x00]")


def _may_hold_markup(text: str) -> bool:
    """True if ``text`` holds a character an inline rule acts on (``_INLINE_MARKUP``'s, U+FE47, U+FF3B)."""
    return _INLINE_MARKUP.search(text) is not None or "\ufe47" in text or "\uff3b" in text


_BLOCK_START = re.compile(r"[-+=>]|\d{1,9}[.)]")


def plain_blocks(text: str, style: str) -> list[Block] | None:
    """The blocks of a plain-text field without a parse; None if the text may hold Markdown."""
    if _may_hold_markup(text):
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


def plain_list(text: str) -> list[Block] | None:
    """A flat bullet list of plain lines (``- one`` / ``- two``, as the editor writes a list
    of objectives) without a parse; None for anything else. Each item's text is held to
    the rule of :func:`plain_blocks` (nothing an inline rule acts on, nothing that could open
    a block, no space at its ends), every line is an item (no lazy continuation, no blank
    line) and the items become what :func:`_list` makes of the parser's tight list."""
    if _may_hold_markup(text):
        return None
    items: list[ListItem] = []
    for line in text.rstrip("\n").split("\n"):
        rest = line[2:]
        if not line.startswith("- ") or not rest or rest != rest.strip() or _BLOCK_START.match(rest):
            return None
        item_runs, nested, more = item_parts([Paragraph([Run(rest)], "body")])
        items.append(ListItem(item_runs, nested, None, more))
    return [ListBlock(items, ordered=False)]


def item_parts(parts: list[Block]) -> tuple[list[Run], ListBlock | None, list[Paragraph | ListBlock]]:
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
            block = Paragraph(flat_runs(block), "body", origin_of(block))
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
        return [Paragraph([Run(content, origin=PARSED_NFR if is_marked(content) else None)], style)]
    if kind == "hr":
        return []
    # html_block cannot occur (html disabled); anything else: keep its text.
    content = node.content or "".join(c.content for c in node.children)
    marked = PARSED_NFR if is_marked(content) else None
    return [Paragraph([Run(content, origin=marked)], style)] if content.strip() else []


def _list(node: SyntaxTreeNode) -> ListBlock:
    items: list[ListItem] = []
    for entry in node.children:
        parts = [b for child in entry.children for b in _block(child, "body")]
        item_runs, nested, more = item_parts(parts)
        if _leads_restricted(item_runs):  # a marker at the start covers the whole item
            item_runs = [replace(r, origin=PARSED_NFR) for r in item_runs]
            nested = _nfr_list(nested) if nested else None
            more = [_nfr_part(b) for b in more]
        items.append(ListItem(item_runs, nested, None, more))
    return ListBlock(items, ordered=node.type == "ordered_list")


def _leads_restricted(item_runs: list[Run]) -> bool:
    first = next((r for r in item_runs if r.text.strip()), None)
    return first is not None and first.origin is PARSED_NFR


def _nfr_list(block: ListBlock) -> ListBlock:
    items = [
        ListItem(
            [replace(r, origin=PARSED_NFR) for r in i.runs],
            _nfr_list(i.children) if i.children else None,
            None,
            [_nfr_part(b) for b in i.more],
        )
        for i in block.items
    ]
    return ListBlock(items, block.ordered)


def _nfr_part(block: Paragraph | ListBlock) -> Paragraph | ListBlock:
    if isinstance(block, ListBlock):
        return _nfr_list(block)
    return Paragraph([replace(r, origin=PARSED_NFR) for r in block.runs], block.style, block.origin)


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
        merged = [replace(r, origin=PARSED_NFR) for r in merged]
    return merged


def _walk(nodes, bold: bool, italic: bool, link: str | None, out: list[Run], strike: bool = False) -> None:
    for n in nodes:
        if n.type == "text" or n.type == "html_inline":
            out.append(Run(n.content, bold, italic, link, strike=strike))
        elif n.type == "code_inline":  # `ABC-123`: printed in the monospace font, backticks off
            out.append(Run(n.content, bold, italic, link, code=True, strike=strike))
        elif n.type == "softbreak":
            out.append(Run(" ", bold, italic, link, strike=strike))
        elif n.type == "hardbreak":
            out.append(Run("\n", bold, italic, link, strike=strike))
        elif n.type == "strong":
            _walk(n.children, True, italic, link, out, strike)
        elif n.type == "em":
            _walk(n.children, bold, True, link, out, strike)
        elif n.type == "s":  # ~~struck~~: printed struck through, tildes off
            _walk(n.children, bold, italic, link, out, True)
        elif n.type == "link":
            href = str(n.attrs.get("href", ""))
            safe = href if href.lower().startswith(("http://", "https://", "mailto:")) else None
            _walk(n.children, bold, italic, safe, out, strike)
        else:
            _walk(n.children, bold, italic, link, out, strike)


def _merge(items: list[Run]) -> list[Run]:
    """Join neighbouring runs that look the same (markdown-it splits text at every entity)."""
    merged: list[Run] = []
    for r in items:
        last = merged[-1] if merged else None
        if last is not None and (last.bold, last.italic, last.link, last.origin, last.code, last.strike) == (
            r.bold,
            r.italic,
            r.link,
            r.origin,
            r.code,
            r.strike,
        ):
            merged[-1] = replace(last, text=last.text + r.text)
        else:
            merged.append(r)
    return merged
