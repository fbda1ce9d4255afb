"""A read-only look at a library file before the library itself loads (the window's first table).

Starting the window, sqlite-utils and the library layer take about 70 ms to load
and open a file, most of it importing. The first table does not need them to be
*shown*: this module opens the file with the standard library's ``sqlite3``
alone, read-only (``mode=ro``), hardened like every connection of ours
(:func:`briefbook.store.guard.harden`), for :mod:`briefbook.library.first_page`
to read one page; the full open follows at once and shows the same rows again.

It never decides anything about a file: where the full open could refuse the file,
warn, back it up or migrate it, :func:`open_current` answers ``None`` and the
window waits for the full open and its message, as before. So a file is looked at
here only when it is exactly at this version's schema (every migration applied,
none unknown, and the very schema the full open compares: no table in another
shape, none it does not make), passes the same ``quick_check`` the full open runs,
holds no trigger or view, and has no side file (no ``-wal``, ``-shm`` or ``-journal``:
no other connection, no hot journal, no WAL of another file). Nothing is written:
the side files a read-only WAL connection makes are removed again.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from briefbook.collation import sort_key
from briefbook.store.guard import harden
from briefbook.store.schema_check import schema_differences
from briefbook.store.schema_snapshot import ENTRIES, MIGRATIONS
from briefbook.store.sort_keys import markdown_sort_prefix

SIDE_FILES = ("-wal", "-shm", "-journal")
FULL_CHECK_UP_TO = 16 * 1024 * 1024  # bytes: up to this size, every open runs the whole quick_check
# Checked on every open of a bigger file: the schema, and the tables every command reads first.
SMALL_TABLES = ("sqlite_schema", "_sqlite_migrations", "settings", "classification_levels")
# The migrations of this version, in order: the generated schema snapshot lists them as
# briefbook.store.schema registers them (with sqlite-utils, which this module must not load);
# tests/store/test_schema_snapshot.py rebuilds it, so a new migration cannot be missed here.
CURRENT_MIGRATIONS = MIGRATIONS


def remove_new_side_files(path: Path, existed: set[str]) -> None:
    """Remove the side files SQLite made just now for a read of ``path`` (an empty ``-wal``, its ``-shm``)."""
    for suffix in SIDE_FILES:
        side = Path(f"{path}{suffix}")
        try:
            if suffix not in existed and side.exists() and (suffix == "-shm" or side.stat().st_size == 0):
                side.unlink()
        except OSError:
            pass


def open_current(path: str | Path) -> sqlite3.Connection | None:
    """A hardened read-only connection to ``path``, or ``None`` where only the full open may decide.

    ``None`` for a file that is missing, empty, not writable here, has a side file, is
    not at exactly this version's schema, fails the quick check, holds a trigger or a
    view, or cannot be read at all. The caller closes the connection with :func:`close`.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if size == 0 or not path.is_file() or not os.access(path, os.W_OK):
        return None
    if any(Path(f"{path}{s}").exists() for s in SIDE_FILES):
        return None
    conn = None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        harden(conn)
        if _usable(conn, size):
            conn.create_function("sort_key", 1, sort_key, deterministic=True)
            conn.create_function("markdown_sort_prefix", 1, markdown_sort_prefix, deterministic=True)
            conn.execute("PRAGMA query_only = ON")
            return conn
    except (sqlite3.Error, UnicodeDecodeError):  # (a damaged schema's message, not UTF-8)
        pass  # the full open looks at it and says why
    close(conn, path)
    return None


def close(conn: sqlite3.Connection | None, path: str | Path) -> None:
    """Close a connection of :func:`open_current` and remove the side files it made."""
    if conn is not None:
        with contextlib.suppress(sqlite3.Error):
            conn.close()
    remove_new_side_files(Path(path), set())


def _usable(conn: sqlite3.Connection, size: int) -> bool:
    """The full open's own checks that can refuse a file, and no code of the file's."""
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "_sqlite_migrations" not in names:
        return False
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') LIMIT 1").fetchone():
        return False
    applied = conn.execute("SELECT migration_set, name FROM _sqlite_migrations ORDER BY rowid").fetchall()
    if applied != [("briefbook", name) for name in CURRENT_MIGRATIONS]:
        return False
    # The schema the full open compares (a table of ours in another shape, an index or table we
    # do not make, "NOT\u00a0NULL"): a file it refuses shows no row first, then its refusal.
    if schema_differences(conn, list(CURRENT_MIGRATIONS), want=ENTRIES):
        return False
    if size <= FULL_CHECK_UP_TO:
        return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    tables = [t for t in SMALL_TABLES if t in names or t == "sqlite_schema"]
    return all(conn.execute(f"PRAGMA quick_check({t})").fetchone()[0] == "ok" for t in tables)
