"""The editor's text as Markdown, in time linear in the length of its paragraphs.

Qt's Markdown writer (``QTextDocument.toMarkdown``) takes time growing with the square
of a paragraph's length: 4 s for a 100 KB paragraph, 287 s for the 1 MB report a user
pasted into one talking point (and the editor asks for the Markdown at every save after
an edit). So a long paragraph is given to the writer in pieces: a new document is made
of the editor's text, appended piece by piece, each long paragraph cut into paragraphs
of about ``PIECE`` characters at a space between two letters of plain text (no bold,
italic or link on either side, so no mark is opened or closed there), the space
replaced by a marker; the writer's paragraph break after each marker is then the space
again. A document holding lists, headings, quotes or code keeps the one call, and so
does one holding the marker itself.

What the writer is given in place of the characters it would get wrong, and how
its Markdown is written back, is :mod:`briefbook.ui.editors.markdown_stand_ins`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
)

from briefbook.ui.editors import astral, link_bounds, look_edges, struck
from briefbook.ui.editors.code_looks import hide_in_copy, holds_styled_code, styled_code, written
from briefbook.ui.editors.link_looks import hide_links, holds_looked_link, looked_link
from briefbook.ui.editors.list_indent import nested_lists
from briefbook.ui.editors.loose_lists import loose_item, mark_loose_items
from briefbook.ui.editors.markdown_stand_ins import (
    ACTS,
    LINE_BREAK,
    LONG_RUN,
    MARK,
    OURS,
    WRAP_BEFORE_MARK,
    glued_at,
    stand_in,
    wrapped_code,
    written_back,
)

PIECE = 2000  # characters of a paragraph given to Qt's writer at a time
_TRIES = 64  # spaces looked at for a cut before moving on by a piece


def to_markdown(document: QTextDocument, features) -> str:
    """``document.toMarkdown(features)``, with each long paragraph written in pieces, and the
    pieces of a paragraph the editor opened in pieces (``long_text``) joined again."""
    return write_range(document, document.begin(), document.lastBlock(), features)


def write_range(
    document: QTextDocument, first: QTextBlock, last: QTextBlock, features, number_from: int | None = None
) -> str:
    """:func:`to_markdown` of the blocks ``first`` to ``last`` of ``document`` (the editor keeps
    the Markdown of a long text per run of blocks: ``markdown_units``). ``number_from``: ``first``
    is an item of a list that began before it, to be numbered from there (alone, the writer
    would number it 1)."""
    with _not_laid_out(document):
        text = astral.document_text(document, first, last)
        if astral.holds(text) and (stands := astral.mapping(text)) is not None:
            # A copy, each character beyond the first plane a one-unit stand-in (the steps index
            # Python text by Qt's positions: see astral), written, the characters put back.
            begin = first.position() - 1 if first.position() > 0 else 0
            copy = _numbered_copy(document, begin, last.position() + last.length() - 1, number_from)
            astral.hide_in(copy, stands)
            written = _write_range(copy, copy.begin(), copy.lastBlock(), features, None)
            return astral.put_back(nested_lists(written), stands)
        return nested_lists(_write_range(document, first, last, features, number_from))


@contextmanager
def _not_laid_out(document: QTextDocument) -> Iterator[None]:
    """Cursors put on ``document`` meanwhile do not lay it out: Qt lays out all of a shown
    document up to a cursor's new position to know where it stands on its line, except
    inside an edit block. Writing the units of a 1 MB Thai text just after the window was
    resized (Qt lays it out again a part at a time) waited 0.1-0.4 s at such a cursor. The
    block changes nothing, and what its end would announce (contentsChanged: "the text
    changed", which restarts a save's timer) is not said."""
    guard = QTextCursor(document)
    guard.beginEditBlock()
    try:
        yield
    finally:
        blocked = document.blockSignals(True)
        try:
            guard.endEditBlock()
        finally:
            document.blockSignals(blocked)


def _write_range(
    document: QTextDocument, first: QTextBlock, last: QTextBlock, features, number_from: int | None
) -> str:
    from briefbook.ui.editors.long_text import continues  # (it cuts by this module's rule)

    blocks = [first]
    while blocks[-1] != last and blocks[-1].isValid():
        blocks.append(blocks[-1].next())
    joined = [b for b in blocks[1:] if continues(b)]
    plain = all(plain_paragraph(b) for b in blocks)
    whole = first.position() == 0 and not last.next().isValid()
    # (a run after the first block starts at the break before it: a selection inside one
    # block would leave out its format, a quote's or code's)
    begin = first.position() - 1 if first.position() > 0 else 0
    end = last.position() + last.length() - 1

    texts = [b.text() for b in blocks]
    if number_from is not None:  # (a copy, its list numbered from there)
        whole = False
    if any(OURS.search(t) for t in texts):  # (the stand-ins would be taken for its text)
        if number_from is None:
            return (document if whole else _selection(document, begin, end)).toMarkdown(features)
        return _numbered_copy(document, begin, end, number_from).toMarkdown(features)
    acting = any(
        ACTS.search(t)
        or LINE_BREAK in t
        or "  " in t
        or t[:1] in (" ", "\t")
        or t[-1:] == " "
        or LONG_RUN.search(t)
        for t in texts
    ) or any(glued_at(b) for b in blocks)
    coded = holds_styled_code(document)  # (a format of code: one may wrap, see wrapped_code)
    styled = coded and any(styled_code(b) for b in blocks)
    acting = acting or (coded and any(wrapped_code(b) for b in blocks))
    edged = any(look_edges.holds_edges(b) for b in blocks)  # (a look ending in a space)
    strikes = struck.holds_strike(document)  # (and a tilde may be escaped: stand_in's _tildes)
    linked = holds_looked_link(document) and any(looked_link(b) for b in blocks)
    bracketed = any("]" in t for t in texts) and any(link_bounds.bracket_in_link(b) for b in blocks)
    acting = acting or styled or strikes or linked or bracketed or edged or any("~" in t for t in texts)

    def hidden(copy: QTextDocument) -> list[str]:
        """Code and links with a look by placeholders (``code_looks``, ``link_looks``)."""
        spans = hide_in_copy(copy) if styled else []
        if linked:
            spans += hide_links(copy, spans, lambda text: to_markdown(text, features))
        return spans

    loose = [loose_item(b) for b in blocks]
    marking = any(loose)  # (a blank line to write before an item: its marks, no stand-ins)
    continued = last.next().isValid() and continues(last.next())  # (joined on: markdown_units)

    def one_call() -> str:
        if not acting and not marking and number_from is None:
            return (document if whole else _selection(document, begin, end)).toMarkdown(features)
        copy = document.clone() if whole else _numbered_copy(document, begin, end, number_from)
        if edged:
            look_edges.out_of_looks(copy)
        spans = hidden(copy)
        if acting:
            stand_in(copy, continued, coded)
        if bracketed:
            link_bounds.brackets_in_copy(copy)
        if strikes:
            struck.in_copy(copy)
        if marking:
            mark_loose_items(copy, loose, copy.begin() if begin == 0 else copy.begin().next())
        if acting or marking:
            markdown = written(struck.written(written_back(copy.toMarkdown(features))), spans)
            return link_bounds.written(markdown)
        return copy.toMarkdown(features)

    if not joined and (marking or not any(b.length() > PIECE for b in blocks) or not plain):
        # (the pieces' copy has blocks of its own, which mark_loose_items would not find: a
        # loose list is written in one call, unless pieces of a paragraph are to be joined)
        return one_call()
    # Where the copy breaks a paragraph into pieces: at spaces of long plain paragraphs, and
    # at the block breaks between the pieces of one paragraph (each one character, dropped).
    breaks = [b.position() - 1 for b in joined]
    if plain:
        for block in blocks:
            if block.length() > PIECE:
                breaks += [block.position() + at for at in cuts(document, block.text(), block.position())]
    breaks.sort()
    # A new document, the old one's text appended to it piece by piece (cutting a block
    # of the old one in place costs the rest of the block at each cut: quadratic again).
    copy = QTextDocument()
    copy.setUndoRedoEnabled(False)
    out = QTextCursor(copy)
    out.setBlockFormat(_token_only(document.findBlock(begin)))
    source = QTextCursor(document)
    start = begin
    for at in breaks:
        source.setPosition(start)
        source.setPosition(at, QTextCursor.MoveMode.KeepAnchor)
        out.insertFragment(source.selection())
        out.insertText(MARK, QTextCharFormat())  # plain: no mark is opened or closed around it
        out.insertBlock(_token_only(document.findBlock(at + 1)))
        start = at + 1  # the space (or the block break) is the marker's
    source.setPosition(start)
    source.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    out.insertFragment(source.selection())
    _number_from(copy, begin, number_from)
    if edged:
        look_edges.out_of_looks(copy)
    spans = hidden(copy)
    if acting:
        stand_in(copy, continued, coded)
    if bracketed:
        link_bounds.brackets_in_copy(copy)
    if strikes:
        struck.in_copy(copy)
    text = WRAP_BEFORE_MARK.sub(" ", copy.toMarkdown(features)).replace(MARK + "\n\n", " ")
    if MARK in text:
        return one_call()
    return link_bounds.written(written(struck.written(written_back(text)), spans)) if acting else text


def _numbered_copy(document: QTextDocument, begin: int, end: int, number_from: int | None) -> QTextDocument:
    """A new document of ``document``'s text from ``begin`` to ``end``; ``number_from``: the
    list of its first item (after the break it starts at) numbered from there."""
    copy = QTextDocument()
    cursor = QTextCursor(copy)
    cursor.setBlockFormat(_token_only(document.findBlock(begin)))
    cursor.insertFragment(_selection(document, begin, end))
    _number_from(copy, begin, number_from)
    return copy


def _token_only(block: QTextBlock) -> QTextBlockFormat:
    """A plain block format holding ``block``'s piece token (``long_text``), if it has one.

    A copy's blocks begun by a cursor (its first, each piece after a marker) get a format of
    their own: without the token, the paragraph after one (a break typed: the same token)
    was taken for a piece of it by ``stand_in``, its spaces at the start and the piece's at
    the end written as a join's, where the editor's own blocks are written as paragraphs."""
    from briefbook.ui.editors.long_text import CONTINUES

    fmt = QTextBlockFormat()
    value = block.blockFormat().property(CONTINUES)
    if isinstance(value, int):
        fmt.setProperty(CONTINUES, value)
    return fmt


def _number_from(copy: QTextDocument, begin: int, number_from: int | None) -> None:
    if number_from is not None:
        first = copy.begin() if begin == 0 else copy.begin().next()
        listed = first.textList() if first.isValid() else None
        if listed is not None:
            fmt = listed.format()
            fmt.setStart(number_from - listed.itemNumber(first))
            listed.setFormat(fmt)


def _selection(document: QTextDocument, start: int, end: int) -> QTextDocumentFragment:
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selection()


def holds_table(document: QTextDocument) -> bool:
    """``document`` holds a table (or another frame): its cells are blocks of their own, which
    neither a piece-by-piece open nor a unit-by-unit write may take apart, so it is opened
    and written whole."""
    return bool(document.rootFrame().childFrames())


def plain_paragraph(block) -> bool:
    """A paragraph (not a list item, heading, quote or code) that the writer writes as text."""
    fmt = block.blockFormat()
    return (
        block.textList() is None
        and fmt.headingLevel() == 0
        and not fmt.hasProperty(QTextFormat.Property.BlockQuoteLevel)
        and not fmt.hasProperty(QTextFormat.Property.BlockCodeFence)
        and not fmt.nonBreakableLines()
    )


def cuts(document: QTextDocument, text: str, base: int) -> list[int]:
    """Offsets in ``text`` of spaces to cut at, about ``PIECE`` characters apart."""
    return list(iter_cuts(document, text, base))


def iter_cuts(document: QTextDocument, text: str, base: int) -> Iterator[int]:
    """:func:`cuts`, one at a time (the editor opens a long text as it finds them). Each is an
    offset in Qt's units: a character beyond the first plane counts two (``astral``)."""
    text = astral.qt_units(text)
    probe = QTextCursor(document)
    pos = PIECE
    while pos < len(text) - 1:
        at = text.find(" ", pos, len(text) - 1)
        tries = 0
        while at != -1 and tries < _TRIES and not _cut_here(probe, text, base, at):
            at = text.find(" ", at + 1, len(text) - 1)
            tries += 1
        if at == -1:
            break
        if tries < _TRIES:
            yield at
            pos = at + PIECE
        else:
            pos = at + 1 + PIECE // 2


def _cut_here(probe: QTextCursor, text: str, base: int, at: int) -> bool:
    """A single space between two letters of plain text (letters: no list marker, heading
    or other mark begins the next piece, and no escape is needed there)."""
    if not (text[at - 1].isalnum() and text[at + 1].isalpha()):
        return False
    formats = []
    for offset in (at, at + 1, at + 2):  # the formats of the characters before, at and after
        probe.setPosition(base + offset)
        formats.append(probe.charFormat())
    return formats[0] == formats[1] == formats[2] and _plain(formats[1])


def _plain(fmt: QTextCharFormat) -> bool:
    return not (
        fmt.isAnchor()
        or fmt.fontItalic()
        or fmt.fontWeight() > QFont.Weight.Normal
        or fmt.fontUnderline()
        or fmt.fontStrikeOut()
        or fmt.fontFixedPitch()
    )
