"""A table's rows by position and by id: the record a row shows, and the row an item is in.

A mixin of :class:`~briefbook.ui.table_model.RecordTableModel`, which holds the rows as
packed field values (:mod:`briefbook.ui.table_reads`); a record is made from a row only when
asked (and a few are kept), and the row of an id is found in an index of the rows, made again
when rows come or go.
"""

from __future__ import annotations

from operator import itemgetter

from briefbook.library import Record
from briefbook.ui.table_reads import Packed, Packer


class RowsById:
    """The rows' records and ids (the model's ``_rows``, ``_records``, ``_row_index``)."""

    _rows: list[Packed]
    _records: dict[str, Record]
    _row_index: tuple[list[Packed], dict[str, int]] | None
    _packer: Packer

    def record_at(self, row: int) -> Record | None:
        """The record shown in ``row``, made from its field values (and kept while it is shown)."""
        if not 0 <= row < len(self._rows):
            return None
        return self._record(self._rows[row])

    def _record(self, row: Packed) -> Record:
        item_id = row[self._packer.id_at]
        record = self._records.get(item_id)
        if record is None:
            if len(self._records) > 256:
                self._records.clear()
            record = self._records[item_id] = self._packer.record(row)
        return record

    def id_at(self, row: int) -> str | None:
        return self._rows[row][self._packer.id_at] if 0 <= row < len(self._rows) else None

    def row_of(self, item_id: str) -> int:
        """The row showing ``item_id`` (its first), -1 if none: a look-up in an index of the rows.

        An edit asks it about ten times (the model, the kept selection, the scroll), and a
        scan of 20,000 rows in Python took 0.7 ms each time. The index is made again when
        rows come or go (:meth:`_forget_row_index`); a move updates the rows it shifted.
        """
        index = self._row_index
        if index is None or index[0] is not self._rows or len(index[1]) != len(self._rows):
            rows = self._rows
            ids = map(itemgetter(self._packer.id_at), reversed(rows))  # (the first row wins)
            index = self._row_index = (rows, dict(zip(ids, range(len(rows) - 1, -1, -1), strict=True)))
        return index[1].get(item_id, -1)

    def _forget_row_index(self, start: int | None = None, stop: int | None = None) -> None:
        """Rows came or went (all of the index is made again), or ``start``..``stop`` moved."""
        if start is None or self._row_index is None:
            self._row_index = None
            return
        index, at = self._row_index[1], self._packer.id_at
        for row in range(start, stop if stop is not None else len(self._rows)):
            index[self._rows[row][at]] = row
