"""The window's actions and menus: standard shortcuts, a mnemonic on every menu entry."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from briefbook.ui.labels import KIND_ORDER, kind_label

StandardKey = QKeySequence.StandardKey


def standard_shortcuts(key: QKeySequence.StandardKey) -> list[QKeySequence]:
    """The platform's keys for a standard action (they differ: Linux has no Ctrl+Y for Redo)."""
    return QKeySequence.keyBindings(key)


class MainActions(QObject):
    """Every action of the main window, by name (``action_<name>`` is its objectName)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self._undo_text = self._redo_text = ""
        keys = {
            "new_library": QKeySequence("Ctrl+Shift+N"),
            "open_library": StandardKey.Open,
            "open_demo": None,
            "backups": None,
            "quit": StandardKey.Quit,
            "undo": StandardKey.Undo,
            "redo": StandardKey.Redo,
            "new_item": StandardKey.New,
            "delete": StandardKey.Delete,
            "duplicate": QKeySequence("Ctrl+D"),
            "find": StandardKey.Find,
            "quick_jump": QKeySequence("Ctrl+K"),
            "preferences": QKeySequence("Ctrl+,"),
            "show_sidebar": QKeySequence("Ctrl+Shift+B"),
            "help": StandardKey.HelpContents,
            "about": None,
        }
        for name, key in keys.items():
            action = QAction(window)
            action.setObjectName(f"action_{name}")
            if key is not None:
                action.setShortcuts(standard_shortcuts(key) if isinstance(key, StandardKey) else [key])
            self.actions[name] = action
        self.actions["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        self.actions["about"].setMenuRole(QAction.MenuRole.AboutRole)
        self.actions["preferences"].setMenuRole(QAction.MenuRole.PreferencesRole)
        self.actions["show_sidebar"].setCheckable(True)
        self.actions["show_sidebar"].setChecked(True)
        # Redo answers both Ctrl+Shift+Z and Ctrl+Y on every system: Linux's standard key
        # is only the first, and an officer used to Word presses Ctrl+Y (found on the walk).
        redo_keys = list(self.actions["redo"].shortcuts())
        for key in (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")):
            if key not in redo_keys:
                redo_keys.append(key)
        self.actions["redo"].setShortcuts(redo_keys)
        if not self.actions["quit"].shortcuts():
            self.actions["quit"].setShortcut(QKeySequence("Ctrl+Q"))
        for i, kind in enumerate(KIND_ORDER, start=1):
            action = QAction(window)
            action.setObjectName(f"action_view_{kind}")
            action.setShortcut(QKeySequence(f"Ctrl+{i}"))
            self.actions[f"view_{kind}"] = action
        self.actions["view_search"] = QAction(window)
        self.actions["view_search"].setObjectName("action_view_search")
        self._build_menus()

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def connect(self, name: str, slot: Callable) -> None:
        self.actions[name].triggered.connect(slot)

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        file_menu = bar.addMenu("")
        file_menu.setObjectName("menu_file")
        for name in ("new_library", "open_library"):
            file_menu.addAction(self.actions[name])
        self.recent_menu = file_menu.addMenu("")
        self.recent_menu.setObjectName("menu_recent")
        file_menu.addAction(self.actions["open_demo"])
        file_menu.addAction(self.actions["backups"])
        file_menu.addSeparator()
        self.file_extra = file_menu.addSeparator()  # exports and print go here (the composer adds them)
        file_menu.addAction(self.actions["quit"])
        edit_menu = bar.addMenu("")
        edit_menu.setObjectName("menu_edit")
        for name in (
            "undo",
            "redo",
            None,
            "new_item",
            "duplicate",
            "delete",
            None,
            "find",
            "quick_jump",
            None,
            "preferences",
        ):
            edit_menu.addSeparator() if name is None else edit_menu.addAction(self.actions[name])
        view_menu = bar.addMenu("")
        view_menu.setObjectName("menu_view")
        for kind in KIND_ORDER:
            view_menu.addAction(self.actions[f"view_{kind}"])
        view_menu.addAction(self.actions["view_search"])
        view_menu.addSeparator()
        view_menu.addAction(self.actions["show_sidebar"])
        help_menu = bar.addMenu("")
        help_menu.setObjectName("menu_help")
        help_menu.addAction(self.actions["help"])
        help_menu.addAction(self.actions["about"])
        self.menus = {"file": file_menu, "edit": edit_menu, "view": view_menu, "help": help_menu}

    def retranslate(self) -> None:
        self.menus["file"].setTitle(self.tr("&File"))
        self.menus["edit"].setTitle(self.tr("&Edit"))
        self.menus["view"].setTitle(self.tr("&View"))
        self.menus["help"].setTitle(self.tr("&Help"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        texts = {
            "new_library": self.tr("&New library…"),
            "open_library": self.tr("&Open library…"),
            "open_demo": self.tr("Open the &demo library"),
            "backups": self.tr("&Backups…"),
            "quit": self.tr("&Quit"),
            "new_item": self.tr("&New item"),
            "delete": self.tr("&Delete"),
            "duplicate": self.tr("Dup&licate"),
            "find": self.tr("&Search the library"),
            "quick_jump": self.tr("&Go to item…"),
            "preferences": self.tr("&Preferences…"),
            "show_sidebar": self.tr("Show the &sidebar"),
            "help": self.tr("BriefBook &help"),
            "about": self.tr("&About BriefBook"),
            "view_search": self.tr("Search &results"),
        }
        for name, text in texts.items():
            self.actions[name].setText(text)
        self.set_undo_text(self._undo_text)
        self.set_redo_text(self._redo_text)
        for i, kind in enumerate(KIND_ORDER, start=1):
            self.actions[f"view_{kind}"].setText(f"&{i} {kind_label(kind, plural=True)}")

    def set_undo_text(self, text: str) -> None:
        """ "Undo" followed by what it undoes (the command's own text)."""
        self._undo_text = text
        self.actions["undo"].setText(self.tr("&Undo %1").replace("%1", text) if text else self.tr("&Undo"))

    def set_redo_text(self, text: str) -> None:
        self._redo_text = text
        self.actions["redo"].setText(self.tr("&Redo %1").replace("%1", text) if text else self.tr("&Redo"))
