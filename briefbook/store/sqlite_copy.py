"""Copying a library file through SQLite's backup API: verified, made durable, and the reasons
it can fail put in plain words. Shared by making a backup and restoring one.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from briefbook.errors import BriefBookError
from briefbook.store.database import BUSY_TIMEOUT_MS, SQLITE_HEADER


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to a library file, checked to be an SQLite database.

    Python itself never opens the file here: closing a handle to a file drops every
    POSIX lock this process holds on it, including those of a ``Library`` open on it.
    """
    if not path.is_file():
        raise BriefBookError(f"There is no library at {path} to back up.")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc) and not has_sqlite_header(path):  # safe to read: it is broken
            raise BriefBookError(f"{path} is not a BriefBook library; no backup was made.") from None
        raise sqlite_problem(exc, path) from None
    except UnicodeDecodeError:  # a damaged schema's message, not UTF-8
        conn.close()
        raise sqlite_problem(sqlite3.DatabaseError("database disk image is malformed"), path) from None
    return conn


def has_sqlite_header(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def copy_verified(
    source: sqlite3.Connection, target: Path, progress: Callable[[int, int], None] | None
) -> None:
    """Online backup of ``source`` into the new file ``target``; raises unless it is a good library."""

    def report(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    # Made first by hand: an OSError says why (a read-only disk, no permission to write there),
    # where SQLite would only say "unable to open database file".
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    dest = sqlite3.connect(str(target))
    try:
        dest.execute("PRAGMA synchronous = FULL")
        # One step holds one read snapshot for the whole copy (WAL: no writer waits for it);
        # with a progress callback, steps of 1024 pages (4 MB) let it be reported.
        source.backup(dest, pages=1024 if progress else -1, progress=report if progress else None)
        # The copy carries the source's WAL flag; a backup is one plain file instead.
        dest.execute("PRAGMA journal_mode = DELETE")
        problems = [r[0] for r in dest.execute("PRAGMA integrity_check") if r[0] != "ok"]
        tables = {r[0] for r in dest.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        dest.close()
    if problems:
        raise BriefBookError(
            f"The library is damaged ({problems[0]}); the backup was not kept. "
            "Restore an earlier backup (briefbook backups)."
        )
    if "_sqlite_migrations" not in tables:
        raise BriefBookError("That file is not a BriefBook library; no backup was made.")


def fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems refuse; the data itself was synced
        pass
    finally:
        os.close(fd)


def why(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if isinstance(exc, PermissionError):
        return "you are not allowed to write there"
    return (exc.strerror or str(exc)).lower()


def sqlite_problem(exc: sqlite3.Error, what: object, *, restoring: bool = False) -> BriefBookError:
    text = str(exc).lower()
    done = "Nothing was changed." if restoring else "No backup was made."
    if "locked" in text or "busy" in text:
        return BriefBookError(f"The library {what} is busy in another BriefBook window. {done} Try again.")
    if "full" in text:
        return BriefBookError(f"The disk is full. {done}")
    if "readonly" in text or "read-only" in text:
        return BriefBookError(f"The library {what} is read-only here. {done}")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return BriefBookError(f"The library {what} is damaged. {done} Restore an earlier backup.")
    return BriefBookError(f"The library {what} could not be copied ({exc}). {done}")
