"""A Markdown text read as the plain text a reader sees: what names, sorts and searches it.

A talking point's or statement's name is its first line, and its Text column sorts by
its text; both are Markdown. Read raw, ``**Thái Lan**`` was named and sorted by its
asterisks (before every letter), ``\\[NFR]`` by its backslash, a link by its address. Here
the text goes through the same CommonMark reading as the book (markdown-it-py, raw HTML
not interpreted, images left as text): emphasis and links give their text, escapes and
character references their character, list and quote markers go, each block and each
source line is a line of its own (so "the first line" still means the first line the
user wrote). A text without any character Markdown could act on skips the parser, as
most texts do, so the parser loads only for a text that needs it.

Only a text's head is read (:data:`HEAD`, cut at a line's end): a name is a first line,
a sort key is decided by the first few dozen letters, and a 1 MB point read whole took
about 2 s. The same function names, sorts and indexes a text, so the three agree.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from briefbook.lazy_pattern import LazyPattern

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

HEAD = 2000  # characters of a text read (cut back to the end of a line)

# A character an inline rule acts on, or a line that could open a block other than a plain
# paragraph (a list, quote, heading, rule, fence, indented code, a table row, a setext line).
_MAY_ACT = re.compile(
    r"[\\`*_\[\]<>&!|~]|^(?: {4}|\t| {0,3}(?:[-+*>#=]|\d{1,9}[.)]))",
    re.MULTILINE,
)


# A line that opens a block other than a paragraph, or ends one, where a text is one paragraph
# otherwise: a list item, a rule, a setext underline, a heading, a quote, a fence, a table's
# delimiter row, a link definition, indented code. A paragraph without any is read by the inline
# parser alone (the CommonMark reading of a paragraph's lines: about 70 us, a whole parse 125).
_BLOCK_LINE = LazyPattern(
    r"^(?: {4}| {0,3}\t| {0,3}(?:[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*$"
    r"|=+[ \t]*$|-+[ \t]*$|#{1,6}(?:[ \t]|$)|>|```|~~~|\["
    r"|\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-*:?[ \t]*)*\|?[ \t]*$|[ \t]*$))",
)


@functools.cache
def _md() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"]).disable(["image"])


def head(text: str) -> str:
    """The part of ``text`` that is read: all of it, or its first :data:`HEAD` characters
    cut back to a line's end (or at :data:`HEAD` if its first line is longer)."""
    if len(text) <= HEAD:
        return text
    cut = text.rfind("\n", 0, HEAD)
    return text[: cut if cut > 0 else HEAD]


def may_act(markdown: str, *, whole: bool = False) -> bool:
    """Whether Markdown could read ``markdown``'s head (all of it if ``whole``) as other than
    its characters (cheap)."""
    return _MAY_ACT.search(markdown if whole else head(markdown)) is not None


def plain_text(markdown: str, *, whole: bool = False) -> str:
    """The head of ``markdown`` (all of it if ``whole``) as the text a reader sees, one line per
    block and source line."""
    text = (markdown or "") if whole else head(markdown or "")
    if not _MAY_ACT.search(text):
        return text
    lines: list[str] = []  # the text's lines, read
    line: list[str] = []  # the pieces of the line being read
    cells: list[str] = []  # the cells of the table row being read
    body = text.split("\n")
    while body and not body[0].strip():
        del body[0]
    while body and not body[-1].strip():
        body.pop()
    if any(_BLOCK_LINE.match(part) for part in body):  # (a blank line inside ends the paragraph)
        tokens = _md().parse(text)
    else:
        tokens = _md().parseInline("\n".join(body).strip())  # (as the paragraph rule gives it)
    for token in tokens:
        if token.type == "inline":
            for child in token.children or ():
                if child.type in ("text", "code_inline", "text_special"):
                    line.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    lines.append("".join(line))
                    line = []
        elif token.type in ("th_close", "td_close"):
            cells.append("".join(line).strip())
            line = []
        elif token.type == "tr_close":
            lines.append(" | ".join(cells))
            cells = []
        elif token.type in ("fence", "code_block"):
            lines.extend(token.content.rstrip("\n").split("\n"))
        elif token.type in ("paragraph_close", "heading_close"):
            lines.append("".join(line))
            line = []
    if line:
        lines.append("".join(line))
    return "\n".join(lines).strip("\n")


def markdown_name(markdown: str) -> str:
    """The first line of ``markdown`` read as text: a talking point's or statement's name.

    Only the first paragraph is read (a name is in it; a parse costs about 0.1 ms a paragraph,
    and a list of 5,000 points asks each name), and a name once read is remembered. A first
    line that reads as nothing (a rule ``---``, a lone ``**``) is named as written, never
    "(empty)" for a text that is not.
    """
    text = (markdown or "").strip()
    return _first_line(head(text).split("\n\n", 1)[0])


@functools.lru_cache(maxsize=4096)
def _first_line(paragraph: str) -> str:
    for line in plain_text(paragraph).split("\n"):
        if line.strip():
            return line.strip()
    return paragraph.split("\n", 1)[0].strip()


READ_WHOLE_UP_TO = 20_000  # characters: a search hit's text read as text (longer: its escapes)


def readable(markdown: str) -> str:
    """A whole Markdown text as read, for an extract shown around a search match: a text of
    up to :data:`READ_WHOLE_UP_TO` characters is read as the book reads it (about 40 ms at
    that size, with markup everywhere); a longer one only has its escapes read."""
    if len(markdown) <= READ_WHOLE_UP_TO:
        return plain_text(markdown, whole=True)
    from briefbook.markdown_escapes import read_escapes

    return read_escapes(markdown)


def sort_text(markdown: str) -> str:
    """What a Markdown field is sorted by: its head read as text (as written, if that reads as
    nothing: a lone "-" is named and sorted as "-")."""
    read = plain_text(markdown or "")
    return read if read.strip() else head(markdown or "")
