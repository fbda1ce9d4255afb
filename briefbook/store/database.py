"""Opening a library file: checks first, then connection settings, then migrations.

A file that is not a library, is damaged, or was written by a newer BriefBook is
never modified: the user gets a message saying so. A file from an older
version is copied aside (SQLite's online backup) before it is migrated.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from briefbook.errors import LibraryFileError, NewerVersionError
from briefbook.store.schema import MIGRATIONS, known_migrations

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def open_database(path: str | Path, *, create: bool = False) -> Database:
    """Open (or, with ``create``, make) the library at ``path``, migrated to this version."""
    path = Path(path)
    if path.is_dir():
        raise LibraryFileError(f"{path} is a folder, not a BriefBook library file.")
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise LibraryFileError(f"There is no BriefBook library at {path}.")
    if exists:
        _check_header(path)
    elif not path.parent.is_dir():
        raise LibraryFileError(f"Cannot create a library in {path.parent}: the folder does not exist.")
    try:
        if exists:
            _inspect_read_only(path)
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        db = Database(conn, execute_plugins=False)
        _configure(db)
        _migrate(db, path, fresh=not exists)
    except sqlite3.DatabaseError as exc:
        raise LibraryFileError(_explain(exc, path)) from None
    return db


def _inspect_read_only(path: Path) -> None:
    """Every check that can refuse a file, on a read-only connection: a refused file is never touched."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        db = Database(conn, execute_plugins=False)
        _check_is_library(db, path)
        applied = [m.name for m in MIGRATIONS.applied(db)]
        if any(name not in known_migrations() for name in applied):
            raise NewerVersionError(
                f"The library {path} was written by a newer version of BriefBook. "
                "Please update BriefBook to open it; the file has not been changed."
            )
    finally:
        conn.close()


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise LibraryFileError(f"Cannot read {path}: {exc.strerror}.") from None
    if header != SQLITE_HEADER:
        raise LibraryFileError(f"{path} is not a BriefBook library (it is some other kind of file).")


def _configure(db: Database) -> None:
    # WAL lets a reader and a writer work at once; synchronous=FULL makes every
    # commit reach the disk before we report it done (laptops lose power).
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":  # read-only media cannot switch; keep going
        db.execute("PRAGMA journal_mode = DELETE")
    db.execute("PRAGMA synchronous = FULL")


def _check_is_library(db: Database, path: Path) -> None:
    result = db.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise LibraryFileError(f"The library {path} is damaged ({result}). It has not been changed.")
    names = set(db.table_names())
    if "_sqlite_migrations" not in names:
        raise LibraryFileError(f"{path} is an SQLite database, but not a BriefBook library.")


def _migrate(db: Database, path: Path, *, fresh: bool) -> None:
    applied = [m.name for m in MIGRATIONS.applied(db)]
    pending = MIGRATIONS.pending(db)
    if not pending:
        return
    if not fresh:
        backup_before_migration(db, path, applied[-1] if applied else "unversioned")
    MIGRATIONS.apply(db)


def backup_before_migration(db: Database, path: Path, version: str) -> Path:
    """Copy the library aside with SQLite's backup API, named after its old version."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-upgrade-{version}-{stamp}{path.suffix}")
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def schema_version(db: Database) -> str:
    applied = MIGRATIONS.applied(db)
    return applied[-1].name if applied else ""


def _explain(exc: sqlite3.DatabaseError, path: Path) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return f"The library {path} is busy in another program. Try again in a moment."
    if "readonly" in text or "read-only" in text:
        return f"The library {path} is read-only here, and it needs to be updated before it can be used."
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"The library {path} is damaged or not a BriefBook library. It has not been changed."
    if "disk" in text and "full" in text:
        return f"The disk holding {path} is full."
    return f"The library {path} cannot be opened ({exc})."
