"""The table of one collection: a thin, lazily fetched model over ``Library.page``.

Rows come in pages (``canFetchMore``/``fetchMore`` → ``Library.page``), each
starting after the last row shown (keyset pagination, never ``OFFSET``), read by
the search thread and shown when they arrive: scrolling 75,000 talking points
never makes the window wait for SQLite. Typing in the filter runs the full-text
search (off the GUI thread) and shows its hits; the topic, status and
classification combos become ``where=`` equalities.

In the window (``background``) every read goes through the search thread: the
first load, a new filter or order, the reload after an edit (as many rows as were
shown: 20,000 rows after a long scroll), and the pages walked to reach an item
(:meth:`find`). Each answer is shown when it arrives, and an answer overtaken by a
newer request is dropped. Without ``background`` (a model used on its own, or a
library without a file) the rows are read at once.

The texts of the cells live in :mod:`briefbook.ui.table_cells`, what the search
thread reads in :mod:`briefbook.ui.table_reads`, drag and drop in
:mod:`briefbook.ui.table_drag`, a row's record and the row of an id in
:mod:`briefbook.ui.table_rows`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from briefbook.library import Record
from briefbook.library.records import record_type
from briefbook.ui.columns import FIELDS, REFERENCES
from briefbook.ui.context import UiContext
from briefbook.ui.dates import format_date  # noqa: F401  (tests import it from here)
from briefbook.ui.labels import field_label
from briefbook.ui.table_cells import CellTexts
from briefbook.ui.table_changes import FollowsChanges
from briefbook.ui.table_drag import MIME_IDS, ReorderByDrag
from briefbook.ui.table_paging import NextPages
from briefbook.ui.table_reads import (
    FirstRows,
    Hits,
    Packed,
    Placed,
    Selection,
    first_rows,
    hit_rows,
    packer_for,
)
from briefbook.ui.table_rows import RowsById
from briefbook.ui.table_sorting import vietnamese_collator

__all__ = ["ID_ROLE", "MIME_IDS", "VALUE_ROLE", "RecordTableModel", "vietnamese_collator"]

ID_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # the stored value of the cell's field
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root: the default parent of Qt's model methods
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _ALIGN, int(ID_ROLE), int(VALUE_ROLE)})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RecordTableModel(CellTexts, NextPages, FollowsChanges, ReorderByDrag, RowsById):
    PAGE = 200
    SEARCH_LIMIT = 500

    reorder_requested = Signal(str, list, list)  # topic id, old order, new order
    search_failed = Signal(object)
    loaded = Signal()  # new rows (a reset): the first ones of a selection, or a reload's
    reached = Signal(str, bool)  # find(item_id) is done: whether its row is loaded now
    about_to_place = Signal(str, bool)  # a changed item's place was read (it leaves the rows shown?)
    placed = Signal(str)  # a changed item's place is shown: its row moved, stayed, or left the rows

    def __init__(self, context: UiContext, kind: str, parent=None):
        super().__init__(parent)
        self.context, self.kind = context, kind
        self.record_class = record_type(kind)
        self.fields = list(FIELDS[kind])
        self._packer = packer_for(kind)
        self._init_cells()
        self._rows: list[Packed] = []  # each row's field values (see table_reads.Packer)
        self._records: dict[str, Record] = {}  # records made again from rows, by id (a few)
        self._row_index: tuple[list[Packed], dict[str, int]] | None = None  # (the rows, id -> row)
        self._total = 0
        self._where: dict[str, Any] = {}
        self._text = ""
        self._order: str | None = None
        self._descending = False
        self._sorted: tuple[str | None, bool] | None = None  # the order of the rows loaded
        self._channel = f"table:{kind}:{id(self)}"
        self._more_channel = self._channel + ":more"
        self._ticket = 0
        self._cursor: tuple | None = None  # where the next page starts (the last row's sort values)
        self._generation = 0  # of the rows shown: a page read for older rows is dropped
        self._fetching = False  # a next page is being read
        self._asked_in = -1  # the generation a next page was asked in (asked after the paint)
        self._keep_asked = 0  # how many rows the reload on its way keeps
        self.searching = False  # the rows of a new selection (or a reload) are being read
        self.kept = False  # the rows shown last came from a reload that kept the rows before
        self._cell_flags: Qt.ItemFlag | None = None  # the flags of every cell, while they hold
        # The window's reads go through the search thread (set by the collection view); a
        # model on its own reads at once, so code that sorts and then reads gets the rows.
        self.background = False
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
        self,
        *,
        where: dict[str, Any] | None = None,
        text: str | None = None,
        order: tuple[str | None, bool] | None = None,
        background: bool | None = None,
    ) -> None:
        """Show another selection (``order``: in another order too, read once for both).

        ``background``: read it off the GUI thread (``loaded`` follows); by default as the
        model reads everything (:attr:`background`). The same items, another selection:
        names and numbers still hold.
        """
        if where is not None:
            self._where = {k: v for k, v in where.items() if v not in (None, "")}
        if text is not None:
            self._text = text.strip()
        if order is not None:
            self._order, self._descending = order
        self.reload(fresh=False, background=background)

    def column_of(self, field: str) -> int:
        return self.fields.index(field)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.fields):
            wanted = (self.fields[column], order == Qt.SortOrder.DescendingOrder)
            if wanted == self._sorted or (self.searching and wanted == (self._order, self._descending)):
                return  # Qt asks twice for one sortByColumn(): the rows are (or come) in this order
            self._order, self._descending = wanted
            self.reload(fresh=False)  # in the background, the rows shown stay until the new ones come

    # -- loading ------------------------------------------------------------------------

    def _in_background(self, background: bool | None) -> bool:
        wanted = self.background if background is None else background
        if not wanted or not self.context.model.is_open:
            return False
        return getattr(self.context.library, "path", None) is not None

    def reload(self, keep: int = 0, *, fresh: bool = True, background: bool | None = None) -> None:
        """Load the first page again (at least ``keep`` rows, to keep the scroll position).

        ``fresh``: the library may have changed, so the names of linked items and the
        talking points' numbers are read again; a new filter or order (``fresh=False``)
        keeps them, so typing in the filter does not read them again at every key.
        """
        background = self._in_background(background)
        self._keep_asked = keep
        if fresh and (not background or self._text):  # in the background: when the new rows come
            self._forget_names()
            self._forget_numbers()
        self.context.searcher.forget(self._channel)  # a pending answer is stale now
        self._ticket = 0  # and one already on its way is dropped when it comes
        self._forget_more()
        self.searching = False
        if not self.context.model.is_open:
            self._reset([], 0, kept=False)
            self._sorted = None
            return
        if self._text:  # the hits, sorted and numbered by the search thread, sent after the paint
            self.searching = True
            self._sorted = None
            selection, text, names = self._selection(), self._text, dict(self._names)
            limit = self.SEARCH_LIMIT
            self._ticket = self.context.searcher.request_read(
                self._channel,
                lambda library, current: hit_rows(library, selection, text, limit, names, current),
                after=self.after_paint,
            )
            return
        selection, limit = self._selection(), max(self.PAGE, keep)
        if background:  # the names and numbers shown stay until the new rows come with theirs
            linked = self._linked_kinds()
            names = linked if fresh else tuple(k for k in linked if k not in self._names)
            options = {"names": names, "kept": keep > 0, "fresh": fresh}
            self.searching = True
            self._sorted = None
            self._ticket = self.context.searcher.request_read(
                self._channel,
                lambda library, _current: first_rows(library, selection, limit, **options),
                after=self.after_paint,
            )
            return
        self._show_first(first_rows(self.context.library, selection, limit, kept=keep > 0))

    def show_first_page(self, reader, order: str, descending: bool) -> None:
        """Rows read before the library opened, by :mod:`briefbook.ui.first_page`.

        ``reader`` runs the Library's own queries (:class:`~briefbook.library.first_page.
        FirstPageReader`), through :func:`first_rows` as the search thread reads a first
        load: the same rows, count, numbers and linked names, in the order ``order``, the
        order the first load then keeps (the open reads them again).
        """
        self._order, self._descending = order, descending
        self._show_first(first_rows(reader, self._selection(), self.PAGE, names=self._linked_kinds()))

    def _linked_kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(REFERENCES[f] for f in self.fields if f in REFERENCES))

    def _selection(self) -> Selection:
        return Selection(self.kind, dict(self._where), (self._order, self._descending))

    def _show_first(self, first: FirstRows) -> None:
        if first.fresh:
            self._forget_names()
            self._forget_numbers()
        self._names.update(first.names or {})
        self._read_numbers.update(first.numbers or {})
        self._cursor = first.cursor
        self._sorted = first.order
        self._reset(first.rows, first.total, kept=first.kept)

    def _forget_more(self) -> None:
        """Another selection or order: a next page on its way belongs to the rows before."""
        self._forget_more_request()
        self._cursor = None

    def _forget_more_request(self) -> None:
        self.context.searcher.forget(self._more_channel)
        self._generation += 1
        self._fetching = False

    def _reset(self, rows: list[Packed], total: int, *, kept: bool) -> None:
        self.kept = kept
        self.beginResetModel()
        self._rows, self._total = rows, total
        self._row_index = None
        self._records.clear()
        self._cell_flags = None  # a new selection or order: drag and drop may (not) apply
        self.forget_texts()
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
        if isinstance(hits, FirstRows):
            self._show_first(hits)
            return
        if isinstance(hits, Placed):
            self._on_placed(hits)
            return
        if isinstance(hits, Hits):  # read, kept, sorted and numbered by the search thread
            self._names.update(hits.names or {})
            self._read_numbers.update(hits.numbers or {})
            self._reset(hits.rows, len(hits.rows), kept=False)

    # -- reading ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.fields)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's value for ``role``; the roles a table does not use are answered first.

        Qt asks about ten roles of every visible cell at each repaint; the display texts
        of a row are made once (:meth:`row_texts`).
        """
        if role not in _ANSWERED:
            return None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        packed = self._rows[row]
        if role == _DISPLAY:
            return self.row_texts(packed)[index.column()]
        field = self.fields[index.column()]
        if role == _TOOLTIP:
            return self.tooltip(self._record(packed), field)
        if role == ID_ROLE:
            return packed[self._packer.id_at]
        value = packed[self._packer.index[field]]
        if role == VALUE_ROLE:
            return value
        if isinstance(value, int):  # the text alignment
            return _RIGHT
        return None

    def multiData(self, index: Index, roleDataSpan) -> None:
        """Every role Qt asks of a cell at once: one call into Python per painted cell.

        A delegate asks seven roles of each cell it paints; through ``data()`` that was
        seven calls into Python, each of which waits for the GIL while the search thread
        reads a page (a repaint took 54 ms instead of 21 with a page reader busy).
        """
        # Every entry is set or cleared: Qt's delegate hands the same span to every cell it
        # paints, so an entry left alone keeps the cell before's value (the number column's
        # right alignment drew the text column's short texts against the right edge).
        row = index.row()
        if not 0 <= row < len(self._rows):
            for entry in roleDataSpan:
                entry.clearData()
            return
        packed, column = self._rows[row], index.column()
        for entry in roleDataSpan:
            role = entry.role()
            if role == _DISPLAY:
                entry.setData(self.row_texts(packed)[column])
            elif role == _ALIGN:
                if isinstance(packed[self._packer.index[self.fields[column]]], int):
                    entry.setData(_RIGHT)
                else:
                    entry.clearData()
            elif role in _ANSWERED:
                entry.setData(self.data(index, role))
            else:
                entry.clearData()

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
        self._forget_names()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.fields) - 1))
