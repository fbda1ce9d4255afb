"""Undo commands: the command and how it is run, and the edits of an item's own content (its
fields, a text's earlier version, a person's photo). Each one calls one library operation and
its inverse, then notifies. An item made, deleted or copied: :mod:`.undo_items`; links between
items and their order: :mod:`.undo_links`.

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

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from briefbook.library.records import Person
from briefbook.ui import error_hook
from briefbook.ui.labels import field_label
from briefbook.ui.notifier import PHOTO, UPDATED, LibraryModel
from briefbook.ui.undo_queued import QueuedSteps

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
    return push(stack, command)


def push(stack: QUndoStack, command: LibraryCommand) -> LibraryCommand:
    """Put ``command``, already done (here, or stored off the GUI thread), on ``stack``: Qt's redo
    at the push skipped, and the command knows its stack (a step refused later leaves it)."""
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
