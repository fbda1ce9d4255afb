"""Markdown text fields → document-model blocks and runs (CommonMark via markdown-it-py).

Raw HTML is not interpreted (``html: False``): ``<b>`` typed by a user stays
the four characters ``<b>``. Anything the model has no block for (headings,
code, rules inside a field) degrades to a plain paragraph, never to lost text.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from briefbook.document.model import Block, ListBlock, ListItem, Paragraph, Run
from briefbook.text import clean

_MD = MarkdownIt("commonmark", {"html": False}).disable(["image"])


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
    """The inline runs of a short Markdown text (paragraph breaks become line breaks)."""
    collected: list[Run] = []
    for block in blocks(text, releasable=releasable):
        if collected:
            collected.append(Run("\n"))
        if isinstance(block, Paragraph):
            collected.extend(block.runs)
        elif isinstance(block, ListBlock):
            for item in block.items:
                collected.append(Run("• "))
                collected.extend(item.runs)
                collected.append(Run("\n"))
    return collected


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
    for item in node.children:
        item_runs: list[Run] = []
        nested: ListBlock | None = None
        for child in item.children:
            if child.type in ("bullet_list", "ordered_list"):
                nested = _list(child)
            elif child.type == "paragraph":
                if item_runs:
                    item_runs.append(Run("\n"))
                item_runs.extend(_inline_of(child))
            else:
                for block in _block(child, "body"):
                    if isinstance(block, Paragraph):
                        item_runs.extend(block.runs)
        items.append(ListItem(item_runs, nested))
    return ListBlock(items, ordered=node.type == "ordered_list")


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
