"""The document model as a ``QTextDocument``: what the book preview shows.

:class:`DocumentBuilder` appends the model's blocks with ``QTextCursor`` and
formats, never by writing HTML, so whatever a user typed (``<b>``, ``&``,
``]]>``) is shown as typed. Same content, same order as the PDF and DOCX: the
banner, the cover as a framed block, the contents as links to the headings,
tables, lists, images and profiles (photo beside text); page breaks are thin
rules. The boxed blocks (tables, profiles, images, the cover) are laid out by
:class:`briefbook.ui.preview_boxes.BoxedBlocks`.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLength,
    QTextListFormat,
)

from briefbook.document.model import (
    Block,
    Contents,
    Cover,
    Document,
    Heading,
    Image,
    ListBlock,
    PageBreak,
    Paragraph,
    Profile,
    Reference,
    Run,
    Table,
)
from briefbook.render.bidi_text import reads_from_right
from briefbook.ui import preview_pieces
from briefbook.ui.preview_boxes import BANNER, MUTED, BoxedBlocks

HEADING_SIZES = {1: 1.6, 2: 1.3, 3: 1.12}
LINK_COLOUR = QColor("#1a4f8b")
LINE_SEPARATOR = "\u2028"  # a line break inside one paragraph


class DocumentBuilder(BoxedBlocks):
    """Appends blocks of the model to one QTextDocument, at its end."""

    def __init__(self, document: Document, base_size: float):
        self.model = document
        self.doc = QTextDocument()
        self.doc.setDocumentMargin(18)
        font = QFont()
        font.setPointSizeF(base_size)
        self.doc.setDefaultFont(font)
        self.base = base_size
        self.cursor = QTextCursor(self.doc)
        self._first = True
        self._images = 0

    # -- formats -------------------------------------------------------------------------

    def char(
        self, run: Run | None = None, *, size: float | None = None, bold=False, italic=False, colour=None
    ):
        fmt = QTextCharFormat()
        fmt.setFontPointSize(size or self.base)
        if bold or (run is not None and run.bold):
            fmt.setFontWeight(QFont.Weight.Bold)
        if italic or (run is not None and run.italic):
            fmt.setFontItalic(True)
        if colour is not None:
            fmt.setForeground(QBrush(colour))
        if run is not None and run.strike:
            fmt.setFontStrikeOut(True)
        if run is not None and run.code:  # inline code, monospace as in the files and the editor
            fmt.setFontFixedPitch(True)
            fmt.setFontFamilies([QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()])
        if run is not None and run.link:
            fmt.setAnchor(True)
            fmt.setAnchorHref(run.link)
            fmt.setFontUnderline(True)
            fmt.setForeground(QBrush(LINK_COLOUR))
            fmt.setToolTip(run.link)
        return fmt

    def block(self, *, top=4.0, bottom=4.0, indent=0.0, align=Qt.AlignmentFlag.AlignLeft) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        fmt.setLeftMargin(indent)
        fmt.setAlignment(align)
        return fmt

    def new_block(self, fmt: QTextBlockFormat, char: QTextCharFormat | None = None) -> QTextCursor:
        """Start a paragraph at the end of the document (the first one reuses the empty block)."""
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        char = char or self.char()
        if self._first:
            self._first = False
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(char)
        else:
            self.cursor.insertBlock(fmt, char)
        return self.cursor

    @staticmethod
    def text(value: str) -> str:
        return value.replace("\r\n", "\n").replace("\n", LINE_SEPARATOR)

    def runs(self, cursor: QTextCursor, runs: list[Run], base: QTextCharFormat | None = None) -> None:
        for _ in self.runs_in_pieces(cursor, runs, base, None):
            pass

    def runs_in_pieces(
        self,
        cursor: QTextCursor,
        runs: list[Run],
        base: QTextCharFormat | None,
        follow: QTextBlockFormat | None,
    ) -> Iterator[None]:
        """Insert ``runs``; with a ``follow`` format, a long text goes into blocks of about
        ``preview_pieces.PIECE`` characters (each next one in ``follow``, without spacing),
        yielding after each piece (see :mod:`briefbook.ui.preview_pieces`)."""
        filled = 0
        for run in runs:
            fmt = self.char(run, size=base.fontPointSize() if base is not None else None)
            if base is not None and base.foreground().style() != Qt.BrushStyle.NoBrush and not run.link:
                fmt.setForeground(base.foreground())
            if base is not None and base.fontItalic():
                fmt.setFontItalic(True)
            rest = self.text(run.text)
            while follow is not None and filled + len(rest) > preview_pieces.PIECE:
                end, resume = preview_pieces.cut(rest, preview_pieces.PIECE - filled)
                cursor.insertText(rest[:end], fmt)
                rest = rest[resume:]
                ended = cursor.blockFormat()
                ended.setBottomMargin(0)
                cursor.setBlockFormat(ended)
                cursor.insertBlock(follow, base if base is not None else self.char())
                filled = 0
                yield
            cursor.insertText(rest, fmt)
            filled += len(rest)

    # -- blocks ----------------------------------------------------------------------------

    def add_steps(self, block: Block) -> Iterator[None]:
        """Add ``block``, yielding after each piece of a long text and each list item (the
        preview's time slices: a 1 MB point can be one list of thousands of short items)."""
        if isinstance(block, Paragraph) and preview_pieces.is_long(block):
            yield from self.paragraph_steps(block)
        elif isinstance(block, ListBlock):
            yield from self.list_steps(block, 1)
        else:
            self.add(block)

    def add(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, ListBlock):
            self.list_block(block, 1)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Image):
            self.image(block)
        elif isinstance(block, Profile):
            self.profile(block)
        elif isinstance(block, Reference):  # a cross-reference: the exports add its page number
            self.paragraph(Paragraph([*block.runs, Run(" →")], "body"))
        elif isinstance(block, PageBreak):
            self.page_break()
        elif isinstance(block, Contents):
            self.contents(block)
        elif isinstance(block, Cover):
            self.cover(block)

    def draft_word(self) -> str:
        return "DỰ THẢO" if self.model.meta.language.startswith("vi") else "DRAFT"

    def banner(self) -> None:
        """The classification (and draft mark) the renderers print on every page, once at the top."""
        meta = self.model.meta
        words = " · ".join(w for w in (meta.banner, self.draft_word() if meta.draft else "") if w)
        if words:
            cursor = self.new_block(self.block(bottom=10, align=Qt.AlignmentFlag.AlignCenter))
            cursor.insertText(words, self.char(bold=True, colour=BANNER, size=self.base * 0.9))

    def heading(self, heading: Heading) -> None:
        level = max(1, min(heading.level, 3))
        fmt = self.block(top=14 if level == 1 else 10, bottom=6)
        fmt.setHeadingLevel(level)
        char = self.char(size=self.base * HEADING_SIZES[level], bold=True)
        cursor = self.new_block(fmt, char)
        anchored = QTextCharFormat(char)
        anchored.setAnchor(True)
        anchored.setAnchorNames([heading.anchor])
        cursor.insertText(self.text(heading.text), anchored)

    def paragraph(self, paragraph: Paragraph, cursor: QTextCursor | None = None, new: bool = True) -> None:
        for _ in self.paragraph_steps(paragraph, cursor, new):
            pass

    def paragraph_steps(
        self, paragraph: Paragraph, cursor: QTextCursor | None = None, new: bool = True
    ) -> Iterator[None]:
        style = paragraph.style
        indent = 24.0 if style == "quote" else 0.0
        fmt = self.block(top=8 if style == "label" else 3, bottom=2 if style == "label" else 4, indent=indent)
        directed(fmt, paragraph.runs)
        base = self.char(
            size=self.base * (0.88 if style == "note" else 1.0),
            bold=style == "label",
            italic=style == "quote",
            colour=MUTED if style == "note" else None,
        )
        if cursor is None:
            cursor = self.new_block(fmt, base)
        elif new:
            cursor.insertBlock(fmt, base)
        else:
            cursor.setBlockFormat(fmt)
        follow = None
        if preview_pieces.runs_length(paragraph.runs) > preview_pieces.LONG:
            follow = QTextBlockFormat(fmt)
            follow.setTopMargin(0)
        yield from self.runs_in_pieces(cursor, paragraph.runs, base, follow)

    def list_block(self, block: ListBlock, level: int) -> None:
        """Each item is a fresh block added to one QTextList; a nested list follows its item."""
        for _ in self.list_steps(block, level):
            pass

    def list_steps(self, block: ListBlock, level: int) -> Iterator[None]:
        """:meth:`list_block`, yielding after each item and each piece of a long one (a piece
        after the first is a block outside the list, indented as the item's text). Every
        ``preview_pieces.GROUP`` items the list goes on in a new one, numbered on (see
        :mod:`briefbook.ui.preview_pieces`)."""
        list_format = QTextListFormat()
        list_format.setStyle(
            QTextListFormat.Style.ListDecimal if block.ordered else QTextListFormat.Style.ListDisc
        )
        list_format.setIndent(level)
        text_list = None
        for number, item in enumerate(block.items):
            cursor = self.new_block(directed(self.block(top=2, bottom=2), item.runs))
            if number % preview_pieces.GROUP == 0:
                list_format.setStart(number + 1)
                text_list = cursor.createList(list_format)
            else:
                text_list.add(cursor.block())
            follow = None
            if preview_pieces.runs_length(item.runs) > preview_pieces.LONG:
                follow = directed(self.block(top=0, bottom=2), item.runs)
                follow.setIndent(level)
            yield from self.runs_in_pieces(cursor, item.runs, None, follow)
            if item.children is not None:
                yield from self.list_steps(item.children, level + 1)
            for part in item.more:  # later paragraphs of the item, then its further lists
                if isinstance(part, ListBlock):
                    yield from self.list_steps(part, level + 1)
                else:
                    fmt = directed(self.block(top=2, bottom=2), part.runs)
                    fmt.setIndent(level + 1)
                    follow = None
                    if preview_pieces.runs_length(part.runs) > preview_pieces.LONG:
                        follow = QTextBlockFormat(fmt)
                        follow.setTopMargin(0)
                    yield from self.runs_in_pieces(self.new_block(fmt), part.runs, None, follow)
            yield

    def page_break(self) -> None:
        fmt = self.block(top=10, bottom=10)
        fmt.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth, QTextLength())
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysAfter)
        self.new_block(fmt)

    def contents(self, contents: Contents) -> None:
        fmt = self.block(top=14, bottom=6)
        fmt.setHeadingLevel(1)
        cursor = self.new_block(fmt, self.char(size=self.base * HEADING_SIZES[1], bold=True))
        cursor.insertText(self.text(contents.title), self.char(size=self.base * HEADING_SIZES[1], bold=True))
        for heading in self.model.headings(contents.levels):
            cursor = self.new_block(self.block(top=1, bottom=1, indent=18.0 * (heading.level - 1)))
            link = self.char(Run(heading.text, bold=heading.level == 1, link="#" + heading.anchor))
            link.setFontUnderline(False)
            cursor.insertText(self.text(heading.text), link)

    def note(self, text: str) -> None:
        fmt = self.block(top=16, bottom=8, align=Qt.AlignmentFlag.AlignCenter)
        cursor = self.new_block(fmt)
        cursor.insertText(text, self.char(italic=True, colour=MUTED))


def directed(fmt: QTextBlockFormat, runs: list[Run]) -> QTextBlockFormat:
    """``fmt`` laid out in the paragraph's direction by the rule the PDF and the Word file
    follow (:func:`briefbook.render.bidi_text.reads_from_right`: the book's, unless the
    paragraph is written in a right-to-left script). Qt's own rule, the first strong letter,
    showed a Vietnamese paragraph that begins with an Arabic name from the right."""
    rtl = reads_from_right("".join(r.text for r in runs))
    fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    return fmt


def build_document(
    document: Document, base_size: float = 10.5, max_blocks: int | None = None
) -> QTextDocument:
    """The whole preview document at once (tests and small books); see :class:`BookPreview`."""
    builder = DocumentBuilder(document, base_size)
    builder.banner()
    blocks = document.blocks if max_blocks is None else document.blocks[:max_blocks]
    for block in blocks:
        builder.add(block)
    return builder.doc
