"""What every view needs, handed around as one object instead of five arguments."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from briefbook.ui.notifier import LibraryModel
from briefbook.ui.search_service import Searcher
from briefbook.ui.settings import Settings


class UiContext:
    """The open library (``model.library``), the one undo stack, settings and the searcher.

    A plain class, not a dataclass: making a dataclass costs the window's start about 1.5 ms
    (its ``__init__`` is compiled from source), and nothing compares or prints a context.
    """

    __slots__ = ("model", "searcher", "settings", "stack")

    def __init__(self, model: LibraryModel, stack: QUndoStack, settings: Settings, searcher: Searcher):
        self.model, self.stack, self.settings, self.searcher = model, stack, settings, searcher

    @property
    def library(self):
        return self.model.library
