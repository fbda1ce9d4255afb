"""What a table's cells say: labels, dates, linked names and talking-point numbers, kept once per row.

A mixin of :class:`~briefbook.ui.table_model.RecordTableModel`. Qt asks ``data()`` for
each role of each visible cell at every repaint (about ten roles, 30 rows, 7
columns: two thousand calls), so a row's texts are made once, when it is first
painted, and kept until the row, the names or the numbers change: a repaint then
only looks them up.
"""

from __future__ import annotations

from typing import Any

from briefbook.invisible import visible_controls
from briefbook.library import Record
from briefbook.ui.cell_text import plain_summary
from briefbook.ui.columns import CHOICE_FIELDS, REFERENCES, wrapped_tooltip
from briefbook.ui.dates import format_date
from briefbook.ui.labels import choice_label, display_name, level_label

DATE_FIELDS = ("start_date", "end_date", "date", "starts_at", "ends_at", "updated_at", "last_export_at")
TOOLTIP_FIELDS = ("title", "name", "speaker_name", "occasion", "venue", "position", "city", "hosts")
TOOLTIP_FROM = 40  # characters: shorter cells are read whole in the table


class CellTexts:
    """The texts of cells (``display``, ``tooltip``) and the caches behind them."""

    kind: str
    fields: list[str]
    record_class: type[Record]
    context: Any
    _packer: Any  # table_reads.Packer: where a row keeps its id
    _record: Any  # row -> record (the model's)

    def _init_cells(self) -> None:
        self._names: dict[str, dict[str, str]] = {}
        self._numbers: dict[str, dict[str, int]] = {}  # topic id -> point id -> number shown
        self._read_numbers: dict[str, int] = {}  # point id -> number, read with its page
        self._shown: dict[str, tuple[str, ...]] = {}  # item id -> the display text of each column

    def row_texts(self, row: tuple) -> tuple[str, ...]:
        """The display text of every column of a row (its field values), made at its first paint."""
        item_id = row[self._packer.id_at]
        texts = self._shown.get(item_id)
        if texts is None:
            record = self._record(row)
            # A bidi control shown as <U+202E>: obeyed, it reversed the rest of its cell.
            texts = tuple(visible_controls(self.display(record, field)) for field in self.fields)
            self._shown[item_id] = texts
        return texts

    def forget_texts(self, item_id: str | None = None) -> None:
        """A row changed (``item_id``) or every row's texts may have (names, numbers, language)."""
        if item_id is None:
            self._shown.clear()
        else:
            self._shown.pop(item_id, None)

    def tooltip(self, record: Record, field: str) -> str | None:
        """The whole text of a long cell, as rich text so that Qt wraps it (never one endless line)."""
        if field in self.record_class.MARKDOWN:
            text = plain_summary(getattr(record, field), limit=1000)
        elif field in TOOLTIP_FIELDS or field in REFERENCES:
            text = self.display(record, field)
        else:
            return None
        text = visible_controls(text)
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
        self._shown.clear()

    def _forget_names(self, kind: str | None = None) -> None:
        if kind is None:
            self._names.clear()
        else:
            self._names.pop(kind, None)
        self._shown.clear()

    def _name(self, kind: str, item_id: str) -> str:
        if kind not in self._names:
            self._names[kind] = {r.id: display_name(r) for r in self.context.library.list(kind)}
        return self._names[kind].get(item_id, "")
