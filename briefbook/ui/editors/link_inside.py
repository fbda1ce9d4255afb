"""Bold, italic or a strike written inside a link's text, kept inside it.

The book reads ``[**Hà Nội**](u)`` and ``**[Hà Nội](u)**`` alike, and so does the editor: a
link's text in bold, nothing in its format of which marks came first. The writer put each look
that all of a link's text has outside the link (``link_looks``: the link's placeholder takes
the looks its fragments share), so the first was saved as the second, a change no one made
(``[~~ສົມພອນ~~](u)`` as ``~~[ສົມພອນ](u)~~`` too). So a link's "[" followed by the marks of a
look is read with :data:`START` after it, and once read, where the link's text after it has
looks the start has not (the looks opened inside the brackets), its text gets :data:`HOLDS`
naming them; the writer leaves them off the placeholder, and they are written inside the
brackets. START is punctuation, as the "[" before it: the marks after it are read as they were.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from briefbook.ui.editors.markdown_stand_ins import places

START = "\u2e3a"  # (⸺: a text holding one is read as it is)
HOLDS = QTextFormat.Property.UserProperty + 0x11E2  # the looks written inside a link's brackets
BOLD, ITALIC, STRUCK = 1, 2, 4
_OPENED = re.compile(r"\[(?=[*_~])")  # (not a link's, or in code: the start goes again)


def inside(markdown: str) -> str:
    """``markdown`` with :data:`START` after each "[" that the marks of a look follow."""
    if "[" not in markdown or START in markdown:
        return markdown
    marked, count = _OPENED.subn("[" + START, markdown)
    return marked if count else markdown


def looks(fmt: QTextCharFormat) -> int:
    return (
        (BOLD if fmt.fontWeight() > QFont.Weight.Normal else 0)
        | (ITALIC if fmt.fontItalic() else 0)
        | (STRUCK if fmt.fontStrikeOut() else 0)
    )


def held(document: QTextDocument, key) -> None:
    """Mark the text of each link of ``document`` that begins at a :data:`START` with the looks
    opened inside its brackets, and take the starts out. ``key``: what one link's fragments
    share (address, title, part)."""
    starts = places(document, START)
    cursor = QTextCursor(document)
    for at in starts:
        cursor.setPosition(at + 1)
        start = cursor.charFormat()  # (the character's before the cursor: the start's)
        link = key(start)
        block = document.findBlock(at)
        end = at + 1
        opened = None
        while end < block.position() + block.length() - 1 and document.characterAt(end) != START:
            cursor.setPosition(end + 1)
            fmt = cursor.charFormat()
            if link is None or key(fmt) != link:
                break
            opened = looks(fmt) if opened is None else opened & looks(fmt)
            end += 1
        if opened and opened & ~looks(start):
            mark = QTextCharFormat()
            mark.setProperty(HOLDS, opened & ~looks(start))
            cursor.setPosition(at + 1)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(mark)
    for at in reversed(starts):
        cursor.setPosition(at)
        cursor.setPosition(at + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()


def held_by(formats: list[QTextCharFormat]) -> int:
    """The looks all of ``formats`` (a link's fragments) were written inside the brackets with."""
    out = BOLD | ITALIC | STRUCK
    for fmt in formats:
        value = fmt.property(HOLDS)
        out &= value if isinstance(value, int) else 0
    return out
