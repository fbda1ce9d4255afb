"""No silent destruction: what goes with a delete is said first, and what was deleted comes back.

Every delete stores its snapshot (:class:`~briefbook.library.snapshots.Deleted`:
the item, the rows that went with it, the links that were cleared) in the
``deleted_items`` table, in the same transaction, so that it survives a restart:
``briefbook deleted`` lists them and ``briefbook undelete ID`` brings one back.
The GUI's Undo uses the same snapshot and drops the entry again.

Bringing an item back never overwrites: if any of its rows is in the library
again, or what it belonged to is gone, the user is told what to do instead.
"""

from __future__ import annotations

import base64
import json
from collections import Counter
from typing import TYPE_CHECKING

from briefbook.errors import Conflict, NotFound
from briefbook.library.records import RECORD_TYPES, TalkingPoint, record_type
from briefbook.library.snapshots import Deleted, snapshot_rows
from briefbook.shared_methods import dataclass

if TYPE_CHECKING:
    from briefbook.library.api import Library

KEEP_DELETED = 500  # newest deleted snapshots kept

# How a row that goes with a delete is named, by table: (one, many).
_ROW_WORDS = {
    "meetings": ("meeting", "meetings"),
    "books": ("book", "books"),
    "talking_points": ("talking point", "talking points"),
    "meeting_participants": ("participant link", "participant links"),
    "event_delegation": ("delegation entry", "delegation entries"),
    "meeting_topics": ("topic link of a meeting", "topic links of meetings"),
    "statement_topics": ("topic link of a statement", "topic links of statements"),
    "photos": ("photo", "photos"),
    "export_records": ("record of an export", "records of exports"),
}
_NULLED_WORDS = {
    # Words true both before a delete and after an undelete ("Brought back ..., with").
    ("statements", "speaker_id"): ("statement's speaker", "statements' speaker"),
    ("people", "organisation_id"): ("person's organisation", "people's organisation"),
}
_NOT_ASKED = {"photos"}  # a person's own photo is part of them, not something else that depends on them


@dataclass
class DeletedItem:
    """One delete that can be brought back."""

    id: int
    kind: str
    item_id: str
    title: str
    deleted_at: str
    with_it: list[str]  # what went with it, in words


def _counted(counts: Counter, words: dict) -> list[str]:
    """In the order of ``words``: items (meetings, books) before links."""
    order = list(words)
    out = []
    for key, n in sorted(counts.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order)):
        plain = str(key).replace("_", " ") if isinstance(key, str) else " ".join(key).replace("_", " ")
        one, many = words.get(key, (plain, plain))
        out.append(f"{n} {one if n == 1 else many}")
    return out


def describe(
    snapshot: Deleted, *, asked_only: bool = False, named: frozenset[str] = frozenset()
) -> list[str]:
    """What goes (or went) with the item, besides itself: "2 meetings", "3 statements' speaker".

    ``named``: tables whose rows (or "table.column" whose cleared links) the caller says in
    words of its own instead (a person's meetings, the statements they made).
    """
    rows = Counter(t for t, _ in snapshot.rows[1:] if not (asked_only and t in _NOT_ASKED) and t not in named)
    nulled = Counter((t, c) for t, _, c, _ in snapshot.nulled if f"{t}.{c}" not in named)
    return _counted(rows, _ROW_WORDS) + _counted(nulled, _NULLED_WORDS)


def describe_parts(snapshot: Deleted) -> list[str]:
    """What goes with the item as part of it, without a question of its own ("1 photo"): named
    wherever a delete is asked or said, since ``describe(asked_only=True)`` leaves it out."""
    return _counted(Counter(t for t, _ in snapshot.rows[1:] if t in _NOT_ASKED), _ROW_WORDS)


def _encode(value: object) -> object:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$bytes": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _decode(value: object) -> object:
    if isinstance(value, dict) and set(value) == {"$bytes"}:
        return base64.b64decode(value["$bytes"])
    return value


def to_json(snapshot: Deleted) -> str:
    return json.dumps(
        {
            "rows": [[t, {k: _encode(v) for k, v in row.items()}] for t, row in snapshot.rows],
            "nulled": [list(n) for n in snapshot.nulled],
        },
        ensure_ascii=False,
    )


def from_json(text: str) -> Deleted:
    data = json.loads(text)
    rows = [(t, {k: _decode(v) for k, v in row.items()}) for t, row in data["rows"]]
    return Deleted(rows=rows, nulled=[tuple(n) for n in data["nulled"]])


class DeletedMixin:
    """The ``Library`` methods for deleted items (``self`` is the Library)."""

    def what_goes_with(self: Library, kind: str, item_id: str) -> list[str]:
        """What deleting the item would delete or change besides it, in words; empty if nothing.

        The GUI asks first and the CLI needs ``--force`` when this is not empty.
        """
        cls = record_type(kind)
        self.get(cls, item_id)
        return describe(snapshot_rows(self.db, cls.TABLE, item_id), asked_only=True)

    def parts_that_go(self: Library, kind: str, item_id: str) -> list[str]:
        """What deleting the item takes with it as part of it (a person's photo), in words."""
        cls = record_type(kind)
        self.get(cls, item_id)
        return describe_parts(snapshot_rows(self.db, cls.TABLE, item_id))

    def _remember_deleted(self: Library, snapshot: Deleted, kind: str, title: str, stamp: str) -> None:
        cursor = self.db.execute(
            "INSERT INTO deleted_items (kind, item_id, title, deleted_at, snapshot) VALUES (?, ?, ?, ?, ?)",
            [kind, snapshot.rows[0][1]["id"], title, stamp, to_json(snapshot)],
        )
        snapshot.deleted_id = cursor.lastrowid
        self.db.execute(
            "DELETE FROM deleted_items WHERE id NOT IN "
            "(SELECT id FROM deleted_items ORDER BY id DESC LIMIT ?)",
            [KEEP_DELETED],
        )

    def _forget_deleted(self: Library, snapshot: Deleted) -> None:
        if snapshot.deleted_id is not None:
            self.db.execute("DELETE FROM deleted_items WHERE id = ?", [snapshot.deleted_id])

    def _retitle_deleted_names(self: Library) -> int:
        """The titles of deleted talking points and statements, read as text as names now are
        ("**Thái Lan**" is listed as "Thái Lan"): made again from each one's snapshot, once, when
        a library made before that is opened. A statement keeps the speaker its title named."""
        n = 0
        rows = self.db.execute(
            "SELECT id, kind, title, snapshot FROM deleted_items WHERE kind IN ('talking_point', 'statement')"
        ).fetchall()
        for entry_id, kind, title, snapshot in rows:
            cls = record_type(kind)
            main = from_json(snapshot).rows[0][1]
            record = cls(**{k: main[k] for k in cls.field_names() if k in main})
            raw = record.question.strip() if isinstance(record, TalkingPoint) else ""
            raw = (raw or record.text.strip()).split("\n", 1)[0]
            if isinstance(record, TalkingPoint):
                old_name, new_name = raw[:120] + ("…" if len(raw) > 120 else ""), record.display_name
            else:
                old_name = raw[:90] + ("…" if len(raw) > 90 else "")
                new_name = record.quote
            if new_name and old_name != new_name and title.endswith(old_name):
                self.db.execute(
                    "UPDATE deleted_items SET title = ? WHERE id = ?",
                    [title[: len(title) - len(old_name)] + new_name, entry_id],
                )
                n += 1
        return n

    def deleted_items(self: Library, limit: int = 100) -> list[DeletedItem]:
        """What was deleted and can be brought back, newest first."""
        rows = self.db.execute(
            "SELECT id, kind, item_id, title, deleted_at, snapshot FROM deleted_items "
            "ORDER BY id DESC LIMIT ?",
            [limit],
        ).fetchall()
        return [DeletedItem(r[0], r[1], r[2], r[3], r[4], describe(from_json(r[5]))) for r in rows]

    def undelete_item(self: Library, ref: str | int) -> DeletedItem:
        """Bring back a deleted item, with what went with it: ``ref`` is its entry number or its item id."""
        entry = self._deleted_entry(ref)
        snapshot = from_json(entry[5])
        snapshot.deleted_id = entry[0]
        with self.transaction():
            for table, row in snapshot.rows:
                if (
                    "id" in row
                    and self.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row["id"]]).fetchone()
                ):
                    raise Conflict(
                        f"'{entry[3]}' cannot be brought back: an item of it (id {row['id']}) is in the "
                        "library again. Nothing was changed."
                    )
            try:
                with self.transaction():  # a savepoint: a missing parent leaves nothing half-restored
                    for table, row in snapshot.rows:
                        self.db[table].insert(row)
            except Conflict:
                raise Conflict(
                    f"'{entry[3]}' cannot be brought back: what it belonged to is no longer in the library. "
                    "Bring that back first (briefbook deleted), then this. Nothing was changed."
                ) from None
            for table, rowid, column, value in snapshot.nulled:  # only where nothing new was set since
                self.db.execute(
                    f"UPDATE {table} SET {column} = ? WHERE rowid = ? AND {column} IS NULL", [value, rowid]
                )
            for table, row_id in snapshot.records():
                cls = next((c for c in RECORD_TYPES.values() if table == c.TABLE), None)
                if cls is not None:
                    self._index(self.get(cls, row_id))
            self._index_nulled(snapshot)
            self._forget_deleted(snapshot)
        return DeletedItem(entry[0], entry[1], entry[2], entry[3], entry[4], describe(snapshot))

    def _deleted_entry(self: Library, ref: str | int) -> tuple:
        text = str(ref).strip()
        if text.isdigit():
            row = self.db.execute("SELECT * FROM deleted_items WHERE id = ?", [int(text)]).fetchone()
        else:
            row = self.db.execute(
                "SELECT * FROM deleted_items WHERE item_id = ? ORDER BY id DESC LIMIT 1", [text]
            ).fetchone()
        if row is None:
            raise NotFound(
                f"Nothing deleted with the number or id '{text}' can be brought back (see briefbook deleted)."
            )
        return row
