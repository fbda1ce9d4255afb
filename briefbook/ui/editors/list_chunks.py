"""A long text that is one list (tight, or loose: :func:`_loose_chunks`), read a few hundred
items at a time.

Qt's Markdown reader takes time growing with the square of a list's items (``setMarkdown``
of one list of 5,000 items, 1 MB: 350 ms to 1 s, against 20 ms for 200 KB), and PySide holds
Python's lock through it, so neither a time slice nor a thread could keep the window going
while it read a 1 MB list in one call. So such a text is cut at the start of top-level items
into chunks of about :data:`CHUNK` characters, each read on its own (a few ms) by the piece
loader (``long_text``), which puts every chunk's top-level items into one list of its own.

Cut there, each chunk reads as the whole text would have read it there: every cut line starts
the next item of the list the text begins with (an item of the same kind: the same bullet, or a
number with the same delimiter, after a line that ends no hard break), nothing before it is
left open but that list, and with no blank line in the text every list is tight as a whole and
in each chunk. What a line cannot show is checked on each chunk as read
(:func:`top_lists`): all its blocks are items of lists, and the list it begins with is of the
kind of the one the chunk before ends in. If a chunk is not so, the text is read whole, as before.
A text with a link reference definition (it applies to the whole text), a table or code is never
cut.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextDocument, QTextList, QTextListFormat

from briefbook.ui.editors.markdown_stand_ins import BREAK

CHUNK = 16_000  # characters of Markdown read in one call (a few ms)

_ITEM = re.compile(r"(?P<mark>[-*+]|\d{1,9}(?P<delim>[.)]))[ \t]+\S")
_BLANK_LINE = re.compile(r"\n[ \t]*(?:\n|$)")
_TOP_ITEM = re.compile(r"\n(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")  # (an item's line at no indent)
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)", re.M)  # (read_markdown reads code's breaks its own way)
_TABLE_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*\|", re.M)


def _kind(match: re.Match) -> str:
    """The bullet, or the delimiter of a number: an item of another kind begins another list."""
    return match["delim"] or match["mark"]


def chunks(markdown: str, size: int = CHUNK) -> list[str] | None:
    """``markdown`` cut into chunks of about ``size`` characters at lines starting a top-level
    item of the list it begins with, or None when it is not one tight list to cut so. A cut
    follows a line that is such an item too (not a nested item, which Qt may read as a list of
    its own: a numbered item's, written two spaces in)."""
    first = _ITEM.match(markdown)
    if (
        first is None
        or len(markdown) <= size
        or "\r" in markdown
        or "]:" in markdown
        or BREAK in markdown  # (read_markdown reads a hard break by what the whole text holds)
        # (each pattern tried only where the characters it needs are: over 1 MB, the fence's and
        # the table's took 7-8 ms each, on the GUI thread as the text opens)
        or (("```" in markdown or "~~~" in markdown) and _FENCE.search(markdown) is not None)
        or ("|" in markdown and _TABLE_DELIMITER.search(markdown) is not None)
    ):
        return None
    if _BLANK_LINE.search(markdown.rstrip("\n")) is not None:
        return _loose_chunks(markdown, _kind(first), size)
    kind = _kind(first)
    out: list[str] = []
    start = 0
    at = markdown.find("\n", start + size)
    while at != -1:
        line = at + 1
        item = _ITEM.match(markdown, line)
        before = _ITEM.match(markdown, markdown.rfind("\n", 0, at) + 1)
        if (
            item is not None
            and _kind(item) == kind
            and before is not None
            and _kind(before) == kind
            and not _ends_in_backslash(markdown, at)
        ):
            out.append(markdown[start:at])
            start = line
            at = markdown.find("\n", start + size)
        else:
            at = markdown.find("\n", line)
    out.append(markdown[start:])
    return out if len(out) > 1 else None


def _loose_chunks(markdown: str, kind: str, size: int) -> list[str] | None:
    """A loose list cut as :func:`chunks` cuts a tight one, or None: only a list whose every
    top-level item after its first follows one blank line, each item holding no blank line, is
    cut, at a blank line, each chunk of two items or more. Each chunk is then a loose list as the
    whole is (Qt's reader and ``read_markdown`` decide by the blank lines between items), and
    every item reads as in the whole text."""
    parts = markdown.split("\n\n")
    for part in parts:
        item = _ITEM.match(part)
        if (
            item is None
            or _kind(item) != kind
            or part.endswith("\\")
            or _BLANK_LINE.search(part.rstrip("\n")) is not None
            or _TOP_ITEM.search(part) is not None  # (an item of its own, with no blank line before)
        ):
            return None
    out: list[list[str]] = [[]]
    length = 0
    for part in parts:
        if length >= size and len(out[-1]) >= 2:
            out.append([])
            length = 0
        out[-1].append(part)
        length += len(part) + 2
    if len(out[-1]) < 2 and len(out) > 1:
        out[-2].extend(out.pop())
    return ["\n\n".join(group) for group in out] if len(out) > 1 else None


def _ends_in_backslash(markdown: str, newline: int) -> bool:
    """The line ending at ``newline`` ends in a backslash (``read_markdown`` reads a hard break
    there, whatever follows)."""
    return newline > 0 and markdown[newline - 1] == "\\"


def top_lists(document: QTextDocument) -> tuple[QTextList, QTextList] | None:
    """The first and the last of the top-level lists ``document`` (a chunk read) is made of,
    every block an item of one of them or of a list nested in one, or None when it is not so
    (a numbered item's nested items, which Qt writes two spaces in, read as a bulleted list
    of their own between two numbered ones: a list of several top-level lists)."""
    block = document.begin()
    first = last = block.textList()
    if first is None or first.format().indent() != 1:
        return None
    while block.isValid():
        listed = block.textList()
        if listed is None:
            return None
        if listed.format().indent() == 1:
            last = listed
        block = block.next()
    return first, last


def same_kind(one: QTextListFormat, other: QTextListFormat) -> bool:
    """The two formats are of the same list but for the number it starts at."""
    one = QTextListFormat(one)
    one.setStart(other.start())
    return one == other
