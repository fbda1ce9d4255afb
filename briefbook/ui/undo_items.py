"""Undo commands of an item's life: made, deleted (with what belongs to it), copied.

Each is one library operation and its inverse, then the views told; run them with
:func:`briefbook.ui.undo.run`. A deleted item comes back from its snapshot, with its id.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from briefbook.library import Record
from briefbook.library.records import record_type
from briefbook.ui.labels import kind_label
from briefbook.ui.notifier import ADDED, DELETED, LibraryModel
from briefbook.ui.undo import LibraryCommand

if TYPE_CHECKING:  # the library's edits load with the first edit
    from briefbook.library.snapshots import Deleted


class AddItem(LibraryCommand):
    """Add a new item; undo deletes it, redo brings the same item back."""

    def __init__(self, model: LibraryModel, record: Record):
        super().__init__(
            model, QCoreApplication.translate("Undo", "New %1").replace("%1", kind_label(record.KIND).lower())
        )
        self.record = record
        self.item_id = ""
        self._snapshot: Deleted | None = None

    def apply(self) -> None:
        if self._snapshot is None:
            self.record = self.library.add(self.record)
            self.item_id = self.record.id
        else:
            self.library.undelete(self._snapshot)
        self.model.notify(self.record.KIND, self.item_id, ADDED)

    def revert(self) -> None:
        self._snapshot = self.library.delete(self.record.KIND, self.item_id)
        self.model.notify(self.record.KIND, self.item_id, DELETED)


class DeleteItem(LibraryCommand):
    """Delete an item (and what belongs to it); undo puts the snapshot back."""

    def __init__(self, model: LibraryModel, kind: str, item_id: str):
        super().__init__(
            model, QCoreApplication.translate("Undo", "Delete %1").replace("%1", kind_label(kind).lower())
        )
        self.kind = record_type(kind).KIND
        self.item_id = item_id
        self._snapshot: Deleted | None = None

    def apply(self) -> None:
        self._snapshot = self.library.delete(self.kind, self.item_id)
        self.model.notify(self.kind, self.item_id, DELETED)

    def revert(self) -> None:
        assert self._snapshot is not None
        self.library.undelete(self._snapshot)
        self.model.notify(self.kind, self.item_id, ADDED)


class DuplicateItem(LibraryCommand):
    """Copy an item (an event with its meetings and books); undo deletes the copy, redo brings it back."""

    def __init__(self, model: LibraryModel, kind: str, item_id: str, *, years: int = 0, **changes: Any):
        super().__init__(
            model, QCoreApplication.translate("Undo", "Duplicate %1").replace("%1", kind_label(kind).lower())
        )
        self.kind, self.original_id, self.years, self.changes = (
            record_type(kind).KIND,
            item_id,
            years,
            changes,
        )
        self.item_id = ""
        self._snapshots: list[Deleted] = []

    def apply(self) -> None:
        if not self.item_id:
            self.item_id = self.library.duplicate(self.original_id, years=self.years, **self.changes).id
        else:
            for snapshot in reversed(self._snapshots):
                self.library.undelete(snapshot)
            self._snapshots = []
        self.model.notify(self.kind, self.item_id, ADDED)
        if self.kind == "topic":
            self.model.notify("talking_point", self.item_id, ADDED)

    def revert(self) -> None:
        with self.library.transaction():
            snapshots = []
            if self.kind == "topic":  # a topic with points cannot be deleted: its copied points go first
                for point in self.library.list("talking_point", where={"topic_id": self.item_id}):
                    snapshots.append(self.library.delete("talking_point", point.id))
            snapshots.append(self.library.delete(self.kind, self.item_id))
        self._snapshots = snapshots
        self.model.notify(self.kind, self.item_id, DELETED)
        if self.kind == "topic":
            self.model.notify("talking_point", self.item_id, DELETED)
