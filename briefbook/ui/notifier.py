"""The open library and the one signal every view listens to after a change.

Undo commands change the library and then call :meth:`LibraryModel.notify`;
views never poll and never change the library themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    """Holds the open :class:`Library`; ``changed(kind, item_id, what)`` after each change."""

    changed = Signal(str, str, str)
    library_opened = Signal()

    def __init__(self, library: Library | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._library = library

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
        if old is not None and old is not library:
            old.close()
        self.library_opened.emit()

    def notify(self, kind: str, item_id: str, what: str) -> None:
        self.changed.emit(kind, item_id, what)
