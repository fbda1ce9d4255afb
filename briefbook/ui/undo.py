"""Undo commands: each one calls one library operation and its inverse, then notifies.

Use :func:`run` to execute a command: the operation runs first, so that a
ValidationError reaches the caller (and can be shown at the field); only a
command that worked goes onto the stack. Later undo/redo errors (an item
deleted meanwhile) are reported in a dialog and the command is dropped.

An undo or redo of an edit of a long text is stored off the GUI thread, in the
window's queue of long-text writes (``background_save``, :mod:`.undo_queued`), and the window does not
wait for it: what the step does once stored (the views told, a refusal said) is
done when it is back, and a refused step leaves the stack then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from briefbook.library import Record
from briefbook.library.records import Person, record_type
from briefbook.ui import error_hook
from briefbook.ui.labels import field_label, kind_label
from briefbook.ui.notifier import ADDED, DELETED, LINKS, ORDER, PHOTO, UPDATED, LibraryModel
from briefbook.ui.undo_queued import QueuedSteps

if TYPE_CHECKING:  # the library's edits load with the first edit
    from briefbook.library.snapshots import Deleted


LONG_TEXT = 100_000  # characters: an edit of a longer text is stored off the GUI thread


class LibraryCommand(QUndoCommand):
    stepping = False  # an undo or redo of the stack is under way (an editor may step its own history)

    def __init__(self, model: LibraryModel, text: str):
        super().__init__(text)
        self.model = model
        self._skip_redo = False
        self.stack: QUndoStack | None = None  # the stack it is on (a step refused later leaves it)

    @property
    def library(self):
        return self.model.library

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._stepped(self.apply)

    def undo(self) -> None:
        self._stepped(self.revert)

    def _stepped(self, operation) -> None:
        LibraryCommand.stepping = True
        try:
            self._after_long_writes()
            self._safely(operation)
        finally:
            LibraryCommand.stepping = False

    def _after_long_writes(self) -> None:
        """A step stored on the window's connection waits for the long texts being stored before
        it (``background_save``): stored in the order made, and never refused as busy while the
        thread holds the library's write lock."""
        writes = self.model.writes
        if writes is not None and writes.busy():
            writes.wait()

    def _safely(self, operation) -> None:
        try:
            operation()
        except Exception as error:
            self.setObsolete(True)
            error_hook.report(error)


def run(stack: QUndoStack, command: LibraryCommand) -> LibraryCommand:
    """Do ``command`` now (errors propagate) and, if it worked, put it on ``stack``."""
    command.apply()
    command._skip_redo = True
    command.stack = stack
    stack.push(command)
    return command


class UpdateFields(QueuedSteps, LibraryCommand):
    """Change one or more fields of an item (``old`` holds their earlier values)."""

    def __init__(
        self,
        model: LibraryModel,
        kind: str,
        item_id: str,
        old: dict[str, Any],
        new: dict[str, Any],
        expected: str | None = None,
    ):
        names = ", ".join(field_label(kind, f) for f in new)
        super().__init__(model, QCoreApplication.translate("Undo", "Edit %1").replace("%1", names))
        self.kind, self.item_id, self.old, self.new = kind, item_id, dict(old), dict(new)
        # The first apply starts from the editor's version (``expected``: refused if another
        # window changed the item since). Undo and redo check the fields they put back still
        # hold what this command left there: never written over another window's change.
        self.expected = expected
        self._left: dict[str, Any] | None = None
        self._refused: BaseException | None = None  # a step stored off the GUI thread was refused

    def apply(self) -> None:
        if self._left is None and self.kind == "talking_point" and "topic_id" in self.new:
            self._keep_place()
        self._step(self.new)

    def revert(self) -> None:
        self._step(self.old)

    def _keep_place(self) -> None:
        """A point given another topic goes last there; its undo puts it back where it stood in
        its old topic (its position, with its topic), not last, as Word's undo of a move does."""
        if "position" in self.new or "position" in self.old:
            return
        current = self.library.get(self.kind, self.item_id)
        if current.topic_id != self.new["topic_id"]:
            self.old["position"] = current.position

    def _step(self, values: dict[str, Any]) -> None:
        long = any(isinstance(v, str) and len(v) > LONG_TEXT for v in values.values())
        if self._queued(values, long):
            return
        library, expected = self.library, self.expected
        if self._left is not None:
            from briefbook.library.edits import refuse_if_changed  # the edits' code: when it is needed

            refuse_if_changed(library, self.kind, self.item_id, self._left, values)
        if long and library.path is not None and not library.read_only:
            # (a long text's first save: stored on a thread with its own connection, the window going
            # on; a refusal is said at the field, so it is waited for)
            from briefbook.ui.editors.background_save import update_elsewhere

            updated = update_elsewhere(
                library.path, self.kind, self.item_id, values, expected, library.commits
            )
        else:
            updated = library.update(self.kind, self.item_id, expected_updated_at=expected, **values)
        self._stored(values, updated)

    def _stored(self, values: dict[str, Any], updated: Any) -> None:
        self.expected = None
        self._left = {k: getattr(updated, k) for k in values}
        self.model.notify(self.kind, self.item_id, UPDATED)


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


# Person links: (set, remove, owner kind) for meeting participants and an event's delegation.
_PERSON_LINKS = {
    "participant": ("set_participant", "remove_participant", "meeting"),
    "delegate": ("set_delegate", "remove_delegate", "event"),
}


class SetPersonLink(LibraryCommand):
    """Add a participant/delegate or change their role; undo restores the earlier state."""

    def __init__(
        self, model: LibraryModel, link: str, owner_id: str, person_id: str, role: str, previous: str | None
    ):
        text = (
            QCoreApplication.translate("Undo", "Add participant")
            if previous is None
            else QCoreApplication.translate("Undo", "Change role")
        )
        super().__init__(model, text)
        self.link, self.owner_id, self.person_id = link, owner_id, person_id
        self.role, self.previous = role, previous

    def _set(self, role: str) -> None:
        setter, _remove, owner_kind = _PERSON_LINKS[self.link]
        getattr(self.library, setter)(self.owner_id, self.person_id, role)
        self.model.notify(owner_kind, self.owner_id, LINKS)

    def _remove(self) -> None:
        _set, remover, owner_kind = _PERSON_LINKS[self.link]
        getattr(self.library, remover)(self.owner_id, self.person_id)
        self.model.notify(owner_kind, self.owner_id, LINKS)

    def apply(self) -> None:
        self._set(self.role)

    def revert(self) -> None:
        if self.previous is None:
            self._remove()
        else:
            self._set(self.previous)


class RemovePersonLink(SetPersonLink):
    def __init__(self, model: LibraryModel, link: str, owner_id: str, person_id: str, role: str):
        super().__init__(model, link, owner_id, person_id, role, role)
        self.setText(QCoreApplication.translate("Undo", "Remove participant"))

    def apply(self) -> None:
        self._remove()

    def revert(self) -> None:
        self._set(self.role)


class LinkTopic(LibraryCommand):
    """Link a meeting or a statement to a topic (``linked=False``: unlink)."""

    def __init__(self, model: LibraryModel, kind: str, item_id: str, topic_id: str, linked: bool = True):
        super().__init__(
            model,
            QCoreApplication.translate("Undo", "Link topic")
            if linked
            else QCoreApplication.translate("Undo", "Unlink topic"),
        )
        self.kind, self.item_id, self.topic_id, self.linked = kind, item_id, topic_id, linked

    def _do(self, link: bool) -> None:
        if link:
            self.library.link_topic(self.item_id, self.topic_id)
        else:
            self.library.unlink_topic(self.item_id, self.topic_id)
        self.model.notify(self.kind, self.item_id, LINKS)

    def apply(self) -> None:
        self._do(self.linked)

    def revert(self) -> None:
        self._do(not self.linked)


class ReorderTalkingPoints(LibraryCommand):
    def __init__(self, model: LibraryModel, topic_id: str, old: list[str], new: list[str]):
        super().__init__(model, QCoreApplication.translate("Undo", "Reorder talking points"))
        self.topic_id, self.old, self.new = topic_id, list(old), list(new)

    def _do(self, order: list[str]) -> None:
        self.library.reorder_talking_points(self.topic_id, order)
        self.model.notify("talking_point", self.topic_id, ORDER)

    def apply(self) -> None:
        self._do(self.new)

    def revert(self) -> None:
        self._do(self.old)


class RestoreRevision(LibraryCommand):
    """Make an earlier version of a text current again (undo: back to the text it replaced)."""

    def __init__(self, model: LibraryModel, kind: str, item_id: str, field: str, revision_id: int):
        super().__init__(
            model,
            QCoreApplication.translate("Undo", "Restore earlier version of %1").replace(
                "%1", field_label(kind, field)
            ),
        )
        self.kind, self.item_id, self.field, self.revision_id = kind, item_id, field, revision_id
        self.current = str(getattr(self.library.get(kind, item_id), field))
        self.restored: str | None = None

    def apply(self) -> None:
        if self.restored is None:
            record = self.library.restore_revision(self.revision_id)
            self.restored = str(getattr(record, self.field))
        else:
            self.library.update(self.kind, self.item_id, **{self.field: self.restored})
        self.model.notify(self.kind, self.item_id, UPDATED)

    def revert(self) -> None:
        self.library.update(self.kind, self.item_id, **{self.field: self.current})
        self.model.notify(self.kind, self.item_id, UPDATED)


class SetPhoto(LibraryCommand):
    """Set a person's photo (``data=None``: remove it); undo restores the earlier one."""

    def __init__(self, model: LibraryModel, person_id: str, data: bytes | None):
        super().__init__(
            model,
            QCoreApplication.translate("Undo", "Change photo")
            if data
            else QCoreApplication.translate("Undo", "Remove photo"),
        )
        self.person_id, self.data = person_id, data
        self.previous = self.library.photo(person_id)

    def _do(self, data: bytes | None) -> None:
        if data:
            self.library.set_photo(self.person_id, data)
        else:
            self.library.remove_photo(self.person_id)
        self.model.notify(Person.KIND, self.person_id, PHOTO)

    def apply(self) -> None:
        self._do(self.data)

    def revert(self) -> None:
        self._do(self.previous)


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
