"""What exchange packages need from the library: versions, conflicts, items put back as they were.

A mixin of :class:`~briefbook.library.api.Library`, so that the exchange code
(:mod:`briefbook.exchange`) writes only through the Library API. The versions
table records, per item, every version this library has seen (a version id and
the hash of its content as stored here); the conflicts table keeps the other
side's version of an item changed on both sides until the user resolves it.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from briefbook.library.records import Record, TalkingPoint, record_type
from briefbook.library.stamps import now
from briefbook.shared_methods import dataclass
from briefbook.store.sort_keys import with_keys

if TYPE_CHECKING:
    from briefbook.store.connection import Database


@dataclass
class StoredConflict:
    """Their version of an item that both sides changed; ``item`` and ``history`` as in the package."""

    id: int
    kind: str
    item_id: str
    their_vid: str
    their_hash: str
    item: dict[str, Any]
    history: list[list[str]]
    package: str
    created_at: str


class SyncMixin:
    db: Database

    # -- items as they were --------------------------------------------------

    def put(self, record: Record) -> Record:
        """Store an item received from elsewhere with its own id and times (validated like ``add``)."""
        cls = type(record)
        values = self._validated(cls, asdict(record))  # type: ignore[attr-defined]
        values["created_at"] = values["created_at"] or now()
        values["updated_at"] = values["updated_at"] or values["created_at"]
        with self.transaction():  # type: ignore[attr-defined]
            if cls is TalkingPoint and not values.get("position"):
                values["position"] = self._next_position(record.topic_id)  # type: ignore[attr-defined]
            self.db[cls.TABLE].insert(with_keys(cls.TABLE, values))
            added = self.get(cls, record.id)  # type: ignore[attr-defined]
            self._index(added)  # type: ignore[attr-defined]
        return added

    def exists(self, kind: str | type[Record], item_id: str) -> bool:
        cls = record_type(kind)
        return self.db.execute(f"SELECT 1 FROM {cls.TABLE} WHERE id = ?", [item_id]).fetchone() is not None

    def add_revision(
        self, kind: str | type[Record], item_id: str, field: str, value: str, created_at: str
    ) -> bool:
        """Keep an earlier text of a field (from a package); False if this library has it already."""
        cls = record_type(kind)
        if field not in cls.data_fields() or not value:
            return False
        known = self.db.execute(
            "SELECT 1 FROM revisions WHERE table_name = ? AND item_id = ? AND field = ? AND value = ?",
            [cls.TABLE, item_id, field, value],
        ).fetchone()
        if known:
            return False
        with self.transaction():  # type: ignore[attr-defined]
            self.db["revisions"].insert(
                {
                    "table_name": cls.TABLE,
                    "item_id": item_id,
                    "field": field,
                    "value": value,
                    "created_at": created_at or now(),
                }
            )
        return True

    def all_revisions(self, kind: str | type[Record], item_id: str) -> list[tuple[str, str, str]]:
        """(field, value, created_at) of every kept earlier text of an item, oldest first."""
        cls = record_type(kind)
        return [
            tuple(r)
            for r in self.db.execute(
                "SELECT field, value, created_at FROM revisions WHERE table_name = ? AND item_id = ? "
                "ORDER BY id",
                [cls.TABLE, item_id],
            )
        ]

    # -- versions ----------------------------------------------------------------

    def item_versions(self, item_id: str) -> list[tuple[str, str]]:
        """(version id, content hash) of every version of an item seen here, the current one last."""
        return [
            (r[0], r[1])
            for r in self.db.execute(
                "SELECT vid, content_hash FROM item_versions WHERE item_id = ? ORDER BY seq", [item_id]
            )
        ]

    def versioned_items(self) -> dict[str, tuple[str, str, str]]:
        """item id -> (kind, current version id, its content hash), for every item with versions."""
        rows = self.db.execute(
            "SELECT v.item_id, v.kind, v.vid, v.content_hash FROM item_versions v JOIN "
            "(SELECT item_id, max(seq) AS seq FROM item_versions GROUP BY item_id) m "
            "ON m.item_id = v.item_id AND m.seq = v.seq"
        )
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def record_versions(self, kind: str, item_id: str, versions: list[tuple[str, str]]) -> None:
        """Add versions of an item in order; the last one given becomes the current one."""
        with self.transaction():  # type: ignore[attr-defined]
            for i, (vid, content_hash) in enumerate(versions):
                last = i == len(versions) - 1
                if last:
                    self.db.execute("DELETE FROM item_versions WHERE item_id = ? AND vid = ?", [item_id, vid])
                self.db.execute(
                    "INSERT OR IGNORE INTO item_versions (kind, item_id, vid, content_hash) "
                    "VALUES (?, ?, ?, ?)",
                    [kind, item_id, vid, content_hash],
                )

    # -- conflicts -------------------------------------------------------------------

    def add_conflict(
        self,
        kind: str,
        item_id: str,
        their_vid: str,
        their_hash: str,
        item: dict[str, Any],
        history: list[list[str]],
        package: str = "",
    ) -> bool:
        """Keep their version of an item changed on both sides; False if it is kept already."""
        with self.transaction():  # type: ignore[attr-defined]
            cursor = self.db.execute(
                "INSERT OR IGNORE INTO exchange_conflicts (kind, item_id, their_vid, their_hash, their_item, "
                "their_history, package, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    kind,
                    item_id,
                    their_vid,
                    their_hash,
                    json.dumps(item, ensure_ascii=False, sort_keys=True),
                    json.dumps(history),
                    package,
                    now(),
                ],
            )
        return cursor.rowcount > 0

    def conflicts(self, item_id: str | None = None) -> list[StoredConflict]:
        """Unresolved exchange conflicts (of one item, or all), oldest first."""
        sql = (
            "SELECT id, kind, item_id, their_vid, their_hash, their_item, their_history, package, created_at "
            "FROM exchange_conflicts"
        )
        params: list[str] = []
        if item_id is not None:
            sql += " WHERE item_id = ?"
            params.append(item_id)
        rows = self.db.execute(sql + " ORDER BY id", params).fetchall()
        return [
            StoredConflict(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), json.loads(r[6]), r[7], r[8])
            for r in rows
        ]

    def remove_conflicts(self, item_id: str, their_vids: list[str] | None = None) -> None:
        with self.transaction():  # type: ignore[attr-defined]
            if their_vids is None:
                self.db.execute("DELETE FROM exchange_conflicts WHERE item_id = ?", [item_id])
            else:
                for vid in their_vids:
                    self.db.execute(
                        "DELETE FROM exchange_conflicts WHERE item_id = ? AND their_vid = ?", [item_id, vid]
                    )

    # -- what exports included ---------------------------------------------------------

    def record_export(
        self,
        book_id: str,
        ceiling: str,
        for_sharing: bool,
        items: dict[str, Any],
        content_hash: str = "",
        language: str = "",
    ) -> int:
        """Remember what an export of a book included; returns its version (1, 2, ...).

        What a version is: one content of the book as it was handed out. An export gets a
        new number only when what it is made of differs from the book's last export (its
        ``content_hash``: :mod:`briefbook.library.export_fingerprint`, every item's text and
        level, the links, the book's settings and the export's choices). The same book
        exported again, as PDF then as Word, or after an edit and its undo, is the same
        version, and no new record is kept. So "version 5" names exactly one text, and a
        reader holding version 4 knows there is something new. Why not count edits: the
        composer saves on every click, so an untick followed by Undo made two versions of
        an unchanged book. A copy at another ceiling or for sharing holds other text, so it
        gets a number of its own. The book's ``version`` is set in the same transaction. A
        number is never used twice: a new one comes after the book's own (a book merged from
        a colleague's package is at their version, without their records).
        """
        with self.transaction():  # type: ignore[attr-defined]
            last = self.db.execute(
                "SELECT version, content_hash FROM export_records WHERE book_id = ? "
                "ORDER BY version DESC LIMIT 1",
                [book_id],
            ).fetchone()
            if last is not None and content_hash and last[1] == content_hash:
                version = int(last[0])
            else:
                # After the book's own number too: a book from a colleague's package carries
                # their version (their export records stay with them), and counting from this
                # library's records alone handed out "version 1" again, of another text.
                (stored,) = self.db.execute(
                    "SELECT coalesce(max(version), 0) FROM books WHERE id = ?", [book_id]
                ).fetchone()
                version = max(int(last[0]) if last else 0, int(stored or 0)) + 1
                self.db["export_records"].insert(
                    {
                        "book_id": book_id,
                        "version": version,
                        "exported_at": now(),
                        "ceiling": ceiling,
                        "for_sharing": int(for_sharing),
                        "items": json.dumps(items, ensure_ascii=False),
                        "content_hash": content_hash,
                        "language": language,
                    }
                )
            self.db.execute("UPDATE books SET version = ? WHERE id = ?", [version, book_id])
        return version

    def export_hash(self, book_id: str) -> str:
        """The fingerprint of the document the book's last export wrote ("" if none, or unknown)."""
        row = self.db.execute(
            "SELECT content_hash FROM export_records WHERE book_id = ? ORDER BY version DESC LIMIT 1",
            [book_id],
        ).fetchone()
        return row[0] if row else ""

    def last_export(
        self,
        book_id: str,
        before: int | None = None,
        *,
        ceiling: str | None = None,
        for_sharing: bool | None = None,
        language: str | None = None,
    ) -> dict[str, Any] | None:
        """The newest export record of a book (older than version ``before``, if given; at this
        ``ceiling`` and this ``for_sharing`` choice, if given): version, exported_at, ceiling,
        for_sharing, items. A copy's changes page asks for its own kind (exchange.changes.
        baseline): its reader holds the last copy of that kind, never one above its ceiling.
        ``language``: of a copy in this language, or of one whose language is not known (made
        before records kept it: schema step 0013)."""
        sql = (
            "SELECT version, exported_at, ceiling, for_sharing, items FROM export_records "
            "WHERE book_id = ? AND version < ?"
        )
        params: list[Any] = [book_id, before if before is not None else 2**62]
        if ceiling is not None:
            sql += " AND ceiling = ?"
            params.append(ceiling)
        if for_sharing is not None:
            sql += " AND for_sharing = ?"
            params.append(int(for_sharing))
        if language:
            sql += " AND language IN (?, '')"
            params.append(language)
        row = self.db.execute(sql + " ORDER BY version DESC LIMIT 1", params).fetchone()
        if row is None:
            return None
        return {
            "version": row[0],
            "exported_at": row[1],
            "ceiling": row[2],
            "for_sharing": bool(row[3]),
            "items": json.loads(row[4]),
        }
