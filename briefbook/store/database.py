"""Opening a library file: checks first, then connection settings, then migrations.

A file that is not a library, is damaged, or was written by a newer BriefBook is
never modified: every check that can refuse it runs on a read-only connection,
and the user gets a message saying so (for a damaged file, with the offer of the
newest good backup, see :mod:`briefbook.store.backup`). A file from an older
version is backed up (SQLite's online backup API) before it is migrated.

Durability: WAL journal and ``synchronous = FULL`` (why: :func:`_configure`): a
commit we report done survives the process being killed and the power going.

Concurrency, the choice: two BriefBook windows or processes on one library *both
work*; neither is demoted to read-only. WAL lets readers and one writer run at
once; writers take turns: :meth:`briefbook.library.Library.transaction` begins
every change with ``BEGIN IMMEDIATE`` (the write lock is taken up front, waiting
up to ``BUSY_TIMEOUT_MS``), so a change never fails half-way because the other
process wrote between its read and its write. A writer that waits longer gets a
plain ``BriefBookError`` ("busy in another BriefBook window ... not saved; try
again"), never a "database is locked" traceback; the other window learns that it
should refresh from ``Library.changed_elsewhere()``. A library opens read-only
only when asked (``read_only=True``) or when the file itself is not writable.

One rule keeps this safe: Python never opens a library file itself while SQLite
may have it open in this process (closing any handle drops every POSIX lock the
process holds on the file, and another process could then delete the live WAL).
Checks read through SQLite; the raw header is read only once SQLite has failed.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from briefbook.collation import sort_key
from briefbook.errors import HostileLibraryError, LibraryFileError, NewerVersionError
from briefbook.store import index_fingerprint
from briefbook.store.connection import Database
from briefbook.store.guard import harden
from briefbook.store.migrate import migrate, pending_migrations
from briefbook.store.quick_open import FULL_CHECK_UP_TO
from briefbook.store.quick_open import SIDE_FILES as _SIDE_FILES
from briefbook.store.quick_open import SMALL_TABLES as _SMALL_TABLES
from briefbook.store.quick_open import remove_new_side_files as _remove_new_side_files
from briefbook.store.schema_check import file_problems, known_migrations
from briefbook.store.sort_keys import markdown_sort_prefix

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# (FULL_CHECK_UP_TO, _SMALL_TABLES: the checks every open runs, shared with store.quick_open)


class DamagedLibraryError(LibraryFileError):
    """The file is damaged, cut short or not a library; it was left as it was.

    ``backup`` is the newest good backup of it, if there is one: the GUI offers
    to open it, the message already tells how (``briefbook restore``).
    """

    def __init__(self, message: str, backup: Path | None = None):
        super().__init__(message)
        self.backup = backup


def open_database(
    path: str | Path,
    *,
    create: bool = False,
    read_only: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
) -> Database:
    """Open (or, with ``create``, make) the library at ``path``, migrated to this version.

    With ``read_only`` (or when the file itself is not writable) the library is
    opened for reading only: every write then fails with a plain message.
    ``progress(stage, done, total)`` hears of an upgrade's steps: "backup" (the copy
    made first), then "migrate" once before each schema step and once at the end.
    """
    path = Path(path)
    if path.is_dir():
        raise LibraryFileError(f"{path} is a folder, not a BriefBook library file.")
    exists = path.exists() and path.stat().st_size > 0
    if path.exists() and not exists and not create:
        raise _damaged(f"{path} is empty: it is not a BriefBook library (it may have been cut short).", path)
    if not exists and not create:
        raise LibraryFileError(f"There is no BriefBook library at {path}.")
    if exists:
        inspect_library(path)
        read_only = read_only or not os.access(path, os.W_OK) or on_read_only_media(path)
    elif not path.parent.is_dir():
        raise LibraryFileError(f"Cannot create a library in {path.parent}: the folder does not exist.")
    try:
        if read_only and exists:
            uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if on_read_only_media(path) else "")
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        else:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        db = Database(harden(conn))
        _configure(db, read_only=read_only and exists)
        if read_only and exists:
            if pending_migrations(db):
                db.close()
                raise LibraryFileError(
                    f"The library {path} must be updated for this version of BriefBook, but it is "
                    "read-only here. Copy it to a folder where you can write, then open the copy."
                )
        else:
            migrate(db, path, fresh=not exists, progress=progress)
    except sqlite3.DatabaseError as exc:
        raise _from_sqlite(exc, path) from None
    return db


def inspect_library(path: str | Path) -> None:
    """Raise :class:`LibraryFileError` unless ``path`` is a healthy library this version can open.

    Reads only, and only through SQLite: a ``quick_check`` (of the whole file when it
    is small, see :func:`_check_is_library`) and the migrations table on a read-only
    connection. (Python never opens the file itself while it may
    be in use: closing any handle to a file drops every POSIX lock the process holds
    on it, SQLite's included, and another process could then delete the live WAL.)
    Side files SQLite may create for the check (``-wal``, ``-shm`` of a WAL-mode
    file) are removed again when the file is refused.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LibraryFileError(f"Cannot read {path}: {exc.strerror}.") from None
    if size == 0:
        raise _damaged(f"{path} is empty: it is not a BriefBook library (it may have been cut short).", path)
    before = {s for s in _SIDE_FILES if Path(f"{path}{s}").exists()}
    if on_read_only_media(path):
        _explain_read_only_media(path)
    try:
        try:
            _inspect_read_only(path)
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorname", "") != "SQLITE_READONLY_ROLLBACK":
                raise
            from briefbook.store.hot_journal import roll_back_hot_journal

            roll_back_hot_journal(path)  # checked in a copy first; raises if it cannot be
            _inspect_read_only(path)
    except LibraryFileError:
        _remove_new_side_files(path, before)
        raise
    except UnicodeDecodeError:
        # SQLite's message about a damaged schema quotes its bytes, and Python raises this
        # instead of DatabaseError when they are not UTF-8 (a one-byte change can do it).
        _remove_new_side_files(path, before)
        raise _unreadable(path) from None
    except sqlite3.DatabaseError as exc:
        _remove_new_side_files(path, before)
        text = str(exc).lower()
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            raise _unreadable(path) from None
        raise _from_sqlite(exc, path) from None


def _inspect_read_only(path: Path) -> None:
    """Every check that can refuse a file, on a read-only connection: a refused file is never touched."""
    immutable = "&immutable=1" if on_read_only_media(path) else ""
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro{immutable}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
    )
    try:
        db = Database(harden(conn))
        _check_is_library(db, path)
        applied, problems = file_problems(conn)
        if any(name not in known_migrations() for name in applied):
            raise NewerVersionError(
                f"The library {path} was written by a newer version of BriefBook. "
                "Please update BriefBook to open it; the file has not been changed."
            )
        if problems:
            raise HostileLibraryError(path, problems)
        _check_wal_belongs(conn, path)
    finally:
        conn.close()


def _check_wal_belongs(conn: sqlite3.Connection, path: Path) -> None:
    """A -wal beside the file is applied by SQLite whoever wrote it; check the result holds together.

    SQLite cannot tell whose WAL it is: a -wal copied from another library (a wrong
    pair of files) is applied as if it were this one's, and mixes two libraries'
    pages. When a non-empty -wal is there, the links between rows are checked too;
    a mixture breaks them. Paid only then (after a crash, or when another window
    has the library open), and only on files small enough for the whole quick_check
    (see :func:`_check_is_library`); on a bigger one ``briefbook check`` finds it.
    """
    wal = Path(f"{path}-wal")
    try:
        if not wal.is_file() or wal.stat().st_size == 0 or path.stat().st_size > FULL_CHECK_UP_TO:
            return
    except OSError:
        return
    if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise _damaged(
            f"The library {path} and the file {wal.name} beside it do not belong together: the "
            f"changes in {wal.name} do not fit the library (it may come from another library). "
            "Neither file has been changed. Restore a backup, or move the -wal file out of the "
            "folder to open the library without those changes.",
            path,
        )


def on_read_only_media(path: Path) -> bool:
    """The file's folder is on a read-only file system (a CD, a write-protected stick, a ro mount).

    Such a file is opened ``immutable``: SQLite cannot make its ``-shm`` index there, and
    nothing can change the file while we read it.
    """
    try:
        return bool(os.statvfs(path.resolve().parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows): the normal checks apply
        return False


def _explain_read_only_media(path: Path) -> None:
    """A library on read-only media opens read-only, unless changes wait in a side file we cannot use."""
    for suffix, what in (("-wal", "recent changes"), ("-journal", "an unfinished change")):
        side = Path(f"{path}{suffix}")
        if side.exists() and side.stat().st_size > 0:
            raise LibraryFileError(
                f"The library {path} is on a read-only disk, and {what} to it are in the file "
                f"{side.name} beside it, which BriefBook cannot apply there. Copy both files to a "
                "folder where you can write, and open the copy. Nothing has been changed."
            )


def _unreadable(path: Path) -> DamagedLibraryError:
    """Why SQLite cannot read ``path``, from its first bytes (safe now: nothing can be using it)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        return DamagedLibraryError(f"Cannot read {path}: {exc.strerror}.")
    if header[:16] != SQLITE_HEADER:
        return _damaged(f"{path} is not a BriefBook library (it is some other kind of file).", path)
    if len(header) < 100:
        return _damaged(f"The library {path} is cut short (damaged). It has not been changed.", path)
    return _damaged(
        f"The library {path} is damaged or not a BriefBook library. It has not been changed.", path
    )


def _configure(db: Database, *, read_only: bool = False) -> None:
    """Connection settings for safety first, speed second.

    * ``journal_mode = WAL``: a reader never waits for a writer and the other way
      round, so a second window (or the search thread, or a backup) keeps working
      while one writes; a commit is one append to the ``-wal`` file.
    * ``synchronous = FULL``: every commit is fsync'ed to the ``-wal`` before we
      report it done. With WAL, ``NORMAL`` would survive a crash of BriefBook (the
      process killed) but could lose the last commits if the *machine* stops (a
      battery that runs out, a lid closed on a frozen laptop): the commit is then in
      the OS cache only. Our users edit at human speed (one fsync per action, about a
      millisecond on an SSD) and bulk work is one transaction, so the cost is
      invisible and we keep FULL: a committed edit survives the process being
      killed *and* the power going. ``fullfsync`` asks macOS for a real flush to the
      disk (plain fsync there stops at the drive's cache); other systems ignore it.
    * ``sort_key(text)``: :func:`briefbook.collation.sort_key`, so that ``ORDER BY``
      puts names in Vietnamese alphabetical order, the order the window shows;
      ``markdown_sort_prefix(text)`` a Markdown text's stored key, of what it reads as
      (:func:`briefbook.store.sort_keys.markdown_sort_prefix`), where it is not stored.
    * ``index_fingerprint(...)``: the hash each search index entry carries, so that
      ``check`` compares entries in SQL (:mod:`briefbook.store.index_fingerprint`).
    * ``busy_timeout``: a writer waits this long for another one to finish before
      it gives up with "the library is busy" (see ``Library.transaction``).
    """
    db.conn.create_function("sort_key", 1, sort_key, deterministic=True)  # Vietnamese order
    db.conn.create_function("markdown_sort_prefix", 1, markdown_sort_prefix, deterministic=True)  # as read
    index_fingerprint.register(db.conn)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if read_only:
        db.execute("PRAGMA query_only = ON")  # and ``Library.read_only`` can tell
    else:
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":  # read-only media cannot switch; keep going
            db.execute("PRAGMA journal_mode = DELETE")
    db.execute("PRAGMA synchronous = FULL")
    if sys.platform == "darwin":
        db.execute("PRAGMA fullfsync = ON")
        db.execute("PRAGMA checkpoint_fullfsync = ON")


def _check_is_library(db: Database, path: Path) -> None:
    """The checks every open pays: SQLite reads the header and the schema, and checks the small tables.

    SQLite itself refuses a file whose header is wrong or whose header says it is
    longer than it is (cut short). A small file gets the whole ``quick_check`` (a few
    milliseconds); on a big one that would cost half a second on every open, so only
    the schema and the small tables are checked here, and the whole file is checked by
    ``briefbook check`` and in every backup (the copy passes ``integrity_check`` before
    it is kept). Damage found later by a query gets the same plain message.
    """
    if path.stat().st_size <= FULL_CHECK_UP_TO:
        result = db.execute("PRAGMA quick_check").fetchone()[0]
        names = set(db.table_names())
    else:
        names = set(db.table_names())
        checked = [t for t in _SMALL_TABLES if t in names or t == "sqlite_schema"]
        results = (db.execute(f"PRAGMA quick_check({t})").fetchone()[0] for t in checked)
        result = next((r for r in results if r != "ok"), "ok")
    if result != "ok":
        raise _damaged(f"The library {path} is damaged ({result}). It has not been changed.", path)
    if "_sqlite_migrations" not in names:
        raise _damaged(f"{path} is an SQLite database, but not a BriefBook library.", path)


def _damaged(message: str, path: Path) -> DamagedLibraryError:
    """The refusal of a damaged file, with the offer of its newest good backup if there is one."""
    from briefbook.store.backup import describe_backup, newest_good_backup

    try:
        backup = newest_good_backup(path)
    except Exception:  # looking for a backup must never hide the real message
        backup = None
    if backup is not None:
        message += (
            f" A good backup from {describe_backup(backup)} is available; to restore it: "
            f'briefbook --library "{path}" restore "{backup}"'
        )
    return DamagedLibraryError(message, backup)


def explain(exc: sqlite3.DatabaseError | UnicodeDecodeError, path: str | Path) -> LibraryFileError:
    """An SQLite error met after opening (a damaged page a query reached), in plain words."""
    if isinstance(exc, UnicodeDecodeError):  # (see undecodable_damage)
        exc = sqlite3.DatabaseError("database disk image is malformed")
    return _from_sqlite(exc, Path(path))


def undecodable_damage(exc: BaseException) -> bool:
    """``exc`` is SQLite's own message about a damaged file, which Python could not decode.

    SQLite's message about a damaged schema quotes its bytes; when they are not UTF-8,
    Python raises ``UnicodeDecodeError`` from the statement instead of a ``DatabaseError``
    (the open refuses such a file; a query meets them when the schema is damaged while the
    library is open). The error holds the message's bytes, which say so."""
    if not isinstance(exc, UnicodeDecodeError) or not isinstance(exc.object, bytes):
        return False
    message = exc.object.lower()
    return any(word in message for word in (b"malformed", b"corrupt", b"not a database", b"database schema"))


def _from_sqlite(exc: sqlite3.DatabaseError, path: Path) -> LibraryFileError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return LibraryFileError(f"The library {path} is busy in another program. Try again in a moment.")
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK":
        return LibraryFileError(
            f"The library {path} was left half-changed by a program that stopped (its unfinished "
            f"change is in {path.name}-journal), and BriefBook cannot undo that change here because "
            "it may not write to the file. Copy both files to a folder where you can write, and "
            "open the copy. Nothing has been changed."
        )
    if "readonly" in text or "read-only" in text:
        return LibraryFileError(
            f"The library {path} is read-only here, and it needs to be updated before it can be used."
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return _damaged(
            f"The library {path} is damaged or not a BriefBook library. It has not been changed.", path
        )
    if ("disk" in text and "full" in text) or disk_full(exc, path):
        return LibraryFileError(f"The disk holding {path} is full.")
    return LibraryFileError(f"The library {path} cannot be opened ({exc}).")


# Less room than this on the library's disk, and an I/O error is the disk being full.
_NEARLY_FULL = 1024 * 1024


def disk_full(exc: BaseException, path: str | Path | None) -> bool:
    """Whether SQLite's "disk I/O error" is a full disk: where the shared-memory file or a page
    cannot grow (SQLITE_IOERR_SHMSIZE, _WRITE...), SQLite reports an I/O error, not SQLITE_FULL."""
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    if not (name.startswith("SQLITE_IOERR") or "disk i/o error" in str(exc).lower()) or path is None:
        return False
    import shutil

    try:
        return shutil.disk_usage(Path(path).parent).free < _NEARLY_FULL
    except OSError:
        return False
