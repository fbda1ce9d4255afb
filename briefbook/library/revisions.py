"""Earlier versions of edited texts: kept on each edit, listed, made current again.

A mixin of :class:`~briefbook.library.api.Library`. An edit can be undone after a
restart, and a book can say what changed; only the newest :data:`KEEP_REVISIONS`
of each field are kept, so a field edited all day does not grow the file for ever.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefbook.errors import NotFound
from briefbook.library.queries import by_table
from briefbook.library.records import Record, Revision, record_type
from briefbook.library.stamps import now

if TYPE_CHECKING:
    from briefbook.store.connection import Database

KEEP_REVISIONS = 50


class RevisionsMixin:
    db: Database

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
        cls = by_table(row[0])
        assert cls is not None
        return self.update(cls, row[1], **{row[2]: row[3]})

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
