"""Not-for-release passages in a package made for sharing: the book export's rule, on source text.

A book export made for sharing leaves out every passage that starts with a
marker such as ``[NFR]`` (:mod:`briefbook.assemble.markdown` finds them, after
normalising); a package made for sharing removes the same passages from the
Markdown source of every field, and leaves out entirely an item whose
one-line field (a title, a name) starts with a marker: such an item is
internal only, as in a book.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from briefbook.assemble.markers import may_hold_marker, starts_restricted
from briefbook.library import Record
from briefbook.library.records import one_line_fields

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@functools.cache
def _md() -> MarkdownIt:
    """The parser, made when a field may hold a marker (an export's record imports this module)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


_BLOCKS = {
    "paragraph_open",
    "heading_open",
    "list_item_open",
    "blockquote_open",
    "tr_open",
    "fence",
    "code_block",
}


# Fields no book prints, so no book for sharing does: a person's internal notes, an
# organisation's description. A package made for sharing leaves them out (as a book for
# sharing does), and a library importing it keeps its own (exchange.merge.keep_withheld).
NEVER_PRINTED: dict[str, tuple[str, ...]] = {"person": ("notes",), "organisation": ("description",)}


def withheld_fields(levels: list[str], ceiling: str, for_sharing: bool) -> dict[str, tuple[str, ...]]:
    """kind -> the fields a package at ``ceiling`` (for sharing or not) leaves out whole: those no
    book prints (for sharing), and a person's sensitivities below the level a book prints them at
    (``assemble.context.SENSITIVITIES_LEVEL_RANK``)."""
    from briefbook.assemble.context import SENSITIVITIES_LEVEL_RANK

    out = dict(NEVER_PRINTED) if for_sharing else {}
    if ceiling in levels and levels.index(ceiling) < SENSITIVITIES_LEVEL_RANK:
        out["person"] = (*out.get("person", ()), "sensitivities")
    return out


def internal_only(record: Record) -> bool:
    """An item whose one-line field starts with a marker is internal only (as in a book export)."""
    texts = [v for v in map(record.__getattribute__, one_line_fields(type(record))) if isinstance(v, str)]
    # A marker starts with an opening bracket: one scan of all the values finds most items have none.
    return may_hold_marker("".join(texts)) and any(map(starts_restricted, texts))


def without_restricted(text: str) -> str:
    """A Markdown field without its not-for-release passages (the whole lines of each such block).

    A list item, quote or table row whose text starts with a marker goes whole
    (its sub-list too); a link definition elsewhere does not change what is found.
    """
    if not text or not text.strip() or not (may_hold_marker(text) or "&" in text):
        return text  # no opening bracket (nor a character reference to one): no marker
    lines = text.split("\n")
    drop: set[int] = set()
    tokens = _md().parse(text)
    for i, token in enumerate(tokens):
        if token.type not in _BLOCKS or token.map is None:
            continue
        start, end = token.map
        source = "\n".join(lines[start:end])
        if _marked(source) or any(_marked(c) for c in _inline_texts(tokens, i)):
            drop.update(range(start, end))
    if not drop:
        return text
    return "\n".join(line for n, line in enumerate(lines) if n not in drop).strip("\n")


def _marked(source: str) -> bool:
    """``starts_restricted`` of a passage's source, or of the text a book shows of it: the book
    reads the Markdown, which turns a character reference into its character, so that
    ``&#91;NFR]`` or ``&lsqb;NFR]`` is printed "[NFR]" and left out of a book for sharing
    (a package for sharing carried such a passage whole)."""
    if starts_restricted(source):
        return True
    if "&" not in source:
        return False
    import html  # (here: html.entities is 100 KB of bytecode, and a book rarely gets this far)

    return starts_restricted(html.unescape(source))


def _inline_texts(tokens: list, start: int) -> list[str]:
    """The first inline text of a block, or every cell's for a table row."""
    token = tokens[start]
    if token.type in ("fence", "code_block"):
        return [token.content]
    found = []
    for t in tokens[start + 1 :]:
        if t.type == "inline":
            found.append(t.content)
            if token.type != "tr_open":
                break
        if t.type == token.type.replace("_open", "_close") and t.level == token.level:
            break
    return found
