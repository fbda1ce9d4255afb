"""The sidebar: the library's collections, with each event's meetings under Events
and each topic's talking points under Talking points."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from briefbook.ui.context import UiContext
from briefbook.ui.item_menu import ItemMenu, copy_link, duplicate_item
from briefbook.ui.labels import KIND_ORDER, display_name, kind_label

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
OWNER_ROLE = Qt.ItemDataRole.UserRole + 2
# A collection whose items belong to owners listed under another entry: child key, owner kind.
CHILDREN = {"event": ("meeting", "event"), "talking_point": ("talking_point", "topic")}
MAX_CHILDREN = 200


class Sidebar(QTreeWidget):
    """``chosen(key, owner_id)``: a collection was picked (an event's or topic's id for its items).

    An event or topic listed here has the lists' right-click menu too (open, duplicate,
    copy a link, delete); ``open_requested(kind, id)`` asks the window to show it.
    """

    chosen = Signal(str, str)
    open_requested = Signal(str, str)

    def __init__(self, context: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.context = context
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setMinimumWidth(170)
        self.items: dict[str, QTreeWidgetItem] = {}
        for key in KIND_ORDER:
            item = QTreeWidgetItem(self)
            item.setData(0, KEY_ROLE, key)
            self.items[key] = item
        self.currentItemChanged.connect(self._current_changed)
        context.model.changed.connect(self._on_changed)
        context.model.library_opened.connect(self.refresh_children)
        context.model.changed_elsewhere.connect(self.refresh_children)
        self.item_menu = ItemMenu(SidebarItems(self), self)
        self.retranslate()

    def retranslate(self) -> None:
        if hasattr(self, "item_menu"):
            self.item_menu.retranslate()
        for key in KIND_ORDER:
            self.items[key].setText(0, kind_label(key, plural=True))
        self.items["event"].setToolTip(0, self.tr("Events; under each event, its meetings"))
        self.items["talking_point"].setToolTip(
            0, self.tr("All talking points; under each topic, its own in order")
        )
        self.refresh_children()

    def refresh_children(self, source=None) -> None:
        """The events under "Events" and the topics under "Talking points".

        ``source``: where to read them before the library is open (at start, the
        :class:`~briefbook.library.first_page.FirstPageReader` of the first table).
        """
        library = (
            source if source is not None else self.context.library if self.context.model.is_open else None
        )
        current = self.currentItem()
        keep = (current.data(0, KEY_ROLE), current.data(0, OWNER_ROLE)) if current is not None else None
        self.blockSignals(True)
        for parent_key, (child_key, owner_kind) in CHILDREN.items():
            parent = self.items[parent_key]
            parent.takeChildren()
            if library is None:
                continue
            order = ("start_date", True) if owner_kind == "event" else ("title", False)
            owners = library.list(owner_kind, order_by=order[0], descending=order[1], limit=MAX_CHILDREN)
            for owner in owners:
                name = display_name(owner)
                child = QTreeWidgetItem(parent, [name])
                child.setData(0, KEY_ROLE, child_key)
                child.setData(0, OWNER_ROLE, owner.id)
                child.setToolTip(0, name)
                if keep == (child_key, owner.id):
                    self.setCurrentItem(child)
            parent.setExpanded(parent_key == "event")
        self.blockSignals(False)

    def _on_changed(self, kind: str, _item_id: str, _what: str) -> None:
        if kind in ("event", "topic"):
            self.refresh_children()

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        if current is not None:
            self.chosen.emit(current.data(0, KEY_ROLE), current.data(0, OWNER_ROLE) or "")

    def select_key(self, key: str, owner_id: str = "") -> None:
        """Highlight a collection without emitting ``chosen`` (the window already shows it)."""
        target = self.items.get(key)
        if owner_id:
            parents = [self.items[p] for p, (child, _o) in CHILDREN.items() if child == key]
            for parent in parents:
                for i in range(parent.childCount()):
                    if parent.child(i).data(0, OWNER_ROLE) == owner_id:
                        target = parent.child(i)
        self.blockSignals(True)
        if target is not None:
            self.setCurrentItem(target)
        else:
            self.setCurrentItem(None)
        self.blockSignals(False)

    def add_entry(self, key: str, label: str) -> QTreeWidgetItem:
        """An extra entry (a view added by another part of the app)."""
        item = self.items.get(key) or QTreeWidgetItem(self)
        item.setData(0, KEY_ROLE, key)
        item.setText(0, label)
        self.items[key] = item
        return item


class SidebarItems(QObject):
    """What the sidebar's menu acts on: the event or topic of the chosen entry (none for a collection)."""

    def __init__(self, sidebar: Sidebar):
        super().__init__(sidebar)
        self.sidebar, self.context = sidebar, sidebar.context

    def _owner(self) -> tuple[str, str] | None:
        item = self.sidebar.currentItem()
        owner_id = item.data(0, OWNER_ROLE) if item is not None else None
        if not owner_id:
            return None
        key = item.data(0, KEY_ROLE)
        return next(o for child, o in CHILDREN.values() if child == key), owner_id

    @property
    def kind(self) -> str:
        owner = self._owner()
        return owner[0] if owner else ""

    def selected_ids(self) -> list[str]:
        owner = self._owner()
        return [owner[1]] if owner else []

    def open_current(self) -> None:
        if owner := self._owner():
            self.sidebar.open_requested.emit(*owner)

    def duplicate_selected(self, years: int = 0) -> str | None:
        owner = self._owner()
        if owner is None or self.context.model.read_only:
            return None
        copy_id = duplicate_item(self.context, owner[0], owner[1], years)
        self.sidebar.open_requested.emit(owner[0], copy_id)
        return copy_id

    def copy_link(self) -> None:
        if owner := self._owner():
            copy_link(owner[1], display_name(self.context.library.get(*owner)))

    def delete_selected(self) -> None:
        owner = self._owner()
        if owner is not None and not self.context.model.read_only:
            from briefbook.ui.delete_confirm import may_delete
            from briefbook.ui.undo import run
            from briefbook.ui.undo_items import DeleteItem

            if may_delete(self.sidebar, self.context.library, owner[0], [owner[1]]):
                run(self.context.stack, DeleteItem(self.context.model, *owner))
