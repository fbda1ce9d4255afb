"""The window's first table, read before the library loads, with the library's own queries.

At start the window shows its first table before :class:`~briefbook.library.Library`
(and sqlite-utils) have loaded: :class:`FirstPageReader` runs the very code the
Library runs to list, count, page and number items (:class:`QueriesMixin`,
:class:`PagesMixin`, the same SQL, order, filters and records) over a read-only
``sqlite3`` connection from :func:`briefbook.store.quick_open.open_current`. So
the rows shown first are exactly the rows the full open reads a moment later;
nothing here can write (the connection is read-only and ``query_only``), and a
file the full open could refuse, back up or migrate is never read here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from briefbook.library.pages import PagesMixin
from briefbook.library.queries import QueriesMixin
from briefbook.store import quick_open


class _ReadOnlyDatabase:
    """What the Library's read queries use of sqlite-utils' ``Database``: ``execute``."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters or [])


class FirstPageReader(QueriesMixin, PagesMixin):
    """A library file read-only, for the first table only (``list``, ``count``, ``page``,
    ``point_numbers``, ``classification_levels``, as :class:`~briefbook.library.Library`)."""

    read_only = True

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.db = _ReadOnlyDatabase(conn)  # type: ignore[assignment]
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> FirstPageReader | None:
        """A reader of ``path``, or ``None`` when only the full open may look at that file."""
        conn = quick_open.open_current(path)
        return cls(conn, Path(path)) if conn is not None else None

    def classification_levels(self) -> list[str]:
        """The library's level names, lowest first (as ``Library.classification_levels``)."""
        return [row[0] for row in self.db.execute("SELECT name FROM classification_levels ORDER BY rank")]

    def close(self) -> None:
        quick_open.close(self.db.conn, self.path)

    def __enter__(self) -> FirstPageReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
