"""The library's connection: what BriefBook uses of sqlite-utils' ``Database``, on plain sqlite3.

A command that reads (``list``, ``show``, ``export``) used to import sqlite-utils
(about 25 ms, with its regular expressions, pluggy and dateutil) only to call
``execute`` on it. The Library needs five things of a database object:
``execute`` (committing a lone write, as sqlite-utils 4 does), ``atomic`` (a
transaction, savepoints when nested), ``table_names``, ``close``, and a table's
``insert``/``insert_all``/``update``/``upsert``/``rows_where``. They are written
here with sqlite-utils' own SQL and value conversions
(``tests/store/test_connection.py`` runs each beside sqlite-utils and compares
the rows). sqlite-utils itself is loaded only for the migrations (a new or older
file), and for any other table method someone asks for (:meth:`Table.__getattr__`).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import secrets
import sqlite3
import sys
import uuid
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

# Statements that never open a transaction of their own to commit (sqlite-utils' list).
_TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}


def _first_keyword(sql: str) -> str:
    """The statement's first keyword, uppercased, past blanks, ``;``, a BOM and comments."""
    i, n = 0, len(sql)
    while i < n:
        if sql[i].isspace() or sql[i] in (";", "\ufeff"):
            i += 1
        elif sql.startswith("--", i):
            newline = sql.find("\n", i)
            if newline == -1:
                return ""
            i = newline + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            if end == -1:
                return ""
            i = end + 2
        else:
            break
    start = i
    while i < n and (sql[i].isalnum() or sql[i] == "_"):
        i += 1
    return sql[start:i].upper()


def quote_identifier(name: str) -> str:
    """A table or column name as SQL (sqlite-utils' quoting: double quotes, doubled inside)."""
    return '"' + name.replace('"', '""') + '"'


def jsonify_if_needed(value: object) -> object:
    """The value stored for ``value``: sqlite-utils' conversion (JSON for containers, ISO dates)."""
    # A Decimal exists only once ``decimal`` is imported: a process that never needs it does not
    # load it (0.8 ms of every command's start) just to ask.
    decimal = sys.modules.get("decimal")
    if decimal is not None and isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, default=repr, ensure_ascii=False)
    if isinstance(value, _dt.time | _dt.date | _dt.datetime):
        return value.isoformat()
    if isinstance(value, _dt.timedelta | uuid.UUID):
        return str(value)
    return value


class Database:
    """A library connection. ``conn`` is the sqlite3 connection itself."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._utils: Any = None
        # The backup this open made before updating the file (store.migrate), so that the
        # search index's update after it (library.search_index) makes no second one.
        self.upgrade_backup: Path | None = None
        self.execute("PRAGMA recursive_triggers=on;")  # as sqlite-utils set it on every connection

    def execute(self, sql: str, parameters: Sequence | dict[str, Any] | None = None) -> sqlite3.Cursor:
        """Run one statement; a write outside a transaction is committed at once (sqlite-utils 4)."""
        conn = self.conn
        was_in_transaction = conn.in_transaction
        try:
            cursor = conn.execute(sql) if parameters is None else conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and conn.in_transaction:
                conn.execute("ROLLBACK")  # the failed statement's implicit transaction
            raise
        if (
            not was_in_transaction
            and conn.in_transaction
            and cursor.description is None
            and _first_keyword(sql) not in _TRANSACTION_CONTROL
        ):
            conn.execute("COMMIT")
        return cursor

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction; nested in one, a savepoint (sqlite-utils' ``atomic``)."""
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"sqlite_utils_{secrets.token_hex(16)}"
            conn.execute(f"SAVEPOINT {savepoint};")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:  # a RAISE(ROLLBACK) may have ended it already
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint};")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint};")
                raise
            conn.execute(f"RELEASE SAVEPOINT {savepoint};")
        else:
            conn.execute("BEGIN")
            try:
                yield self
            except BaseException:
                self.rollback()
                raise
            try:
                conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def table_names(self) -> list[str]:
        return [r[0] for r in self.execute("select name from sqlite_master where type = 'table'").fetchall()]

    def close(self) -> None:
        self.conn.close()

    def __getitem__(self, name: str) -> Table:
        return Table(self, name)

    def utils(self) -> Any:
        """sqlite-utils' ``Database`` on this same connection, loaded on first need (migrations)."""
        if self._utils is None:
            from sqlite_utils import Database as UtilsDatabase

            self._utils = UtilsDatabase(self.conn, execute_plugins=False)
        return self._utils


class NotFoundError(Exception):
    """No row has the primary key asked for (sqlite-utils raises its own of this name)."""


class Table:
    """The table methods the Library uses, in sqlite-utils' SQL; any other comes from sqlite-utils."""

    def __init__(self, db: Database, name: str):
        self.db = db
        self.name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.db.utils()[self.name], attribute)

    def insert(self, record: dict[str, Any], *, ignore: bool = False, replace: bool = False) -> Table:
        return self.insert_all([record], ignore=ignore, replace=replace)

    def insert_all(
        self,
        records: Iterable[dict[str, Any]],
        *,
        ignore: bool = False,
        replace: bool = False,
        batch_size: int = 100,
    ) -> Table:
        verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE" if ignore else "INSERT"
        with self.db.atomic():
            batch: list[dict[str, Any]] = []
            for record in records:
                batch.append(record)
                if len(batch) >= max(1, min(batch_size, 999 // max(len(record), 1))):  # SQLite's variables
                    self._insert_batch(verb, batch)
                    batch = []
            if batch:
                self._insert_batch(verb, batch)
        return self

    def _insert_batch(self, verb: str, batch: list[dict[str, Any]]) -> None:
        columns = sorted({key for record in batch for key in record})
        placeholders = "(" + ", ".join("?" for _ in columns) + ")"
        sql = (
            f"{verb} INTO {quote_identifier(self.name)} ({', '.join(map(quote_identifier, columns))}) "
            f"VALUES {', '.join(placeholders for _ in batch)}"
        )
        params = [jsonify_if_needed(record.get(c)) for record in batch for c in columns]
        self.db.execute(sql, params)

    @property
    def pks(self) -> list[str]:
        """The primary key's columns in declaration order (``rowid`` when it has none)."""
        info = self.db.execute(f"PRAGMA table_info({quote_identifier(self.name)})").fetchall()
        names = [row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5])]
        return names or ["rowid"]

    def update(self, pk_values: Any, updates: dict[str, Any] | None = None) -> Table:
        """Change the row whose primary key is ``pk_values``; a missing row raises as sqlite-utils does."""
        values = list(pk_values) if isinstance(pk_values, list | tuple) else [pk_values]
        pks = self.pks
        where = " and ".join(f"{quote_identifier(pk)} = ?" for pk in pks)
        if len(values) != len(pks):
            raise NotFoundError(f"Need {len(pks)} primary key value{'s' if len(pks) != 1 else ''}")
        table = quote_identifier(self.name)
        if self.db.execute(f"select 1 from {table} where {where}", values).fetchone() is None:
            raise NotFoundError
        if not updates:
            return self
        sets = ", ".join(f"{quote_identifier(key)} = ?" for key in updates)
        args = [jsonify_if_needed(v) for v in updates.values()] + values
        with self.db.atomic():
            rowcount = self.db.execute(f"update {table} set {sets} where {where}", args).rowcount
            assert rowcount == 1
        return self

    def upsert(self, record: dict[str, Any], *, pk: str | Sequence[str]) -> Table:
        """Insert ``record``, or update the columns it names in the row with its primary key."""
        keys = [pk] if isinstance(pk, str) else list(pk)
        columns = list(record)
        if any(k not in columns or record[k] is None for k in keys):
            from sqlite_utils.db import PrimaryKeyRequired

            raise PrimaryKeyRequired(
                f"upsert() requires a value for the primary key columns: {', '.join(keys)}"
            )
        others = [c for c in columns if c not in keys]
        do = (
            "DO UPDATE SET "
            + ", ".join(f"{quote_identifier(c)} = excluded.{quote_identifier(c)}" for c in others)
            if others
            else "DO NOTHING"
        )
        sql = (
            f"INSERT INTO {quote_identifier(self.name)} ({', '.join(map(quote_identifier, columns))}) "
            f"VALUES ({', '.join('?' for _ in columns)}) "
            f"ON CONFLICT({', '.join(map(quote_identifier, keys))}) {do}"
        )
        with self.db.atomic():
            self.db.execute(sql, [jsonify_if_needed(record[c]) for c in columns])
        return self

    def rows_where(
        self, where: str | None = None, where_args: Sequence | dict | None = None
    ) -> Iterator[dict]:
        sql = f"select * from {quote_identifier(self.name)}" + (f" where {where}" if where else "")
        cursor = self.db.execute(sql, where_args or [])
        columns = [c[0] for c in cursor.description]
        for row in cursor:
            yield dict(zip(columns, row, strict=True))
