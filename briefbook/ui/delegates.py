"""How cells look: coloured badges for kind/status/classification, highlighted search snippets."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from briefbook.ui.table_model import VALUE_ROLE

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
    """Draws the cell's text on a rounded coloured badge."""

    def __init__(self, field: str, levels_source=None, parent=None):
        super().__init__(parent)
        self.field = field
        self._levels_source = levels_source  # callable -> list of classification levels

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if not text:
            return
        levels = self._levels_source() if self._levels_source else None
        colour = badge_colour(self.field, str(index.data(VALUE_ROLE) or ""), levels)
        metrics = opt.fontMetrics
        width = min(metrics.horizontalAdvance(text) + 14, opt.rect.width() - 6)
        height = min(metrics.height() + 4, opt.rect.height() - 4)
        rect = QRectF(opt.rect.x() + 3, opt.rect.center().y() - height / 2 + 1, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor("white"))
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width) - 10)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 20, max(size.height(), option.fontMetrics.height() + 8))


_MARK = re.compile(r"\[([^\[\]]*)\]")


_EMPHASIS = re.compile(r"\*\*|__")


def snippet_html(snippet: str) -> str:
    """A search snippet as HTML: the text escaped first, then [matches] in bold on yellow."""
    escaped = html.escape(_EMPHASIS.sub("", snippet), quote=False)
    marked = _MARK.sub(r'<b style="background-color:#ffe680; color:#000000;">\1</b>', escaped)
    return marked.replace("\n", " ")


TITLE_ROLE = Qt.ItemDataRole.DisplayRole
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 10
KIND_LABEL_ROLE = Qt.ItemDataRole.UserRole + 11


class SnippetDelegate(QStyledItemDelegate):
    """A search hit in two lines: kind and title, then the snippet with its matches highlighted."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = option.palette.color(role).name()
        muted = colour if selected else "#546e7a"
        kind = html.escape(str(index.data(KIND_LABEL_ROLE) or ""))
        title = html.escape(_EMPHASIS.sub("", str(index.data(TITLE_ROLE) or "")))
        doc.setHtml(
            f'<div style="color:{colour}"><span style="color:{muted}">{kind}</span> · <b>{title}</b>'
            f"<br/>{snippet_html(str(index.data(SNIPPET_ROLE) or ''))}</div>"
        )
        doc.setTextWidth(max(100, option.rect.width() - 8))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(opt, index)
        painter.save()
        painter.translate(opt.rect.x() + 4, opt.rect.y() + 3)
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = opt.rect.width() if opt.rect.width() > 0 else 600
        opt.rect.setWidth(width)
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 6)
