"""Where the preview cuts a text too long to lay out at once.

Qt lays out a paragraph (one ``QTextBlock``) as a whole, on the GUI thread: a user
pasted a 1 MB report into one talking point, and the preview's one block took the
window 0.8-1.9 s in one go. So a paragraph or list item holding more than
:data:`LONG` characters is shown as consecutive blocks of about :data:`PIECE`
characters, cut at a space, with no spacing between them; the preview adds them one
piece at a time across its time slices. Only the preview does this: the exports print
one paragraph.

A list of more than :data:`GROUP` items is shown as consecutive lists of :data:`GROUP`
items, numbered on (``QTextListFormat.setStart``): each item added to a ``QTextList`` marks
every item already in it to be laid out again (``QTextBlockGroup::blockInserted`` calls
``markBlocksDirty``, a walk of the whole list), so one list built item by item costs time in
the square of its items: built whole, the 1 MB report that is one list (4,897 items) spent
248 of its 456 ms in ``QTextList.add`` (cProfile). In the document on screen, each item added
also lays out again every item of its list: a 30 KB paragraph followed by such a list took
476 s to show, 4.4 s in lists of 64 items, 1.7 s in lists of 16. Consecutive lists of the
same format look the same.
"""

from __future__ import annotations

import unicodedata

from briefbook.document.model import Block, ListBlock, Paragraph, Run

PIECE = 2000  # characters laid out in one block
LONG = 20_000  # a paragraph or list item longer than this is shown in pieces
GROUP = 16  # items of one QTextList at most; a longer list goes on in a list of its own


def runs_length(runs: list[Run]) -> int:
    return sum(len(run.text) for run in runs)


def is_long(block: Block) -> bool:
    """A paragraph, or a list with an item (at any depth), of more than :data:`LONG` characters."""
    if isinstance(block, Paragraph):
        return runs_length(block.runs) > LONG
    if isinstance(block, ListBlock):
        for item in block.items:
            if runs_length(item.runs) > LONG:
                return True
            if item.children is not None and is_long(item.children):
                return True
            if any(is_long(part) for part in item.more):
                return True
    return False


def cut(text: str, room: int) -> tuple[int, int]:
    """Where to end a piece of ``text`` holding at most about ``room`` characters, and where
    the next piece starts: after the last space in the second half of the room (the space
    itself is dropped: a piece ends a line anyway), else at the first space after it, else
    (a text without spaces) at ``room``, moved on past combining marks so that no mark
    starts a piece."""
    at = text.rfind(" ", room // 2, room + 1)
    if at == -1:
        at = text.find(" ", room, room + PIECE)
    if at != -1:
        return at, at + 1
    at = max(1, room)
    while at < len(text) and unicodedata.category(text[at]).startswith("M"):
        at += 1
    return at, at
