"""Our connection does what sqlite-utils' ``Database`` did for the Library, row for row."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database as UtilsDatabase

from briefbook.store.connection import Database, NotFoundError

SCHEMA = """
CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT NOT NULL, notes TEXT, n INTEGER DEFAULT 0);
CREATE TABLE links (a TEXT NOT NULL, b TEXT NOT NULL, role TEXT DEFAULT '', position INTEGER DEFAULT 0,
    PRIMARY KEY (b, a));
CREATE TABLE log (body TEXT);
"""


def _pair(tmp_path: Path) -> tuple[Database, UtilsDatabase]:
    ours, theirs = sqlite3.connect(tmp_path / "ours.db"), sqlite3.connect(tmp_path / "theirs.db")
    for conn in (ours, theirs):
        conn.executescript(SCHEMA)
    return Database(ours), UtilsDatabase(theirs, execute_plugins=False)


def _rows(db, table: str) -> list[tuple]:
    return db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()


def _both(dbs, op) -> None:
    results = []
    for db in dbs:
        try:
            op(db)
            results.append(None)
        except Exception as exc:  # the same kind of failure on both sides
            results.append(type(exc).__name__)
    assert results[0] == results[1] or (results[0] == "NotFoundError" == results[1])


def test_writes_leave_the_same_rows_as_sqlite_utils(tmp_path: Path) -> None:
    dbs = _pair(tmp_path)
    ops = [
        lambda db: db["people"].insert({"id": "p1", "name": "ສົມສັກ", "notes": {"lang": ["lo", "th"]}}),
        lambda db: db["people"].insert({"id": "p1", "name": "again"}),  # duplicate key: both refuse
        lambda db: db["people"].insert({"id": "p1", "name": "ignored"}, ignore=True),
        lambda db: db["people"].insert({"id": "p2", "name": "สมชาย", "notes": dt.date(2025, 12, 17)}),
        lambda db: db["people"].insert({"id": "p2", "name": "replaced", "n": 3}, replace=True),
        lambda db: db["people"].insert_all(
            [{"id": f"x{i}", "name": f"محمد {i}", "n": i} for i in range(450)], batch_size=100
        ),
        lambda db: db["people"].update("p1", {"name": "Lê Anh Tuấn", "notes": ["a", 1]}),
        lambda db: db["people"].update("missing", {"name": "nobody"}),
        lambda db: db["people"].update("p1", {}),
        lambda db: db["links"].upsert({"a": "m1", "b": "p1", "role": "host", "position": 0}, pk=("a", "b")),
        lambda db: db["links"].upsert({"a": "m1", "b": "p1", "role": "guest"}, pk=("a", "b")),
        lambda db: db["links"].upsert({"a": "m1", "b": "p2"}, pk=("a", "b")),
        lambda db: db["links"].upsert({"a": "m1", "b": "p2"}, pk=("a", "b")),
        lambda db: db["links"].update(["p1", "m1"], {"position": 7}),  # (b, a): declaration order
        lambda db: db["log"].insert({"body": "one"}),
        lambda db: db["log"].update(1, {"body": "first"}),  # a table without a key: its rowid
        lambda db: db.execute("INSERT INTO log (body) VALUES (?)", ["committed at once"]),
    ]
    for op in ops:
        _both(dbs, op)
        for table in ("people", "links", "log"):
            assert _rows(dbs[0], table) == _rows(dbs[1], table)
        assert not dbs[0].conn.in_transaction and not dbs[1].conn.in_transaction
    ours, theirs = dbs
    where = ("a = ?", ["m1"])
    assert list(ours["links"].rows_where(*where)) == list(theirs["links"].rows_where(*where))
    assert ours["links"].pks == theirs["links"].pks == ["b", "a"]
    assert sorted(ours.table_names()) == sorted(theirs.table_names())
    assert ours["people"].count == theirs["people"].count == 452  # any other method: sqlite-utils'


def test_a_lone_write_commits_and_a_failed_one_leaves_no_transaction(tmp_path: Path) -> None:
    db = Database(sqlite3.connect(tmp_path / "a.db"))
    db.execute("CREATE TABLE t (x INTEGER NOT NULL)")
    db.execute("INSERT INTO t VALUES (1)")
    assert not db.conn.in_transaction
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO t VALUES (NULL)")
    assert not db.conn.in_transaction
    other = sqlite3.connect(tmp_path / "a.db")
    assert other.execute("SELECT x FROM t").fetchall() == [(1,)]


def test_atomic_nests_as_savepoints_and_rolls_back(tmp_path: Path) -> None:
    db = Database(sqlite3.connect(tmp_path / "a.db"))
    db.execute("CREATE TABLE t (x INTEGER)")
    with db.atomic():
        db["t"].insert({"x": 1})
        with pytest.raises(ZeroDivisionError), db.atomic():
            db["t"].insert({"x": 2})
            raise ZeroDivisionError
        assert db.execute("SELECT x FROM t").fetchall() == [(1,)]
    with pytest.raises(ZeroDivisionError), db.atomic():
        db["t"].insert({"x": 3})
        raise ZeroDivisionError
    assert db.execute("SELECT x FROM t").fetchall() == [(1,)]
    with pytest.raises(NotFoundError):
        db["t"].update(99, {"x": 0})


def test_connections_set_recursive_triggers_as_before(tmp_path: Path) -> None:
    db = Database(sqlite3.connect(tmp_path / "a.db"))
    assert db.execute("PRAGMA recursive_triggers").fetchone()[0] == 1
