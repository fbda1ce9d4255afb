"""A table follows the library's changes: a row edited in place, moved, removed, or the rows read again.

A mixin of :class:`~briefbook.ui.table_model.RecordTableModel`. An edit of a row shown is
read here (one ``get``) and shown in place. An edit that may move it (its topic, which
renumbers two topics, or any edit under a filter) asks the search thread where the item
goes now (:func:`~briefbook.ui.table_reads.place`: a few one-row reads) and moves that
one row, renumbering only the rows of the two topics: the rows shown stay as they are,
and so do the selection and the scroll position. What moves many rows (a new item, a
delete, a new order) reads the rows again on the search thread, as many as were shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex

from briefbook.errors import NotFound
from briefbook.ui.columns import REFERENCES
from briefbook.ui.notifier import ADDED, DELETED, ORDER, UPDATED
from briefbook.ui.table_reads import Placed, place


class FollowsChanges(QAbstractTableModel):
    context: Any
    kind: str
    fields: list[str]
    record_class: Any
    searching: bool  # also while the place of a changed item is read (the rows stay as they are)
    about_to_place: Any  # signal (item_id, leaves): its place is about to be shown
    placed: Any  # signal (item_id): its place is shown (its row moved, stayed or left the rows)
    _rows: list
    _total: int
    _where: dict[str, Any]
    _text: str
    _names: dict[str, dict[str, str]]
    _numbers: dict[str, dict[str, int]]
    _read_numbers: dict[str, int]
    _keep_asked: int
    _records: dict
    _forget_row_index: Any
    _cursor: tuple | None
    _fetching: bool
    _channel: str
    _ticket: int
    after_paint: Any

    def _on_changed(self, kind: str, item_id: str, what: str) -> None:
        linked = any(REFERENCES.get(f) == kind for f in self.record_class.field_names())
        if self.searching and (kind == self.kind or linked):
            # Rows on their way may have been read before this change: read them again
            # (the read is queued after the change was written), or it would be lost.
            return self.reload(keep=max(self._keep_asked, len(self._rows)))
        if kind == self.kind:
            row = self.row_of(item_id)
            if what == UPDATED and row >= 0:
                try:
                    record = self.context.library.get(self.kind, item_id)
                except NotFound:
                    return self.reload(keep=len(self._rows))
                before = self._record(self._rows[row])
                self._rows[row] = self._packer.pack([record])[0]
                self._records.pop(item_id, None)
                self.forget_texts(item_id)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.fields) - 1))
                topics = {getattr(before, "topic_id", None), getattr(record, "topic_id", None)}
                if len(topics) > 1:  # renumbered in both topics, and moved if sorted by them
                    self._place(item_id, frozenset(t for t in topics if t))
                elif self._where:
                    self._place(item_id, frozenset())
            elif what == DELETED and row >= 0:
                self._remove(row)  # gone at once; the rows after it are read again
                self.reload(keep=len(self._rows))
            elif what in (ADDED, DELETED, ORDER) or (what == UPDATED and self._where):
                self.reload(keep=len(self._rows))
        elif linked:
            if what in (ADDED, DELETED):
                self.reload(keep=len(self._rows))  # deletes cascade (an event's meetings)
            elif kind in self._names:
                self._forget_names(kind)
                if self._rows:
                    last = len(self._rows) - 1
                    self.dataChanged.emit(self.index(0, 0), self.index(last, len(self.fields) - 1))

    def _place(self, item_id: str, renumber: frozenset[str]) -> None:
        """Ask the search thread where ``item_id`` goes now; :meth:`_on_placed` moves its row.

        Where the rows are search hits, or no page has been read yet, or one is on its
        way (it may hold the item in its new place), the rows are read again instead.
        """
        if self._text or self._cursor is None or self._fetching or not self._in_background(None):
            return self.reload(keep=len(self._rows))
        selection, cursor = self._selection(), self._cursor
        shown = tuple(self._rows) if renumber else ()
        self.searching = True  # (no next page is asked meanwhile: it would start at the old cursor)
        self._ticket = self.context.searcher.request_read(
            self._channel,
            lambda library, _current: place(library, selection, item_id, cursor, renumber, shown),
            after=self.after_paint,
        )

    def _on_placed(self, placed: Placed) -> None:
        self.about_to_place.emit(placed.item_id, placed.row is None or not placed.within)
        item_id, row = placed.item_id, self.row_of(placed.item_id)
        last = len(self._rows) - 1
        if placed.numbers:
            self._renumber(placed.numbers)
        if placed.row is None or not placed.within:  # it left the selection, or goes to a later page
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self._forget_row_index()
                self.endRemoveRows()
        else:
            to = self.row_of(placed.before) if placed.before is not None else len(self._rows)
            if to < 0:
                if row != last:  # the rows shown changed meanwhile: read them again
                    return self.reload(keep=len(self._rows))
                to = len(self._rows)
            if row < 0:
                self.beginInsertRows(QModelIndex(), to, to)
                self._rows.insert(to, placed.row)
                self._forget_row_index()
                self.endInsertRows()
            else:
                self._rows[row] = placed.row
                if to not in (row, row + 1):
                    self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to)
                    self._rows.insert(to if to < row else to - 1, self._rows.pop(row))
                    self._forget_row_index(min(row, to), max(row, to - 1) + 1)
                    self.endMoveRows()
            if self.row_of(item_id) == len(self._rows) - 1:
                self._cursor = placed.cursor  # the next page starts after it
        self._total = placed.total
        self.placed.emit(item_id)

    def _renumber(self, numbers: dict[str, int]) -> None:
        """New numbers of talking points shown: their texts are made again at their next paint."""
        changed = [i for i, n in numbers.items() if self._read_numbers.get(i) != n]
        self._read_numbers.update(numbers)  # (before any number worked out by topic: see ``number``)
        for point_id in changed:
            self.forget_texts(point_id)
        if changed and self._rows and "position" in self.fields:
            column = self.fields.index("position")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def _remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._forget_row_index()
        self._total = max(0, self._total - 1)
        self.endRemoveRows()
