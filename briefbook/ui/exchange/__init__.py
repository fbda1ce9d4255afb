"""File → Import…, Import pasted text…, Import package…, Export package… and Exchange conflicts…:
the window's side of briefbook.exchange.

Reading a file and planning a merge run off the GUI thread on a connection of
their own (:func:`briefbook.ui.background.run_busy`); what the user accepts is
then written through the window's library in one transaction, and every view
reloads.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from briefbook.ui import error_hook


class ExchangeActions(QObject):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.import_file = QAction(window)
        self.import_file.setObjectName("action_import_file")
        self.import_text = QAction(window)
        self.import_text.setObjectName("action_import_text")
        self.import_package = QAction(window)
        self.import_package.setObjectName("action_import_package")
        self.export_package = QAction(window)
        self.export_package.setObjectName("action_export_package")
        self.conflicts = QAction(window)
        self.conflicts.setObjectName("action_conflicts")
        self.import_file.triggered.connect(error_hook.guarded(self.show_import))
        self.import_text.triggered.connect(error_hook.guarded(self.show_paste_import))
        self.import_package.triggered.connect(error_hook.guarded(self.show_package_import))
        self.export_package.triggered.connect(error_hook.guarded(self.show_package_export))
        self.conflicts.triggered.connect(error_hook.guarded(self.show_conflicts))
        mine = [self.import_file, self.import_text, self.import_package, self.export_package, self.conflicts]
        actions = getattr(window, "actions", None)
        if actions is not None:
            for action in mine:
                actions.actions[action.objectName().removeprefix("action_")] = action
            menu = actions.menus.get("file")
            before = getattr(actions, "file_extra", None)
            if menu is not None and before is not None:
                menu.insertActions(before, mine)
                menu.insertSeparator(before)
            elif menu is not None:
                menu.addActions(mine)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.import_file.setText(self.tr("&Import…"))
        self.import_text.setText(self.tr("Import pasted &text…"))
        self.import_package.setText(self.tr("Import packa&ge…"))
        self.export_package.setText(self.tr("Export pac&kage…"))
        self.conflicts.setText(self.tr("Exchange con&flicts…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _open(self) -> bool:
        model = getattr(self.window, "model", None)
        return model is not None and model.is_open

    def show_import(self) -> None:
        if self._open():
            from briefbook.ui.exchange.import_preview import run_import

            run_import(self.window)

    def show_paste_import(self) -> None:
        if self._open():
            from briefbook.ui.exchange.paste_text import run_paste_import

            run_paste_import(self.window)

    def show_package_import(self) -> None:
        if self._open():
            from briefbook.ui.exchange.package_preview import run_package_import

            run_package_import(self.window)

    def show_package_export(self) -> None:
        if self._open():
            from briefbook.ui.exchange.package_export import run_package_export

            run_package_export(self.window)

    def show_conflicts(self) -> None:
        if self._open():
            from briefbook.ui.exchange.conflict_view import show_conflicts

            show_conflicts(self.window)


def install(window: QMainWindow) -> None:
    """Add the exchange actions to the window's File menu."""
    window.exchange_actions = ExchangeActions(window)  # type: ignore[attr-defined]
