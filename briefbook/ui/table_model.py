"""The table of one collection: a thin, lazily fetched model over ``Library.list``.

Rows come in pages (``canFetchMore``/``fetchMore`` → ``Library.page``), each
starting after the last row shown (keyset pagination, never ``OFFSET``), read by
the search thread and shown when they arrive: scrolling 75,000 talking points
never makes the window wait for SQLite. Typing in the filter runs
the full-text search (off the GUI thread) and shows its hits; the topic,
status and classification combos become ``where=`` equalities. What the user
changes in the filter is read off the GUI thread too (``set_filter(...,
background=True)``): emptying the filter lists the first page of the whole
table again, a sort of every row (30-130 ms on 75,000 talking points).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cmp_to_key
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from briefbook.errors import NotFound
from briefbook.library import Record, TalkingPoint
from briefbook.library.records import record_type
from briefbook.ui.columns import CHOICE_FIELDS, COLUMNS, REFERENCES, plain_summary, wrapped_tooltip
from briefbook.ui.context import UiContext
from briefbook.ui.dates import format_date
from briefbook.ui.labels import choice_label, display_name, field_label, level_label
from briefbook.ui.notifier import ADDED, DELETED, ORDER, UPDATED

ID_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # the stored value of the cell's field
MIME_IDS = "application/x-briefbook-item-ids"
Index = QModelIndex | QPersistentModelIndex

DATE_FIELDS = ("start_date", "end_date", "date", "starts_at", "ends_at", "updated_at", "last_export_at")
TOOLTIP_FIELDS = ("title", "name", "speaker_name", "occasion", "venue", "position", "city", "hosts")
TOOLTIP_FROM = 40  # characters: shorter cells are read whole in the table
_ROOT = QModelIndex()  # the invisible root: the default parent of Qt's model methods


def vietnamese_collator() -> QCollator:
    """Qt's Vietnamese alphabetical order (ICU), numbers by value: the order of every list.

    The core's :func:`briefbook.collation.sort_key` gives the same order to the
    command line, the exports and the library's ``ORDER BY`` (tests compare them).
    """
    collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    collator.setNumericMode(True)
    return collator


@dataclass(frozen=True)
class _Page:
    """The first page of a selection read off the GUI thread, its total and its order."""

    rows: list[Record]
    total: int
    order: tuple[str | None, bool]
    cursor: tuple | None = None
    numbers: dict[str, int] | None = None  # talking points: each one's number in its topic


@dataclass(frozen=True)
class _More:
    """The next page of the rows shown, read off the GUI thread; ``generation``: of which selection."""

    rows: list[Record]
    cursor: tuple | None
    generation: int
    numbers: dict[str, int] | None = None


def numbers_of(library, rows: list[Record]) -> dict[str, int] | None:
    """The numbers of a page's talking points, read with the page (on the search thread)."""
    points = [r.id for r in rows if isinstance(r, TalkingPoint)]
    return library.point_numbers(points) if points else None


class RecordTableModel(QAbstractTableModel):
    PAGE = 200
    SEARCH_LIMIT = 500

    reorder_requested = Signal(str, list, list)  # topic id, old order, new order
    search_failed = Signal(object)
    loaded = Signal()

    def __init__(self, context: UiContext, kind: str, parent=None):
        super().__init__(parent)
        self.context, self.kind = context, kind
        self.record_class = record_type(kind)
        self.columns = list(COLUMNS[kind])
        self.fields = [c.name.lower() for c in self.columns]
        self._rows: list[Record] = []
        self._total = 0
        self._where: dict[str, Any] = {}
        self._text = ""
        self._order: str | None = None
        self._descending = False
        self._sorted: tuple[str | None, bool] | None = None  # the order of the rows loaded
        self._names: dict[str, dict[str, str]] = {}
        self._numbers: dict[str, dict[str, int]] = {}  # topic id -> point id -> number shown
        self._read_numbers: dict[str, int] = {}  # point id -> number, read with its page
        self._channel = f"table:{kind}:{id(self)}"
        self._more_channel = self._channel + ":more"
        self._ticket = 0
        self._cursor: tuple | None = None  # where the next page starts (the last row's sort values)
        self._generation = 0  # of the rows shown: a page read for older rows is dropped
        self._fetching = False  # a next page is being read
        self.searching = False
        # A header clicked by the user: the rows in the new order are read by the search thread
        # (sorting 75,000 talking points by topic takes 30-130 ms). Off until the table is shown
        # once, so that code which sorts and then reads the rows gets them at once.
        self.sort_in_background = False
        context.model.changed.connect(self._on_changed)
        context.model.library_opened.connect(self.reload)
        context.searcher.found.connect(self._on_found)

    # -- filters and sorting -----------------------------------------------------------

    @property
    def where(self) -> dict[str, Any]:
        return dict(self._where)

    @property
    def text(self) -> str:
        return self._text

    @property
    def total(self) -> int:
        return self._total

    @property
    def sorted_by(self) -> tuple[str | None, bool] | None:
        """The (field, descending) order of the rows shown; ``None`` while they are being read."""
        return self._sorted

    def set_filter(
        self, *, where: dict[str, Any] | None = None, text: str | None = None, background: bool = False
    ) -> None:
        """Show another selection; ``background``: read it off the GUI thread (``loaded`` follows).

        The filter bar's changes come in the background, so that typing or emptying it
        never makes the window wait; code that needs the rows at once (showing an item)
        reads them here. The same items, another selection: names and numbers still hold.
        """
        if where is not None:
            self._where = {k: v for k, v in where.items() if v not in (None, "")}
        if text is not None:
            self._text = text.strip()
        if background and not self._text and self.context.model.is_open:
            self._request_page()
            return
        self.reload(fresh=False)

    def column_of(self, field: str) -> int:
        return self.fields.index(field)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.fields):
            wanted = (self.fields[column], order == Qt.SortOrder.DescendingOrder)
            if wanted == self._sorted or (self.searching and wanted == (self._order, self._descending)):
                return  # Qt asks twice for one sortByColumn(): the rows are (or come) in this order
            background = self.sort_in_background and self._sorted is not None and not self._text
            self._order, self._descending = wanted
            if background and self.context.model.is_open:
                self._request_page()  # the rows shown stay until the new order's arrive
                return
            self.reload(fresh=False)

    # -- loading ------------------------------------------------------------------------

    def reload(self, keep: int = 0, *, fresh: bool = True) -> None:
        """Load the first page again (at least ``keep`` rows, to keep the scroll position).

        ``fresh``: the library may have changed, so the names of linked items and the
        talking points' numbers are read again; a new filter or order (``fresh=False``)
        keeps them, so typing in the filter does not read them again at every key.
        """
        if fresh:
            self._names.clear()
            self._forget_numbers()
        self.context.searcher.forget(self._channel)  # read here now: a pending answer is stale
        self._ticket = 0  # and one already on its way is dropped when it comes
        self._forget_more()
        self.searching = False
        if not self.context.model.is_open:
            self._reset([], 0)
            self._sorted = None
            return
        if self._text:
            self.searching = True
            self._sorted = None
            self._ticket = self.context.searcher.request(
                self._channel, self._text, kinds=(self.kind,), limit=self.SEARCH_LIMIT, records=True
            )
            return
        library = self.context.library
        total = library.count(self.kind, where=self._where or None)
        page = self._page(library, limit=max(self.PAGE, keep), after=None)
        self._cursor = page.cursor
        self._reset(page.records, total)
        self._sorted = (self._order, self._descending)

    def _request_page(self) -> None:
        """The first page of the selection, with its count, read by the search thread."""
        kind, where, order, descending = self.kind, dict(self._where), self._order, self._descending

        def first_page(library, _current) -> _Page:
            total = library.count(kind, where=where or None)
            page = library.page(
                kind, where=where or None, order_by=order, descending=descending, limit=self.PAGE
            )
            return _Page(
                page.records, total, (order, descending), page.cursor, numbers_of(library, page.records)
            )

        self._forget_more()
        self.searching = True
        self._sorted = None
        self._ticket = self.context.searcher.request_read(self._channel, first_page)

    def _page(self, library, *, limit: int, after: tuple | None):
        return library.page(
            self.kind,
            where=self._where or None,
            order_by=self._order,
            descending=self._descending,
            limit=limit,
            after=after,
        )

    def _forget_more(self) -> None:
        """Another selection or order: a next page on its way belongs to the rows before."""
        self.context.searcher.forget(self._more_channel)
        self._generation += 1
        self._fetching = False
        self._cursor = None

    def _reset(self, rows: list[Record], total: int) -> None:
        self.beginResetModel()
        self._rows, self._total = rows, total
        self.endResetModel()
        self.loaded.emit()

    def _on_found(self, channel: str, ticket: int, hits: object) -> None:
        if channel == self._more_channel:
            return self._on_more(hits)
        if channel != self._channel or ticket != self._ticket:
            return
        self.searching = False
        if isinstance(hits, Exception):
            self.search_failed.emit(hits)
            return
        if isinstance(hits, _Page):
            self._read_numbers.update(hits.numbers or {})
            self._cursor = hits.cursor
            self._reset(hits.rows, hits.total)
            self._sorted = hits.order
            return
        # The hits' records, read by the search thread (``records=True``): nothing to read here.
        rows = [r for r in hits if all(getattr(r, k) == v for k, v in self._where.items())]  # type: ignore[attr-defined]
        if self._order:
            rows.sort(key=self._sort_key(self._order), reverse=self._descending)
        self._reset(rows, len(rows))

    def _sort_key(self, field: str):
        """How search hits are sorted by ``field``: as ``Library.list`` sorts the whole list."""
        if field in DATE_FIELDS or field in CHOICE_FIELDS or field == "position":
            return lambda r: (getattr(r, field) is None, getattr(r, field) or "")
        if field == "classification":
            levels = self.context.library.classification_levels()
            return lambda r: levels.index(r.classification) if r.classification in levels else len(levels)
        collate = cmp_to_key(vietnamese_collator().compare)
        if field in REFERENCES:
            kind = REFERENCES[field]
            return lambda r: collate(self._name(kind, getattr(r, field)) if getattr(r, field) else "")
        if field == "speaker_name":  # a linked speaker by the person's name, as Library.list sorts
            return lambda r: collate(r.speaker_name or r.speaker_label)
        return lambda r: collate(str(getattr(r, field) or ""))

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return (
            not parent.isValid()
            and not self._text
            and not self.searching
            and self._sorted is not None
            and len(self._rows) < self._total
        )

    def fetchMore(self, parent: Index = _ROOT) -> None:
        """Ask the search thread for the next page; its rows are added when they arrive.

        Qt asks again and again while the view's end is in sight: one page is read at a
        time, and the rows arrive with the next turn of the event loop.
        """
        if self._fetching or not self.canFetchMore(parent):
            return
        kind, where, order, descending = self.kind, dict(self._where), self._order, self._descending
        after, generation, limit = self._cursor, self._generation, self.PAGE

        def next_page(library, _current) -> _More:
            page = library.page(
                kind, where=where or None, order_by=order, descending=descending, limit=limit, after=after
            )
            return _More(page.records, page.cursor, generation, numbers_of(library, page.records))

        self._fetching = True
        self.context.searcher.request_read(self._more_channel, next_page)

    def fetch_more_now(self) -> None:
        """The next page, read here (to find an item the user asked to see, page by page)."""
        if not self.canFetchMore():
            return
        self._forget_more_request()
        page = self._page(self.context.library, limit=self.PAGE, after=self._cursor)
        self._append(page.records, page.cursor)

    def _forget_more_request(self) -> None:
        self.context.searcher.forget(self._more_channel)
        self._generation += 1
        self._fetching = False

    def _on_more(self, more: object) -> None:
        if isinstance(more, Exception):
            if self._fetching:
                self._fetching = False
                self.search_failed.emit(more)
            return
        if not isinstance(more, _More) or more.generation != self._generation:
            return  # read for rows no longer shown
        self._fetching = False
        self._read_numbers.update(more.numbers or {})
        self._append(more.rows, more.cursor)

    def _append(self, rows: list[Record], cursor: tuple | None) -> None:
        if not rows:
            self._total = len(self._rows)  # fewer than counted: deleted meanwhile
            return
        self._cursor = cursor
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    # -- reading ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.fields)

    def record_at(self, row: int) -> Record | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, item_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == item_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        record, field = self._rows[index.row()], self.fields[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, field)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, field)
        if role == ID_ROLE:
            return record.id
        if role == VALUE_ROLE:
            return getattr(record, field)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(getattr(record, field), int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def tooltip(self, record: Record, field: str) -> str | None:
        """The whole text of a long cell, as rich text so that Qt wraps it (never one endless line)."""
        if field in self.record_class.MARKDOWN:
            text = plain_summary(getattr(record, field), limit=1000)
        elif field in TOOLTIP_FIELDS or field in REFERENCES:
            text = self.display(record, field)
        else:
            return None
        return wrapped_tooltip(text) if len(text) > TOOLTIP_FROM else None

    def display(self, record: Record, field: str) -> str:
        value = getattr(record, field)
        if field == "position" and self.kind == "talking_point":
            return str(self.number(record))
        if field in REFERENCES:
            return self._name(REFERENCES[field], value) if value else ""
        if field in CHOICE_FIELDS:
            return choice_label(value)
        if field in ("classification", "ceiling"):
            return level_label(value)
        if field in record.MARKDOWN:
            return plain_summary(value)
        if field in DATE_FIELDS:
            return format_date(value)
        if field in ("title", "name") and not value:
            return display_name(record)
        if field == "speaker_name" and not value:  # a linked speaker is shown through the person
            return str(getattr(record, "speaker_label", ""))
        return "" if value is None else str(value)

    def number(self, record: Record) -> int:
        """A talking point's number within its topic, 1, 2, 3... in the order its topic lists them."""
        if record.id in self._read_numbers:
            return self._read_numbers[record.id]
        topic_id = record.topic_id  # type: ignore[attr-defined]
        if topic_id not in self._numbers:
            ids = self.context.library.ids(self.kind, where={"topic_id": topic_id}, order_by="position")
            self._numbers[topic_id] = {item_id: i for i, item_id in enumerate(ids, start=1)}
        return self._numbers[topic_id].get(record.id, 0)

    def _forget_numbers(self) -> None:
        self._numbers.clear()
        self._read_numbers.clear()

    def _name(self, kind: str, item_id: str) -> str:
        if kind not in self._names:
            self._names[kind] = {r.id: display_name(r) for r in self.context.library.list(kind)}
        return self._names[kind].get(item_id, "")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.fields)
        ):
            return field_label(self.kind, self.fields[section])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.fields) - 1)
        self._names.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.fields) - 1))

    # -- changes elsewhere -------------------------------------------------------------------

    def _on_changed(self, kind: str, item_id: str, what: str) -> None:
        if kind == self.kind:
            row = self.row_of(item_id)
            if what == UPDATED and row >= 0:
                try:
                    record = self.context.library.get(self.kind, item_id)
                except NotFound:
                    return self.reload(keep=len(self._rows))
                before, self._rows[row] = self._rows[row], record
                self._forget_numbers()
                if getattr(before, "topic_id", None) != getattr(record, "topic_id", None):
                    return self.reload(keep=len(self._rows))  # renumbered in both topics
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.fields) - 1))
            elif what in (ADDED, DELETED, ORDER) or (what == UPDATED and self._where):
                self.reload(keep=len(self._rows))
        elif any(REFERENCES.get(f) == kind for f in self.record_class.field_names()):
            if what in (ADDED, DELETED):
                self.reload(keep=len(self._rows))  # deletes cascade (an event's meetings)
            elif kind in self._names:
                self._names.pop(kind, None)
                if self._rows:
                    last = len(self._rows) - 1
                    self.dataChanged.emit(self.index(0, 0), self.index(last, len(self.fields) - 1))

    # -- drag and drop: reorder the talking points of a topic ----------------------------------

    def can_reorder(self) -> bool:
        return (
            self.kind == "talking_point"
            and not self.context.model.read_only
            and not self._text
            and self._order in (None, "position")
            and not self._descending
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.can_reorder():
            flags |= Qt.ItemFlag.ItemIsDropEnabled
            if index.isValid():
                flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_IDS]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(MIME_IDS, json.dumps([self._rows[r].id for r in rows]).encode())
        return data

    def _target_row(self, row: int, parent: Index) -> int:
        if row >= 0:
            return row
        return parent.row() if parent.isValid() else len(self._rows)

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: Index) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = json.loads(bytes(data.data(MIME_IDS).data()).decode())
        target = self.record_at(self._target_row(row, parent))
        return self.move_items(ids, target.id if target else None)

    def canDropMimeData(self, data: QMimeData, action, row: int, column: int, parent: Index) -> bool:
        return self.can_reorder() and data.hasFormat(MIME_IDS)

    def moveRows(self, source: Index, row: int, count: int, destination: Index, child: int) -> bool:
        ids = [r.id for r in self._rows[row : row + count]]
        target = self.record_at(child)
        return bool(ids) and self.move_items(ids, target.id if target else None)

    def move_items(self, ids: list[str], before_id: str | None) -> bool:
        """Ask (``reorder_requested``) to put ``ids`` before ``before_id`` within their topic."""
        moving_rows = [r for r in self._rows if r.id in ids]
        if not moving_rows:
            return False
        topic_id = moving_rows[0].topic_id  # type: ignore[attr-defined]
        current = [
            p.id
            for p in self.context.library.list(self.kind, where={"topic_id": topic_id}, order_by="position")
        ]
        moving = [i for i in current if i in ids]
        rest = [i for i in current if i not in ids]
        at = rest.index(before_id) if before_id in rest else len(rest)
        new = rest[:at] + moving + rest[at:]
        if new != current:
            self.reorder_requested.emit(topic_id, current, new)
        return True
