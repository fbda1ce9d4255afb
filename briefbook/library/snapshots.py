"""Snapshots of what a delete removes, so that Undo can put it all back.

Deleting an event also deletes its meetings, their participant links, its
books; deleting a person clears the speaker of their statements. We follow the
schema's own foreign keys (``PRAGMA foreign_key_list``) to find those rows, so
a new table with a foreign key is covered without touching this module.
"""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING

from briefbook.shared_methods import dataclass

if TYPE_CHECKING:
    from briefbook.store.connection import Database


@dataclass
class Deleted:
    """Rows removed by one delete, parents first, and links that were set to NULL."""

    rows: list[tuple[str, dict]] = field(default_factory=list)
    nulled: list[tuple[str, str, str, object]] = field(
        default_factory=list
    )  # table, rowid, column, old value
    deleted_id: int | None = None  # its entry in ``deleted_items`` (see briefbook.library.deleted)

    def records(self) -> list[tuple[str, str]]:
        """(table, id) of every removed row that has an id (an item, not a link)."""
        return [(t, r["id"]) for t, r in self.rows if "id" in r]


def _references(db: Database) -> dict[str, list[tuple[str, str, str, str]]]:
    """parent table -> [(child table, child column, parent column, on_delete)]."""
    refs: dict[str, list[tuple[str, str, str, str]]] = {}
    for table in db.table_names():
        for fk in db.execute(f"PRAGMA foreign_key_list('{table}')").fetchall():
            # id, seq, table, from, to, on_update, on_delete, match
            refs.setdefault(fk[2], []).append((table, fk[3], fk[4], fk[6].upper()))
    return refs


def snapshot_rows(db: Database, table: str, item_id: str) -> Deleted:
    snapshot = Deleted()
    refs = _references(db)
    _collect(db, refs, table, "id", item_id, snapshot)
    return snapshot


def _collect(db: Database, refs: dict, table: str, column: str, value: object, snapshot: Deleted) -> None:
    cursor = db.execute(f"SELECT rowid AS _rowid, * FROM {table} WHERE {column} = ?", [value])
    names = [d[0] for d in cursor.description]
    for raw in cursor.fetchall():
        row = dict(zip(names, raw, strict=True))
        rowid = row.pop("_rowid")
        snapshot.rows.append((table, row))
        for child, child_col, parent_col, on_delete in refs.get(table, []):
            key = row.get(parent_col or "id")
            if on_delete == "CASCADE":
                _collect(db, refs, child, child_col, key, snapshot)
            elif on_delete == "SET NULL":
                for (child_rowid,) in db.execute(f"SELECT rowid FROM {child} WHERE {child_col} = ?", [key]):
                    snapshot.nulled.append((child, child_rowid, child_col, key))
        del rowid


def restore_rows(db: Database, snapshot: Deleted) -> None:
    for table, row in snapshot.rows:
        db[table].insert(row, replace=True)
    for table, rowid, column, value in snapshot.nulled:
        db.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", [value, rowid])
