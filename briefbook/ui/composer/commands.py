"""Undo commands of the composer: each one is one library operation and its inverse.

A change to a book's sections is one :func:`~briefbook.library.books.save_sections`
call with the whole list after the change; undo saves the list from before.
Creating a book (new or copied) is undone by deleting it; redo brings the
same book back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from briefbook.errors import StaleEdit
from briefbook.invisible import visible_controls
from briefbook.library import Book, Library
from briefbook.library.books import Section, save_sections, sections_json
from briefbook.ui.notifier import ADDED, UPDATED, LibraryModel
from briefbook.ui.undo import LONG_TEXT, LibraryCommand, run
from briefbook.ui.undo_items import AddItem
from briefbook.ui.undo_queued import QueuedSteps


def copy_sections(sections: list[Section]) -> list[Section]:
    """A deep copy (sections hold lists and dicts that must not be shared with the undo stack)."""
    return [Section.from_dict(s.to_dict()) for s in sections]


def refuse_if_sections_changed(
    library: Library, kind: str, book_id: str, left: dict[str, Any], new: dict[str, Any]
) -> None:
    """An undo or redo stores a whole list of sections: over a change another window or the
    command line made since (a section left out, renamed, its items chosen), it took that back
    without a word. Refused, as an undo of a field's edit is; nothing is written. Asked on the
    window's connection and, for long sections, on the thread that stores them, in its
    transaction (``refuse_if_changed``'s arguments; ``new`` is not shown: it is JSON)."""
    current = library.get(Book, book_id)
    if current.sections == left["sections"]:
        return
    when = current.updated_at[:19].replace("T", " ")
    raise StaleEdit(
        QCoreApplication.translate(
            "Composer",
            "The sections of the book “%1” were changed in another window or program (at %2 UTC) "
            "after this step, so it was not undone or redone: that would also take back their "
            "change. Look at the sections as they are now, and change them again if you need to.",
        )
        .replace("%1", visible_controls(current.title))
        .replace("%2", when),
        current,
    )


class SaveSections(QueuedSteps, LibraryCommand):
    """Store a book's sections; undo stores the earlier list again.

    Sections holding a long text (a pasted report in a text section: their JSON over
    :data:`~briefbook.ui.undo.LONG_TEXT` characters) are stored on a thread with its own
    connection; an undo or redo of them joins the window's queue of long-text writes
    (:mod:`~briefbook.ui.undo_queued`), as an undo of a long talking point does, and the window
    goes on: waiting for it held the user's input as long as a save of the whole report."""

    thread_check = staticmethod(refuse_if_sections_changed)  # (in the composer's words)

    def __init__(
        self, model: LibraryModel, book_id: str, before: list[Section], after: list[Section], text: str
    ):
        super().__init__(model, text)
        self.kind, self.item_id, self.expected = Book.KIND, book_id, None
        self.before, self.after = copy_sections(before), copy_sections(after)
        self._left: dict[str, Any] | None = None  # the sections as this command's last step stored them
        self._refused: BaseException | None = None  # a step stored off the GUI thread was refused

    @property
    def book_id(self) -> str:
        return self.item_id

    def _save(self, sections: list[Section]) -> None:
        library = self.library
        data = sections_json(copy_sections(sections))
        if self._queued({"sections": data}, len(data) > LONG_TEXT):
            return
        if self._left is not None:
            refuse_if_sections_changed(library, Book.KIND, self.book_id, self._left, {"sections": data})
        if len(data) > LONG_TEXT and library.path is not None and not library.read_only:
            # (the first save of a text section holding a pasted report: stored on a thread with
            # its own connection, the window painting; its refusal is said to the caller)
            from briefbook.ui.editors.background_save import update_elsewhere

            stored = update_elsewhere(
                library.path, Book.KIND, self.book_id, {"sections": data}, None, library.commits
            )
        else:
            stored = save_sections(library, self.book_id, copy_sections(sections))
        self._stored({"sections": data}, stored)

    def _stored(self, values: dict[str, Any], stored: Book) -> None:
        """What a step does once its sections are stored (here, or off the GUI thread)."""
        self._left = {"sections": stored.sections}
        self.model.notify(Book.KIND, self.book_id, UPDATED)

    def apply(self) -> None:
        self._save(self.after)

    def revert(self) -> None:
        self._save(self.before)


class CreateBook(AddItem):
    """A book made by ``make(library)`` (``new_book`` or ``copy_book``); undo deletes it."""

    def __init__(self, model: LibraryModel, make: Callable[[Library], Book], text: str):
        super().__init__(model, Book(event_id="", title=""))
        self.setText(text)
        self.make = make

    def apply(self) -> None:
        if self._snapshot is None:
            self.record = self.make(self.library)
            self.item_id = self.record.id
            self.model.notify(Book.KIND, self.item_id, ADDED)
        else:
            super().apply()


def execute(stack: QUndoStack | None, command: LibraryCommand) -> LibraryCommand:
    """Do ``command`` now; with an undo stack it goes onto it (errors reach the caller either way)."""
    if stack is None:
        command.apply()
        return command
    return run(stack, command)
