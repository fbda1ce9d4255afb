"""A text too long to lay out at once, opened in the editor a piece at a time.

Qt lays out a paragraph (one ``QTextBlock``) as a whole on the GUI thread, at the
``setMarkdown`` that opens it and again at every key typed in it: the 1 MB report a
user pasted into one talking point held the window 0.4-1.1 s at each. So a text of
more than :data:`LONG` characters is built a block at a time, in time slices of
:data:`SLICE_MS`, each plain paragraph cut into blocks of about ``markdown_writer.PIECE``
characters at a space between two letters of plain text (the rule the Markdown writer cuts
by); list items, headings, quotes and code keep their formats, and the items of each list
are put in lists of a few items, numbered on, which the editor treats as one (``list_runs``).
Until the last piece is in, the editor is read-only and the field saves nothing, so a
half-open text is never written.

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
from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextList,
    QTextListFormat,
)

from briefbook.ui.editors import list_chunks, list_runs, markdown_writer
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


def open_in_pieces(
    markdown: str, shown: QTextDocument, features, parent: QObject, group: int | None = None
) -> PieceLoader | None:
    """A loader (not started) building ``markdown`` in pieces in a document of its own (set like
    ``shown``, which holds the text's start meanwhile), or None when the text is to be opened whole
    (short, not long paragraphs, holding a table, or the writer's marker:
    in pieces it would be written by Qt's one call, each piece a paragraph of its own).

    A text that is one list (tight or loose) is read a chunk at a time by the loader (``list_chunks``):
    Qt reads one list in one call in time growing with the square of its items.

    ``group``: each list is built as consecutive lists of at most ``group`` items numbered on
    (:class:`PieceLoader`), a run the editor and its writer treat as one list (``list_runs``)."""
    if len(markdown) <= LONG or markdown_writer.MARK in markdown:
        return None
    cut = list_chunks.chunks(markdown)
    if cut is not None:
        return PieceLoader(None, shown, parent, chunked=(cut, features, markdown), group=group)
    source = QTextDocument(parent)
    read_markdown(source, markdown, features)  # (fast: a document nothing lays out)
    if not is_long(source) or markdown_writer.holds_table(source):
        source.deleteLater()
        return None
    loader = PieceLoader(source, shown, parent, group=group)
    source.setParent(loader)
    return loader


Piece = tuple[int, int, QTextBlockFormat, QTextBlock, object]


class NotOneList(Exception):
    """A chunk read is not one list as the text read whole would be there (``list_chunks``)."""


def pieces(
    source: QTextDocument, tag: object = None, carried: tuple[int, object] | None = None
) -> Iterator[Piece]:
    """The pieces to append, as (start, end, block format, block, list key) in ``source``, found
    as they are asked for (finding the cuts of 1 MB at once took 20 ms). The key names the list
    the block is an item of (None: none), the same for all of a list's items: ``(tag, index)``,
    but ``carried`` (an index, a key) gives the key of a list the text before began (a chunk's
    first list continues the last list of the chunk before: ``list_chunks``)."""
    block = source.begin()
    while block.isValid():
        base, text = block.position(), block.text()
        listed = block.textList()
        key = None
        if listed is not None:
            index = listed.objectIndex()
            key = carried[1] if carried is not None and index == carried[0] else (tag, index)
        start = 0
        if block.length() > markdown_writer.PIECE and markdown_writer.plain_paragraph(block):
            for at in markdown_writer.iter_cuts(source, text, base):
                yield base + start, base + at, _format(block, start), block, key
                start = at + 1  # the space is the boundary's
        yield base + start, base + block.length() - 1, _format(block, start), block, key  # (Qt's units)
        block = block.next()


def chunked_pieces(texts: list[str], features) -> Iterator[Piece]:
    """:func:`pieces` of each chunk of a list, read when its first piece is asked for (a few ms);
    raises :class:`NotOneList` at a chunk that does not read as the text would whole."""
    before = None  # (the format, the key) of the last top-level list of the chunk before
    for number, text in enumerate(texts):
        chunk = QTextDocument()
        read_markdown(chunk, text, features)
        found = list_chunks.top_lists(chunk)
        if found is None or (before is not None and not list_chunks.same_kind(found[0].format(), before[0])):
            raise NotOneList(number)
        first, last = found
        carried = (first.objectIndex(), before[1]) if before is not None else None
        last_key = (
            carried[1]
            if carried is not None and last.objectIndex() == carried[0]
            else (number, last.objectIndex())
        )
        before = (QTextListFormat(last.format()), last_key)
        yield from pieces(chunk, tag=number, carried=carried)


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
    when the widget showing ``shown`` is to show :attr:`document` instead (``setDocument``).

    Each item added to a ``QTextList`` walks every item already in it
    (``QTextBlockGroup::blockInserted`` calls ``markBlocksDirty``, even in a document nothing
    lays out), so one list of n items costs time in n squared: History took 1.4 s for a text
    that is one list of 5,000 items and 11.1 s for 12,000. With ``group``, a list goes on in a
    fresh list of the same format every ``group`` items, numbered on (``setStart``), as the
    composer's preview does (``preview_pieces.GROUP``): it reads the same, and costs time in n."""

    finished = Signal()

    def __init__(
        self,
        source: QTextDocument | None,
        shown: QTextDocument,
        parent: QObject | None = None,
        chunked: tuple[list[str], object, str] | None = None,
        group: int | None = None,
    ):
        """``chunked``: no ``source``, but the chunks of a list to read one by one, the features
        to read them with and the whole text (read whole if a chunk is not as it would be).
        ``group``: the items of one ``QTextList`` at most (None: a list's items all in one)."""
        super().__init__(parent)
        self.source, self.shown, self.chunked, self.group = source, shown, chunked, group
        self.document = self.target = _settings_of(shown, self)
        if chunked is not None:
            self.pieces: Iterator[Piece] | None = chunked_pieces(chunked[0], chunked[1])
        else:
            assert source is not None
            self.pieces = pieces(source)
        # a list of the source's (its key): the target's list its last item is in, the source
        # list's first format, its items so far and its run (``list_runs``)
        self.lists: dict[object, tuple[QTextList, QTextListFormat, int, int]] = {}
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
        while self.pieces is not None and time.perf_counter() < deadline:
            try:
                piece = next(self.pieces, None)
            except NotOneList:
                self._read_whole()
                out = QTextCursor(self.target)
                continue
            if piece is None:
                self.pieces = None
                break
            start, end, fmt, block, key = piece
            if self.first:
                out.setBlockFormat(fmt)
                self.first = False
            else:
                out.insertBlock(fmt, block.charFormat())
            if start == block.position() and (listed := block.textList()) is not None:
                self._into_list(out, key, listed)
            if end > start and markdown_writer.plain_paragraph(block):
                selection = QTextCursor(block.document())
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

    def _into_list(self, out: QTextCursor, key: object, listed: QTextList) -> None:
        """The block at ``out`` made the next item of the target's list for ``key``."""
        known = self.lists.get(key)
        if known is None:
            first, run = listed.format(), list_runs.new_run()
            fmt = list_runs.group_format(first, 0, run) if self.group is not None else first
            self.lists[key] = (out.createList(fmt), first, 1, run)
            return
        target, first, count, run = known
        if self.group is not None and count % self.group == 0:
            target = out.createList(list_runs.group_format(first, count, run))
        else:
            target.add(out.block())
        self.lists[key] = (target, first, count + 1, run)

    def _read_whole(self) -> None:
        """Start again from the text read whole (in one call, as before chunks were read)."""
        assert self.chunked is not None
        _texts, features, markdown = self.chunked
        self.source = QTextDocument(self)
        read_markdown(self.source, markdown, features)
        self.pieces = pieces(self.source)
        self.chunked = None
        self.lists = {}
        self.first = True
        self.target.clear()

    def _preview(self) -> None:
        """The start of the text, in the shown document, after the first slice."""
        selection = QTextCursor(self.target)
        end = self.target.characterCount() - 1
        selection.setPosition(min(end, PREVIEW), QTextCursor.MoveMode.KeepAnchor)
        QTextCursor(self.shown).insertFragment(selection.selection())
        self.shown = None
