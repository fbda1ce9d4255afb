"""The Library: the one front object the CLI and the GUI talk to.

Like Anki's ``Collection``, it owns the database and exposes what users do:
create, read, update, delete, list, link, reorder, search, revisions. Each
public method that writes is one transaction, so a crash leaves the old state
or the new one, never half. Neither callers nor records see SQL.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import uuid
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import asdict, fields, replace
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from briefbook.errors import BriefBookError, Conflict, NotFound, StaleEdit, ValidationError
from briefbook.library.deleted import DeletedMixin
from briefbook.library.duplicates import DuplicatesMixin
from briefbook.library.index_sources import sources_of
from briefbook.library.levels import LevelsMixin
from briefbook.library.links import LinksMixin
from briefbook.library.photos import prepare_photo
from briefbook.library.records import (
    RECORD_TYPES,
    Person,
    Record,
    Revision,
    SearchHit,
    Statement,
    TalkingPoint,
    Topic,
    record_type,
    revised_fields,
)
from briefbook.library.rules import check_new_id
from briefbook.library.snapshots import Deleted, restore_rows, snapshot_rows
from briefbook.library.speakers import name_speakers
from briefbook.library.sync import SyncMixin
from briefbook.library.validation import validated
from briefbook.store import backup_schedule as schedule
from briefbook.store import search as fts
from briefbook.store.backup import backup_library
from briefbook.store.database import open_database
from briefbook.store.index_fingerprint import store_fingerprints

R = TypeVar("R", bound=Record)

KEEP_REVISIONS = 50
MAX_SEARCH_LIMIT = 1000  # hits one search returns at most
CHECK_SECONDS = 120.0  # ``check`` gives up (and says so) after this long: it never hangs

log = logging.getLogger(__name__)


# How the search index is made: raise it when titles or folding change, and every
# library rebuilds its index once on open. 2: a statement's title names its linked speaker.
# 3: Arabic folds without hamza and harakat (briefbook.text.fold). 4: every entry has its
# fingerprint (briefbook.store.index_fingerprint), which ``check`` compares.
INDEX_VERSION = "6"
INDEX_VERSION_KEY = "search_index_version"


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Library(LinksMixin, DuplicatesMixin, LevelsMixin, SyncMixin, DeletedMixin):
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

    def __init__(self, db: Database, path: Path | None = None, *, auto_backup: bool = False):
        self.db = db
        self.path = path
        self.auto_backup = auto_backup and path is not None
        self.backup_problem: str | None = None
        self.last_backup: Path | None = None
        self._next_backup_check = 0.0  # wall clock; 0: look at the backups folder on the first write
        self._refresh_old_index()
        self._data_version = self._read_data_version()

    # -- opening -------------------------------------------------------------

    def _refresh_old_index(self) -> None:
        """Rebuild, once, a search index made by an earlier version of how it is made.

        The index holds each item's title and folded text as this version makes them
        (:data:`INDEX_VERSION`); an index made otherwise would miss or misname items
        until 'briefbook check --rebuild-index'. Checked in the writing transaction, so
        two windows opening the same old file rebuild it once. A read-only library
        keeps its index as it is.
        """
        if self.setting(INDEX_VERSION_KEY) == INDEX_VERSION or self.read_only:
            return
        with self.transaction():
            version = self.setting(INDEX_VERSION_KEY)
            if version == INDEX_VERSION:
                return
            # Made before fingerprints ("3"), before invisible characters and Persian letters
            # were folded ("4"), or with a person's romanised name twice ("5"): compared entry
            # by entry, the differing ones indexed again (cheaper than a rebuild), and every
            # entry given its fingerprint.
            if version in ("3", "4", "5"):
                from briefbook.library.health import fingerprint_old_index

                if fingerprint_old_index(self):
                    self.db["settings"].upsert({"key": INDEX_VERSION_KEY, "value": INDEX_VERSION}, pk="key")
                    return
            self.rebuild_index()

    @classmethod
    def open(
        cls, path: str | Path, *, create: bool = False, backup: bool = True, read_only: bool = False
    ) -> Library:
        """Open a library; ``backup=False`` for a second connection of the same window (no backups).

        ``read_only`` opens it for reading only (writes fail with a plain message);
        a file that is not writable opens that way by itself.
        """
        path = Path(path)
        return cls(open_database(path, create=create, read_only=read_only), path, auto_backup=backup)

    @property
    def read_only(self) -> bool:
        """Opened for reading only (asked for, or the file is not writable): show a banner."""
        return bool(self.db.execute("PRAGMA query_only").fetchone()[0])

    def changed_elsewhere(self) -> bool:
        """True once after another connection (window, process) has committed a change: refresh."""
        version = self._read_data_version()
        changed, self._data_version = version != self._data_version, version
        return changed

    def backup_now(self, reason: str = "manual") -> Path:
        """Make a backup now (raises a plain BriefBookError if it cannot be made)."""
        if self.path is None:
            raise BriefBookError("This library has no file to back up.")
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
            if "full" in text:
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
        try:
            yield
            if conn.total_changes != before and conn.in_transaction:
                schedule.bump_changes(conn)  # in the same transaction: the counter is exact
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise

    def _automatic_backup(self, reason: str, changes: int | None) -> Path | None:
        """A backup when one is due, that never stops the user's work: failures go in ``backup_problem``."""
        assert self.path is not None
        try:
            due, self._next_backup_check = schedule.due_now(self.path, changes, self.backup_interval)
            if not due:
                return None
            made = backup_library(self.path, reason=reason)
            self.last_backup, self.backup_problem = made, None
            return made
        except (BriefBookError, OSError, sqlite3.Error) as exc:
            self.backup_problem = f"The automatic backup of the library failed: {exc}"
            log.warning("%s", self.backup_problem)
            return None

    def _read_data_version(self) -> int:
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    # -- generic operations ----------------------------------------------------

    def get(self, kind: str | type[R], item_id: str) -> R:
        cls = record_type(kind)
        columns = self._columns(cls)
        row = self.db.execute(
            f"SELECT {', '.join(columns)} FROM {cls.TABLE} WHERE id = ?", [item_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no {cls.LABEL.lower()} with id {item_id} in this library.")
        return name_speakers(self.db, [_to_record(cls, row, columns)])[0]

    def get_many(self, kind: str | type[R], item_ids: list[str]) -> list[R]:
        """The items of one kind with these ids, in the order given (ids not found are left out).

        One query, where a ``get`` per id would be one each: 500 search hits in a table.
        """
        cls = record_type(kind)
        columns = self._columns(cls)
        found: dict[str, R] = {}
        for start in range(0, len(item_ids), 500):  # well under SQLite's limit of variables
            chunk = item_ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            sql = f"SELECT {', '.join(columns)} FROM {cls.TABLE} WHERE id IN ({marks})"
            for row in self.db.execute(sql, chunk):
                record = _to_record(cls, row, columns)
                found[record.id] = record
        return name_speakers(self.db, [found[i] for i in item_ids if i in found])

    def _refuse_taken_id(self, item_id: str) -> None:
        for cls in RECORD_TYPES.values():
            if self.db.execute(f"SELECT 1 FROM {cls.TABLE} WHERE id = ?", [item_id]).fetchone():
                raise Conflict(f"The id {item_id} is already used by a {cls.LABEL.lower()} in this library.")

    def find(self, item_id: str) -> Record:
        """Any item by id, whatever its kind (ids are UUIDs, unique across kinds).

        A link copied in the window (``briefbook:<id>``) is taken as its id.
        """
        item_id = item_id.strip().removeprefix("briefbook:")
        for cls in RECORD_TYPES.values():
            if self.db.execute(f"SELECT 1 FROM {cls.TABLE} WHERE id = ?", [item_id]).fetchone():
                return self.get(cls, item_id)
        raise NotFound(f"There is no item with id {item_id} in this library.")

    def list(
        self,
        kind: str | type[R],
        *,
        where: dict[str, Any] | None = None,
        order_by: str | None = None,
        descending: bool = False,
        limit: int | None = None,
        offset: int = 0,
        ids: Collection[str] | None = None,
    ) -> list[R]:
        """Items of one kind, filtered by equal field values and sorted by a field.

        ``ids``: only these items (a book's few statements, not the library's 25,000).
        """
        cls = record_type(kind)
        sql, params = self._sorted_select(cls, where, order_by, descending, ids)
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        columns = self._columns(cls)
        records = [_to_record(cls, row, columns) for row in self.db.execute(sql, params).fetchall()]
        return name_speakers(self.db, records)

    def ids(
        self, kind: str | type[Record], *, where: dict[str, Any] | None = None, order_by: str | None = None
    ) -> list[str]:
        """The ids :meth:`list` would return, in its order, without reading the items themselves.

        For numbering a topic's talking points in the window: one column of each row,
        where ``list`` builds every record, text and all.
        """
        cls = record_type(kind)
        sql, params = self._sorted_select(cls, where, order_by, False)
        sql = sql.replace(f"SELECT {', '.join(cls.field_names())} FROM", f"SELECT {cls.TABLE}.id FROM", 1)
        return [row[0] for row in self.db.execute(sql, params)]

    def _sorted_select(
        self,
        cls: type[Record],
        where: dict[str, Any] | None,
        order_by: str | None,
        descending: bool,
        ids: Collection[str] | None = None,
    ) -> tuple[str, list[Any]]:
        sql, params = self._select(cls, where)
        if ids is not None:  # one JSON parameter: no limit on how many
            sql += (" AND " if where else " WHERE ") + f"{cls.TABLE}.id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(ids)))
        order = order_by or _default_order(cls)
        if order not in cls.field_names():
            raise ValidationError(f"Cannot sort {cls.LABEL.lower()}s by '{order}'.", field=order)
        if order in _LINKED:
            sql = _with_linked_keys(sql, cls, order)
        return sql + " ORDER BY " + _order_clause(cls, order, descending), params

    def count(self, kind: str | type[Record], *, where: dict[str, Any] | None = None) -> int:
        cls = record_type(kind)
        sql, params = self._select(cls, where, count=True)
        return self.db.execute(sql, params).fetchone()[0]

    def add(self, record: R) -> R:
        """Store a new item; returns it with its id and timestamps set."""
        cls = type(record)
        stamp = now()
        given = str(record.id or "").strip()
        if given:
            check_new_id(given)
        record = replace(record, id=given or str(uuid.uuid4()), created_at=stamp, updated_at=stamp)
        values = self._validated(cls, asdict(record))
        with self.transaction():
            if given:  # ids are unique across kinds: a link or a command names an item by id alone
                self._refuse_taken_id(given)
            if cls is TalkingPoint and not record.position:
                values["position"] = self._next_position(record.topic_id)
            self.db[cls.TABLE].insert(values)
            added = self.get(cls, record.id)
            self._index(added)
        return added

    def update(
        self, kind: str | type[R], item_id: str, /, *, expected_updated_at: str | None = None, **changes: Any
    ) -> R:
        """Change some fields of an item; the earlier value of every text field is kept as a revision.

        ``kind`` and ``item_id`` are positional-only, so that every field can be
        changed by name, including a record's own ``kind`` (of a meeting, a
        talking point, an organisation) and any field added later.

        ``expected_updated_at``: the ``updated_at`` of the version the edit started
        from. If the item was changed since (another window, another process), the
        edit is refused with :class:`StaleEdit`, which carries the stored version:
        a change is never silently written over another one.
        """
        cls = record_type(kind)
        unknown = set(changes) - set(cls.data_fields())
        if unknown:
            raise ValidationError(
                f"A {cls.LABEL.lower()} has no field '{sorted(unknown)[0]}'.", field=sorted(unknown)[0]
            )
        with self.transaction():
            old = self.get(cls, item_id)
            if expected_updated_at is not None and expected_updated_at != old.updated_at:
                raise StaleEdit(stale_message(old, changes), old)
            moved = cls is TalkingPoint and changes.get("topic_id", getattr(old, "topic_id", "")) != getattr(
                old, "topic_id", ""
            )
            if moved and "position" not in changes:  # to another topic: it goes last there
                changes = {**changes, "position": self._next_position(changes["topic_id"])}
            merged = {**asdict(old), **changes, "updated_at": now()}
            values = self._validated(cls, merged, set(changes))
            changed = {k: values[k] for k in changes if values[k] != getattr(old, k)}
            if not changed:
                return old
            for name in changed:  # every text field, one-line ones too (not the book's sections JSON)
                if name in revised_fields(cls) and getattr(old, name):
                    self._keep_revision(cls, item_id, name, getattr(old, name))
            self.db[cls.TABLE].update(item_id, {**changed, "updated_at": values["updated_at"]})
            updated = self.get(cls, item_id)
            self._index(updated)
            if cls is Person and {"name", "name_romanised"} & set(changed):
                self._index_statements_of(item_id)  # their titles name the speaker
        return updated

    def why_not_deletable(self, kind: str | type[Record], item_id: str) -> str | None:
        """Why :meth:`delete` would refuse the item, in words; ``None`` if it would not.

        Asked before 'what goes with it', so that no one is told to force a delete
        that forcing cannot do.
        """
        cls = record_type(kind)
        if cls is Topic and self.count(TalkingPoint, where={"topic_id": item_id}):
            return "This topic still has talking points. Move or delete them before deleting the topic."
        return None

    def delete(self, kind: str | type[Record], item_id: str) -> Deleted:
        """Delete an item and what belongs to it; the returned snapshot brings it all back."""
        cls = record_type(kind)
        with self.transaction():
            item = self.get(cls, item_id)
            blocker = self.why_not_deletable(cls, item_id)
            if blocker:
                raise Conflict(blocker)
            snapshot = snapshot_rows(self.db, cls.TABLE, item_id)
            self.db.execute(f"DELETE FROM {cls.TABLE} WHERE id = ?", [item_id])
            for _table, row_id in snapshot.records():
                fts.remove_item(self.db, row_id)
            self._index_nulled(snapshot)  # a deleted person's statements lose the speaker's name
            self._remember_deleted(snapshot, cls.KIND, item.display_name, now())  # briefbook undelete
        return snapshot

    def undelete(self, snapshot: Deleted) -> None:
        """Put back what :meth:`delete` removed (the Undo of a delete)."""
        with self.transaction():
            restore_rows(self.db, snapshot)
            for table, row_id in snapshot.records():
                cls = _by_table(table)
                if cls is not None:
                    self._index(self.get(cls, row_id))
            self._index_nulled(snapshot)
            self._forget_deleted(snapshot)  # it is back: no longer listed by ``briefbook deleted``

    # -- photos ------------------------------------------------------------------

    def set_photo(self, person_id: str, data: bytes) -> None:
        photo = prepare_photo(data)
        with self.transaction():
            self.get(Person, person_id)
            self.db["photos"].upsert({"person_id": person_id, **asdict(photo)}, pk="person_id")
            self.db["people"].update(person_id, {"updated_at": now()})

    def photo(self, person_id: str) -> bytes | None:
        row = self.db.execute("SELECT data FROM photos WHERE person_id = ?", [person_id]).fetchone()
        return row[0] if row else None

    def remove_photo(self, person_id: str) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM photos WHERE person_id = ?", [person_id])

    # -- revisions -----------------------------------------------------------------

    def revisions(self, kind: str | type[Record], item_id: str, field: str) -> list[Revision]:
        """Earlier values of a text field, newest first."""
        cls = record_type(kind)
        rows = self.db.execute(
            "SELECT id, item_id, field, value, created_at FROM revisions "
            "WHERE table_name = ? AND item_id = ? AND field = ? ORDER BY id DESC",
            [cls.TABLE, item_id, field],
        ).fetchall()
        return [Revision(r[0], cls.KIND, r[1], r[2], r[3], r[4]) for r in rows]

    def restore_revision(self, revision_id: int) -> Record:
        """Make an earlier value current again; the value it replaces becomes a revision."""
        row = self.db.execute(
            "SELECT table_name, item_id, field, value FROM revisions WHERE id = ?", [revision_id]
        ).fetchone()
        if row is None:
            raise NotFound("That earlier version no longer exists.")
        cls = _by_table(row[0])
        assert cls is not None
        return self.update(cls, row[1], **{row[2]: row[3]})

    # -- search ----------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        kinds: tuple[str, ...] | None = None,
        snippets: bool | int = True,
    ) -> list[SearchHit]:
        """Ranked hits over every text in the library; never raises on odd input.

        ``snippets=False`` leaves each hit's snippet empty, for a caller that shows the
        items themselves (a table's filter): marking 500 texts is most of a search's time.
        A number marks only that many of the best hits (a list shows a screenful at
        once); :meth:`snippets` marks the others when they are wanted.
        """
        limit = max(1, min(int(limit), MAX_SEARCH_LIMIT))  # the query is bounded in store.search
        marked = limit if snippets is True else 0 if snippets is False else max(0, int(snippets))
        hits = []
        marker = fts.Highlighter(query)
        for i, m in enumerate(fts.search(self.db, query, limit=limit, kinds=kinds)):
            shown = _snippet(marker, m.title, m.body) if i < marked else ""
            hits.append(SearchHit(m.kind, m.item_id, m.title, shown, m.rank))
        return hits

    def snippets(self, query: str, item_ids: list[str]) -> dict[str, str]:
        """The marked extract of each item (by id) for ``query``, as :meth:`search` makes it."""
        marker = fts.Highlighter(query)
        return {
            item_id: _snippet(marker, title, body)
            for item_id, title, body in fts.documents(self.db, item_ids)
        }

    def rebuild_index(self) -> int:
        """Rebuild the search index from the items themselves; returns how many were indexed."""
        n = 0
        with self.transaction():
            fts.clear_index(self.db)
            for cls in RECORD_TYPES.values():
                for record in self.list(cls):
                    self._index(record, fingerprint=False)
                    n += 1
                store_fingerprints(self.db.conn, sources_of(cls))
            self.db["settings"].upsert({"key": INDEX_VERSION_KEY, "value": INDEX_VERSION}, pk="key")
        return n

    # -- classification and settings ---------------------------------------------------

    def setting(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.db["settings"].upsert({"key": key, "value": value}, pk="key")

    def check(self, *, rebuild_index: bool = False, time_limit: float = CHECK_SECONDS) -> list[str]:
        """Problems found in the file (empty when healthy); optionally rebuild the index.

        The whole file is read here (opening a big library checks only its schema and
        small tables); damage too bad for SQLite to go on is reported as a problem too.
        Compares the schema with ours and the search index's content with the items
        (:mod:`briefbook.library.health`), and stops after ``time_limit`` seconds.
        """
        from briefbook.library.health import check_library

        return check_library(self, rebuild_index=rebuild_index, time_limit=time_limit)

    # -- internals ---------------------------------------------------------------------

    def _columns(self, cls: type[Record]) -> list[str]:
        return [f.name for f in fields(cls)]

    def _select(self, cls: type[Record], where: dict[str, Any] | None, count: bool = False):
        what = "count(*)" if count else ", ".join(cls.field_names())
        sql = f"SELECT {what} FROM {cls.TABLE}"
        params: list[Any] = []
        if where:
            bad = [k for k in where if k not in cls.field_names()]
            if bad:
                raise ValidationError(f"A {cls.LABEL.lower()} has no field '{bad[0]}'.", field=bad[0])
            parts = []
            for key, value in where.items():
                if value is None:
                    parts.append(f"{key} IS NULL")
                else:
                    parts.append(f"{key} = ?")
                    params.append(value)
            sql += " WHERE " + " AND ".join(parts)
        return sql, params

    def _validated(
        self, cls: type[Record], values: dict[str, Any], changed: set[str] | None = None
    ) -> dict[str, Any]:
        return validated(cls, values, self.levels, changed)

    def _index(self, record: Record, *, fingerprint: bool = True) -> None:
        """Index one item; its entry's fingerprint is written with it (``rebuild_index`` writes them all
        at the end, in one pass per kind: ``fingerprint=False``)."""
        rowid = fts.index_item(self.db, record.KIND, record.id, record.display_name, index_body(record))
        if fingerprint:
            store_fingerprints(self.db.conn, sources_of(type(record)), rowid)

    def _index_statements_of(self, person_id: str) -> None:
        for statement in self.list(Statement, where={"speaker_id": person_id}):
            self._index(statement)

    def _index_nulled(self, snapshot: Deleted) -> None:
        """Index again the statements whose speaker a delete cleared (or its undo put back)."""
        for table, rowid, _column, _value in snapshot.nulled:
            if table == Statement.TABLE:
                row = self.db.execute("SELECT id FROM statements WHERE rowid = ?", [rowid]).fetchone()
                if row:
                    self._index(self.get(Statement, row[0]))

    def _keep_revision(self, cls: type[Record], item_id: str, field: str, value: str) -> None:
        self.db["revisions"].insert(
            {"table_name": cls.TABLE, "item_id": item_id, "field": field, "value": value, "created_at": now()}
        )
        self.db.execute(
            "DELETE FROM revisions WHERE table_name = ? AND item_id = ? AND field = ? AND id NOT IN "
            "(SELECT id FROM revisions WHERE table_name = ? AND item_id = ? AND field = ? "
            "ORDER BY id DESC LIMIT ?)",
            [cls.TABLE, item_id, field] * 2 + [KEEP_REVISIONS],
        )

    def _next_position(self, topic_id: str) -> int:
        row = self.db.execute(
            "SELECT max(position) FROM talking_points WHERE topic_id = ?", [topic_id]
        ).fetchone()
        return (row[0] or 0) + 1


def index_body(record: Record) -> str:
    """The searchable text of an item, as the index keeps it (``check`` compares it)."""
    # (A person's romanised name is one of their search fields: it was once put first as
    # well, and a hit's extract read "[Sok] [Chenda] [Sok] [Chenda]".)
    body = "\n".join(str(getattr(record, f)) for f in record.SEARCH_FIELDS if getattr(record, f))
    if isinstance(record, TalkingPoint):
        body = f"{record.question}\n{record.text}"
    return body


def stale_message(current: Record, changes: dict[str, Any]) -> str:
    """Why an edit from an older version was refused, with the other version of what it changed."""
    when = current.updated_at[:19].replace("T", " ")
    shown = []

    def text(value: Any) -> str:
        return "" if value is None else str(value)

    # A whole record (edit --from-json) sends every field: show those the other version
    # holds differently, not the first three of the record.
    differ = [n for n in changes if text(getattr(current, n, "")) != text(changes[n])]
    for name in (differ or list(changes))[:3]:
        value = str(getattr(current, name, ""))
        shown.append(f"{name.replace('_', ' ')}: «{value[:200]}{'…' if len(value) > 200 else ''}»")
    return (
        f"This {current.LABEL.lower()} was changed in another window or program (at {when} UTC) after "
        "you started editing it, so your change was not saved. The other version: "
        + "; ".join(shown)
        + ". Look at it, then make your change again."
    )


def _to_record(cls: type[R], row: tuple, columns: list[str]) -> R:
    return cls(**dict(zip(columns, row, strict=True)))


def _default_order(cls: type[Record]) -> str:
    for name in ("position", "starts_at", "date", "name", "title"):
        if name in cls.field_names():
            return name
    return "created_at"


# Fields whose text is not a name: sorted as stored (ISO dates, ids, codes), not alphabetically.
_AS_STORED = {"id", "start_date", "end_date", "date", "starts_at", "ends_at", "cleared_on"}
_AS_STORED |= {"created_at", "updated_at", "last_export_at", "kind", "status", "language", "template"}
# Linked fields: sorted by the linked item's name.
_LINKED = {"topic_id": ("topics", "title"), "event_id": ("events", "title")}
_LINKED |= {"organisation_id": ("organisations", "name"), "speaker_id": ("people", "name")}


def _order_clause(cls: type[Record], order: str, descending: bool) -> str:
    """``ORDER BY`` for one field: names in Vietnamese order, linked items by their name.

    Text fields go through ``sort_key`` (:mod:`briefbook.collation`, registered by the
    store), so the CLI, the exports and the window list names in the same order.
    Talking points keep their own order within a topic when sorted by topic.
    """
    direction = "DESC" if descending else "ASC"
    field_type = {f.name: f.type for f in fields(cls)}[order]
    if order in _LINKED:  # the key comes from the join :func:`_with_linked_keys` adds
        clause = f"_key {direction}, {order}"
    elif order == "classification":  # by rank, lowest level first
        clause = f"(SELECT rank FROM classification_levels WHERE name = {order}) {direction}"
    elif cls is Statement and order == "speaker_name":  # a linked speaker by the person's name
        clause = (
            "sort_key(CASE WHEN speaker_name != '' THEN speaker_name ELSE "
            f"(SELECT name FROM people WHERE people.id = speaker_id) END) {direction}"
        )
    elif order in _AS_STORED or field_type in ("int", int):
        clause = f"{order} COLLATE NOCASE {direction}"
    else:
        clause = f"sort_key({order}) {direction}"
    if cls is TalkingPoint and order == "topic_id":
        clause += ", position"
    return clause + f", {cls.TABLE}.rowid"


def _with_linked_keys(sql: str, cls: type[Record], order: str) -> str:
    """Join the sort keys of the linked items' names, each computed once.

    Sorting 50,000 talking points by their topic's name asked ``sort_key`` (Python)
    50,000 times, once a row, 0.1 s for the window's first table; the keys of the 50
    topics, materialised once and joined, cost a few milliseconds. (The columns are
    ``_kid`` and ``_key``, so that the item's own columns stay unambiguous.)
    """
    table, name = _LINKED[order]
    # LIMIT -1 (no limit) keeps SQLite from flattening the subquery into the join, which
    # would call sort_key once a row again. (Not a CTE: the guard's authorizer refuses
    # what is done on behalf of a view, and SQLite names a CTE as one.)
    keys = f"(SELECT id AS _kid, sort_key({name}) AS _key FROM {table} LIMIT -1)"
    source = f" FROM {cls.TABLE}"
    return sql.replace(source, f"{source} LEFT JOIN {keys} ON _kid = {order}", 1)


def _snippet(marker: fts.Highlighter, title: str, body: str) -> str:
    """The extract a hit shows: around the match in its text, else in its title."""
    shown = marker.snippet(body)
    if fts.MARK_START not in shown:  # the match is in the title: show it there
        shown = marker.snippet(title + " — " + body)
    return shown


def _by_table(table: str) -> type[Record] | None:
    return next((c for c in RECORD_TYPES.values() if table == c.TABLE), None)


def _integrity_message(exc: sqlite3.IntegrityError) -> str:
    text = str(exc)
    if "FOREIGN KEY" in text:
        return "That refers to an item that is not in the library (it may have been deleted)."
    if "UNIQUE" in text:
        return "An item with that id is already in the library."
    if "NOT NULL" in text:
        return f"A required field is empty ({text.split('.')[-1]})."
    return f"The change could not be saved: {text}."
