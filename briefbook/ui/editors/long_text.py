"""A text too long to lay out at once, opened in the editor a piece at a time.

Qt lays out a paragraph (one ``QTextBlock``) as a whole on the GUI thread, at the
``setMarkdown`` that opens it and again at every key typed in it: the 1 MB report a
user pasted into one talking point held the window 0.4-1.1 s at each. So a text of
more than :data:`LONG` characters is appended to the editor's document a block at a time,
in time slices of :data:`SLICE_MS` (Qt lays out each block as it is added), each plain
paragraph cut into blocks of about ``markdown_writer.PIECE`` characters at a space
between two letters of plain text (the rule the Markdown writer cuts by); list items,
headings, quotes and code keep their formats, and the items of each list are put in one
list of the editor's. Until the last piece is in, the editor is read-only and the field
saves nothing, so a half-open text is never written.

Each piece after the first of a paragraph carries a token (:data:`CONTINUES`) in its
block format: the writer joins it to the block before with the space it was cut at.
A block the user splits off (Enter, a pasted line break) inherits its block's token,
so a token equal to the block before's marks a real paragraph break, and so does any
block next to a list item, heading, quote or code.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextCursor, QTextDocument, QTextFormat, QTextList

from briefbook.ui.editors import markdown_writer
from briefbook.ui.editors.markdown_text import read_markdown

LONG = 20_000  # a text longer than this is opened in pieces
SLICE_MS = 15  # work per turn of the event loop while a long text is opened
CONTINUES = QTextFormat.Property.UserProperty + 0x0B1E  # a piece's token: it continues the block before
_tokens = itertools.count(1)


def token(block: QTextBlock) -> int | None:
    value = block.blockFormat().property(CONTINUES)
    return value if isinstance(value, int) else None


def continues(block: QTextBlock) -> bool:
    """``block`` is a piece of the paragraph of the block before (joined to it by a space)."""
    previous = block.previous()
    mine = token(block)
    return (
        mine is not None
        and previous.isValid()
        and token(previous) != mine
        and markdown_writer.plain_paragraph(previous)
        and markdown_writer.plain_paragraph(block)
    )


def is_long(source: QTextDocument) -> bool:
    """``source`` holds more than :data:`LONG` characters."""
    return source.characterCount() > LONG


def open_in_pieces(markdown: str, target: QTextDocument, features, parent: QObject) -> PieceLoader | None:
    """A loader (not started) appending ``markdown`` to ``target`` in pieces, or None when the
    text is to be opened whole (short, not long paragraphs, holding a table, or the writer's marker:
    in pieces it would be written by Qt's one call, each piece a paragraph of its own)."""
    if len(markdown) <= LONG or markdown_writer.MARK in markdown:
        return None
    source = QTextDocument(parent)
    read_markdown(source, markdown, features)  # (fast: a document nothing lays out)
    if not is_long(source) or markdown_writer.holds_table(source):
        source.deleteLater()
        return None
    loader = PieceLoader(source, target, parent)
    source.setParent(loader)
    return loader


Piece = tuple[int, int, QTextBlockFormat, QTextBlock]


def pieces(source: QTextDocument) -> Iterator[Piece]:
    """The pieces to append, as (start, end, block format, block) in ``source``, found as they
    are asked for (finding the cuts of 1 MB at once took 20 ms)."""
    block = source.begin()
    while block.isValid():
        base, text = block.position(), block.text()
        start = 0
        if block.length() > markdown_writer.PIECE and markdown_writer.plain_paragraph(block):
            for at in markdown_writer.iter_cuts(source, text, base):
                yield base + start, base + at, _format(block, start), block
                start = at + 1  # the space is the boundary's
        yield base + start, base + len(text), _format(block, start), block
        block = block.next()


def _format(block: QTextBlock, start: int) -> QTextBlockFormat:
    fmt = QTextBlockFormat(block.blockFormat())
    fmt.setObjectIndex(-1)  # (a list of the source's: the loader puts the item in one of the target's)
    if start:
        fmt.setProperty(CONTINUES, next(_tokens))
    return fmt


def _insert_runs(out: QTextCursor, block: QTextBlock) -> None:
    """The text of ``block`` at ``out``, each run in its format."""
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        out.insertText(fragment.text(), fragment.charFormat())
        it += 1


class PieceLoader(QObject):
    """Appends ``pieces`` of ``source`` to ``target`` in time slices; ``finished`` at the end."""

    finished = Signal()

    def __init__(self, source: QTextDocument, target: QTextDocument, parent: QObject | None = None):
        super().__init__(parent)
        self.source, self.target = source, target
        self.pieces: Iterator[Piece] | None = pieces(source)
        self.lists: dict[int, QTextList] = {}  # a list of the source's (its index): the target's
        self.first = True
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.step)

    def start(self) -> None:
        self.target.setUndoRedoEnabled(False)
        self.target.clear()
        self.timer.start()  # the first piece on the next turn: opening returns at once

    def cancel(self) -> None:
        self.timer.stop()
        self.pieces = None

    def step(self) -> None:
        deadline = time.perf_counter() + SLICE_MS / 1000
        out = QTextCursor(self.target)
        out.movePosition(QTextCursor.MoveOperation.End)
        selection = QTextCursor(self.source)
        while self.pieces is not None and time.perf_counter() < deadline:
            piece = next(self.pieces, None)
            if piece is None:
                self.pieces = None
                break
            start, end, fmt, block = piece
            if self.first:
                out.setBlockFormat(fmt)
                self.first = False
            else:
                out.insertBlock(fmt, block.charFormat())
            if start == block.position() and (listed := block.textList()) is not None:
                target = self.lists.get(listed.objectIndex())
                if target is None:
                    self.lists[listed.objectIndex()] = out.createList(listed.format())
                else:
                    target.add(out.block())
            if end > start and markdown_writer.plain_paragraph(block):
                selection.setPosition(start)
                selection.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                out.insertFragment(selection.selection())
            elif end > start:  # (a fragment of a whole list item brings its list: a block more)
                _insert_runs(out, block)
        if self.pieces is not None:
            self.timer.start()
            return
        self.target.setUndoRedoEnabled(True)
        self.target.setModified(False)
        self.finished.emit()
