"""Ctrl+K: a palette to jump to any item by name."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from briefbook.ui.context import UiContext
from briefbook.ui.dates import localise_dates
from briefbook.ui.labels import kind_label

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
_EMPHASIS = re.compile(r"\*\*|__")
CHANNEL = "quick-jump"
LIMIT = 30


class QuickJump(QDialog):
    """A popup: type a name, arrows to choose, Enter to open it; Escape closes."""

    jump = Signal(str, str)  # kind, item id

    def __init__(self, context: UiContext, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("quickJump")
        self.context = context
        self.setMinimumWidth(560)
        self.setStyleSheet("#quickJump { border: 1px solid #90a4ae; }")
        layout = QVBoxLayout(self)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("quickJumpEdit")
        self.edit.setClearButtonEnabled(True)
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #607d8b;")
        self.list = QListWidget(self)
        self.list.setObjectName("quickJumpList")
        self.list.setMinimumHeight(300)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        for widget in (self.edit, self.hint, self.list):
            layout.addWidget(widget)
        # Every key asks at once, with no pause (it was 120 ms): the searcher drops a search
        # a newer key overtook, and only the newest answer is shown.
        self.edit.textChanged.connect(self._search)
        self.edit.returnPressed.connect(self.choose)
        self.edit.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.choose())
        self.list.itemClicked.connect(lambda _item: self.choose())
        context.searcher.found.connect(self._found)
        self._ticket = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Go to… type a name (accents optional)"))
        self.hint.setText(self.tr("↑ ↓ to choose, Enter to open, Esc to close"))

    def popup(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            top = parent.mapToGlobal(parent.rect().topLeft())
            self.move(top.x() + (parent.width() - self.width()) // 2, top.y() + 60)
        self.edit.clear()
        self.list.clear()
        self.show()
        self.raise_()
        self.activateWindow()
        self.edit.setFocus()

    def _search(self) -> None:
        text = self.edit.text().strip()
        if not text:
            self.context.searcher.forget(CHANNEL)  # the answer to the last key is not wanted now
            self._ticket = 0
            self.list.clear()
            return
        # Titles only: the palette shows no extracts, so none is marked.
        self._ticket = self.context.searcher.request(CHANNEL, text, limit=LIMIT, snippets=False)

    def _found(self, channel: str, ticket: int, hits: object) -> None:
        if channel != CHANNEL or ticket != self._ticket or isinstance(hits, Exception):
            return
        self.list.clear()
        for hit in hits:  # type: ignore[attr-defined]
            title = localise_dates(_EMPHASIS.sub("", hit.title))  # titles of talking points are Markdown
            item = QListWidgetItem(f"{title}    — {kind_label(hit.kind)}")
            item.setData(HIT_ROLE, (hit.kind, hit.id))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def choose(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        kind, item_id = item.data(HIT_ROLE)
        self.hide()
        self.jump.emit(kind, item_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.list.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                self.list.setCurrentRow(max(0, min(self.list.count() - 1, self.list.currentRow() + step)))
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
