"""A table follows the library's changes: a row edited in place, removed at once, or the rows read again.

A mixin of :class:`~briefbook.ui.table_model.RecordTableModel`. An edit of a row shown is
read here (one ``get``) and shown in place; what moves rows (a new item, a delete, a new
order, a topic changed, an edit under a filter) reads the rows again on the search
thread, as many as were shown, so that the view keeps its place.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex

from briefbook.errors import NotFound
from briefbook.ui.columns import REFERENCES
from briefbook.ui.notifier import ADDED, DELETED, ORDER, UPDATED


class FollowsChanges(QAbstractTableModel):
    context: Any
    kind: str
    fields: list[str]
    record_class: Any
    searching: bool
    _rows: list
    _total: int
    _where: dict[str, Any]
    _names: dict[str, dict[str, str]]
    _keep_asked: int
    _records: dict

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
                if getattr(before, "topic_id", None) != getattr(record, "topic_id", None):
                    self.reload(keep=len(self._rows))  # renumbered in both topics
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

    def _remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._total = max(0, self._total - 1)
        self.endRemoveRows()
