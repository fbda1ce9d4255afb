"""The Library: the one front object the CLI and the GUI talk to.

Like Anki's ``Collection``, it owns the database and exposes what users do:
create, read, update, delete, list, link, reorder, search, revisions. Each
public method that writes is one transaction, so a crash leaves the old state
or the new one, never half. Neither callers nor records see SQL.

This module holds the file itself: opening, transactions, backups, ``check``.
What users do with the items is in mixins, one subject each: reading and sorting
(:mod:`~briefbook.library.queries`), writing (:mod:`~briefbook.library.edits`),
revisions, search and its index (:mod:`~briefbook.library.search_index`), the
library's settings, photos, links, duplicates, levels, exchange (``sync``) and
deleted items.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from briefbook.errors import BriefBookError, Conflict
from briefbook.library.deleted import DeletedMixin
from briefbook.library.duplicates import DuplicatesMixin
from briefbook.library.edits import EditsMixin, stale_message
from briefbook.library.levels import LevelsMixin
from briefbook.library.links import LinksMixin
from briefbook.library.own_commits import OwnCommits
from briefbook.library.pages import PagesMixin
from briefbook.library.photos import PhotosMixin
from briefbook.library.queries import QueriesMixin
from briefbook.library.revisions import RevisionsMixin
from briefbook.library.search_index import INDEX_VERSION, INDEX_VERSION_KEY, SearchIndexMixin, index_body
from briefbook.library.settings import SettingsMixin
from briefbook.library.stamps import now
from briefbook.library.sync import SyncMixin
from briefbook.store import backup_schedule as schedule
from briefbook.store.connection import Database
from briefbook.store.database import disk_full, open_database

# Kept importable from here, where callers and tests of other branches found them.
__all__ = ["INDEX_VERSION", "INDEX_VERSION_KEY", "Library", "index_body", "now", "stale_message"]

CHECK_SECONDS = 120.0  # ``check`` gives up (and says so) after this long: it never hangs


class Library(
    QueriesMixin,
    PagesMixin,
    EditsMixin,
    RevisionsMixin,
    SearchIndexMixin,
    SettingsMixin,
    PhotosMixin,
    LinksMixin,
    DuplicatesMixin,
    LevelsMixin,
    SyncMixin,
    DeletedMixin,
):
    """One open library file. Use as a context manager or call :meth:`close`.

    Backups (:mod:`briefbook.store.backup`): with ``auto_backup``, one is made
    after an edit when one is due (:mod:`briefbook.store.backup_schedule`: the
    newest backup, whoever made it, is :attr:`backup_interval` seconds old and
    the library changed since). Opening and reading never back up; the window
    asks :meth:`backup_if_due` once it is shown, off its GUI thread. The check
    runs when a transaction commits and costs one clock read between checks of
    the backups folder. A failed automatic backup never fails the edit;
    :attr:`backup_problem` says what went wrong.

    Two windows or processes on one library both work (WAL, busy timeout, writes
    begun with ``BEGIN IMMEDIATE``); :meth:`changed_elsewhere` tells a window
    when to refresh.
    """

    backup_interval: float = 600.0  # seconds; tests set it per library

    def __init__(
        self,
        db: Database,
        path: Path | None = None,
        *,
        auto_backup: bool = False,
        progress: Callable[[str, int, int], None] | None = None,
        commits: OwnCommits | None = None,
    ):
        self.db = db
        self.path = path
        self.auto_backup = auto_backup and path is not None
        self.backup_problem: str | None = None
        self.last_backup: Path | None = None
        self._next_backup_check = 0.0  # wall clock; 0: look at the backups folder on the first write
        # the commits of this window's connections (shared with the thread that stores long texts)
        self.commits = commits if commits is not None else OwnCommits()
        self._refresh_old_index(progress)
        self._changes, self._data_version = self._read_versions()

    # -- opening -------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = False,
        backup: bool = True,
        read_only: bool = False,
        progress: Callable[[str, int, int], None] | None = None,
        commits: OwnCommits | None = None,
    ) -> Library:
        """Open a library; ``backup=False`` for a second connection of the same window (no backups).

        ``commits``: the window's :attr:`commits`, for a second connection of the same window,
        so that the window never takes what it stores there for another window's change.

        ``read_only`` opens it for reading only (writes fail with a plain message);
        a file that is not writable opens that way by itself. ``progress(stage, done,
        total)`` hears of the work a first open after an upgrade does (see
        :mod:`briefbook.library.upgrade`): "backup", "migrate", "index".
        """
        path = Path(path)
        db = open_database(path, create=create, read_only=read_only, progress=progress)
        return cls(db, path, auto_backup=backup, progress=progress, commits=commits)

    @property
    def read_only(self) -> bool:
        """Opened for reading only (asked for, or the file is not writable): show a banner."""
        return bool(self.db.execute("PRAGMA query_only").fetchone()[0])

    def changed_elsewhere(self) -> bool:
        """True once after another window or process has committed a change: refresh.

        Not after a commit of this window's own connections (:attr:`commits`: the thread
        that stores a long text): ``data_version`` changes for those as for another
        process's, so the window reloaded every view after its own save. Race-free as
        :mod:`briefbook.library.own_commits` says: the change counter and data_version are
        read in one snapshot, and our commits' numbers are known before they commit.
        data_version alone also changes with no commit at all: a writer that restarts the
        write-ahead log (after a checkpoint of a big save) changes it before its commit,
        and the window reloaded for nothing. So with a counter to tell by, it is the
        counter that says; every write of BriefBook raises it. (A file without one: the
        data_version alone.)
        """
        changes, version = self._read_versions()
        before, self._changes = self._changes, changes
        if version == self._data_version:  # no other connection committed: the numbers are this one's
            if changes is not None:
                self.commits.forget_up_to(changes)
            return False
        self._data_version = version
        if changes is None or before is None or changes < before:
            return True  # (no counter to tell by, or the file replaced: a backup restored)
        return self.commits.others_between(before, changes)

    def backup_now(self, reason: str = "manual") -> Path:
        """Make a backup now (raises a plain BriefBookError if it cannot be made)."""
        if self.path is None:
            raise BriefBookError("This library has no file to back up.")
        from briefbook.store.backup import backup_library

        self.last_backup = backup_library(self, reason=reason)
        self._next_backup_check = schedule.now() + self.backup_interval
        self.backup_problem = None
        return self.last_backup

    def backup_if_due(self, reason: str = "open") -> Path | None:
        """Make an automatic backup if one is due; the backup made, else ``None``. Never raises.

        Uses its own connections (none of this object's), so the window calls it on a
        worker thread. A failure is kept in :attr:`backup_problem`.
        """
        if self.path is None or not self.auto_backup:
            return None
        return self._automatic_backup(reason, schedule.library_changes(self.path))

    @classmethod
    def create(cls, path: str | Path) -> Library:
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise Conflict(f"There is already a file at {path}; choose another name.")
        return cls.open(path, create=True)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One user action; nested calls become savepoints. SQLite errors become ours.

        The outermost one begins with ``BEGIN IMMEDIATE``: it takes the write lock
        up front (waiting up to the busy timeout for another writer), so a read
        followed by a write can never fail half-way because another process wrote
        in between. If the wait runs out, the user gets a plain message.
        """
        outermost = not self.db.conn.in_transaction
        try:
            with self._immediate() if outermost else self.db.atomic():
                yield
        except sqlite3.IntegrityError as exc:
            raise Conflict(_integrity_message(exc)) from None
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if "locked" in text or "busy" in text:
                raise BriefBookError(
                    "The library is busy in another BriefBook window. Your change was not saved; try again."
                ) from None
            if "readonly" in text:
                raise BriefBookError("The library file is read-only; changes cannot be saved.") from None
            if "full" in text or disk_full(exc, self.path):
                raise BriefBookError("The disk is full; your change was not saved.") from None
            raise
        except sqlite3.DatabaseError as exc:
            if "not authorized" in str(exc):  # briefbook.store.guard refused the file's own code
                raise BriefBookError(
                    "The library file tried to run instructions of its own, which BriefBook never "
                    "allows. Your change was not saved; check the file with 'briefbook check'."
                ) from None
            raise
        if outermost and self.auto_backup and schedule.now() >= self._next_backup_check:
            self._automatic_backup("auto", schedule.read_changes(self.db.conn))

    @contextmanager
    def _immediate(self) -> Iterator[None]:
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        before = conn.total_changes
        number = None  # this commit's number in the change counter (ours: self.commits)
        try:
            yield
            if conn.total_changes != before and conn.in_transaction:
                schedule.bump_changes(conn)  # in the same transaction: the counter is exact
                number = schedule.read_changes(conn)
                if number is not None:  # (before the commit: see changed_elsewhere)
                    self.commits.add(number)
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            if number is not None:
                self.commits.discard(number)
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            if number is not None:
                self.commits.discard(number)
            raise

    def _automatic_backup(self, reason: str, changes: int | None) -> Path | None:
        """A backup when one is due, that never stops the user's work: failures go in ``backup_problem``."""
        assert self.path is not None
        try:
            due, self._next_backup_check = schedule.due_now(self.path, changes, self.backup_interval)
            if not due:
                return None
            from briefbook.store.backup import backup_library

            made = backup_library(self.path, reason=reason)
            self.last_backup, self.backup_problem = made, None
            return made
        except (BriefBookError, OSError, sqlite3.Error) as exc:
            self.backup_problem = f"The automatic backup of the library failed: {exc}"
            import logging  # (here: 2.4 ms of every command's start, for a failure)

            logging.getLogger(__name__).warning("%s", self.backup_problem)
            return None

    def _read_versions(self) -> tuple[int | None, int]:
        """(the change counter, ``PRAGMA data_version``) of one snapshot: read in one read transaction."""
        conn = self.db.conn
        if conn.in_transaction:  # (inside a write of this connection: nothing of another's can show)
            return schedule.read_changes(conn), conn.execute("PRAGMA data_version").fetchone()[0]
        conn.execute("BEGIN")
        try:
            changes = schedule.read_changes(conn)
            version = conn.execute("PRAGMA data_version").fetchone()[0]
        finally:
            conn.execute("COMMIT")
        return changes, version

    def check(self, *, rebuild_index: bool = False, time_limit: float = CHECK_SECONDS) -> list[str]:
        """Problems found in the file (empty when healthy); optionally rebuild the index.

        The whole file is read here (opening a big library checks only its schema and
        small tables); damage too bad for SQLite to go on is reported as a problem too.
        Compares the schema with ours and the search index's content with the items
        (:mod:`briefbook.library.health`), and stops after ``time_limit`` seconds.
        """
        from briefbook.library.health import check_library

        return check_library(self, rebuild_index=rebuild_index, time_limit=time_limit)


def _integrity_message(exc: sqlite3.IntegrityError) -> str:
    text = str(exc)
    if "FOREIGN KEY" in text:
        return "That refers to an item that is not in the library (it may have been deleted)."
    if "UNIQUE" in text:
        return "An item with that id is already in the library."
    if "NOT NULL" in text:
        return f"A required field is empty ({text.split('.')[-1]})."
    return f"The change could not be saved: {text}."
