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
"""

from __future__ import annotations

import re

_ITEM = re.compile(r"^(?P<indent> *)(?P<mark>[-*+]|\d{1,9}[.)])(?P<gap> +|$)")
_FENCE = re.compile(r"^ *(?:```|~~~)")


def nested_lists(markdown: str) -> str:
    """``markdown`` as Qt's writer wrote it, each nested list item moved under its parent's
    text (and what follows it in that item with it); a text with no nested item is
    returned as it is."""
    if not re.search(r"^ +(?:[-*+]|\d{1,9}[.)])(?: |$)", markdown, re.M):
        return markdown
    out: list[str] = []
    # (level, the writer's indent, our indent, the column of the item's text in ours)
    stack: list[tuple[int, int, int, int]] = []
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
        text_at = ours + len(found["mark"]) + len(found["gap"] or " ")
        stack.append((level, indent, ours, text_at))
        out.append(" " * ours + line[indent:])
    return "\n".join(out)


def _moved(line: str, stack: list[tuple[int, int, int, int]]) -> str:
    """``line`` moved as the innermost item it is indented under moved."""
    indent = len(line) - len(line.lstrip(" "))
    for _level, theirs, ours, _text_at in reversed(stack):
        if indent > theirs:
            return " " * (indent + ours - theirs) + line[indent:] if ours != theirs else line
    return line
