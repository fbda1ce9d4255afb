"""Restoring a backup over a library (the current file backed up or set aside first).

See :mod:`briefbook.store.backup` for where backups live and how they are made.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from briefbook.errors import BriefBookError, LibraryFileError, NewerVersionError
from briefbook.paths import LIBRARY_SUFFIX
from briefbook.store.backup import backup_library
from briefbook.store.backup_catalog import (
    SIDE_FILES,
    STAMP,
    backup_folder,
    cleanup_partial_backups,
    remove_with_side_files,
    writing,
)
from briefbook.store.database import BUSY_TIMEOUT_MS, inspect_library
from briefbook.store.sqlite_copy import (
    connect_read_only,
    copy_verified,
    fsync,
    fsync_folder,
    sqlite_problem,
    why,
)


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


def _restore_into_live_file(backup_path: Path, library_path: Path) -> None:
    """Copy the backup over the current library through SQLite (its WAL and locks stay consistent)."""
    source = connect_read_only(backup_path)
    dest = sqlite3.connect(str(library_path), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dest.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        dest.execute("PRAGMA synchronous = FULL")
        source.backup(dest)
        problems = [r[0] for r in dest.execute("PRAGMA integrity_check") if r[0] != "ok"]
    except sqlite3.Error as exc:
        raise sqlite_problem(exc, library_path, restoring=True) from None
    finally:
        dest.close()
        source.close()
    if problems:  # pragma: no cover - the backup was checked just before
        raise BriefBookError(f"The restored library does not pass its check ({problems[0]}).")


def _restore_into_new_file(backup_path: Path, library_path: Path) -> None:
    """No usable file at ``library_path``: build the copy beside it, verify, rename it into place."""
    temp = library_path.parent / f".{library_path.name}.{os.getpid()}.restoring"
    with writing(temp):
        source = connect_read_only(backup_path)
        try:
            copy_verified(source, temp, None)
            fsync(temp)
            os.replace(temp, library_path)
            fsync_folder(library_path.parent)
        except BaseException as exc:
            remove_with_side_files(temp)
            if isinstance(exc, sqlite3.Error):
                raise sqlite_problem(exc, library_path, restoring=True) from None
            if isinstance(exc, OSError):
                raise BriefBookError(f"Could not restore to {library_path}: {why(exc)}.") from None
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
        raise BriefBookError(f"Cannot move the damaged library {path} aside: {why(exc)}.") from None
    return aside
