"""How cells look: coloured badges for kind/status/classification, highlighted search snippets."""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

from briefbook.ui.html_text import escape
from briefbook.ui.table_model import VALUE_ROLE

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

_STATUS = {"draft": "#8d8d8d", "for_clearance": "#c77700", "cleared": "#2e7d32"}
_KIND = {
    "key_message": "#1565c0",
    "proactive": "#00838f",
    "reactive": "#6a1b9a",
    "press_line": "#ad1457",
    "qa": "#5d4037",
}
_LEVELS = ("#2e7d32", "#1565c0", "#d84315", "#b71c1c")  # lowest level first
_NEUTRAL = "#546e7a"


def badge_colour(field: str, value: str, levels: list[str] | None = None) -> QColor:
    """The colour of a badge; the text always says the same thing (colour is never alone)."""
    if field == "status":
        return QColor(_STATUS.get(value, _NEUTRAL))
    if field == "kind":
        return QColor(_KIND.get(value, _NEUTRAL))
    if field in ("classification", "ceiling") and levels and value in levels:
        rank = levels.index(value)
        step = rank * (len(_LEVELS) - 1) // max(1, len(levels) - 1)
        return QColor(_LEVELS[step])
    return QColor(_NEUTRAL)


class BadgeDelegate(QStyledItemDelegate):
    """Draws the cell's text on a rounded coloured badge.

    A table repaints a hundred badges at a time (each scroll, each page of rows that
    arrives), and most of them are alike ("Draft", "Cleared", "Public"): each badge is
    drawn once into a pixmap, kept for its text, colour, size and font, and copied to
    the cell at every later paint. An antialiased rounded rectangle, an elided text and
    a text width per cell took most of a repaint's time.
    """

    CACHE = 512

    def __init__(self, field: str, levels_source=None, parent=None):
        super().__init__(parent)
        self.field = field
        self._levels_source = levels_source  # callable -> list of classification levels
        self._badges: OrderedDict[tuple, QPixmap] = OrderedDict()
        self._colours: dict[tuple, QColor] = {}
        self._advances: dict[tuple[str, str], int] = {}
        self._sizes: dict[tuple, QSize] = {}
        self._painting = False  # inside Qt's paint of a cell (see paint)
        self._painted: tuple = ("", None, None, None)  # that cell's text, font, metrics and rect

    def _colour(self, value: str) -> QColor:
        levels = self._levels_source() if self._levels_source else None
        key = (value, tuple(levels) if levels else ())
        colour = self._colours.get(key)
        if colour is None:
            colour = self._colours[key] = badge_colour(self.field, value, levels)
        return colour

    def _advance(self, text: str, font: QFont, metrics: QFontMetrics) -> int:
        key = (text, font.key())
        advance = self._advances.get(key)
        if advance is None:
            advance = self._advances[key] = metrics.horizontalAdvance(text)
        return advance

    def _badge(self, text: str, colour: QColor, size: tuple[int, int], font: QFont, ratio: float) -> QPixmap:
        key = (text, colour.rgba(), size, font.key(), ratio)
        pixmap = self._badges.get(key)
        if pixmap is not None:
            self._badges.move_to_end(key)
            return pixmap
        width, height = size
        pixmap = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        rect = QRectF(0, 0, width, height)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.setFont(font)
        elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width - 10)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, elided)
        painter.end()
        self._badges[key] = pixmap
        if len(self._badges) > self.CACHE:
            self._badges.popitem(last=False)
        return pixmap

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        """The cell as Qt draws it without its text (selection, focus, background), then the badge.

        Qt's own paint draws the cell (``CE_ItemViewItem``) with the option that
        :meth:`initStyleOption` prepared, which takes the text out while painting: the same
        drawing as asking the style in Python, without making PySide's ``QStyle`` class
        and its 18 enums before the first table is painted (about 5 ms of a start).
        """
        self._painted = ("", None, None, None)
        self._painting = True
        try:
            super().paint(painter, option, index)
        finally:
            self._painting = False
        text, font, metrics, cell = self._painted
        if not text:
            return
        colour = self._colour(str(index.data(VALUE_ROLE) or ""))
        width = min(self._advance(text, font, metrics) + 14, cell.width() - 6)
        height = min(metrics.height() + 4, cell.height() - 4)
        if width <= 0 or height <= 0:
            return
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        pixmap = self._badge(text, colour, (width, height), font, ratio)
        painter.drawPixmap(QPointF(cell.x() + 3, cell.center().y() - height / 2 + 1), pixmap)

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        """Qt's preparation of a cell; while painting, its text is kept for the badge and left out."""
        super().initStyleOption(option, index)
        if self._painting:
            self._painted = (
                option.text,
                QFont(option.font),
                QFontMetrics(option.fontMetrics),
                QRect(option.rect),
            )
            option.text = ""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        """The badge's size: the cell's own, with room for the rounded ends.

        Kept for what it depends on: the cell's text, and the view's font, cell size,
        features and direction (the table model gives no font, icon, check state or size
        of its own: :data:`briefbook.ui.table_model._ANSWERED`). Fitting the columns to the
        first 200 rows asked Qt's size of 600 badge cells, most of them alike ("Draft",
        "Public"), each through every role of the cell: 10.3 -> 8.0 ms a fit (CPU, 50,000
        points, medians of 15 in one process).
        """
        rect = option.rect
        key = (index.data(), option.font.key(), rect.width(), rect.height(), option.features.value)
        key += (option.direction.value,)
        size = self._sizes.get(key)
        if size is None:
            hint = super().sizeHint(option, index)
            size = QSize(hint.width() + 20, max(hint.height(), option.fontMetrics.height() + 8))
            if len(self._sizes) > self.CACHE:
                self._sizes.clear()
            self._sizes[key] = size
        return QSize(size)


_QSTYLE: list[type] = []


def _qstyle() -> type:
    """PySide's ``QStyle`` class, made when a search result is first painted (not at start)."""
    if not _QSTYLE:
        from PySide6.QtWidgets import QStyle

        _QSTYLE.append(QStyle)
    return _QSTYLE[0]


def _new_document() -> QTextDocument:
    """A new ``QTextDocument``; PySide makes its class (its enums, the text layout's classes: about
    5 M instructions) when a search result is first painted, not with the first table."""
    from PySide6.QtGui import QTextDocument

    return QTextDocument()


_MARK = re.compile(r"\[([^\[\]]*)\]")


_EMPHASIS = re.compile(r"\*\*|__")


def snippet_html(snippet: str) -> str:
    """A search snippet as HTML: the text escaped first, then [matches] in bold on yellow."""
    escaped = escape(_EMPHASIS.sub("", snippet), quote=False)
    marked = _MARK.sub(r'<b style="background-color:#ffe680; color:#000000;">\1</b>', escaped)
    return marked.replace("\n", " ")


TITLE_ROLE = Qt.ItemDataRole.DisplayRole
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 10
KIND_LABEL_ROLE = Qt.ItemDataRole.UserRole + 11


SNIPPET_LINES = 2  # a hit is its title line and at most this many lines of snippet


class SnippetDelegate(QStyledItemDelegate):
    """A search hit in a fixed height: kind and title on one line, then the snippet, matches highlighted.

    Every row has the same height (the list sets ``uniformItemSizes``), so showing
    200 hits lays out none of them: the old delegate built a ``QTextDocument`` from
    HTML in every ``sizeHint`` call, 200 of them on the GUI thread for each result
    list. Only the rows on screen are painted; each one's snippet document is built
    once and kept (a few hundred at most) while the list shows it.
    """

    CACHE = 256

    def __init__(self, parent=None):
        super().__init__(parent)
        self._documents: OrderedDict[tuple, QTextDocument] = OrderedDict()

    def _snippet(
        self, option: QStyleOptionViewItem, index: QModelIndex, width: int, colour: str
    ) -> QTextDocument:
        snippet = str(index.data(SNIPPET_ROLE) or "")
        key = (snippet, width, colour, option.font.key())
        doc = self._documents.get(key)
        if doc is None:
            doc = _new_document()
            doc.setDocumentMargin(0)
            doc.setDefaultFont(option.font)
            doc.setHtml(f'<div style="color:{colour}">{snippet_html(snippet)}</div>')
            doc.setTextWidth(width)
            self._documents[key] = doc
            if len(self._documents) > self.CACHE:
                self._documents.popitem(last=False)
        else:
            self._documents.move_to_end(key)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        QStyle = _qstyle()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = opt.palette.color(role)
        muted = colour if selected else QColor("#546e7a")
        kind = str(index.data(KIND_LABEL_ROLE) or "") + " · "
        title = _EMPHASIS.sub("", str(index.data(TITLE_ROLE) or ""))
        rect = opt.rect.adjusted(4, 3, -4, -3)
        metrics = QFontMetrics(opt.font)
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(muted)
        painter.setFont(opt.font)
        line = QRect(rect.x(), rect.y(), rect.width(), metrics.lineSpacing())
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, kind)
        used = metrics.horizontalAdvance(kind)
        painter.setPen(colour)
        painter.setFont(bold)
        elided = QFontMetrics(bold).elidedText(
            title, Qt.TextElideMode.ElideRight, max(0, rect.width() - used)
        )
        painter.drawText(
            line.adjusted(used, 0, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
        )
        doc = self._snippet(opt, index, max(100, rect.width()), colour.name())
        painter.translate(rect.x(), rect.y() + metrics.lineSpacing())
        doc.drawContents(painter, QRectF(0, 0, rect.width(), SNIPPET_LINES * metrics.lineSpacing()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        """The same for every row: a title line and :data:`SNIPPET_LINES` lines, from the font alone."""
        metrics = QFontMetrics(option.font)
        return QSize(600, (1 + SNIPPET_LINES) * metrics.lineSpacing() + 8)
