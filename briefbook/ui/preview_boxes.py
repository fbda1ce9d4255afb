"""The boxed parts of the book preview: tables, profiles (photo beside text), images and the cover.

Each is a ``QTextTable`` or ``QTextFrame`` with its own format, filled through the
text methods of :class:`briefbook.ui.preview_document.DocumentBuilder` (``paragraph``,
``char``, ``block``, ``new_block``, ``text``), so that what a user typed is shown as
typed inside a box too. Kept apart from the running text because each box lays out
its own grid and frame, and ends with the builder's cursor back after it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextTableFormat,
)

from briefbook.document.model import Cover, Image, Profile, Table

PX_PER_MM = 96 / 25.4
MUTED = QColor("#5f6368")
BANNER = QColor("#b3261e")


class BoxedBlocks:
    """Mixed into :class:`~briefbook.ui.preview_document.DocumentBuilder`, whose attributes it uses."""

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
