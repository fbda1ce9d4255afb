"""One long list held as a run of short ``QTextList`` groups, which the editor treats as one list.

Each item added to a ``QTextList`` walks every item already in it
(``QTextBlockGroup::blockInserted`` calls ``markBlocksDirty``), so a text that is one list of
n items took time in n squared to open: 12,000 items (1 MB) held the editor 4-10 s, nearly
all of it in ``QTextList.add``. So the piece loader (``long_text``) builds such a list as
consecutive lists of at most ``GROUP`` items of the same format, as History and the preview
do, each marked with the run it belongs to (:data:`RUN`, a token shared by all the groups of
one list) and, after the first, as going on from the one before (:data:`NEXT`).

The groups look as one list only while each group's first number (``QTextListFormat.start``)
follows on from the group before: an item added (Enter) or taken out (Backspace at its start,
the list button) in one group changes the numbers of all the items after it, which one list
would count again by itself. :class:`RunNumbers` sets those starts again after each such edit,
as part of that edit's own undo step (``joinPreviousEditBlock``): one undo takes back the edit
and its numbers together. What else acts on "the list" (the list button, the Markdown writer,
the writer's units) asks this module for the run (:func:`run_key`, :func:`items_between`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextList, QTextListFormat

GROUP = 16  # items of one QTextList at most (as the preview's ``preview_pieces.GROUP``)
RUN = QTextFormat.Property.UserProperty + 0x0B20  # a group's run: the same int for all of one list
NEXT = QTextFormat.Property.UserProperty + 0x0B21  # a group that goes on from the group before
_LOOK_BACK = 256  # blocks looked at before an edit for the group it follows
_tokens = itertools.count(1)


def new_run() -> int:
    """A token for the groups of one list."""
    return next(_tokens)


def group_format(first: QTextListFormat, count: int, run: int) -> QTextListFormat:
    """The format of a group of the run ``run`` whose first item is the list's item ``count``
    (from 0): the list's first format, numbered on from there."""
    fmt = QTextListFormat(first)
    fmt.setStart(_start(first) + count)  # (a bullet shows no number: the same look)
    fmt.setProperty(RUN, run)
    if count:
        fmt.setProperty(NEXT, True)
    return fmt


def _start(fmt: QTextListFormat) -> int:
    return fmt.start() if fmt.hasProperty(QTextFormat.Property.ListStart) else 1


def run_of(listed: QTextList | None) -> int | None:
    """The run ``listed`` is a group of, or None (a list of its own)."""
    if listed is None:
        return None
    value = listed.format().property(RUN)
    return value if isinstance(value, int) else None


def goes_on(listed: QTextList) -> bool:
    """``listed`` is a group after the first of its run: its first item is not the list's first."""
    return bool(listed.format().property(NEXT))


def run_key(listed: QTextList) -> object:
    """The same for every group of one run, and for a list of its own its object index."""
    run = run_of(listed)
    return ("run", run) if run is not None else listed.objectIndex()


def same_run(one: QTextList | None, other: QTextList | None) -> bool:
    """``one`` and ``other`` are groups of one run (or the same list)."""
    if one is None or other is None:
        return False
    if one.objectIndex() == other.objectIndex():
        return True
    run = run_of(one)
    return run is not None and run == run_of(other)


def next_group(listed: QTextList) -> QTextList | None:
    """The group of ``listed``'s run after it, or None: the blocks after its last item are
    walked until a group of the run begins (its first item follows no list of the run at
    ``listed``'s depth) or the run has ended (an item of another run's list at its depth or
    lower, or of any list at a lower depth). A list of its own at the same depth, one the
    list button made of some of the run's items, is walked past: the items after it are
    still the list's, numbered on as one list numbers its items past another list."""
    run = run_of(listed)
    if run is None or listed.count() == 0:
        return None
    depth = listed.format().indent()
    block = listed.item(listed.count() - 1).next()
    while block.isValid():
        other = block.textList()
        if other is not None and other.objectIndex() != listed.objectIndex():
            if run_of(other) == run:
                return other
            indent = other.format().indent()
            if indent < depth or (indent == depth and run_of(other) is not None):
                return None
        block = block.next()
    return None


def previous_group(listed: QTextList) -> QTextList | None:
    """The group of ``listed``'s run before it (looked for a few hundred blocks back)."""
    run = run_of(listed)
    if run is None or listed.count() == 0 or not goes_on(listed):
        return None
    block = listed.item(0).previous()
    for _ in range(_LOOK_BACK):
        if not block.isValid():
            return None
        other = block.textList()
        if other is not None and other.objectIndex() != listed.objectIndex() and run_of(other) == run:
            return other
        block = block.previous()
    return None


def items_between(listed: QTextList, start: int, end: int) -> list[QTextBlock]:
    """The items of ``listed`` (and of the other groups of its run) that reach from ``start``
    to ``end``, in order: what the list button takes out of "the list"."""
    document = listed.document()
    block = document.findBlock(start)
    if block.isValid() and block.previous().isValid():
        block = block.previous()  # (an item ending at ``start``: its break is in the selection)
    out = []
    while block.isValid() and block.position() <= end:
        if same_run(block.textList(), listed) and start <= block.position() + block.length():
            out.append(block)
        block = block.next()
    return out


Starts = list[tuple[QTextList, QTextListFormat]]  # groups, and each one's format with its new start


def number_on(document: QTextDocument, position: int, end: int) -> Starts:
    """The groups whose start is to be set after an edit from ``position`` to ``end`` so that
    their numbers follow on from the group before, with their new formats. The groups from
    the one before the edit on are looked at until one after the edit already follows on."""
    block = document.findBlock(max(0, position))
    for _ in range(2):  # (from the block before: an item taken out of a list is none now)
        if block.previous().isValid():
            block = block.previous()
    last = document.findBlock(end)
    seen: set[int] = set()
    out: Starts = []
    while block.isValid():
        listed = block.textList()
        if listed is not None and run_of(listed) is not None and listed.objectIndex() not in seen:
            seen.add(listed.objectIndex())
            out += _follow_on(listed, last, seen)
        if block == last:
            break
        block = block.next()
    return out


def _follow_on(listed: QTextList, last: QTextBlock, seen: set[int]) -> Starts:
    current = previous_group(listed) or listed
    start = _start(current.format())
    out = []
    while True:
        after = next_group(current)
        if after is None:
            return out
        seen.add(after.objectIndex())
        want = start + current.count()
        fmt = after.format()
        if _start(fmt) != want:
            fmt.setStart(want)
            out.append((after, fmt))
        elif after.item(0).position() > last.position():
            return out  # (the rest followed on before the edit, and still does)
        current, start = after, want


class RunNumbers(QObject):
    """Keeps the numbers of ``document``'s runs going on after each edit, in the edit's undo
    step. Nothing is done in a document that held no run when shown (one opened whole)."""

    def __init__(
        self, document: QTextDocument, renumbered: Callable[[], None], parent: QObject | None = None
    ):
        """``renumbered``: called after starts were set (what is kept of the groups is stale)."""
        super().__init__(parent)
        self.document, self.renumbered = document, renumbered
        self.busy = False
        if holds_runs(document):
            document.contentsChange.connect(self._changed)

    def _changed(self, position: int, _removed: int, added: int) -> None:
        if self.busy:
            return
        wanted = number_on(self.document, position, position + added)
        if not wanted:  # (nothing to do: no edit block, which an undo's redo stack would feel)
            return
        self.busy = True
        cursor = QTextCursor(self.document)
        try:
            cursor.joinPreviousEditBlock()
            for listed, fmt in wanted:
                listed.setFormat(fmt)
        finally:
            cursor.endEditBlock()
            self.busy = False
        self.renumbered()


def holds_runs(document: QTextDocument) -> bool:
    """Some list format of ``document`` is a run's (a format once used stays in the document's
    formats: it may be true with no run left)."""
    return any(fmt.hasProperty(RUN) for fmt in document.allFormats())
