"""Not-for-release passages in a package made for sharing.

A book export made for sharing leaves out paragraphs and list items that start
with a marker such as ``[NFR]``; a package made for sharing does the same to
every Markdown field, and leaves out entirely an item whose one-line field
(a title, a name) starts with a marker: such an item is internal only.
Markers are found after normalising the text (compatibility forms, invisible
format characters, case, any spacing), so a zero-width space does not hide one.
"""

from __future__ import annotations

import unicodedata

from markdown_it import MarkdownIt

from briefbook.assemble.markdown import RESTRICTED_MARKERS

_MD = MarkdownIt("commonmark", {"html": False})
_BLOCKS = {
    "paragraph_open",
    "heading_open",
    "list_item_open",
    "blockquote_open",
    "table_open",
    "fence",
    "code_block",
}


def normalised(text: str) -> str:
    """Text as a marker check sees it: NFKC, without format characters, case-folded, spaces joined."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return " ".join(text.casefold().split())


def starts_restricted(text: str) -> bool:
    """True if a one-line value (or a passage) starts with a not-for-release marker."""
    text = normalised(text).lstrip("*_#>-+ 0123456789.)")
    return text.startswith(tuple(" ".join(m.split()) for m in RESTRICTED_MARKERS))


def without_restricted(text: str) -> str:
    """A Markdown field without its not-for-release passages (whole lines of the blocks they start).

    A list item, quote or table whose text starts with a marker goes whole; a
    link definition elsewhere in the field does not change what is found.
    """
    if not text or "[" not in text:
        return text
    lines = text.split("\n")
    drop: set[int] = set()
    tokens = _MD.parse(text)
    for i, token in enumerate(tokens):
        if token.type not in _BLOCKS or token.map is None:
            continue
        content = _first_inline(tokens, i)
        if starts_restricted(content):
            drop.update(range(token.map[0], token.map[1]))
    if not drop:
        return text
    kept = [line for n, line in enumerate(lines) if n not in drop]
    return "\n".join(kept).strip("\n")


def _first_inline(tokens: list, start: int) -> str:
    token = tokens[start]
    if token.type in ("fence", "code_block"):
        return token.content
    for t in tokens[start + 1 :]:
        if t.type == "inline":
            return t.content
        if t.type.endswith("_close") and t.level <= token.level:
            break
    return ""
