"""Backups of a library file: made with SQLite's online backup API, verified, rotated, restored.

Where and what
    Backups live beside the library, in ``<library-stem>.backups/`` (for
    ``Bangkok.briefbook``: ``Bangkok.backups/``), one complete library file each,
    named ``<stem>.<UTC time>.<reason>.briefbook``, e.g.
    ``Bangkok.2026-11-24T13-05-12.123456Z.open.briefbook``. Each one opens as a
    library on its own (it is a plain rollback-journal SQLite file, no ``-wal``).

How one is made (:func:`backup_library`)
    Never a file copy of a live database: a file copy of a WAL library taken
    while BriefBook writes can miss commits or mix two states. SQLite's backup
    API reads one consistent snapshot through the library's own locking (WAL:
    it never blocks a writer). It writes to a hidden temporary name
    (``.<final name>.<pid>.partial``), runs ``PRAGMA integrity_check`` on the
    copy, fsyncs it, and only then renames it to its final name. A backup that
    is killed half-way therefore leaves only a temporary file, which
    :func:`list_backups` never offers and the next backup removes.

Which are kept (:func:`rotate`)
    The last 10, plus the newest of each day for 30 days. Backups the user asked
    for (``manual``), the copy taken before a restore and the copy taken before
    a schema upgrade are kept for 30 days whatever else happens.

When they are made (see :class:`briefbook.library.Library` and
:mod:`briefbook.store.backup_schedule`)
    After an edit, and when the window opens a library (off its GUI thread), if
    the newest backup, whoever made it, is 10 minutes old and the library changed
    since; before a restore, before a schema upgrade, and on demand (``briefbook
    backup``). Reading a library never makes one.

Restoring (:func:`restore_backup`)
    The current file is backed up first (or, if it is damaged, moved aside
    untouched as ``<stem>.damaged.<time>.briefbook`` in the backups folder), then
    the backup is copied into the library path with the backup API and the
    result verified. Restoring never opens the current file as a library, so it
    works when that file is damaged. Close the library (every ``Library`` of this
    process on it) before restoring; other processes that have it open see the
    restored content, as they would see another window's edits.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from briefbook.errors import BriefBookError, LibraryFileError, NewerVersionError
from briefbook.paths import LIBRARY_SUFFIX
from briefbook.store import backup_catalog
from briefbook.store.backup_catalog import (
    KEEP_DAYS,
    KEEP_LAST,
    PINNED,
    REASONS,
    SIDE_FILES,
    STAMP,
    BackupInfo,
    backup_folder,
    cleanup_partial_backups,
    describe_backup,
    free_name,
    list_backups,
    remove_with_side_files,
    rotate,
    scan,
    writing,
)
from briefbook.store.database import BUSY_TIMEOUT_MS, SQLITE_HEADER, inspect_library

log = logging.getLogger(__name__)

# What callers import from here: making and restoring backups, and the folder's catalogue.
__all__ = [
    "KEEP_DAYS",
    "KEEP_LAST",
    "PINNED",
    "REASONS",
    "BackupInfo",
    "backup_folder",
    "backup_library",
    "cleanup_partial_backups",
    "describe_backup",
    "list_backups",
    "newest_good_backup",
    "restore_backup",
    "rotate",
]


def backup_library(
    db_or_path: Any,
    folder: str | Path | None = None,
    reason: str = "manual",
    *,
    progress: Callable[[int, int], None] | None = None,
    only_if_changed: bool = False,
) -> Path:
    """Back up a library (a path, a ``Library`` or a ``Database``) and return the backup's path.

    The copy is written under a temporary name, checked with ``PRAGMA
    integrity_check`` and renamed; then old backups are rotated. With
    ``only_if_changed``, nothing is written when the library file has not changed
    since the newest backup (which is returned). ``progress(done, total)`` counts
    pages. Raises :class:`BriefBookError` in plain words if no backup could be made.
    """
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    library_path, given = _source(db_or_path)
    if library_path is None and folder is None:
        raise ValueError("an in-memory database needs a backup folder")
    folder = Path(folder) if folder is not None else backup_folder(library_path)  # type: ignore[arg-type]
    stem = library_path.stem if library_path is not None else "library"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefBookError(f"Cannot make the backups folder {folder}: {_why(exc)}.") from None
    cleanup_partial_backups(folder)
    if only_if_changed and library_path is not None:
        newest = next(iter(scan(folder)), None)
        if newest is not None and _last_change(library_path) < newest.created:
            return newest.path

    started = dt.datetime.fromtimestamp(backup_catalog.clock(), dt.UTC)
    final = free_name(folder, f"{stem}.{started.strftime(STAMP)}.{reason}")
    temp = folder / f".{final.name}.{os.getpid()}.partial"
    source = given
    with writing(temp):
        try:
            if source is None:
                assert library_path is not None
                source = _connect_read_only(library_path)
            _copy(source, temp, progress)
            _fsync(temp)
            os.replace(temp, final)
            _fsync_folder(folder)
        except BaseException as exc:
            remove_with_side_files(temp)
            what = library_path or "the library"
            if isinstance(exc, sqlite3.Error):
                raise _sqlite_problem(exc, what) from None
            if isinstance(exc, OSError):
                raise BriefBookError(f"Could not back up {what} into {folder}: {_why(exc)}.") from None
            raise
        finally:
            if source is not None and source is not given:
                source.close()
    try:
        rotate(folder)
    except OSError as exc:  # an old backup we cannot delete is no reason to fail this one
        log.warning("could not rotate backups in %s: %s", folder, exc)
    return final


def newest_good_backup(library_path: str | Path) -> Path | None:
    """The newest backup that passes the checks a library must pass to be opened, or ``None``."""
    folder = backup_folder(library_path)
    if not folder.is_dir():
        return None
    for info in scan(folder):
        try:
            inspect_library(info.path)
        except LibraryFileError:
            continue
        return info.path
    return None


def restore_backup(library_path: str | Path, backup_path: str | Path) -> Path | None:
    """Make ``backup_path`` the library at ``library_path``; returns where the previous file went.

    The current file is backed up first (or, when it is damaged, moved aside
    untouched); ``None`` is returned when there was no current file. The current
    file is never opened as a library, so a damaged one is no obstacle. Close the
    library in this process first.
    """
    library_path, backup_path = Path(library_path), Path(backup_path)
    if not backup_path.is_file():
        raise BriefBookError(f"There is no backup at {backup_path}.")
    if library_path.exists() and library_path.resolve() == backup_path.resolve():
        raise BriefBookError("That backup is the library file itself; choose a backup to restore.")
    try:
        inspect_library(backup_path)
    except NewerVersionError:
        raise BriefBookError(
            f"The backup {backup_path} was written by a newer version of BriefBook; update BriefBook "
            "to restore it. Nothing was changed."
        ) from None
    except LibraryFileError:
        raise BriefBookError(
            f"The backup {backup_path} is damaged or not a BriefBook library; nothing was changed. "
            "Choose another backup."
        ) from None
    if not library_path.parent.is_dir():
        raise BriefBookError(f"Cannot restore to {library_path}: the folder does not exist.")
    cleanup_partial_backups(library_path.parent, prefix=f".{library_path.name}.")  # a restore killed half-way
    folder = backup_folder(library_path)
    state = _state(library_path)
    previous: Path | None = None
    if state == "good":
        previous = backup_library(library_path, folder, reason="before-restore")
        _restore_into_live_file(backup_path, library_path)
    else:
        if state == "damaged" or any(Path(f"{library_path}{s}").exists() for s in SIDE_FILES):
            previous = _set_aside(library_path, folder)
        _restore_into_new_file(backup_path, library_path)
    try:
        inspect_library(library_path)
    except LibraryFileError as exc:  # pragma: no cover - the copy was verified before
        raise BriefBookError(f"The restored library does not pass its check ({exc}).") from None
    return previous


# -- internals --------------------------------------------------------------------------------


def _source(obj: Any) -> tuple[Path | None, sqlite3.Connection | None]:
    """The library path to read from (a separate read-only connection), or the connection to use."""
    if isinstance(obj, str | Path):
        return Path(obj), None
    if hasattr(obj, "db") and getattr(obj, "path", None) is not None:  # a Library
        return Path(obj.path), None
    db = obj.db if hasattr(obj, "db") else obj
    conn: sqlite3.Connection = db.conn if isinstance(db, Database) else db
    row = next((r for r in conn.execute("PRAGMA database_list") if r[1] == "main"), None)
    if row is not None and row[2]:
        return Path(row[2]), None
    if conn.in_transaction:
        raise BriefBookError("A backup cannot be made in the middle of a change; try again.")
    return None, conn


def _connect_read_only(path: Path) -> sqlite3.Connection:
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
        if "not a database" in str(exc) and not _has_sqlite_header(path):  # safe to read: it is broken
            raise BriefBookError(f"{path} is not a BriefBook library; no backup was made.") from None
        raise _sqlite_problem(exc, path) from None
    return conn


def _has_sqlite_header(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def _copy(source: sqlite3.Connection, target: Path, progress: Callable[[int, int], None] | None) -> None:
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


def _restore_into_live_file(backup_path: Path, library_path: Path) -> None:
    """Copy the backup over the current library through SQLite (its WAL and locks stay consistent)."""
    source = _connect_read_only(backup_path)
    dest = sqlite3.connect(str(library_path), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dest.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        dest.execute("PRAGMA synchronous = FULL")
        source.backup(dest)
        problems = [r[0] for r in dest.execute("PRAGMA integrity_check") if r[0] != "ok"]
    except sqlite3.Error as exc:
        raise _sqlite_problem(exc, library_path, restoring=True) from None
    finally:
        dest.close()
        source.close()
    if problems:  # pragma: no cover - the backup was checked just before
        raise BriefBookError(f"The restored library does not pass its check ({problems[0]}).")


def _restore_into_new_file(backup_path: Path, library_path: Path) -> None:
    """No usable file at ``library_path``: build the copy beside it, verify, rename it into place."""
    temp = library_path.parent / f".{library_path.name}.{os.getpid()}.restoring"
    with writing(temp):
        source = _connect_read_only(backup_path)
        try:
            _copy(source, temp, None)
            _fsync(temp)
            os.replace(temp, library_path)
            _fsync_folder(library_path.parent)
        except BaseException as exc:
            remove_with_side_files(temp)
            if isinstance(exc, sqlite3.Error):
                raise _sqlite_problem(exc, library_path, restoring=True) from None
            if isinstance(exc, OSError):
                raise BriefBookError(f"Could not restore to {library_path}: {_why(exc)}.") from None
            raise
        finally:
            source.close()


def _state(path: Path) -> str:
    """``missing`` (no file or an empty one), ``good`` (a library we can copy), or ``damaged``."""
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return "missing"
    if path.is_dir():
        raise BriefBookError(f"{path} is a folder, not a BriefBook library file.")
    try:
        inspect_library(path)
    except NewerVersionError:
        return "good"
    except LibraryFileError:
        return "damaged"
    return "good"


def _set_aside(path: Path, folder: Path) -> Path:
    """Move a damaged library (and its side files) into the backups folder, untouched, by renaming."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime(STAMP)
    aside = folder / f"{path.stem}.damaged.{stamp}{LIBRARY_SUFFIX}"
    try:
        for suffix in ("", *SIDE_FILES):
            source = Path(f"{path}{suffix}")
            if source.exists():
                os.replace(source, Path(f"{aside}{suffix}"))
    except OSError as exc:
        raise BriefBookError(f"Cannot move the damaged library {path} aside: {_why(exc)}.") from None
    return aside


def _last_change(path: Path) -> dt.datetime:
    """When the library's content last reached the disk: the file, or its WAL if that holds frames."""
    times = [path.stat().st_mtime_ns]
    wal = Path(f"{path}-wal")
    with contextlib.suppress(OSError):
        if wal.stat().st_size > 0:
            times.append(wal.stat().st_mtime_ns)
    return dt.datetime.fromtimestamp(max(times) / 1e9, dt.UTC)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_folder(folder: Path) -> None:
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


def _why(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if isinstance(exc, PermissionError):
        return "you are not allowed to write there"
    return (exc.strerror or str(exc)).lower()


def _sqlite_problem(exc: sqlite3.Error, what: object, *, restoring: bool = False) -> BriefBookError:
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
