"""What every view needs, handed around as one object instead of five arguments."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QUndoStack

from briefbook.ui.notifier import LibraryModel
from briefbook.ui.search_service import Searcher
from briefbook.ui.settings import Settings


@dataclass
class UiContext:
    """The open library (``model.library``), the one undo stack, settings and the searcher."""

    model: LibraryModel
    stack: QUndoStack
    settings: Settings
    searcher: Searcher

    @property
    def library(self):
        return self.model.library
