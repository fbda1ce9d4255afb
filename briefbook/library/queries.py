"""Reading items: one by id, many by ids, any kind by id, lists filtered and sorted, counts.

A mixin of :class:`~briefbook.library.api.Library`. Sorting is where the care is:
names in Vietnamese order (``sort_key``, :mod:`briefbook.collation`), linked items by
their name, levels by rank, dates and codes as stored, so that the CLI, the exports and
the window list items in one order.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Collection
from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar

from briefbook.errors import Conflict, NotFound, ValidationError
from briefbook.item_ids import as_typed_id, shown_id
from briefbook.library.records import RECORD_TYPES, Record, Statement, TalkingPoint, record_type
from briefbook.library.speakers import name_speakers
from briefbook.library.validation import no_such_field
from briefbook.store.sort_keys import key_column, keys_complete, prefix_function

if TYPE_CHECKING:
    from briefbook.store.connection import Database

R = TypeVar("R", bound=Record)


class QueriesMixin:
    db: Database

    def get(self, kind: str | type[R], item_id: str) -> R:
        cls = record_type(kind)
        columns = self._columns(cls)
        sql = f"SELECT {', '.join(columns)} FROM {cls.TABLE} WHERE id = ?"
        row = self.db.execute(sql, [item_id]).fetchone()
        if row is None:
            raise NotFound(f"There is no {cls.LABEL.lower()} with id {shown_id(item_id)} in this library.")
        return name_speakers(self.db, [_to_record(cls, row, columns)])[0]

    def get_many(self, kind: str | type[R], item_ids: list[str]) -> list[R]:
        """The items of one kind with these ids, in the order given (ids not found are left out).

        One query, where a ``get`` per id would be one each: 500 search hits in a table.
        """
        cls = record_type(kind)
        columns = self._columns(cls)
        found: dict[str, R] = {}
        for start in range(0, len(item_ids), 500):  # well under SQLite's limit of variables
            chunk = item_ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            sql = f"SELECT {', '.join(columns)} FROM {cls.TABLE} WHERE id IN ({marks})"
            for row in self.db.execute(sql, chunk):
                record = _to_record(cls, row, columns)
                found[record.id] = record
        return name_speakers(self.db, [found[i] for i in item_ids if i in found])

    def _refuse_taken_id(self, item_id: str) -> None:
        for cls in RECORD_TYPES.values():
            if self.db.execute(f"SELECT 1 FROM {cls.TABLE} WHERE id = ?", [item_id]).fetchone():
                raise Conflict(f"The id {item_id} is already used by a {cls.LABEL.lower()} in this library.")

    def find(self, item_id: str) -> Record:
        """Any item by id, whatever its kind (ids are UUIDs, unique across kinds).

        A link copied in the window (``briefbook:<id>``) is taken as its id.
        """
        given = item_id
        item_id = item_id.strip().removeprefix("briefbook:")
        for candidate in dict.fromkeys((item_id, as_typed_id(item_id))):
            for cls in RECORD_TYPES.values():
                if self.db.execute(f"SELECT 1 FROM {cls.TABLE} WHERE id = ?", [candidate]).fetchone():
                    return self.get(cls, candidate)
        raise NotFound(f"There is no item with id {shown_id(given)} in this library.")

    def list(
        self,
        kind: str | type[R],
        *,
        where: dict[str, Any] | None = None,
        order_by: str | None = None,
        descending: bool = False,
        limit: int | None = None,
        offset: int = 0,
        ids: Collection[str] | None = None,
    ) -> list[R]:
        """Items of one kind, filtered by equal field values and sorted by a field.

        ``ids``: only these items (a book's few statements, not the library's 25,000).
        """
        cls = record_type(kind)
        sql, params = self._sorted_select(cls, where, order_by, descending, ids)
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        columns = self._columns(cls)
        records = [_to_record(cls, row, columns) for row in self.db.execute(sql, params).fetchall()]
        return name_speakers(self.db, records)

    def ids(
        self, kind: str | type[Record], *, where: dict[str, Any] | None = None, order_by: str | None = None
    ) -> list[str]:
        """The ids :meth:`list` would return, in its order, without reading the items themselves.

        For numbering a topic's talking points in the window: one column of each row,
        where ``list`` builds every record, text and all.
        """
        cls = record_type(kind)
        sql, params = self._sorted_select(cls, where, order_by, False)
        sql = sql.replace(f"SELECT {', '.join(cls.field_names())} FROM", f"SELECT {cls.TABLE}.id FROM", 1)
        return [row[0] for row in self.db.execute(sql, params)]

    def _sorted_select(
        self,
        cls: type[Record],
        where: dict[str, Any] | None,
        order_by: str | None,
        descending: bool,
        ids: Collection[str] | None = None,
    ) -> tuple[str, list[Any]]:
        sql, params = self._select(cls, where)
        if ids is not None:  # one JSON parameter: no limit on how many
            sql += (" AND " if where else " WHERE ") + f"{cls.TABLE}.id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(ids)))
        order = checked_order(cls, order_by)
        if order in _LINKED:
            sql = _with_linked_keys(sql, cls, order)
        stored = keys_complete(self.db, cls.TABLE, order)
        return sql + " ORDER BY " + _order_clause(cls, order, descending, stored=stored), params

    def count(self, kind: str | type[Record], *, where: dict[str, Any] | None = None) -> int:
        cls = record_type(kind)
        sql, params = self._select(cls, where, count=True)
        return self.db.execute(sql, params).fetchone()[0]

    def _columns(self, cls: type[Record]) -> list[str]:
        return [f.name for f in fields(cls)]

    def _select(self, cls: type[Record], where: dict[str, Any] | None, count: bool = False):
        what = "count(*)" if count else ", ".join(cls.field_names())
        sql = f"SELECT {what} FROM {cls.TABLE}"
        params: list[Any] = []
        if where:
            bad = [k for k in where if k not in cls.field_names()]
            if bad:
                raise ValidationError(no_such_field(cls, bad[0]), field=bad[0])
            parts = []
            for key, value in where.items():
                if value is None:
                    parts.append(f"{key} IS NULL")
                else:
                    parts.append(f"{key} = ?")
                    params.append(value)
            sql += " WHERE " + " AND ".join(parts)
        return sql, params


def _to_record(cls: type[R], row: tuple, columns: list[str]) -> R:
    """The record of a row of ``columns``: by position when they are the record's fields in
    order, as every read selects them (a book reads thousands: the keywords were a third)."""
    if len(row) == len(columns) and columns == _field_order(cls):
        return cls(*row)
    return cls(**dict(zip(columns, row, strict=True)))


@functools.cache
def _field_order(cls: type[Record]) -> list[str] | None:
    """The record's fields in the order its ``__init__`` takes them by position (None if a
    field is not taken so: keyword-only or not in ``__init__``). A cached list: never change it."""
    found = fields(cls)
    if any(not f.init or f.kw_only for f in found):
        return None
    return [f.name for f in found]


def checked_order(cls: type[Record], order_by: str | None) -> str:
    """The field a list is sorted by (its kind's default if none); refused if the kind has no such field."""
    order = order_by or _default_order(cls)
    if order not in cls.field_names():
        raise ValidationError(f"Cannot sort {cls.LABEL.lower()}s by '{order}'.", field=order)
    return order


def _default_order(cls: type[Record]) -> str:
    for name in ("position", "starts_at", "date", "name", "title"):
        if name in cls.field_names():
            return name
    return "created_at"


# Fields whose text is not a name: sorted as stored (ISO dates, ids, codes), not alphabetically.
_AS_STORED = {"id", "start_date", "end_date", "date", "starts_at", "ends_at", "cleared_on"}
_AS_STORED |= {"created_at", "updated_at", "last_export_at", "kind", "status", "language", "template"}
# Linked fields: sorted by the linked item's name.
_LINKED = {"topic_id": ("topics", "title"), "event_id": ("events", "title")}
_LINKED |= {"organisation_id": ("organisations", "name"), "speaker_id": ("people", "name")}


def _order_clause(cls: type[Record], order: str, descending: bool, *, stored: bool = False) -> str:
    """``ORDER BY`` for one field: names in Vietnamese order, linked items by their name."""
    return ", ".join(
        f"{term} {direction}" for term, direction in order_terms(cls, order, descending, stored=stored)
    )


def order_terms(
    cls: type[Record], order: str, descending: bool, *, stored: bool = False
) -> list[tuple[str, str]]:
    """The terms of ``ORDER BY`` for one field, each with its direction; the last is the rowid.

    Text fields go through ``sort_key`` (:mod:`briefbook.collation`, registered by the
    store), so the CLI, the exports and the window list names in the same order.
    ``stored``: every row has the field's key stored (:mod:`briefbook.store.sort_keys`):
    the same order, read from its index, with the whole key computed only for rows whose
    stored prefixes are equal (ties by rowid in the same direction, so that one row-value
    comparison starts the next page).
    Talking points keep their own order within a topic when sorted by topic.
    The rowid last makes the order total, so that a page can start after the last row
    shown (:mod:`briefbook.library.pages`).
    """
    direction = "DESC" if descending else "ASC"
    field_type = {f.name: f.type for f in fields(cls)}[order]
    rowid = f"{cls.TABLE}.rowid"
    if stored:  # the stored prefix of the key (from its index), then the whole key for equal prefixes
        return [(key_column(order), direction), (f"sort_key({order})", direction), (rowid, direction)]
    if order in _LINKED:  # the key comes from the join :func:`_with_linked_keys` adds
        terms = [("_key", direction), (order, "ASC")]
    elif order == "classification":  # by rank, lowest level first
        terms = [(f"(SELECT rank FROM classification_levels WHERE name = {order})", direction)]
    elif cls is Statement and order == "speaker_name":  # a linked speaker by the person's name
        speaker = (
            "sort_key(CASE WHEN speaker_name != '' THEN speaker_name ELSE "
            "(SELECT name FROM people WHERE people.id = speaker_id) END)"
        )
        terms = [(speaker, direction)]
    elif order in _AS_STORED or field_type in ("int", int):
        terms = [(f"{order} COLLATE NOCASE", direction)]
    else:  # a name as it is; a Markdown text by its stored key as read, computed, then as written
        prefix = prefix_function(cls.TABLE, order)
        terms = [(f"{prefix}({order})", direction)] if prefix else []
        terms.append((f"sort_key({order})", direction))
    if cls is TalkingPoint and order == "topic_id":
        terms.append(("position", "ASC"))
    return [*terms, (rowid, "ASC")]


def _with_linked_keys(sql: str, cls: type[Record], order: str) -> str:
    """Join the sort keys of the linked items' names, each computed once.

    Sorting 50,000 talking points by their topic's name asked ``sort_key`` (Python)
    50,000 times, once a row, 0.1 s for the window's first table; the keys of the 50
    topics, materialised once and joined, cost a few milliseconds. (The columns are
    ``_kid`` and ``_key``, so that the item's own columns stay unambiguous.)
    """
    table, name = _LINKED[order]
    # LIMIT -1 (no limit) keeps SQLite from flattening the subquery into the join, which
    # would call sort_key once a row again. (Not a CTE: the guard's authorizer refuses
    # what is done on behalf of a view, and SQLite names a CTE as one.)
    keys = f"(SELECT id AS _kid, sort_key({name}) AS _key FROM {table} LIMIT -1)"
    source = f" FROM {cls.TABLE}"
    return sql.replace(source, f"{source} LEFT JOIN {keys} ON _kid = {order}", 1)


def by_table(table: str) -> type[Record] | None:
    return next((c for c in RECORD_TYPES.values() if table == c.TABLE), None)
