"""The open library and the one signal every view listens to after a change.

Undo commands change the library and then call :meth:`LibraryModel.notify`;
views never poll and never change the library themselves. When another window
or process changed the file, :meth:`LibraryModel.notify_elsewhere` tells every
view to read again what it shows (:mod:`briefbook.ui.live_refresh` decides when).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # the library (and sqlite-utils) load after the window is shown
    from briefbook.library import Library

# What happened to an item (the third argument of ``changed``).
UPDATED = "updated"
ADDED = "added"
DELETED = "deleted"
LINKS = "links"  # participants, delegation or topics of the item changed
ORDER = "order"  # talking points of a topic were reordered (item id: the topic)
PHOTO = "photo"


class LibraryModel(QObject):
    """Holds the open :class:`Library`; ``changed(kind, item_id, what)`` after each change.

    ``read_only``: the open library cannot be changed (the file is not writable, or it
    was opened for reading only); views disable their editing and say why.
    """

    changed = Signal(str, str, str)
    library_opened = Signal()
    changed_elsewhere = Signal()  # another window or process changed the library: reload

    def __init__(self, library: Library | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._library = library
        self.read_only = bool(library is not None and library.read_only)
        # the window's one queue of long-text writes (background_save.queue_of), made when first asked for
        self.writes: Any = None

    @property
    def library(self) -> Library:
        if self._library is None:
            raise RuntimeError("no library is open")
        return self._library

    @property
    def is_open(self) -> bool:
        return self._library is not None

    def set_library(self, library: Library | None) -> None:
        """Show another library (the old one is closed)."""
        old, self._library = self._library, library
        self.read_only = bool(library is not None and library.read_only)
        if old is not None and old is not library:
            old.close()
        self.library_opened.emit()

    def notify(self, kind: str, item_id: str, what: str) -> None:
        self.changed.emit(kind, item_id, what)

    def notify_elsewhere(self) -> None:
        """The library was changed by another connection: every view reads it again."""
        self.changed_elsewhere.emit()
