"""A Markdown text read quickly for one table cell: the first paragraph as a reader sees it.

The table's first page paints 200 cells before the Markdown parser (markdown-it, about
20 ms to load) may load without slowing the start, so a cell reads its text with a few
patterns instead, in CommonMark's order: code spans first (nothing in them acts), then
escapes and character references, links, then the emphasis marks that pair up by
CommonMark's delimiter rules (a "_" inside a word, "snake_case", a "*" between spaces,
"2 * 3", and a mark nothing closes are text), headings' "#" and list markers. It reads
as the book and the names do (``briefbook.markdown_plain``) on those;
``tests/ui/test_cell_text.py`` compares the two on a sweep of texts.
"""

from __future__ import annotations

import re
import unicodedata

from briefbook.markdown_escapes import ASCII_PUNCTUATION, MARKDOWN_ESCAPE
from briefbook.ui.html_text import unescape

_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LINK = re.compile(r"\[([^\[\]]*)\]\([^)\s]*\)")
_BLOCK_MARKS = re.compile(r"^#+[ \t]*|^(?:[ \t]*(?:[-+*]|\d+[.)])(?:[ \t]+|$))+", re.M)
_DELIMITERS = re.compile(r"\*+|_+")
_ASCII_MARK = re.compile(f"[{ASCII_PUNCTUATION}]")
# A character Markdown escapes ("\\[NFR]", "R\\&D", "a\\_b": the editor's writer escapes what
# could act), or one in a code span, is held as a stand-in while the markup is taken out.
_HELD = re.compile("[\U000f0021-\U000f007e]")


def _link_text(match: re.Match) -> str:
    """A link's text. (A function, not the template ``r"\\1"``: for a template, ``re`` imports
    itself again at each call, and after PySide6 every import runs PySide's Python import
    hook: 0.65 ms for 200 cells of the first page, 0.16 ms with this function.)"""
    return match[1]


def _hold(match: re.Match) -> str:
    return chr(0xF0000 + ord(match[1]))


def _hold_char(match: re.Match) -> str:
    return chr(0xF0000 + ord(match[0]))


def _release(match: re.Match) -> str:
    return chr(ord(match[0]) - 0xF0000)


def _held_code(match: re.Match) -> str:
    """A code span's text as typed (backslashes too); one space each side is the span's."""
    code = match[2].replace("\n", " ")
    if len(code) > 2 and code[0] == " " and code[-1] == " " and code.strip(" "):
        code = code[1:-1]
    return _ASCII_MARK.sub(_hold_char, code)


def _entity(match: re.Match) -> str:
    """A character reference ("&amp;", "&#233;") read as its character; an unknown name
    ("&nosuch;") stays as typed, as CommonMark reads it."""
    read = unescape(match[0])
    return match[0] if read == match[0] else _ASCII_MARK.sub(_hold_char, read)


def _punctuation(char: str) -> bool:
    return _ASCII_MARK.match(char) is not None or unicodedata.category(char).startswith("P")


def _without_emphasis(text: str) -> str:
    """``text`` less the "*" and "_" that open and close emphasis (CommonMark's delimiter
    runs: flanking, the rules for "_", the rule of three); the others are text."""
    runs = []  # [start, end, char, opens, closes, length, left]
    for found in _DELIMITERS.finditer(text):
        start, end = found.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        space_before, space_after = before.isspace(), after.isspace()
        mark_before, mark_after = _punctuation(before), _punctuation(after)
        left = not space_after and (not mark_after or space_before or mark_before)
        right = not space_before and (not mark_before or space_after or mark_after)
        char = text[start]
        if char == "_":
            opens, closes = left and (not right or mark_before), right and (not left or mark_after)
        else:
            opens, closes = left, right
        runs.append([start, end, char, opens, closes, end - start, end - start])
    openers: list[int] = []
    for number, run in enumerate(runs):
        if run[4]:
            at = len(openers) - 1
            while run[6] and at >= 0:
                opener = runs[openers[at]]
                both = (opener[3] and opener[4]) or (run[3] and run[4])
                three = both and (opener[5] + run[5]) % 3 == 0 and (opener[5] % 3 or run[5] % 3)
                if opener[2] != run[2] or three:
                    at -= 1
                    continue
                used = 2 if opener[6] >= 2 and run[6] >= 2 else 1
                opener[6] -= used
                run[6] -= used
                del openers[at + 1 :]  # the openers between are text now
                if not opener[6]:
                    openers.pop()
                at = len(openers) - 1
        if run[3] and run[6]:
            openers.append(number)
    if not runs:
        return text
    out, last = [], 0
    for start, end, char, _opens, _closes, _length, left in runs:
        out += (text[last:start], char * left if _opens or _closes else text[start:end])
        last = end
    out.append(text[last:])
    return "".join(out)


HEAD = 20  # a summary reads at most this many times its ``limit`` of a text's characters


def _head(text: str, size: int) -> str:
    """The start of ``text`` its summary is made from, cut at a line's end or a space: the
    table cell of a 1 MB point that is one list (its first paragraph is all of it) read all
    of it at every refresh of its row (30 ms, after each save, undo, redo or switch)."""
    if len(text) <= size:
        return text
    cut = text.rfind("\n", 0, size)
    if cut < size // 2:
        cut = text.rfind(" ", 0, size)
    return text[: cut if cut > 0 else size]


def plain_summary(markdown: str, limit: int = 200) -> str:
    """The first paragraph of a Markdown text without its markup, for one table cell."""
    text = _head(markdown or "", max(4_000, HEAD * limit))
    cut = len(text) < len(markdown or "") and "\n\n" not in text  # (its first paragraph goes on)
    held = False
    if "`" in text:
        text, spans = _CODE_SPAN.subn(_held_code, text)
        held = spans > 0
    if "\\" in text:
        text = MARKDOWN_ESCAPE.sub(_hold, text)
        held = True
    if "&" in text:
        text, entities = _ENTITY.subn(_entity, text)
        held = held or entities > 0
    first = text.split("\n\n", 1)[0]
    first = _LINK.sub(_link_text, first)
    first = _BLOCK_MARKS.sub("", first)
    if "*" in first or "_" in first:
        first = _without_emphasis(first)
    first = first.strip().replace("\n", " ")
    if held:
        first = _HELD.sub(_release, first)
    return first[:limit] + ("…" if len(first) > limit or cut else "")
