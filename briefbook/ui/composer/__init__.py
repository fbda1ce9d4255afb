"""The book composer, its preview and export: the "Books" view of the main window.

:func:`install` is called by the main window at the end of its construction
(``MainWindow.EXTENSIONS``): the Books collection then shows the composer, and
File gets "Export book…" (Ctrl+E) and "Print book…" (Ctrl+P).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from briefbook.ui import error_hook
from briefbook.ui.composer.view import BookComposer

__all__ = ["BookComposer", "ComposerActions", "install"]


class ComposerActions(QObject):
    """File → Export book…, Print book…; they show the composer and act on its book."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.export = QAction(window)
        self.export.setObjectName("action_export_book")
        self.export.setShortcut(QKeySequence("Ctrl+E"))
        self.print = QAction(window)
        self.print.setObjectName("action_print_book")
        self.print.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Print))
        self.export.triggered.connect(error_hook.guarded(self.export_book))
        self.print.triggered.connect(error_hook.guarded(self.print_book))
        actions = getattr(window, "actions", None)
        if actions is not None:
            actions.actions["export_book"] = self.export
            actions.actions["print_book"] = self.print
            menu = actions.menus.get("file")
            before = getattr(actions, "file_extra", None)
            if menu is not None and before is not None:
                menu.insertActions(before, [self.export, self.print])
            elif menu is not None:
                menu.addActions([self.export, self.print])
        window.installEventFilter(self)
        self.retranslate()

    def composer(self) -> BookComposer | None:
        model = getattr(self.window, "model", None)
        if model is None or not model.is_open:
            return None
        widget = self.window.show_view("book")  # type: ignore[attr-defined]
        return widget if isinstance(widget, BookComposer) else None

    def export_book(self) -> None:
        if (composer := self.composer()) is not None:
            composer.export_book()

    def print_book(self) -> None:
        if (composer := self.composer()) is not None:
            composer.print_book()

    def retranslate(self) -> None:
        self.export.setText(self.tr("E&xport book…"))
        self.export.setToolTip(self.tr("Export the book shown in Books as PDF and Word files"))
        self.print.setText(self.tr("&Print book…"))
        self.print.setToolTip(
            self.tr("Print the book shown in Books: choose the printer, the copies and the pages")
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def install(window: QMainWindow) -> None:
    """Make the composer the window's "book" view and add Export and Print to the File menu."""

    def make() -> BookComposer:
        composer = BookComposer(window.context)  # type: ignore[attr-defined]
        composer.itemRequested.connect(window.open_item)  # type: ignore[attr-defined]
        composer.restore_state()
        return composer

    window.add_view_factory("book", make)  # type: ignore[attr-defined]
    window.composer_actions = ComposerActions(window)  # type: ignore[attr-defined]
