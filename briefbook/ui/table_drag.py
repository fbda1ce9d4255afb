"""Drag and drop in a table: reorder the talking points of one topic.

A mixin of :class:`~briefbook.ui.table_model.RecordTableModel`: the model only asks
(``reorder_requested``) for the new order; the view runs it as one undoable command.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

MIME_IDS = "application/x-briefbook-item-ids"
Index = QModelIndex | QPersistentModelIndex


class ReorderByDrag(QAbstractTableModel):
    kind: str
    context: Any
    _rows: list
    _text: str
    _order: str | None
    _descending: bool
    _cell_flags: Qt.ItemFlag | None

    def can_reorder(self) -> bool:
        return (
            self.kind == "talking_point"
            and not self.context.model.read_only
            and not self._text
            and self._order in (None, "position")
            and not self._descending
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Asked of every cell at every paint: the cells' flags are worked out once per selection."""
        if not index.isValid():
            flags = super().flags(index)
            return flags | Qt.ItemFlag.ItemIsDropEnabled if self.can_reorder() else flags
        if self._cell_flags is None:
            flags = super().flags(index)
            if self.can_reorder():
                flags |= Qt.ItemFlag.ItemIsDropEnabled | Qt.ItemFlag.ItemIsDragEnabled
            self._cell_flags = flags
        return self._cell_flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_IDS]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(MIME_IDS, json.dumps([self.id_at(r) for r in rows]).encode())
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
        ids = [i for i in (self.id_at(r) for r in range(row, row + count)) if i]
        target = self.record_at(child)
        return bool(ids) and self.move_items(ids, target.id if target else None)

    def move_items(self, ids: list[str], before_id: str | None) -> bool:
        """Ask (``reorder_requested``) to put ``ids`` before ``before_id`` within their topic."""
        first = next((r for r in range(len(self._rows)) if self.id_at(r) in ids), -1)
        if first < 0:
            return False
        topic_id = self.record_at(first).topic_id
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
