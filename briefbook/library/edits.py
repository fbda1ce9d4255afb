"""Writing items: add, update (refusing a stale edit), delete and its undo.

A mixin of :class:`~briefbook.library.api.Library`. Each call is one transaction
(``transaction``); every text field's earlier value is kept as a revision
(:mod:`briefbook.library.revisions`) and the search index is kept in step
(:mod:`briefbook.library.search_index`) in that same transaction.
"""

from __future__ import annotations

import sqlite3
import unicodedata
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Any, TypeVar

from briefbook.errors import Conflict, StaleEdit, ValidationError
from briefbook.library.queries import by_table
from briefbook.library.records import (
    REFERENCES,
    Person,
    Record,
    TalkingPoint,
    Topic,
    record_type,
    revised_fields,
)
from briefbook.library.rules import check_new_id
from briefbook.library.snapshots import Deleted, restore_rows, snapshot_rows
from briefbook.library.stamps import now
from briefbook.library.validation import no_such_field, validated
from briefbook.store import search as fts
from briefbook.store.sort_keys import with_keys

if TYPE_CHECKING:
    from briefbook.store.connection import Database

R = TypeVar("R", bound=Record)


class EditsMixin:
    db: Database

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
            with self._references_named(cls, values, asdict(record)):
                self.db[cls.TABLE].insert(with_keys(cls.TABLE, values))
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
            raise ValidationError(no_such_field(cls, sorted(unknown)[0]), field=sorted(unknown)[0])
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
            with self._references_named(cls, values, {k: changes[k] for k in changed}):
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
                cls = by_table(table)
                if cls is not None:
                    self._index(self.get(cls, row_id))
            self._index_nulled(snapshot)
            self._forget_deleted(snapshot)  # it is back: no longer listed by ``briefbook deleted``

    def _validated(
        self, cls: type[Record], values: dict[str, Any], changed: set[str] | None = None
    ) -> dict[str, Any]:
        return validated(cls, values, self.levels, changed)

    @contextmanager
    def _references_named(
        self, cls: type[Record], values: dict[str, Any], given: dict[str, Any]
    ) -> Iterator[None]:
        """SQLite refuses a reference to no item (its foreign keys), but says neither which field
        nor what was given: on that refusal, and only then, find which and say so."""
        try:
            yield
        except sqlite3.IntegrityError as error:
            if "FOREIGN KEY" in str(error):
                self._refuse_missing_references(cls, values, given)
            raise

    def _refuse_missing_references(
        self, cls: type[Record], values: dict[str, Any], given: dict[str, Any]
    ) -> None:
        """Refuse a field that points at no item, naming the field, the value and the likely item.

        SQLite's own refusal ("FOREIGN KEY constraint failed") says neither which
        field nor what was given, so ``add meeting --set event_id=1`` could only be
        told "that refers to an item that is not in the library". The message keeps
        those words first. ``values`` are as they will be stored, ``given`` as the user
        typed them (an id loses its spaces on the way; the message quotes the typing).
        """
        for field in sorted(given.keys() & REFERENCES.keys()):
            value = values.get(field)
            if not value:
                continue
            target = record_type(REFERENCES[field])
            if self.db.execute(f"SELECT 1 FROM {target.TABLE} WHERE id = ?", [value]).fetchone():
                continue
            typed = str(given[field] or "").strip() or str(value)
            meant = self._reference_meant(target, str(value))
            raise Conflict(  # of the same kind as SQLite's refusal was, for those who catch it
                f"That refers to an item that is not in the library: no {target.LABEL.lower()} has the id "
                f"'{typed}' (the {cls.LABEL.lower()}'s {field}). "
                + (
                    f"Did you mean the {target.LABEL.lower()} «{meant.display_name}», id '{meant.id}'? "
                    if meant
                    else ""
                )
                + f"`briefbook list {target.KIND}` shows each {target.LABEL.lower()} with its id."
            )

    def _reference_meant(self, target: type[Record], given: str) -> Record | None:
        """The one item the user probably meant: the id in another case, or its title or name.

        Read in Python (SQLite's ``lower`` folds only ASCII: "Hội nghị" would not match
        "HỘI NGHỊ"); this runs only when a reference is refused.
        """

        def key(text: object) -> str:  # an id field's value reaches here with its spaces taken out
            return "".join(unicodedata.normalize("NFC", str(text or "")).casefold().split())

        given_key = key(given)
        columns = ", ".join(("id", *target.TITLE_FIELDS))
        found = {
            row[0]
            for row in self.db.execute(f"SELECT {columns} FROM {target.TABLE}")
            if any(key(value) == given_key for value in row)
        }
        return self.get(target, found.pop()) if len(found) == 1 else None

    def _next_position(self, topic_id: str) -> int:
        row = self.db.execute(
            "SELECT max(position) FROM talking_points WHERE topic_id = ?", [topic_id]
        ).fetchone()
        return (row[0] or 0) + 1


def refuse_if_changed(
    library: Any, kind: str, item_id: str, left: dict[str, Any], new: dict[str, Any]
) -> None:
    """An undo or redo never writes over another window's change of its fields: ``left`` is what
    the step before left in them; anything else there now refuses the step (``new``: what it
    would write, for the message). Asked on the window's connection and, for a long text, on
    the thread that stores it, inside its transaction."""
    current = library.get(kind, item_id)
    if any(getattr(current, k) != v for k, v in left.items()):
        raise StaleEdit(stale_message(current, new), current)


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
