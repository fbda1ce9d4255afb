"""Nested list items indented under their parent's text, where Qt's writer does not.

Qt's Markdown writer indents a list item by its level alone, two spaces a level for a
bulleted item and four for a numbered one ("(level - 1) * (numeric ? 4 : 2)" in
``QTextMarkdownWriter::writeBlock``), whatever the lists it is nested in. CommonMark
nests an item only when it starts at its parent's text: a "-" item under "1.  one" written
at two spaces is not nested but a new list, which also ends the numbered one. So
"1. one / - a / 2. two" was read back by the book as three lists (the "2." a list of its
own) and by the editor as two levels of one, and every save wrote it so again. Each
item's line is given the column of its parent's text, and the lines that belong to an
item (its wrapped lines, its other paragraphs) move with it.

The writer also pads a numbered item's mark to four columns ("1.  một", where the book's
reader, the Word import and a typed text have "1. một"): the same list to CommonMark, but
every save of a text holding a numbered list changed it. The gap after a number is made
one space, and the item's other lines, and the items nested in it, move with its text.
"""

from __future__ import annotations

import re

_ITEM = re.compile(r"^(?P<indent> *)(?P<mark>[-*+]|\d{1,9}[.)])(?P<gap> +|$)")
_FENCE = re.compile(r"^ *(?:```|~~~)")
_NESTED_OR_PADDED = re.compile(r"^(?: +(?:[-*+]|\d{1,9}[.)])(?: |$)|\d{1,2}[.)]  )", re.M)


def nested_lists(markdown: str) -> str:
    """``markdown`` as Qt's writer wrote it, each nested list item moved under its parent's
    text (and what follows it in that item with it); a text with no nested item is
    returned as it is."""
    if not _NESTED_OR_PADDED.search(markdown):
        return markdown
    out: list[str] = []
    # (level, the writer's indent, our indent, the column of the item's text in ours, in theirs)
    stack: list[tuple[int, int, int, int, int]] = []
    fenced = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            out.append(_moved(line, stack))
            continue
        if fenced or not line.strip():
            out.append(_moved(line, stack) if fenced else line)
            continue
        found = _ITEM.match(line)
        indent = len(line) - len(line.lstrip(" "))
        if found is None:
            if indent == 0:
                stack.clear()  # (a paragraph after the list: it has ended)
            out.append(_moved(line, stack))
            continue
        numbered = found["mark"][0].isdigit()
        step = 4 if numbered else 2
        if indent % step:  # (not the writer's indent: left as it is)
            stack.clear()
            out.append(line)
            continue
        level = indent // step + 1
        while stack and stack[-1][0] >= level:
            stack.pop()
        if level == 1:
            ours = 0
        elif stack and stack[-1][0] == level - 1:
            ours = stack[-1][3]
        else:
            ours = indent
        gap = found["gap"] or " "
        theirs_at = indent + len(found["mark"]) + len(gap)
        if numbered and len(gap) > 1 and len(found["mark"]) + len(gap) == 4:  # (the writer's padding)
            gap = " "
        text_at = ours + len(found["mark"]) + len(gap)
        stack.append((level, indent, ours, text_at, theirs_at))
        rest = line[found.end() :]
        out.append(" " * ours + found["mark"] + (gap + rest if found["gap"] else ""))
    return "\n".join(out)


def _moved(line: str, stack: list[tuple[int, int, int, int, int]]) -> str:
    """``line`` moved as the innermost item it is indented under moved (as its text moved,
    when it is indented to that text or further)."""
    indent = len(line) - len(line.lstrip(" "))
    for _level, theirs, ours, text_at, theirs_at in reversed(stack):
        if indent > theirs:
            shift = text_at - theirs_at if indent >= theirs_at else ours - theirs
            return " " * (indent + shift) + line[indent:] if shift else line
    return line
