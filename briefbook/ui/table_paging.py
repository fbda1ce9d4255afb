"""A table's next pages: asked while the user scrolls, and walked down to an item it must show.

A mixin of :class:`~briefbook.ui.table_model.RecordTableModel`. Each page is read by the
search thread (:mod:`briefbook.ui.table_reads`) after the last row shown (keyset
pagination) and added in one insertion when it arrives; a page read for rows no
longer shown (another selection or order since: ``generation``) is dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex

from briefbook.ui.after_paint import AfterPaint
from briefbook.ui.table_reads import MoreRows, Packed, next_rows, rows_up_to

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class NextPages(QAbstractTableModel):
    """Needs the model's ``PAGE``, its ``search_failed`` and ``reached`` signals, and its rows."""

    MAX_PAGES_TO_FIND = 25  # find(): how far down an item is looked for (5,000 rows)
    _after_paint: AfterPaint | None = None  # made at the first next page

    PAGE: int
    search_failed: Any
    reached: Any  # (item_id, found): find() is done
    context: Any
    searching: bool
    _rows: list[Packed]
    _total: int
    _text: str
    _sorted: tuple[str | None, bool] | None
    _cursor: tuple | None
    _generation: int
    _fetching: bool
    _asked_in: int
    _more_channel: str
    _read_numbers: dict[str, int]
    _forget_row_index: Any

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return (
            not parent.isValid()
            and self.context.model.is_open  # (rows shown before the library opened: no more yet)
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
        self._fetching = True
        self._asked_in = self._generation
        # Asked once the rows just scrolled into view are painted (Qt asks while it scrolls):
        # a page read alongside a paint made each of the paint's calls into Python wait for the
        # GIL (a repaint makes about 1,500). A ``QTimer.singleShot(0)`` ran before the paint.
        self.after_paint(self._ask_next_page)

    def after_paint(self, fn) -> None:
        """``fn()`` once the window has painted what is waiting (:mod:`briefbook.ui.after_paint`):
        every read the table asks of the search thread is sent then, not alongside the paint."""
        if self._after_paint is None:
            self._after_paint = AfterPaint(self)
        self._after_paint.call(fn)

    def _ask_next_page(self) -> None:
        if self._asked_in != self._generation:
            return  # other rows since, or find() reads from here: this page is theirs to ask
        if not self._fetching or not self.canFetchMore():
            self._fetching = False
            return
        selection, after, generation, limit = self._selection(), self._cursor, self._generation, self.PAGE
        self.context.searcher.request_read(
            self._more_channel,
            lambda library, _current: next_rows(library, selection, after, limit, generation),
        )

    def find(self, item_id: str) -> bool:
        """Read, on the search thread, the pages down to ``item_id``'s row (at most 25 of them).

        ``reached(item_id, found)`` follows when they are shown. False: nothing to read
        (every row is loaded, or the rows are being read: ask again on ``loaded``).
        """
        if not self.canFetchMore():
            return False
        self._forget_more_request()  # a next page on its way starts where these do
        selection, after, generation = self._selection(), self._cursor, self._generation
        options = {"item_id": item_id, "page_size": self.PAGE, "pages": self.MAX_PAGES_TO_FIND}
        self._fetching = True
        self.context.searcher.request_read(
            self._more_channel,
            lambda library, current: rows_up_to(
                library, selection, after, generation=generation, current=current, **options
            ),
            after=self.after_paint,
        )
        return True

    def _on_more(self, more: object) -> None:
        if isinstance(more, Exception):
            if self._fetching:
                self._fetching = False
                self.search_failed.emit(more)
            return
        if not isinstance(more, MoreRows) or more.generation != self._generation:
            return  # read for rows no longer shown
        self._fetching = False
        self._read_numbers.update(more.numbers or {})
        if more.rows:
            self._append(more.rows, more.cursor)
        elif more.wanted is None:
            self._total = len(self._rows)  # fewer than counted: deleted meanwhile
        if more.wanted is not None:
            self.reached.emit(more.wanted, self.row_of(more.wanted) >= 0)

    def _append(self, rows: list[Packed], cursor: tuple | None) -> None:
        """One insertion for the whole page: the view lays out and repaints once."""
        self._cursor = cursor
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self._forget_row_index()
        self.endInsertRows()
