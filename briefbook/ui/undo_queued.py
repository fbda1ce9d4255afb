"""An undo or redo of an edit of a long text, stored in the window's queue of long-text writes.

Waiting for such a step held the user's input 0.2-0.6 s at each undo of a 1 MB point: the step
joins the window's one queue (:mod:`briefbook.ui.editors.background_save`), after the edits and
steps still being stored, and the window goes on. What it does once stored (the views told) is
done when it is back; a refusal is said then and the step leaves the undo stack. ``UpdateFields``
(:mod:`briefbook.ui.undo`) and the composer's ``SaveSections`` step this way; the rest of each
step (its check, its notify: ``_stored``) is its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from briefbook.ui import error_hook

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from briefbook.ui.editors.background_save import Write


class QueuedSteps:
    """The queued half of an undo command of a long text (mixed into ``UpdateFields`` and
    ``SaveSections``, before ``LibraryCommand``)."""

    # (given by the command and its LibraryCommand base)
    stack: QUndoStack | None
    kind: str
    item_id: str
    expected: str | None
    _left: dict[str, Any] | None
    _refused: BaseException | None
    # the check on the thread that the item still holds ``_left`` (refuse_if_changed's arguments);
    # None: refuse_if_changed, whose words name the fields
    thread_check: Callable[..., None] | None = None

    def _after_long_writes(self) -> None:
        """(Asked in ``_queued``: a step of a long text joins the queue instead of waiting for it.)"""

    def _queued(self, values: dict[str, Any], long: bool) -> bool:
        """An undo or redo of a long text is handed to the window's queue (True: the command's
        work is done when it is back, ``_stored``); any other step first waits for the long texts
        being stored before it, as every step on the window's connection does. A refusal said off
        the thread is raised here, so that the step leaves the stack now."""
        from briefbook.ui.undo import LibraryCommand  # (this module is loaded by it)

        if self._refused is not None:  # (refused off the GUI thread: dropped from the stack now)
            error, self._refused = self._refused, None
            raise error
        library = self.library
        if long and LibraryCommand.stepping and library.path is not None and not library.read_only:
            self._step_in_background(values)
            return True
        if LibraryCommand.stepping:
            super()._after_long_writes()  # (LibraryCommand's, next after this mixin: it waits)
        return False

    def _step_in_background(self, values: dict[str, Any]) -> None:
        """An undo or redo of a long text joins the window's queue of long-text writes (after an
        edit or a step still being stored) and the window goes on: waiting for it held the user's
        input 0.2-0.6 s. Whether the item still holds what the step before left is asked on the
        thread, once that step is stored (``ready``: what it left, as the write begins)."""
        from briefbook.ui.editors.background_save import Write, queue_of

        def ready(write: Write) -> None:
            write.left, write.expected = self._left, self.expected
            if self._refused is not None:  # (the step before it was refused: this one is not tried)
                write.error = self._refused

        write = Write(self.library.path, self.kind, self.item_id, {}, dict(values), None, step=True)
        write.ready, write.on_done, write.check = ready, self._stepped_in, self.thread_check
        queue_of(self.model).submit(write)

    def _stepped_in(self, write) -> None:
        """A step stored off the GUI thread is back: shown, or its refusal said (the item deleted or
        changed elsewhere) and the step dropped from the stack at once."""
        if write.error is not None:
            if write.error is not self._refused:  # (said once)
                self._refused = write.error
                error_hook.report(write.error)
                self._drop()
            return
        if not self.model.is_open:
            return
        from briefbook.ui.undo import LibraryCommand  # (this module is loaded by it)

        LibraryCommand.stepping = True  # (an editor showing it steps its own history)
        try:
            self._stored(write.new, write.record)
        finally:
            LibraryCommand.stepping = False

    def _drop(self) -> None:
        """A step refused off the GUI thread leaves the stack now, as Word and Zotero drop a step
        that can no longer apply: it stayed there, and the next Undo (or Redo) only said the same
        refusal again. Next to the stack's place, an obsolete step is taken off by stepping over
        it (Qt neither undoes nor redoes it); further off (other steps made since), it is taken
        off, unsaid, when the stack gets to it."""
        self.setObsolete(True)
        stack = self.stack
        if stack is None:
            return
        at = next((i for i in range(stack.count()) if stack.command(i) is self), None)
        if at == stack.index():  # (an undo refused: it was to be redone next)
            stack.redo()
        elif at is not None and at == stack.index() - 1:  # (a redo refused: to be undone next)
            stack.undo()
