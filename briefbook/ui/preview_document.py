"""The document model as a ``QTextDocument``: what the book preview shows.

:class:`DocumentBuilder` appends the model's blocks with ``QTextCursor`` and
formats, never by writing HTML, so whatever a user typed (``<b>``, ``&``,
``]]>``) is shown as typed. Same content, same order as the PDF and DOCX: the
banner, the cover as a framed block, the contents as links to the headings,
tables, lists, images and profiles (photo beside text); page breaks are thin
rules.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextListFormat,
    QTextTableFormat,
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
from briefbook.ui import preview_pieces

PX_PER_MM = 96 / 25.4
HEADING_SIZES = {1: 1.6, 2: 1.3, 3: 1.12}
LINK_COLOUR = QColor("#1a4f8b")
MUTED = QColor("#5f6368")
BANNER = QColor("#b3261e")
LINE_SEPARATOR = "\u2028"  # a line break inside one paragraph


class DocumentBuilder:
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
        """Add ``block``, yielding after each piece of a long text (the preview's time slices)."""
        if isinstance(block, Paragraph) and preview_pieces.is_long(block):
            yield from self.paragraph_steps(block)
        elif isinstance(block, ListBlock) and preview_pieces.is_long(block):
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
        after the first is a block outside the list, indented as the item's text)."""
        list_format = QTextListFormat()
        list_format.setStyle(
            QTextListFormat.Style.ListDecimal if block.ordered else QTextListFormat.Style.ListDisc
        )
        list_format.setIndent(level)
        text_list = None
        for item in block.items:
            cursor = self.new_block(self.block(top=2, bottom=2))
            if text_list is None:
                text_list = cursor.createList(list_format)
            else:
                text_list.add(cursor.block())
            follow = None
            if preview_pieces.runs_length(item.runs) > preview_pieces.LONG:
                follow = self.block(top=0, bottom=2)
                follow.setIndent(level)
            yield from self.runs_in_pieces(cursor, item.runs, None, follow)
            if item.children is not None:
                yield from self.list_steps(item.children, level + 1)
            for part in item.more:  # later paragraphs of the item, then its further lists
                if isinstance(part, ListBlock):
                    yield from self.list_steps(part, level + 1)
                else:
                    fmt = self.block(top=2, bottom=2)
                    fmt.setIndent(level + 1)
                    follow = None
                    if preview_pieces.runs_length(part.runs) > preview_pieces.LONG:
                        follow = QTextBlockFormat(fmt)
                        follow.setTopMargin(0)
                    yield from self.runs_in_pieces(self.new_block(fmt), part.runs, None, follow)
            yield

    def table(self, table: Table) -> None:
        columns = max([len(row) for row in table.header] + [len(row) for row in table.rows] + [1])
        rows = len(table.header) + len(table.rows)
        if rows == 0:
            return
        fmt = QTextTableFormat()
        fmt.setCellPadding(4)
        fmt.setCellSpacing(0)
        fmt.setBorder(0.5)
        fmt.setBorderBrush(QBrush(QColor("#9e9e9e")))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setHeaderRowCount(len(table.header))
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fmt.setTopMargin(4)
        fmt.setBottomMargin(6)
        widths = table.widths if table.widths and len(table.widths) == columns else [1.0] * columns
        total = sum(widths) or 1.0
        fmt.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, 100 * w / total) for w in widths]
        )
        self.new_block(self.block(top=0, bottom=0))
        text_table = self.cursor.insertTable(rows, columns, fmt)
        header_brush = QBrush(QColor("#eef1f5"))
        for r, row in enumerate([*table.header, *table.rows]):
            for c in range(columns):
                cell_cursor = text_table.cellAt(r, c).firstCursorPosition()
                if r < len(table.header):
                    cell_format = text_table.cellAt(r, c).format()
                    cell_format.setBackground(header_brush)
                    text_table.cellAt(r, c).setFormat(cell_format)
                for i, paragraph in enumerate(row[c] if c < len(row) else []):
                    self.paragraph(paragraph, cell_cursor, new=i > 0)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)

    def _image(self, data: bytes, max_width_px: float) -> QTextImageFormat | None:
        image = QImage.fromData(data)
        if image.isNull():
            return None
        self._images += 1
        name = f"briefbook-image://{self._images}"
        self.doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        fmt = QTextImageFormat()
        fmt.setName(name)
        width = min(float(image.width()), max_width_px)
        fmt.setWidth(width)
        fmt.setHeight(image.height() * width / max(1, image.width()))
        return fmt

    def image(self, image: Image) -> None:
        fmt = self._image(image.data, image.max_width_mm * PX_PER_MM)
        cursor = self.new_block(self.block(top=6, bottom=2, align=Qt.AlignmentFlag.AlignCenter))
        if fmt is not None:
            cursor.insertImage(fmt)
        if image.caption:
            caption = self.block(top=0, bottom=6, align=Qt.AlignmentFlag.AlignCenter)
            cursor = self.new_block(caption)
            cursor.insertText(self.text(image.caption), self.char(size=self.base * 0.88, colour=MUTED))

    def profile(self, profile: Profile) -> None:
        fmt = QTextTableFormat()
        fmt.setBorder(0)
        fmt.setCellPadding(3)
        fmt.setTopMargin(6)
        fmt.setBottomMargin(6)
        fmt.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.FixedLength, 96), QTextLength(QTextLength.Type.VariableLength, 0)]
        )
        self.new_block(self.block(top=0, bottom=0))
        text_table = self.cursor.insertTable(1, 2, fmt)
        photo_cursor = text_table.cellAt(0, 0).firstCursorPosition()
        picture = self._image(profile.photo, 88) if profile.photo else None
        if picture is not None:
            photo_cursor.insertImage(picture)
        cursor = text_table.cellAt(0, 1).firstCursorPosition()
        name = self.char(size=self.base * 1.08, bold=True)
        if profile.anchor:
            name.setAnchor(True)
            name.setAnchorNames([profile.anchor])
        cursor.insertText(self.text(profile.name), name)
        for line in profile.lines:
            self.paragraph(line, cursor, new=True)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)

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

    def cover(self, cover: Cover) -> None:
        frame = QTextFrameFormat()
        frame.setBorder(1)
        frame.setBorderBrush(QBrush(QColor("#9e9e9e")))
        frame.setPadding(24)
        frame.setMargin(4)
        frame.setBackground(QBrush(QColor("#fbfbf8")))
        self.new_block(self.block(top=0, bottom=0))
        inner = self.cursor.insertFrame(frame)
        cursor = inner.firstCursorPosition()
        centre = Qt.AlignmentFlag.AlignCenter
        lines: list[tuple[str, QTextCharFormat, float]] = []
        if cover.classification:
            lines.append((cover.classification, self.char(bold=True, colour=BANNER), 4))
        if cover.draft:
            lines.append((self.draft_word(), self.char(bold=True, colour=BANNER), 4))
        lines.append((cover.title, self.char(size=self.base * 2.0, bold=True), 28))
        for text, size, italic in (
            (cover.subtitle, 1.25, False),
            (cover.event, 1.1, False),
            (cover.place_and_dates, 1.0, False),
        ):
            if text:
                lines.append((text, self.char(size=self.base * size, italic=italic), 8))
        for text in (
            cover.recipient,
            cover.issue_date,
            cover.drafted_by,
            cover.cleared_by,
            cover.copy_number,
        ):
            if text:
                lines.append((text, self.char(colour=MUTED), 4))
        for i, (text, fmt, top) in enumerate(lines):
            if i:
                cursor.insertBlock(self.block(top=top, bottom=2, align=centre), fmt)
            else:
                cursor.setBlockFormat(self.block(top=top, bottom=2, align=centre))
            cursor.insertText(self.text(text), fmt)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)

    def note(self, text: str) -> None:
        fmt = self.block(top=16, bottom=8, align=Qt.AlignmentFlag.AlignCenter)
        cursor = self.new_block(fmt)
        cursor.insertText(text, self.char(italic=True, colour=MUTED))


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
