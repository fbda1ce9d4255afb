"""Where a link's text ends, through Qt's Markdown writer.

Qt's writer writes a link's text with the escapes of any text, and a "]" in text needs none
unless "(" or "[" follows it (``markdown_stand_ins.ACTS``): ``[Điều 5 \\] ສົມພອນ](u)`` was
saved ``[Điều 5 ] ສົມພອນ](u)``, where the "]" ends the link's text, no address follows it, and
the book printed all of it as text, the link gone (as did the editor, opened again). A "["
likewise: ``[a \\[ b](u)`` was saved ``[a [ b](u)``, a link of " b" after "[a ". So each
bracket of a link's text is given to the writer as a stand-in, written back escaped; a link
with a look (``link_looks``) escapes the ones of the text it writes itself.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextFragment

from briefbook.ui.editors.markdown_stand_ins import STAND_IN

_CLOSE = STAND_IN["]"]  # (written back "\\]" by markdown_stand_ins.written_back)
OPEN = "\ue0e0"  # a "[" of a link's text in the writer's copy, written back "\\["
_BRACKET = re.compile(r"[\[\]]")
_UNESCAPED = re.compile(r"(?<!\\)((?:\\\\)*)([\[\]])")  # after no backslash, or escaped ones


def _in_link(fragment: QTextFragment) -> bool:
    """``fragment`` is written as a link's text (a bare address, ``<https://…>``, has none)."""
    fmt = fragment.charFormat()
    return fmt.hasProperty(QTextFormat.Property.AnchorHref) and fmt.anchorHref() != fragment.text()


def bracket_in_link(block: QTextBlock) -> bool:
    """Some link's text in ``block`` holds a "]"."""
    if not _BRACKET.search(block.text()):
        return False
    it = block.begin()
    while not it.atEnd():
        if _BRACKET.search(it.fragment().text()) and _in_link(it.fragment()):
            return True
        it += 1
    return False


def brackets_in_copy(copy: QTextDocument) -> None:
    """Each "]" of a link's text in the writer's ``copy`` by its stand-in, in its format."""
    found = []
    block = copy.begin()
    while block.isValid():
        if _BRACKET.search(block.text()):
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if _BRACKET.search(fragment.text()) and _in_link(fragment):
                    found.append((fragment.position(), fragment.text(), fragment.charFormat()))
                it += 1
        block = block.next()
    cursor = QTextCursor(copy)
    for position, text, fmt in reversed(found):
        cursor.setPosition(position)
        cursor.setPosition(position + len(text), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text.replace("]", _CLOSE).replace("[", OPEN), fmt)


def written(markdown: str) -> str:
    """The writer's Markdown with each :data:`OPEN` "\\[" again."""
    return markdown.replace(OPEN, "\\[") if OPEN in markdown else markdown


def escaped_brackets(markdown: str) -> str:
    """``markdown`` (a link's text, written as text) with each bracket it holds escaped."""
    return _UNESCAPED.sub(r"\1\\\2", markdown) if _BRACKET.search(markdown) else markdown
