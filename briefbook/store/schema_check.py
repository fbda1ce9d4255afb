"""Is this file's schema exactly the one BriefBook creates? (A library is data, never code.)

The reference is built, not written down: the migrations the file records as
applied are run, in order, on an empty in-memory database, and the two schema
tables (``sqlite_master``) are compared entry by entry: every table, index,
virtual table, trigger and view, with its SQL. Anything else is a difference
the user is told about, in words: a trigger or a view (BriefBook's schema has
neither), a table of ours in another shape (wrong column types, a missing
column, an extra CHECK), a table or index we do not make.

Only the schema table and the migrations table are read (the latter only once
its own shape has been checked), so no SQL of the file's runs while checking.

Building the reference costs about 9 ms (and loads sqlite-utils), on every open. For
this version's schema it is therefore read from :mod:`briefbook.store.schema_snapshot`,
written by :func:`write_snapshot` from that very build; ``tests/store/test_schema_snapshot.py``
builds it again and fails if the two differ (a new migration: run ``write_snapshot``).
A file at any other version is compared with a reference built as before.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path

from briefbook.store.guard import harden

MIGRATIONS_TABLE = "_sqlite_migrations"
MIGRATION_SET = "briefbook"  # briefbook.store.schema.MIGRATIONS.name
# Tables SQLite itself makes: sqlite_sequence for AUTOINCREMENT, sqlite_stat* after ANALYZE/optimize.
_SQLITE_OWN = {
    "sqlite_sequence": "CREATE TABLE sqlite_sequence(name,seq)",
    "sqlite_stat1": "CREATE TABLE sqlite_stat1(tbl,idx,stat)",
    "sqlite_stat4": "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)",
}
_KIND_WORDS = {"table": "a table", "index": "an index"}


# What SQLite itself reads as white space between words (tokenize.c: tab, newline, form feed,
# carriage return, space); str.split also splits at \v and \x1c-\x1f, which SQLite refuses in SQL.
_SQL_SPACE = " \t\n\f\r"


def _normal(sql: str | None) -> str:
    r"""Every run of SQLite's white space one space, none at the ends. Only SQLite's: a
    non-breaking or other Unicode space is a letter of a name to SQLite, so that
    ``TEXT NOT\u00a0NULL`` is a column of type "TEXT NOT\u00a0NULL" that takes NULL; made one
    space, it read as ours (``re.sub(r"\s+", ...)`` and ``str.split`` both did so)."""
    sql = sql or ""
    if sql.isascii():  # (the common case, in one scan: str.split's ASCII white space)
        return " ".join(sql.split())
    for space in _SQL_SPACE[1:]:
        sql = sql.replace(space, " ")
    return " ".join(word for word in sql.split(" ") if word)


def _entries(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[str, str]]:
    """(type, name) -> (table it belongs to, normalised SQL) of every schema entry."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {(t, n): (tbl, _normal(sql)) for t, n, tbl, sql in rows}


def known_migrations() -> list[str]:
    """The steps this version knows, in order, as ``store.schema`` registers them."""
    from briefbook.store.schema import known_migrations as registered

    return registered()


def expected_entries(applied: tuple[str, ...]) -> dict[tuple[str, str], tuple[str, str]]:
    """The schema BriefBook creates at the version whose applied migrations are ``applied``."""
    from briefbook.store import schema_snapshot

    if applied == schema_snapshot.MIGRATIONS == tuple(known_migrations()):
        return schema_snapshot.ENTRIES
    return built_entries(applied)


def migrations_table_entry() -> tuple[str, str] | None:
    """The record of versions' own schema entry, as the first step makes it (and none changes)."""
    from briefbook.store import schema_snapshot

    if tuple(known_migrations()) == schema_snapshot.MIGRATIONS:
        return schema_snapshot.MIGRATIONS_TABLE_ENTRY
    return built_entries(tuple(known_migrations()[:1])).get(("table", MIGRATIONS_TABLE))


@lru_cache(maxsize=16)
def built_entries(applied: tuple[str, ...]) -> dict[tuple[str, str], tuple[str, str]]:
    """The schema at that version, built: the migrations run on an empty in-memory database."""
    from sqlite_utils import Database

    from briefbook.store.schema import MIGRATIONS

    known = known_migrations()
    conn = harden(sqlite3.connect(":memory:"))
    try:
        db = Database(conn, execute_plugins=False)
        following = known[len(applied)] if len(applied) < len(known) else None
        MIGRATIONS.apply(db, stop_before=following) if following else MIGRATIONS.apply(db)
        return _entries(conn)
    finally:
        conn.close()


def migration_history(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """(applied migration names, problems). Reads the migrations table only if it has our shape."""
    rows = conn.execute(
        "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchall()
    want = migrations_table_entry()
    have = (rows[-1][0], _normal(rows[-1][1])) if rows else None  # (the one _entries would keep)
    if have is None:
        return [], []
    if have != want:
        return [], [f"its table '{MIGRATIONS_TABLE}' (the record of its versions) has another shape"]
    return recorded_steps(conn), []


def recorded_steps(conn: sqlite3.Connection) -> list[str]:
    """The steps the file's record of versions names as applied, in order (the table must be there)."""
    rows = conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET]
    ).fetchall()
    return [str(r[0]) for r in rows]


def history_problem(applied: list[str]) -> str | None:
    """Why ``applied`` is not a history this BriefBook wrote (None when it is one)."""
    known = known_migrations()
    if applied != known[: len(applied)]:
        return "its record of versions is not one BriefBook writes (steps missing or out of order)"
    return None


def schema_differences(
    conn: sqlite3.Connection,
    applied: list[str],
    want: dict[tuple[str, str], tuple[str, str]] | None = None,
) -> list[str]:
    """Every way the file's schema differs from ours at its version, in words; empty when equal.

    The file's own code (triggers, views) comes first: it is what would act. ``want``: the
    schema to compare with, when the caller has it (the first page's look at a file of this
    version, which must refuse what the open refuses without loading the migrations).
    """
    have = _entries(conn)
    want = expected_entries(tuple(applied)) if want is None else want
    code: list[str] = []
    other: list[str] = []
    for (kind, name), (table, sql) in sorted(have.items()):
        if kind in ("trigger", "view"):
            code.append(f"it holds a {kind} '{name}' (BriefBook libraries have no {kind}s)")
        elif kind == "index" and ("table", table) not in want:
            continue  # an index of a table we do not make: that table is named already
        elif (kind, name) in want:
            if want[(kind, name)] != (table, sql):
                what = "table" if kind == "table" else f"index on '{table}'"
                other.append(f"its {what} '{name}' is not in the shape BriefBook makes")
        elif kind == "table" and name in _SQLITE_OWN and sql == _normal(_SQLITE_OWN[name]):
            continue
        elif kind == "index" and name.startswith("sqlite_autoindex_"):
            other.append(f"its table '{table}' has an extra unique constraint")
        else:
            other.append(
                f"it holds {_KIND_WORDS.get(kind, 'an object')} '{name}' that BriefBook does not make"
            )
    missing = [f"its {kind} '{name}' is missing" for kind, name in sorted(want) if (kind, name) not in have]
    return code + missing + other


def file_problems(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """(applied migrations, problems) for the file on ``conn``: all a refusal needs to say."""
    applied, problems = migration_history(conn)
    if problems:
        return applied, problems
    if any(name not in known_migrations() for name in applied):
        return applied, []  # a newer version: the caller says so, we cannot judge its schema
    problem = history_problem(applied)
    if problem:
        return applied, [problem]
    return applied, schema_differences(conn, applied)


def snapshot_source() -> str:
    """The text of :mod:`briefbook.store.schema_snapshot` for this version's migrations."""
    current = tuple(known_migrations())
    entries = built_entries(current)
    lines = [
        '"""This version\'s schema, as :func:`briefbook.store.schema_check.built_entries` builds it.',
        "",
        "Written by ``briefbook.store.schema_check.write_snapshot()``, then ``ruff format``.",
        "Never edit it by hand.",
        '"""',
        "",
        "# ruff: noqa: E501",
        f"MIGRATIONS = {current!r}",
        f"MIGRATIONS_TABLE_ENTRY = {built_entries(current[:1]).get(('table', MIGRATIONS_TABLE))!r}",
        "ENTRIES = {",
        *(f"    {key!r}: {entries[key]!r}," for key in sorted(entries)),
        "}",
        "",
    ]
    return "\n".join(lines)


def write_snapshot() -> Path:
    """Write :mod:`briefbook.store.schema_snapshot` again (after adding a migration)."""
    path = Path(__file__).with_name("schema_snapshot.py")
    path.write_text(snapshot_source(), encoding="utf-8")
    return path
