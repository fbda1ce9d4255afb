"""Lists read a page at a time, each page starting after the last row of the one before.

A mixin of :class:`~briefbook.library.api.Library`. The window's tables fetch rows as
the user scrolls; with ``LIMIT 200 OFFSET 20000`` SQLite sorted and skipped 20,000 rows
to return 200 (712 ms on 75,000 talking points), and each page cost more than the one
before. A page here carries a *cursor*, the sort values of its last row (the order is
total: the rowid comes last), and the next page asks for the rows after it (keyset
pagination): where the order comes from an index (a stored sort key, see
:mod:`briefbook.store.sort_keys`), SQLite starts reading at the cursor.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from briefbook.library.queries import _LINKED, _to_record, _with_linked_keys, checked_order, order_terms
from briefbook.library.records import Record, TalkingPoint, record_type
from briefbook.library.speakers import name_speakers
from briefbook.shared_methods import dataclass
from briefbook.store.sort_keys import keys_complete

if TYPE_CHECKING:
    from briefbook.store.connection import Database

R = TypeVar("R", bound=Record)
Cursor = tuple[Any, ...]


@dataclass(frozen=True)
class Page(Generic[R]):
    """Rows of a list in its order, and where the next page starts (``None``: before any row)."""

    records: list[R]
    cursor: Cursor | None


class PagesMixin:
    db: Database

    def page(
        self,
        kind: str | type[R],
        *,
        where: dict[str, Any] | None = None,
        order_by: str | None = None,
        descending: bool = False,
        limit: int = 200,
        after: Cursor | None = None,
    ) -> Page[R]:
        """``limit`` items in :meth:`list`'s order, after the row ``after`` (a page's cursor).

        The same rows, in the same order, as ``list(..., limit=limit, offset=n)`` where
        ``n`` rows came before; a page after the last row is empty.
        """
        cls = record_type(kind)
        order = checked_order(cls, order_by)
        terms = order_terms(cls, order, descending, stored=keys_complete(self.db, cls.TABLE, order))
        if cls is TalkingPoint and order == "topic_id" and not descending and terms[0][0] == "_key":
            rows = self._rows_by_linked_name(cls, where, order, terms, limit, after)
        else:
            rows = self._page_rows(cls, where, order, terms, limit, after)
        columns = self._columns(cls)  # type: ignore[attr-defined]
        width = len(columns)
        records = [_to_record(cls, row[:width], columns) for row in rows]
        cursor = tuple(rows[-1][width:]) if rows else after
        return Page(name_speakers(self.db, records), cursor)

    def _page_rows(
        self,
        cls: type[Record],
        where: dict[str, Any] | None,
        order: str,
        terms: list[tuple[str, str]],
        limit: int,
        after: Cursor | None,
        linked: list[str] | None = None,
    ) -> list[tuple]:
        """The rows of a page, each followed by its sort values; ``linked``: of these linked items only
        (and of none: the rows whose link names no item, which come first)."""
        sql, params = self._select(cls, where)  # type: ignore[attr-defined]
        if order in _LINKED:
            sql = _with_linked_keys(sql, cls, order)
        conditions = []
        if after is not None:
            condition, values = after_condition(terms, after)
            conditions.append(condition)
            params += values
        if linked is not None:
            conditions.append(f"{order} IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(linked))
        if conditions:
            sql += (" AND " if where else " WHERE ") + " AND ".join(conditions)
        names = ", ".join(cls.field_names())
        keys = ", ".join(f"{term} AS _o{i}" for i, (term, _direction) in enumerate(terms))
        sql = sql.replace(f"SELECT {names} FROM", f"SELECT {names}, {keys} FROM", 1)
        sql += " ORDER BY " + ", ".join(f"{t} {d}" for t, d in terms) + " LIMIT ?"
        return self.db.execute(sql, [*params, limit]).fetchall()

    def _rows_by_linked_name(
        self,
        cls: type[Record],
        where: dict[str, Any] | None,
        order: str,
        terms: list[tuple[str, str]],
        limit: int,
        after: Cursor | None,
    ) -> list[tuple]:
        """Talking points by their topic's name, read from the first topics only.

        The window's first table lists talking points by their topic's name: SQLite sorted
        all 50,000 points to return 200 (16 ms of the start-up). Here the topics (a few
        dozen) are put in that order, and the page is asked of the points of the first
        topic, then of the first 4, 16...: once those give ``limit`` rows, no point of a
        later topic can come before them (a topic's points follow those of every topic
        before it in (name, id) order), so the page is the one the whole order gives.
        Points whose topic is gone (a file written without its foreign keys) come first in
        that order: their topic ids are found in the index (one seek per topic id) and
        always asked. ``talking_points_topic`` (topic_id, position) serves each read.
        """
        table, name = _LINKED[order]
        keyed = self.db.execute(f"SELECT sort_key({name}), id FROM {table}").fetchall()
        plain = all(isinstance(key, bytes) and isinstance(i, str) for key, i in keyed)
        if not plain or (
            after is not None and (len(after) != len(terms) or type(after[0]) not in (bytes, type(None)))
        ):
            return self._page_rows(cls, where, order, terms, limit, after)  # as before (or refused there)
        ordered = sorted(keyed)
        if after is not None and after[0] is not None:  # the topics before the cursor's hold no row after it
            ordered = [(k, i) for k, i in ordered if k >= after[0]]
        gone = self._missing_links(cls.TABLE, order, {item_id for _key, item_id in keyed})
        size = 1
        while size < len(ordered):
            chunk = gone + [item_id for _key, item_id in ordered[:size]]
            rows = self._page_rows(cls, where, order, terms, limit, after, linked=chunk)
            if len(rows) >= limit:
                return rows
            size *= 4
        return self._page_rows(cls, where, order, terms, limit, after)

    def _missing_links(self, table: str, column: str, known: set[str]) -> list[str]:
        """The values of ``column`` (indexed) that name no item of ``known``, one index seek per value."""
        missing = []
        value = self.db.execute(f"SELECT min({column}) FROM {table}").fetchone()[0]
        while value is not None:
            if value not in known:
                missing.append(value)
            value = self.db.execute(
                f"SELECT min({column}) FROM {table} WHERE {column} > ?", [value]
            ).fetchone()[0]
        return missing

    def point_numbers(self, point_ids: list[str]) -> dict[str, int]:
        """Each talking point's number within its topic (1, 2, 3... in the topic's order).

        For a page of the window's table, read with the page: a page sorted by text holds
        points of many topics, and numbering them topic by topic on the GUI thread read
        every point of each topic. Here the points asked are put in their topic's order,
        and each one's number is the one before it plus the points between the two,
        counted in the topic's index (``talking_points_topic``). Each index entry is
        counted once: counting every point's predecessors from the topic's start read
        about 100,000 entries for the first page of 50,000 points (9.5 ms at start-up, now
        under 1 ms).
        """
        if not point_ids:
            return {}
        between = (
            "(SELECT count(*) FROM talking_points u WHERE u.topic_id = s.topic_id AND {lower}"
            "(u.position, u.rowid) <= (s.position, s.rid))"
        )
        first = between.format(lower="")
        after = between.format(lower="(u.position, u.rowid) > (s.before_position, s.before_rowid) AND ")
        asked = (
            "SELECT id, topic_id, position, rowid AS rid, lag(position) OVER w AS before_position, "
            "lag(rowid) OVER w AS before_rowid FROM talking_points "
            "WHERE id IN (SELECT value FROM json_each(?)) "
            "WINDOW w AS (PARTITION BY topic_id ORDER BY position, rowid)"
        )
        gaps = (
            f"SELECT id, topic_id, position, rid, CASE WHEN before_rowid IS NULL THEN {first} "
            f"ELSE {after} END AS gap FROM ({asked}) s"
        )
        sql = (
            "SELECT id, sum(gap) OVER (PARTITION BY topic_id ORDER BY position, rid "
            f"ROWS UNBOUNDED PRECEDING) FROM ({gaps})"
        )
        return dict(self.db.execute(sql, [json.dumps(point_ids)]).fetchall())


def after_condition(terms: list[tuple[str, str]], values: Cursor) -> tuple[str, list[Any]]:
    """SQL that holds for the rows after ``values`` in the order of ``terms``.

    One row-value comparison when every term goes one way and no value is NULL (SQLite
    then seeks in the index); otherwise the expanded form, with SQLite's NULL order
    (first when ascending, last when descending) and ``IS`` for equal values.
    """
    if len(values) != len(terms):
        raise ValueError("The page's cursor does not belong to this order.")
    directions = {direction for _term, direction in terms}
    if len(directions) == 1 and None not in values:
        op = ">" if directions == {"ASC"} else "<"
        marks = ", ".join("?" * len(values))
        first = terms[0][0]
        # The first term alone as well: SQLite seeks in its index (a stored key) from there.
        return f"{first} {op}= ? AND ({', '.join(t for t, _d in terms)}) {op} ({marks})", [values[0], *values]
    alternatives, params = [], []
    for i, (term, direction) in enumerate(terms):
        value = values[i]
        if value is None:
            if direction == "DESC":
                continue  # nothing comes after NULL going down
            beyond, beyond_params = f"{term} IS NOT NULL", []
        elif direction == "ASC":
            beyond, beyond_params = f"{term} > ?", [value]
        else:
            beyond, beyond_params = f"({term} < ? OR {term} IS NULL)", [value]
        same = [f"{t} IS ?" for t, _d in terms[:i]]
        alternatives.append("(" + " AND ".join([*same, beyond]) + ")")
        params += [*values[:i], *beyond_params]
    return "(" + (" OR ".join(alternatives) or "0") + ")", params
