"""The right-click menu of a list, and the keys that do the same from the keyboard.

Open, duplicate, delete, copy a link to the item; for talking points, move up and
down (Alt+Up / Alt+Down, as in the composer). Every change goes through the undo
stack. The Menu key or Shift+F10 opens the menu at the current row. Duplicate's Ctrl+D
and Delete belong to the window's Edit menu, so that they also work from the editor.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu

LINK_PREFIX = "briefbook:"
_LINK = re.compile(r"^\s*<?briefbook:(?://item/)?([0-9A-Za-z-]{8,64})>?\s*$")
# The copy of an item named by its title or name is told apart by this suffix.
NAMED_BY = {"event": "title", "meeting": "title", "topic": "title", "book": "title"}
NAMED_BY |= {"person": "name", "organisation": "name"}


def item_link(item_id: str) -> str:
    """The link to an item: ``briefbook:<id>``. Paste it in the search field (or the CLI) to open it."""
    return LINK_PREFIX + item_id


def linked_id(text: str) -> str | None:
    """The item id in a pasted link, or None if ``text`` is not one."""
    match = _LINK.match(text or "")
    return match.group(1) if match else None


def copy_link(item_id: str, title: str = "") -> None:
    """Put a link to the item on the clipboard (plain text: it pastes anywhere, and back in here).

    Plain text on purpose: a QMimeData handed to the clipboard from Python crashes
    PySide6 when the application exits.
    """
    QGuiApplication.clipboard().setText(item_link(item_id))


def copy_suffix() -> str:
    return QCoreApplication.translate("ItemMenu", " (copy)")


def duplicate_item(context, kind: str, item_id: str, years: int = 0) -> str:
    """Copy an item through the undo stack; its name says "(copy)" unless its dates move on."""
    from briefbook.ui.undo import run  # the library code loads with the first copy
    from briefbook.ui.undo_items import DuplicateItem

    record = context.library.get(kind, item_id)
    field = NAMED_BY.get(record.KIND)
    changes = {field: (getattr(record, field) + copy_suffix())[:300]} if field and not years else {}
    command = run(context.stack, DuplicateItem(context.model, record.KIND, item_id, years=years, **changes))
    return command.item_id


class ItemMenu(QObject):
    """The actions of one list and its context menu.

    ``view`` (a CollectionView, or the search results) provides ``kind``, ``context``,
    ``selected_ids``, ``open_current``, ``duplicate_selected``, ``copy_link``,
    ``delete_selected`` and, where items can be reordered, ``move_selected``.
    """

    def __init__(self, view, table: QAbstractItemView, open_on_enter: bool = True):
        super().__init__(view)
        self.view, self.table = view, table
        self.actions: dict[str, QAction] = {}
        keys = {
            "open": [],  # Enter, seen by eventFilter: a shortcut would take Enter from other widgets
            "duplicate": [],  # Ctrl+D is Edit → Duplicate, for the list and its editor alike
            "duplicate_next_year": [],
            "copy_link": [QKeySequence("Ctrl+Shift+C")],
            "delete": [],
            "move_up": [QKeySequence("Alt+Up")],
            "move_down": [QKeySequence("Alt+Down")],
            "menu": [QKeySequence("Shift+F10")],
        }
        for name, shortcuts in keys.items():
            action = QAction(table)
            action.setObjectName(f"itemAction_{name}")
            action.setShortcuts(shortcuts)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            table.addAction(action)  # the keys work while the list has the focus
            self.actions[name] = action
        self.actions["open"].triggered.connect(view.open_current)
        self.actions["duplicate"].triggered.connect(lambda: view.duplicate_selected())
        self.actions["duplicate_next_year"].triggered.connect(lambda: view.duplicate_selected(years=1))
        self.actions["copy_link"].triggered.connect(view.copy_link)
        self.actions["delete"].triggered.connect(view.delete_selected)
        self.can_move = hasattr(view, "move_selected")  # the search results cannot be reordered
        if self.can_move:
            self.actions["move_up"].triggered.connect(lambda: view.move_selected(-1))
            self.actions["move_down"].triggered.connect(lambda: view.move_selected(+1))
        self.actions["menu"].triggered.connect(lambda: self.popup(None))
        self.open_on_enter = open_on_enter
        table.installEventFilter(self)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self.popup)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the list opens the chosen item in its editor."""
        if (
            self.open_on_enter
            and watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.view.open_current()
            return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        texts = {
            "open": self.tr("&Open")
            + "\t"
            + QKeySequence(Qt.Key.Key_Return).toString(QKeySequence.SequenceFormat.NativeText),
            "duplicate": self.tr("Du&plicate") + "\tCtrl+D",
            "duplicate_next_year": self.tr("Duplicate for &next year (dates a year on)"),
            "copy_link": self.tr("Copy a &link to the item"),
            "delete": self.tr("&Delete")
            + "\t"
            + QKeySequence(QKeySequence.StandardKey.Delete).toString(QKeySequence.SequenceFormat.NativeText),
            "move_up": self.tr("Move &up"),
            "move_down": self.tr("Move do&wn"),
            "menu": self.tr("Show the menu of the item"),
        }
        for name, text in texts.items():
            self.actions[name].setText(text)

    def update_actions(self) -> None:
        """Enable what applies to the selection (nothing that writes in a read-only library)."""
        kind, ids = self.view.kind, self.view.selected_ids()
        writable = self.view.context.model.is_open and not self.view.context.model.read_only
        self.actions["open"].setEnabled(len(ids) == 1)
        self.actions["copy_link"].setEnabled(len(ids) == 1)
        self.actions["duplicate"].setEnabled(writable and len(ids) == 1)
        self.actions["duplicate_next_year"].setVisible(kind == "event")
        self.actions["duplicate_next_year"].setEnabled(writable and len(ids) == 1)
        self.actions["delete"].setEnabled(writable and bool(ids))
        for name in ("move_up", "move_down"):
            self.actions[name].setVisible(self.can_move and kind == "talking_point")
            self.actions[name].setEnabled(writable and len(ids) == 1)

    def menu(self) -> QMenu:
        self.update_actions()
        menu = QMenu(self.table)
        menu.setObjectName("itemMenu")
        order = ["open", None, "duplicate", "duplicate_next_year", "copy_link"]
        if self.actions["move_up"].isVisible():
            order += [None, "move_up", "move_down"]
        order += [None, "delete"]
        for name in order:
            if name is None:
                menu.addSeparator()
            elif self.actions[name].isVisible():
                menu.addAction(self.actions[name])
        return menu

    def popup(self, position: QPoint | None = None) -> QMenu:
        """Show the menu at ``position`` (viewport coordinates; None: at the current row)."""
        if position is None:
            rect = self.table.visualRect(self.table.currentIndex())
            position = rect.bottomLeft() if rect.isValid() else QPoint(0, 0)
        else:
            index = self.table.indexAt(position)
            if index.isValid() and not self.table.selectionModel().isRowSelected(index.row(), index.parent()):
                self.table.setCurrentIndex(index)
        menu = self.menu()
        menu.popup(self.table.viewport().mapToGlobal(position))
        return menu
