"""A long text's Markdown kept per run of blocks, so that a save writes again only what changed.

Writing the Markdown of the 1 MB report a user pasted into one talking point takes Qt's
writer 0.3-0.5 s however it is cut (``markdown_writer``): at every save of an edit the
window stood still that long. But an edit changes a block or two of the 500 the editor
holds such a text in (``long_text``), so the text is written as *units*, each a run of
blocks written on its own, and each unit's Markdown is kept under a key made of what Qt's
writer reads there: the blocks' text, their block and list formats and the formats of
their fragments (as indices into the document's format collection: the same index is the
same format until the document is cleared, and then every kept unit is dropped). A save
writes the units whose key is new and joins the rest as they were.

A unit ends between two plain paragraphs (not in a list, at no indent) outside any list's
span (an item numbered 4 must be written with items 1-3): there Qt's writer starts afresh
and puts a blank line, or, between two pieces of one paragraph, the space they were cut at.
A text that is never long is written by ``markdown_writer`` in one go, as before.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextBlock, QTextDocument, QTextFormat, QTextList, QTextListFormat
from shiboken6 import isValid

from briefbook.ui.editors import list_runs, markdown_writer
from briefbook.ui.editors.long_text import continues
from briefbook.ui.editors.loose_lists import holds_loose, loose_item

LONG = 20_000  # a document of more characters than this is written per unit
QUICK = 20_000  # characters a save writes at once (about 10 ms); more are written in slices first
SLICE_MS = 15  # work per turn of the event loop while writing ahead
STEP = 128  # blocks cut between two looks at the clock
QUICK_MS = 10  # a save finds the units at once if it takes no longer; else in slices first


@dataclass
class Unit:
    """Blocks ``first`` to ``last``; ``joins``: its first block continues the unit before;
    ``item``: its first block is the next item of the list the unit before ends in."""

    first: QTextBlock
    last: QTextBlock
    key: tuple
    joins: bool
    size: int
    item: bool = False  # it starts with the next item of the list the unit before ends in


def block_key(block: QTextBlock) -> tuple:
    """What Qt's writer reads of ``block``: its text and the indices of its formats."""
    fragments = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        fragments.append((fragment.length(), fragment.charFormatIndex()))
        it += 1
    listed = block.textList()
    return (
        block.text(),
        block.blockFormatIndex(),
        listed.formatIndex() if listed is not None else -1,
        tuple(fragments),
    )


def free(block: QTextBlock) -> bool:
    """A plain paragraph at no indent: Qt's writer starts afresh before and after it."""
    return markdown_writer.plain_paragraph(block) and block.blockFormat().indent() == 0


def numbered(listed: QTextList) -> bool:
    """Its items are written with their number (1., a., i.), not a bullet."""
    return listed.format().style().value <= QTextListFormat.Style.ListDecimal.value


def units(document: QTextDocument) -> list[Unit]:
    """The document cut into units, in order."""
    for done in cutting(document):
        if done is not None:
            return done
    raise AssertionError("cutting() ends with the units")


def cutting(document: QTextDocument) -> Iterator[list[Unit] | None]:
    """:func:`units` a few blocks at a time: None after each few, the units at the end (the
    cutting of a 1 MB list of 5,000 items takes 60-80 ms: a save waits for it in slices)."""
    blocks, spans, firsts = [], {}, {}
    others = [0]  # others[n]: the blocks before block n that are no list's items
    block = document.begin()
    while block.isValid():
        if len(blocks) % STEP == 0:
            yield None
        listed = block.textList()
        if listed is not None:
            index = list_runs.run_key(listed)  # (a run of groups is one list: ``list_runs``)
            spans[index] = len(blocks)  # the list's last item so far
            firsts.setdefault(index, len(blocks))
        others.append(others[-1] + (listed is None))
        blocks.append(block)
        block = block.next()
    # A list with another block between two of its items (a paragraph of an item's own) is
    # "loose" for Qt's writer, which then puts a blank line wherever its items follow nested
    # ones: known only to a writer of the whole list, so such a list is never cut.
    tight = {index for index, last in spans.items() if others[last] == others[firsts[index]]}
    out: list[Unit] = []
    # reach: the last item of every list begun so far; top: the two lists begun so far that
    # reach furthest, as (last item, list), so that the reach of all lists but one is known
    reach, start, was_free = -1, 0, False
    top: list[tuple[int, object]] = []
    listed_first: set[object] = set()
    in_list: object = -1  # the list at the top level the blocks since its last item are items within
    for number, block in enumerate(blocks):
        if number % STEP == 0:
            yield None
        is_free = free(block)
        item = top_item(block)
        item = item if item in tight else -1
        if number and is_free and was_free and reach < number:
            out.append(_unit(blocks, start, number - 1, bool(out) and continues(blocks[start])))
            start = number
        elif number and item != -1 and item == in_list and _others_reach(top, item) < number:
            # an item of a list at the top level after its item before (and that one's nested
            # items, whose lists have ended), no other list going on: the writer puts it on
            # the next line, numbered by its place in the list
            out.append(_unit(blocks, start, number - 1, bool(out) and continues(blocks[start])))
            start = number
        if (listed := block.textList()) is not None:
            index = list_runs.run_key(listed)
            if index not in listed_first:
                listed_first.add(index)
                reach = max(reach, spans[index])
                top = sorted([*top, (spans[index], index)], key=lambda pair: pair[0], reverse=True)[:2]
        was_free = is_free
        if item != -1:
            in_list = item
        elif block.textList() is None or block.blockFormat().indent() != 0:
            in_list = -1
    if blocks:
        out.append(_unit(blocks, start, len(blocks) - 1, bool(out) and continues(blocks[start])))
    yield out


def top_item(block: QTextBlock) -> object:
    """The list (its ``list_runs.run_key``) of which ``block`` is an item at the top level, or -1."""
    listed = block.textList()
    fmt = block.blockFormat()
    if (
        listed is None
        or listed.format().indent() != 1
        or fmt.indent() != 0
        or fmt.hasProperty(QTextFormat.Property.BlockQuoteLevel)
    ):
        return -1
    return list_runs.run_key(listed)


def _others_reach(top: list[tuple[int, object]], index: object) -> int:
    """The last item of the lists begun so far other than ``index``."""
    return max((last for last, other in top if other != index), default=-1)


def _unit(blocks: list[QTextBlock], start: int, end: int, joins: bool) -> Unit:
    keys = tuple(block_key(b) for b in blocks[start : end + 1])
    first = blocks[start]
    listed = first.textList()
    item = listed is not None and start > 0 and blocks[start - 1].textList() is not None
    if item and numbered(listed):  # (written numbered from its place: the place is in its key)
        keys = ((listed.format().start() + listed.itemNumber(first),), *keys)
    return Unit(first, blocks[end], keys, joins, sum(len(k[0]) + 1 for k in keys if len(k) > 1), item)


class UnitWriter:
    """The Markdown of one document, unit by unit; ``normalise`` is applied to each unit."""

    def __init__(self, document: QTextDocument, features, normalise: Callable[[str], str]):
        self.document, self.features, self.normalise = document, features, normalise
        self.kept: dict[tuple, str] = {}
        document.contentsChange.connect(self._changed)

    def _changed(self, _position: int, _removed: int, added: int) -> None:
        if self.document.characterCount() - added <= 1:  # cleared, or all of it replaced:
            self.kept = {}  # the format indices in the keys may now name other formats

    def forget(self) -> None:
        self.kept = {}

    @staticmethod
    def wanted(document: QTextDocument) -> bool:
        """Long enough to be written per unit, and holding no table (see ``holds_table``)."""
        return document.characterCount() > LONG and not markdown_writer.holds_table(document)

    def missing(self, parts: list[Unit]) -> int:
        """Characters of the units not kept."""
        return sum(u.size for u in parts if u.key not in self.kept)

    def write_some(self, parts: list[Unit], deadline: float) -> bool:
        """Write units not kept until ``deadline`` (``time.perf_counter``); True: all are kept."""
        for unit in parts:
            if unit.key not in self.kept:
                if time.perf_counter() >= deadline:
                    return False
                self.kept[unit.key] = self._write(unit)
        return True

    def markdown(self, parts: list[Unit] | None = None) -> str:
        """The whole document's Markdown (writing what is not kept), as ``normalise(to_markdown)``."""
        parts = units(self.document) if parts is None else parts
        self.write_some(parts, float("inf"))
        self.kept = {u.key: self.kept[u.key] for u in parts}  # only what the text holds now
        paragraphs: list[list[str]] = []
        loose = holds_loose(self.document)
        for number, unit in enumerate(parts):
            written = self.kept[unit.key]
            if unit.joins and paragraphs:
                # the space it was cut at; and spaces at the ends of either piece, which the
                # writer drops at a paragraph's ends but which are inside this one
                before, after = parts[number - 1].key[-1][0], unit.key[0][0]  # (their texts)
                lead = after[: len(after) - len(after.lstrip())]
                if not before and parts[number - 1].first != parts[number - 1].last:
                    # joined to an empty block ending a unit of several: the writer wrote no
                    # paragraph for it, so the last one written is a block's before it (a list
                    # item the piece would have become a lazy line of); the whole text's writer
                    # starts a paragraph with the space here
                    paragraphs.append(["", " " + lead + written.lstrip()])
                    continue
                # (a block of spaces only, where its paragraph starts, wrote them as its first
                # ones, "&#32;": added again here, the paragraph gained as many)
                ends = "" if not before.strip() and not continues(parts[number - 1].last) else before
                paragraphs[-1][-1] = paragraphs[-1][-1].rstrip() + ends[len(ends.rstrip()) :]
                paragraphs[-1].append(" " + lead + written.lstrip())
            elif unit.item and paragraphs and paragraphs[-1][-1] and written:
                # (the writer's lists are tight; a loose one's item after a blank line)
                paragraphs[-1].append(("\n\n" if loose and loose_item(unit.first) else "\n") + written)
            else:
                paragraphs.append([written])
        # (a paragraph ending in an empty piece ends in the space it was joined by: the writer
        # drops spaces at a paragraph's end)
        texts = ("".join(p).rstrip() if len(p) > 1 else p[0] for p in paragraphs)
        return "\n\n".join(text for text in texts if text)

    def _write(self, unit: Unit) -> str:
        listed = unit.first.textList() if unit.item else None
        number_from = listed.format().start() + listed.itemNumber(unit.first) if listed is not None else None
        written = markdown_writer.write_range(
            self.document, unit.first, unit.last, self.features, number_from=number_from
        )
        return self.normalise(written)


class KeptMarkdown(QObject):
    """An editor's Markdown, kept per unit and written ahead in time slices of ``SLICE_MS``.

    Opened, a long text is written ahead unit by unit between turns of the event loop (the
    first save would otherwise write all of it); a save asked for while much is unwritten
    (an edit of every block: select all, then bold) waits for the slices (:meth:`write_ahead`),
    and so does one whose units take long to find again after an edit (a list of 5,000 items).
    :meth:`markdown` always answers at once with all of it, writing what is missing: what a
    save before switching items or closing the window asks for, so that nothing is lost.
    """

    def __init__(self, document: QTextDocument, features, normalise: Callable[[str], str], parent=None):
        super().__init__(parent)
        self.document = document
        self.writer = UnitWriter(document, features, normalise)
        self.parts: list[Unit] | None = None  # the document's units, until it changes
        self._firsts: list[int] = []  # the number of each unit's first block
        self._blocks = 0  # the document's blocks when the units were found
        self._cutting: Iterator[list[Unit] | None] | None = None  # (being found, in slices)
        self.waiting: list[Callable[[], None]] = []
        document.contentsChange.connect(self._changed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._step)

    def _changed(self, position: int, _removed: int, added: int) -> None:
        if self.parts is not None and self._renew(position, added):
            return
        self.parts = None
        self._cutting = None

    def refind(self) -> None:
        """The units are to be found again (the numbers of a run's groups were set again after
        an edit: ``list_runs``, a change of many blocks that :meth:`_renew` cannot follow)."""
        self.parts = None
        self._cutting = None

    def _renew(self, position: int, added: int) -> bool:
        """The units after a change inside one block that left its block and list formats as
        they were (a key typed, a word deleted or made bold, an undo of that): the cuts are
        those of before (they depend on the blocks' formats alone), only that block's unit is
        keyed again. Finding all the units of a 1 MB list of 6,000 blocks again took 100-300 ms
        at every undo, redo and switch to another item; False: they are to be found again."""
        document = self.document
        block = document.findBlock(position)
        if document.blockCount() != self._blocks or not block.isValid():
            return False
        if not block.contains(position + added):
            return False
        assert self.parts is not None
        number = block.blockNumber()
        index = bisect.bisect_right(self._firsts, number) - 1
        unit = self.parts[index]
        keys = unit.key[1:] if len(unit.key[0]) == 1 else unit.key  # (a numbered item's place first)
        was = keys[number - self._firsts[index]]
        listed = block.textList()
        if was[1:3] != (block.blockFormatIndex(), listed.formatIndex() if listed is not None else -1):
            return False
        run = [unit.first.previous()] if index else []
        current = unit.first
        while True:
            run.append(current)
            if current == unit.last:
                break
            current = current.next()
        self.parts[index] = _unit(run, 1 if index else 0, len(run) - 1, unit.joins)
        return True

    def _units(self) -> list[Unit]:
        if self.parts is None:
            self._cut_some(float("inf"))
        assert self.parts is not None
        return self.parts

    def _cut_some(self, deadline: float) -> bool:
        """Find the units until ``deadline``; True: they are found."""
        if self.parts is not None:
            return True
        if self._cutting is None:
            self._cutting = cutting(self.document)
        for done in self._cutting:
            if done is not None:
                self.parts, self._cutting = done, None
                self._blocks = self.document.blockCount()
                self._firsts = [unit.first.blockNumber() for unit in done]
                return True
            if time.perf_counter() >= deadline:
                return False
        return False

    def markdown(self) -> str:
        return self.writer.markdown(self._units())

    def quick(self) -> bool:
        """:meth:`markdown` would write little (it is kept, or the text is short)."""
        if not isValid(self.document):  # (a focus lost as the window is destroyed)
            return True
        if not self.writer.wanted(self.document):
            return True
        if self.parts is None and not self._cut_some(time.perf_counter() + QUICK_MS / 1000):
            return False  # (found in slices first)
        return self.writer.missing(self._units()) <= QUICK

    def write_ahead(self, then: Callable[[], None] | None = None) -> None:
        """Write what is not kept in time slices, then call ``then``."""
        if then is not None:
            self.waiting.append(then)
        if not self.timer.isActive():
            self.timer.start()

    def stop(self) -> None:
        """The document is given another text: nothing is waited for any more."""
        self.timer.stop()
        self.waiting = []
        self.parts = None
        self._cutting = None

    def _step(self) -> None:
        if not isValid(self.document):
            return
        deadline = time.perf_counter() + SLICE_MS / 1000
        if self.writer.wanted(self.document) and not (
            self._cut_some(deadline) and self.writer.write_some(self._units(), deadline)
        ):
            self.timer.start()
            return
        waiting, self.waiting = self.waiting, []
        for then in waiting:
            then()
