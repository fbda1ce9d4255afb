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

Restoring (:func:`briefbook.store.restore.restore_backup`)
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
import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefbook.errors import BriefBookError, LibraryFileError
from briefbook.store import backup_catalog, sqlite_copy
from briefbook.store.backup_catalog import (
    KEEP_DAYS,
    KEEP_LAST,
    PINNED,
    REASONS,
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
from briefbook.store.database import inspect_library

log = logging.getLogger(__name__)

# What callers import from here: making backups, and the folder's catalogue (restoring one:
# :mod:`briefbook.store.restore`).
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
        raise BriefBookError(f"Cannot make the backups folder {folder}: {sqlite_copy.why(exc)}.") from None
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
                source = sqlite_copy.connect_read_only(library_path)
            sqlite_copy.copy_verified(source, temp, progress)
            sqlite_copy.fsync(temp)
            os.replace(temp, final)
            sqlite_copy.fsync_folder(folder)
        except BaseException as exc:
            remove_with_side_files(temp)
            what = library_path or "the library"
            if isinstance(exc, sqlite3.Error):
                raise sqlite_copy.sqlite_problem(exc, what) from None
            if isinstance(exc, OSError):
                raise BriefBookError(
                    f"Could not back up {what} into {folder}: {sqlite_copy.why(exc)}."
                ) from None
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


# -- internals --------------------------------------------------------------------------------


def _source(obj: Any) -> tuple[Path | None, sqlite3.Connection | None]:
    """The library path to read from (a separate read-only connection), or the connection to use."""
    if isinstance(obj, str | Path):
        return Path(obj), None
    if hasattr(obj, "db") and getattr(obj, "path", None) is not None:  # a Library
        return Path(obj.path), None
    db = obj.db if hasattr(obj, "db") else obj
    conn: sqlite3.Connection = getattr(db, "conn", db)  # a Database of ours or of sqlite-utils
    row = next((r for r in conn.execute("PRAGMA database_list") if r[1] == "main"), None)
    if row is not None and row[2]:
        return Path(row[2]), None
    if conn.in_transaction:
        raise BriefBookError("A backup cannot be made in the middle of a change; try again.")
    return None, conn


def _last_change(path: Path) -> dt.datetime:
    """When the library's content last reached the disk: the file, or its WAL if that holds frames."""
    times = [path.stat().st_mtime_ns]
    wal = Path(f"{path}-wal")
    with contextlib.suppress(OSError):
        if wal.stat().st_size > 0:
            times.append(wal.stat().st_mtime_ns)
    return dt.datetime.fromtimestamp(max(times) / 1e9, dt.UTC)
