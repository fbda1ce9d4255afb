"""Search over the whole library: ranked hits with their snippets, click to open the item."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from briefbook.library import SearchHit
from briefbook.ui.accessibility import set_name
from briefbook.ui.context import UiContext
from briefbook.ui.dates import localise_dates
from briefbook.ui.delegates import KIND_LABEL_ROLE, SNIPPET_ROLE, SnippetDelegate
from briefbook.ui.delete_confirm import may_delete
from briefbook.ui.item_menu import ItemMenu, copy_link, duplicate_item
from briefbook.ui.labels import kind_label
from briefbook.ui.messages import user_message
from briefbook.ui.undo import run
from briefbook.ui.undo_items import DeleteItem

HIT_ROLE = Qt.ItemDataRole.UserRole + 20
LIMIT = 200
CHANNEL = "search-view"
# The best hits come marked (more than a screenful); the others' extracts are marked by the
# search thread right after the list is shown: marking 200 extracts took a third of a search.
MARKED_FIRST = 40
REST_CHANNEL = "search-view-rest"

_ROOT = QModelIndex()  # the invisible root: the default parent of Qt's model methods


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def set_snippets(self, snippets: dict[str, str]) -> None:
        """Give hits their marked extracts (by item id), where they have none yet."""
        changed = [row for row, hit in enumerate(self.hits) if not hit.snippet and snippets.get(hit.id)]
        for row in changed:
            self.hits[row] = replace(self.hits[row], snippet=snippets[self.hits[row].id])
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], 0))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.hits)):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return localise_dates(hit.title)
        if role == SNIPPET_ROLE:
            return hit.snippet
        if role == KIND_LABEL_ROLE:
            return kind_label(hit.kind)
        if role == HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.snippet.replace("[", "").replace("]", "")
        return None


class SearchView(QWidget):
    open_requested = Signal(str, str)  # kind, item id

    def __init__(self, context: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("view_search")
        self.context = context
        self.text = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.heading = QLabel(self)
        self.heading.setObjectName("searchHeading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.model = SearchResultsModel(self)
        self.list = QListView(self)
        self.list.setObjectName("searchResults")
        self.list.setModel(self.model)
        self.list.setItemDelegate(SnippetDelegate(self.list))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformItemSizes(True)  # every hit is as high as the next: nothing to lay out
        self.list.setWordWrap(True)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.activated.connect(self._open)
        self.list.clicked.connect(self._open)
        self.item_menu = ItemMenu(self, self.list, open_on_enter=False)  # Enter: ``activated`` opens
        layout.addWidget(self.list, 1)
        context.searcher.found.connect(self._found)
        self._ticket = 0
        self._rest_ticket = 0
        self.searching = False
        self.retranslate()

    def search(self, text: str) -> None:
        self.context.searcher.forget(REST_CHANNEL)  # extracts for the last text: not wanted now
        self._rest_ticket = 0  # one already on its way is dropped when it comes
        self.text = text.strip()
        if not self.text:
            self.context.searcher.forget(CHANNEL)
            self._ticket = 0  # an answer to the text before is not shown when it comes
            self.searching = False
            self.model.set_hits([])
            self.retranslate()
            return
        self.searching = True
        self._ticket = self.context.searcher.request(CHANNEL, self.text, limit=LIMIT, snippets=MARKED_FIRST)
        self.retranslate()

    def _found(self, channel: str, ticket: int, hits: object) -> None:
        if channel == REST_CHANNEL and ticket == self._rest_ticket and isinstance(hits, dict):
            self.model.set_snippets(hits)
            return
        if channel != CHANNEL or ticket != self._ticket:
            return
        self.searching = False
        if isinstance(hits, Exception):
            self.model.set_hits([])
            self.heading.setText(user_message(hits))
            return
        self.model.set_hits(hits)  # type: ignore[arg-type]
        self.retranslate()
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
        rest = [hit.id for hit in self.model.hits if not hit.snippet]
        if rest:
            text = self.text
            self._rest_ticket = self.context.searcher.request_read(
                REST_CHANNEL, lambda library, _current: library.snippets(text, rest)
            )

    def _open(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.open_requested.emit(hit.kind, hit.id)

    # -- the context menu's commands (briefbook.ui.item_menu) ----------------------------

    def _current_hit(self) -> SearchHit | None:
        index = self.list.currentIndex()
        return index.data(HIT_ROLE) if index.isValid() else None

    @property
    def kind(self) -> str:
        hit = self._current_hit()
        return hit.kind if hit else ""

    def selected_ids(self) -> list[str]:
        hit = self._current_hit()
        return [hit.id] if hit else []

    def open_current(self) -> None:
        self._open(self.list.currentIndex())

    def duplicate_selected(self, years: int = 0) -> str | None:
        hit = self._current_hit()
        if hit is None or self.context.model.read_only:
            return None
        copy_id = duplicate_item(self.context, hit.kind, hit.id, years)
        self.open_requested.emit(hit.kind, copy_id)
        return copy_id

    def copy_link(self) -> None:
        hit = self._current_hit()
        if hit is not None:
            copy_link(hit.id, hit.title)

    def delete_selected(self) -> None:
        hit = self._current_hit()
        if hit is None or self.context.model.read_only:
            return
        if not may_delete(self, self.context.library, hit.kind, [hit.id]):
            return
        run(self.context.stack, DeleteItem(self.context.model, hit.kind, hit.id))
        self.model.set_hits([h for h in self.model.hits if h.id != hit.id])
        self.retranslate()

    def retranslate(self) -> None:
        set_name(
            self.list,
            self.tr("Search results"),
            self.tr("The arrow keys choose a result, Enter opens it; the Menu key or Shift+F10 shows more."),
        )
        if hasattr(self, "item_menu"):
            self.item_menu.retranslate()
        if not self.text:
            self.heading.setText(
                self.tr("Type in the search field above (Ctrl+F) to search the whole library.")
            )
        elif self.searching:
            self.heading.setText(self.tr("Searching for “%1”…").replace("%1", self.text))
        else:
            count = self.model.rowCount()
            self.heading.setText(self.tr("%n result(s) for “%1”", "", count).replace("%1", self.text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.list.viewport().update()
        super().changeEvent(event)
