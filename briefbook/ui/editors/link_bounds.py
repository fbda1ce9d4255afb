"""Where a link's text ends and where the next link begins, through Qt's Markdown reader and writer.

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

from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat, QTextFragment

from briefbook.ui.editors.markdown_stand_ins import STAND_IN, places

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


# Where one link ends and the next begins. Two links to one address side by side
# ("[Hà](u)[Nội](u)") are two fragments of one format to Qt's reader, which it makes one: the
# editor showed one link and saved "[HàNội](u)". So each link right after another (after the
# marks of its look, if any) is read with SEAM before it, and once read, a link after a seam,
# to the address of the one before it, gets another PART than that one (1 or 2), which keeps
# their formats apart (Qt's writer writes each fragment with an address as a link of its own);
# the seams go. SEAM is punctuation, as the "[" it stands before is: a run of "*", "_" or "~"
# beside it is read as it was beside the "[" (a letter there would change which emphasis it
# opens or closes).
SEAM = "\u2e3b"  # (⸻: a text holding one is read as it is)
PART = QTextFormat.Property.UserProperty + 0x11E1
_SCHEME = r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:"
_SIDE_BY_SIDE = re.compile(
    r"(?:\]\((?:[^()\s\\]|\\.)*(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*\)"  # a link's "](address "title")"
    rf"|{_SCHEME}[^<>\s]*>)"  # or a bare address
    r"[*_~]*"  # the marks of the looks it closes and the next one opens
    rf"(?=\[|{_SCHEME})"  # and another link
)


def apart(markdown: str) -> str:
    """``markdown`` with :data:`SEAM` between each link and a link right after it."""
    if ("](" not in markdown and "<" not in markdown) or SEAM in markdown:
        return markdown
    seamed, count = _SIDE_BY_SIDE.subn(lambda m: m.group() + SEAM, markdown)
    return seamed if count else markdown  # (the text itself where no link follows a link)


def _address(fmt: QTextCharFormat) -> tuple | None:
    if not fmt.isAnchor() or not fmt.hasProperty(QTextFormat.Property.AnchorHref):
        return None
    return fmt.anchorHref(), fmt.property(QTextFormat.Property.TextToolTip)


def key(fmt: QTextCharFormat) -> tuple | None:
    """What the fragments of one link share: its address, title and part; None: no link."""
    if not fmt.isAnchor() or not fmt.hasProperty(QTextFormat.Property.AnchorHref):
        return None
    return fmt.anchorHref(), fmt.property(QTextFormat.Property.TextToolTip), fmt.property(PART)


def seamed(document: QTextDocument) -> None:
    """Keep apart the links either side of each :data:`SEAM` of ``document`` (read from
    :func:`apart`'s Markdown), and take the seams out."""
    seams = places(document, SEAM)
    cursor = QTextCursor(document)
    for at in seams:
        cursor.setPosition(at)
        before = cursor.charFormat()  # (the character's before the cursor)
        cursor.setPosition(at + 1)
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
        address = _address(cursor.charFormat())
        if address is None or address != _address(before):
            continue
        end = at + 1
        block = document.findBlock(at)
        while end < block.position() + block.length() - 1 and document.characterAt(end) != SEAM:
            cursor.setPosition(end + 1)
            if _address(cursor.charFormat()) != address:
                break
            end += 1
        part = QTextCharFormat()
        part.setProperty(PART, 2 if before.property(PART) == 1 else 1)
        cursor.setPosition(at + 1)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(part)
    for at in reversed(seams):
        cursor.setPosition(at)
        cursor.setPosition(at + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
