"""A loose list (a blank line between its items), read and written as loose.

Qt's reader reads a loose list as tight and its writer writes it so: a text holding one
changed at its first save, with no edit. The reader's side marks it (:func:`loose_marked`,
then :func:`mark_loose_lists` on the document read); the writer's gives each item after a
blank line a stand-in (:func:`mark_loose_items`), which :mod:`.markdown_stand_ins` writes
back as the blank line (:data:`LOOSE_ITEM`).
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from briefbook.ui.editors.list_runs import NEXT

# A loose list (a blank line between its items) is read by Qt as tight and written so: the
# text changed with no edit. Its list is marked LOOSE_LIST when read (read_markdown), and
# each item of it after its first reaches the writer starting with LOOSE, which is written
# back as the blank line before that item's line.
LOOSE = "\ue0f5"
LOOSE_LIST = QTextFormat.Property.UserProperty + 0x10F5
LOOSE_ITEM = re.compile(rf"\n(?:[ \t]*\n)*(?P<mark>[ \t]*(?:[-*+]|\d{{1,9}}[.)])[ \t]+){LOOSE}")


def loose_item(block: QTextBlock) -> bool:
    """A blank line is written before ``block``: an item of a loose list after its first, or the
    first item of a list read after a blank line (Qt's writer puts none between two lists)."""
    listed = block.textList()
    if listed is None:
        return False
    if listed.item(0) != block or listed.format().property(NEXT):
        # (not itemNumber: a walk of the list, at each of 6,000 items; a group going on from
        # the one before, ``list_runs``: its first item is not the list's first)
        return bool(listed.format().property(LOOSE_LIST))
    return bool(block.blockFormat().property(LOOSE_LIST))


def holds_loose(document: QTextDocument) -> bool:
    """Some format of ``document`` marks a loose list, so :func:`loose_item` may be true of one
    of its blocks (a format once used stays in the document's formats: it may be true with no
    loose list left). Asking each item of a tight 1 MB list took 15-20 ms of each save that
    switching items forces; the formats are a few dozen."""
    return any(fmt.hasProperty(LOOSE_LIST) for fmt in document.allFormats())


def mark_loose_items(copy: QTextDocument, loose: list[bool], first: QTextBlock) -> None:
    """Put :data:`LOOSE` at the start of each block of the writer's ``copy`` from ``first`` on
    whose block of the editor's text is a :func:`loose_item` (``loose``, in order: a copy of a
    part of the text is made through a fragment, which keeps no list's LOOSE_LIST)."""
    block = first
    for is_loose in loose:
        if not block.isValid():
            return
        if is_loose:
            QTextCursor(block).insertText(LOOSE, QTextCharFormat())  # (plain: before any mark)
        block = block.next()


# An item's line after a blank line: its list may be loose (:data:`LOOSE`).
_AFTER_BLANK = re.compile(r"\n[ \t]*\n[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_CODE = QTextFormat.Property.BlockCodeLanguage  # (Qt's reader gives every code block one)
_ITEM_TEXT = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?=\S)")


def may_be_loose(markdown: str) -> bool:
    """``markdown`` has an item's line after a blank line (and none of our marks already)."""
    return _AFTER_BLANK.search(markdown) is not None and LOOSE not in markdown


def loose_marked(markdown: str) -> str:
    """``markdown`` with :data:`LOOSE` at the start of the text of each item after a blank line
    (not in code): where Qt's reader puts such an item, its list is loose."""
    from briefbook.ui.editors.markdown_text import code_lines  # (it reads with this module)

    lines = markdown.split("\n")
    code = code_lines(lines) if "```" in markdown or "~~~" in markdown else set()
    for number in range(1, len(lines)):
        if number not in code and not lines[number - 1].strip():
            found = _ITEM_TEXT.match(lines[number])
            if found:
                lines[number] = lines[number][: found.end()] + LOOSE + lines[number][found.end() :]
    return "\n".join(lines)


def mark_loose_lists(document: QTextDocument) -> None:
    """Each list holding an item :func:`loose_marked` marked after its first is marked
    LOOSE_LIST; a list's first item so marked is (a blank line before it, as before a list
    that follows another), and the marks go. (The items are walked: a document.find of the
    marks took 20 ms in a 1 MB report.)"""
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        listed = block.textList()
        if listed is not None and block.text().startswith(LOOSE):
            if listed.item(0) != block:  # (not itemNumber: a walk of the list at each item)
                fmt = listed.format()
                if not fmt.property(LOOSE_LIST):  # (once a list: each setFormat goes over all of it)
                    fmt.setProperty(LOOSE_LIST, True)
                    listed.setFormat(fmt)
            else:
                item = block.blockFormat()
                item.setProperty(LOOSE_LIST, True)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(item)
            cursor.setPosition(block.position())
            cursor.deleteChar()
        elif listed is None and block.blockFormat().hasProperty(_CODE) and LOOSE in block.text():
            at = block.text().index(LOOSE)  # (an item's line after a blank line was indented code)
            cursor.setPosition(block.position() + at)
            cursor.deleteChar()
        block = block.next()
