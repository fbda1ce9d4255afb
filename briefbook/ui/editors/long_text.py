"""A text too long to lay out at once, opened in the editor a piece at a time.

Qt lays out a paragraph (one ``QTextBlock``) as a whole on the GUI thread, at the
``setMarkdown`` that opens it and again at every key typed in it: the 1 MB report a
user pasted into one talking point held the window 0.4-1.1 s at each. So a text of
more than :data:`LONG` characters is built a block at a time, in time slices of
:data:`SLICE_MS`, each plain paragraph cut into blocks of about ``markdown_writer.PIECE``
characters at a space between two letters of plain text (the rule the Markdown writer cuts
by); list items, headings, quotes and code keep their formats, and the items of each list
are put in one list. Until the last piece is in, the editor is read-only and the field
saves nothing, so a half-open text is never written.

The blocks are built in a document of the loader's own that nothing lays out
(:attr:`PieceLoader.document`), shown by the editor only once whole (``setDocument``: Qt
then lays it out from the top in timer steps). Appended to the shown document, each item
added to a list made Qt lay the whole list out again (``QTextList`` marks all its blocks
changed, and a change not of the whole document is laid out at once): a 1 MB text that is
one list of 5,000 items took minutes to open, each slice holding the window 60-280 ms.
Meanwhile the shown document holds the text's first :data:`PREVIEW` characters.

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
PREVIEW = 4_000  # characters shown while the rest is being built
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


def open_in_pieces(markdown: str, shown: QTextDocument, features, parent: QObject) -> PieceLoader | None:
    """A loader (not started) building ``markdown`` in pieces in a document of its own (set like
    ``shown``, which holds the text's start meanwhile), or None when the text is to be opened whole
    (short, not long paragraphs, holding a table, or the writer's marker:
    in pieces it would be written by Qt's one call, each piece a paragraph of its own)."""
    if len(markdown) <= LONG or markdown_writer.MARK in markdown:
        return None
    source = QTextDocument(parent)
    read_markdown(source, markdown, features)  # (fast: a document nothing lays out)
    if not is_long(source) or markdown_writer.holds_table(source):
        source.deleteLater()
        return None
    loader = PieceLoader(source, shown, parent)
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


def _settings_of(shown: QTextDocument, parent: QObject) -> QTextDocument:
    """An empty document set as ``shown`` is (its font, margins, options), for a widget to show
    in its place; no layout is made for it until it is shown."""
    document = QTextDocument(parent)
    document.setDefaultFont(shown.defaultFont())
    document.setDefaultTextOption(shown.defaultTextOption())
    document.setDocumentMargin(shown.documentMargin())
    document.setIndentWidth(shown.indentWidth())
    document.setDefaultStyleSheet(shown.defaultStyleSheet())
    document.setUseDesignMetrics(shown.useDesignMetrics())
    document.setMarkdown("")
    return document


class PieceLoader(QObject):
    """Builds ``pieces`` of ``source`` in :attr:`document` in time slices; ``finished`` at the end,
    when the widget showing ``shown`` is to show :attr:`document` instead (``setDocument``)."""

    finished = Signal()

    def __init__(self, source: QTextDocument, shown: QTextDocument, parent: QObject | None = None):
        super().__init__(parent)
        self.source, self.shown = source, shown
        self.document = self.target = _settings_of(shown, self)
        self.pieces: Iterator[Piece] | None = pieces(source)
        self.lists: dict[int, QTextList] = {}  # a list of the source's (its index): the target's
        self.first = True
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.step)

    def start(self) -> None:
        self.shown.setUndoRedoEnabled(False)
        self.shown.clear()
        self.target.setUndoRedoEnabled(False)
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
        if self.shown is not None:
            self._preview()
        if self.pieces is not None:
            self.timer.start()
            return
        self.target.setUndoRedoEnabled(True)
        self.target.setModified(False)
        self.finished.emit()

    def _preview(self) -> None:
        """The start of the text, in the shown document, after the first slice."""
        selection = QTextCursor(self.target)
        end = self.target.characterCount() - 1
        selection.setPosition(min(end, PREVIEW), QTextCursor.MoveMode.KeepAnchor)
        QTextCursor(self.shown).insertFragment(selection.selection())
        self.shown = None
