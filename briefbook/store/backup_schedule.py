"""When an automatic backup is due: at most every interval, only when something changed, across processes.

Every process that writes a library (two windows, the window and a script of
``briefbook add`` calls) decides from what is on disk, so they share one rule
instead of each keeping its own clock:

* the **newest backup's time**, from its name in the backups folder (a folder
  listing, no file opened): nothing is due until it is ``interval`` old;
* the library's **change counter**, a number every write transaction of
  :class:`briefbook.library.Library` raises by one (the ``changes`` row of
  ``settings``, written in the same transaction, so it is exact). A backup holds
  the counter of what it copied; when the library's counter equals the newest
  backup's, nothing changed and no backup is made. (File times cannot tell: the
  checkpoint that moves the WAL into the file changes its time, not its content.)

Reading a library never makes a backup; so a command that only reads costs what
it reads.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from briefbook.store import backup_catalog
from briefbook.store.backup_catalog import backup_folder, scan
from briefbook.store.database import BUSY_TIMEOUT_MS

CHANGES_KEY = "changes"

_BUMP = (
    "INSERT INTO settings (key, value) VALUES (?, '1') "
    "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
)


def now() -> float:
    """The wall clock backups are named by (:func:`briefbook.store.backup_catalog.clock`)."""
    return backup_catalog.clock()


def bump_changes(conn: sqlite3.Connection) -> None:
    """Count one more change; call inside the write transaction that made it."""
    conn.execute(_BUMP, [CHANGES_KEY])


def read_changes(conn: sqlite3.Connection) -> int | None:
    """The change counter of an open library or backup (``None``: it has none, or it cannot be read)."""
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", [CHANGES_KEY]).fetchone()
    except (sqlite3.Error, UnicodeDecodeError):  # (a damaged schema's message, not UTF-8)
        return None
    try:
        return int(row[0]) if row else 0
    except (TypeError, ValueError):
        return None


def backup_changes(path: Path) -> int | None:
    """The change counter a backup (or a library) holds, read on a read-only connection through SQLite."""
    try:
        conn = _connect(path)
    except sqlite3.Error:
        return None
    try:
        return read_changes(conn)
    finally:
        conn.close()


def created_at(path: Path) -> float | None:
    """When the library was created (its first migration), wall clock; ``None`` if it cannot be read."""
    try:
        conn = _connect(path)
        try:
            row = conn.execute("SELECT min(applied_at) FROM _sqlite_migrations").fetchone()
        finally:
            conn.close()
        return dt.datetime.fromisoformat(row[0]).timestamp() if row and row[0] else None
    except (sqlite3.Error, ValueError, TypeError):  # (UnicodeDecodeError is a ValueError)
        return None


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def next_due(library_path: Path, changes: int | None, interval: float) -> float | None:
    """When (wall clock) a backup of ``library_path`` holding ``changes`` falls due; ``None``: none needed.

    The newest backup's time plus ``interval`` (with no backup yet: the library's
    creation, so that a library just made is not copied at its first edit); ``None``
    when the newest backup already holds these changes.
    """
    newest = next(iter(scan(backup_folder(library_path))), None)
    if newest is None:
        created = created_at(library_path)
        return 0.0 if created is None else created + interval
    held = backup_changes(newest.path)
    if changes is not None and held is not None and held == changes:
        return None
    return newest.created.timestamp() + interval


def library_changes(library_path: Path) -> int | None:
    """The change counter of the library file, on a connection of its own (any thread may ask)."""
    return backup_changes(library_path)


def due_now(library_path: Path, changes: int | None, interval: float) -> tuple[bool, float]:
    """(is a backup due now, when to ask again at the earliest): a writer then only reads its clock."""
    t = now()
    try:
        when = next_due(library_path, changes, interval)
    except OSError:  # no folder listing: the backup itself will say what is wrong
        return True, t + interval
    if when is None:  # up to date: a change can only fall due an interval from now
        return False, t + interval
    return when <= t, max(when, t + 1.0) if when > t else t + interval
