"""Links edited where a user expects them: a meeting's participants and topics, an
event's delegation, a statement's topics. Every change is an undo command."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefbook.library.records import PARTICIPANT_ROLES
from briefbook.ui.accessibility import keyboard_help, set_name
from briefbook.ui.context import UiContext
from briefbook.ui.editors.pickers import pick_item
from briefbook.ui.editors.wheel import WheelSafeComboBox
from briefbook.ui.error_hook import guarded
from briefbook.ui.item_menu import copy_link
from briefbook.ui.labels import choice_label, display_name, field_label, kind_label
from briefbook.ui.undo import run
from briefbook.ui.undo_links import LinkTopic, RemovePersonLink, SetPersonLink

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _Panel(QWidget):
    """A list of linked items with Add and Remove; right-click (or Shift+F10): open, copy a link, remove."""

    open_requested = Signal(str, str)  # kind, id: show the linked item in its own list
    LINKED_KIND = ""

    def __init__(self, context: UiContext, name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(f"{name}Panel")
        self.context = context
        self.owner_id = ""
        self.read_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        self.buttons = QHBoxLayout()
        self.add_button = QPushButton(self)
        self.add_button.setObjectName(f"add_{name}")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName(f"remove_{name}")
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch(1)

    def set_read_only(self, read_only: bool) -> None:
        """Show the links but take no changes (the library cannot be changed)."""
        self.read_only = read_only
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)

    def add(self) -> None:
        raise NotImplementedError

    def remove(self) -> None:
        raise NotImplementedError

    def selected_id(self) -> str | None:
        raise NotImplementedError

    def _add_menu(self, view: QAbstractItemView) -> None:
        """The list's context menu and its keys (Enter opens the linked item)."""
        self.menu_actions = {}
        for name, key in (
            ("open", None),
            ("copy_link", "Ctrl+Shift+C"),
            ("remove", None),
            ("menu", "Shift+F10"),
        ):
            action = QAction(view)
            action.setObjectName(f"linkAction_{name}")
            if key:
                action.setShortcut(QKeySequence(key))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            view.addAction(action)
            self.menu_actions[name] = action
        self.menu_actions["open"].triggered.connect(self.open_selected)
        self.menu_actions["copy_link"].triggered.connect(self.copy_selected_link)
        self.menu_actions["remove"].triggered.connect(self.remove)
        self.menu_actions["menu"].triggered.connect(lambda: self.popup_menu(None))
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.popup_menu)
        # Tab as the eye reads the panel: the list, then Add, then Remove (the buttons were
        # made first, so Tab reached them before the list above them).
        QWidget.setTabOrder(view, self.add_button)
        QWidget.setTabOrder(self.add_button, self.remove_button)
        view.doubleClicked.connect(lambda _index: self.open_selected())
        self._menu_view = view

    def _retranslate_menu(self) -> None:
        self.menu_actions["open"].setText(self.tr("&Open"))
        self.menu_actions["copy_link"].setText(self.tr("Copy a &link to the item"))
        self.menu_actions["remove"].setText(self.tr("&Remove from this list"))
        self.menu_actions["menu"].setText(self.tr("Show the menu of the item"))

    def popup_menu(self, position=None) -> QMenu:
        view = self._menu_view
        chosen = self.selected_id() is not None
        self.menu_actions["open"].setEnabled(chosen)
        self.menu_actions["copy_link"].setEnabled(chosen)
        self.menu_actions["remove"].setEnabled(chosen and not self.read_only)
        menu = QMenu(view)
        for name in ("open", "copy_link", None, "remove"):
            menu.addSeparator() if name is None else menu.addAction(self.menu_actions[name])
        if position is None:
            rect = view.visualRect(view.currentIndex())
            position = rect.bottomLeft() if rect.isValid() else view.rect().topLeft()
        menu.popup(view.viewport().mapToGlobal(position))
        return menu

    def open_selected(self) -> None:
        item_id = self.selected_id()
        if item_id:
            self.open_requested.emit(self.LINKED_KIND, item_id)

    def copy_selected_link(self) -> None:
        item_id = self.selected_id()
        if item_id:
            copy_link(item_id)


class PersonLinksPanel(_Panel):
    """People linked to a meeting (participants, with a role) or an event (delegation)."""

    LINKED_KIND = "person"

    def __init__(self, context: UiContext, link: str, parent=None):
        super().__init__(context, "participants" if link == "participant" else "delegation", parent)
        self.link = link
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName(f"{self.objectName()[:-5]}Table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons, not cell by cell
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(110)
        self.table.itemChanged.connect(self._role_typed)
        self._edit_triggers = self.table.editTriggers()
        self.layout().addWidget(self.table)
        self.layout().addLayout(self.buttons)
        self.title.setBuddy(self.table)  # names the list for screen readers
        self._add_menu(self.table)
        self._roles: dict[str, str] = {}
        self.retranslate()

    def retranslate(self) -> None:
        if self.link == "participant":
            self.title.setText(self.tr("Participants"))
            self.add_button.setText(self.tr("Add participant…"))
        else:
            self.title.setText(self.tr("Our delegation"))
            self.add_button.setText(self.tr("Add member…"))
        self.remove_button.setText(self.tr("Remove"))
        self._retranslate_menu()
        self.table.setHorizontalHeaderLabels([kind_label("person"), field_label("", "role")])
        if self.owner_id and self.context.model.is_open:
            self.load(self.owner_id)

    def load(self, owner_id: str) -> None:
        self.owner_id = owner_id
        library = self.context.library
        people = (
            library.participants(owner_id) if self.link == "participant" else library.delegation(owner_id)
        )
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self._roles = {}
        for row, participant in enumerate(people):
            self.table.insertRow(row)
            name = QTableWidgetItem(display_name(participant.person))
            name.setData(ID_ROLE, participant.person.id)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, name)
            self._roles[participant.person.id] = participant.role
            if self.link == "participant":
                combo = WheelSafeComboBox(self.table)
                for role in PARTICIPANT_ROLES:
                    combo.addItem(choice_label(role), role)
                combo.setCurrentIndex(max(0, combo.findData(participant.role)))
                set_name(
                    combo,
                    self.tr("Role of %1").replace("%1", display_name(participant.person)),
                    keyboard_help(combo),
                )
                pid = participant.person.id
                combo.activated.connect(lambda _i, c=combo, p=pid: self._set_role(p, c.currentData()))
                self.table.setCellWidget(row, 1, combo)
            else:
                self.table.setItem(row, 1, QTableWidgetItem(participant.role))
        self.table.blockSignals(False)
        self._fit_role_column()
        self._apply_read_only()

    def _fit_role_column(self) -> None:
        """Room for the widest role's combo box. ResizeToContents worked the width out before
        the combo boxes were in their cells, so a meeting's first participant kept the
        header's width and "Đối tác" read "Đố"."""
        header = self.table.horizontalHeader()
        combos = [self.table.cellWidget(row, 1) for row in range(self.table.rowCount())]
        widths = [combo.sizeHint().width() for combo in combos if combo is not None]
        if widths:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(1, max([*widths, header.sectionSizeHint(1)]))
        else:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        """Roles: no typing, no choosing while the library is read-only."""
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if self.read_only else self._edit_triggers
        )
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 1)
            if combo is not None:
                combo.setEnabled(not self.read_only)

    def selected_id(self) -> str | None:
        return self._selected_person()

    def _selected_person(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(ID_ROLE) if item else None

    @guarded
    def add(self) -> None:
        person_id = pick_item(self, self.context, "person", exclude=self._roles)
        if person_id:
            role = "counterpart" if self.link == "participant" else ""
            run(
                self.context.stack,
                SetPersonLink(self.context.model, self.link, self.owner_id, person_id, role, None),
            )

    @guarded
    def remove(self) -> None:
        person_id = self._selected_person()
        if person_id:
            command = RemovePersonLink(
                self.context.model, self.link, self.owner_id, person_id, self._roles.get(person_id, "")
            )
            run(self.context.stack, command)

    @guarded
    def _set_role(self, person_id: str, role: str) -> None:
        previous = self._roles.get(person_id)
        if role != previous:
            command = SetPersonLink(self.context.model, self.link, self.owner_id, person_id, role, previous)
            run(self.context.stack, command)

    def _role_typed(self, item: QTableWidgetItem) -> None:
        if item.column() == 1:
            person = self.table.item(item.row(), 0)
            if person is not None:
                self._set_role(person.data(ID_ROLE), item.text().strip())


class TopicLinksPanel(_Panel):
    """The topics of a meeting (to raise) or of a statement (what it is about)."""

    LINKED_KIND = "topic"

    def __init__(self, context: UiContext, kind: str, parent=None):
        super().__init__(context, "topics", parent)
        self.kind = kind
        self.list = QListWidget(self)
        self.list.setObjectName("topicLinks")
        self.list.setMinimumHeight(80)
        self.layout().addWidget(self.list)
        self.layout().addLayout(self.buttons)
        self.title.setBuddy(self.list)  # names the list for screen readers
        self._add_menu(self.list)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Topics to raise") if self.kind == "meeting" else self.tr("Topics"))
        self.add_button.setText(self.tr("Add topic…"))
        self.remove_button.setText(self.tr("Remove"))
        self._retranslate_menu()

    def load(self, owner_id: str) -> None:
        self.owner_id = owner_id
        library = self.context.library
        topics = (
            library.meeting_topics(owner_id) if self.kind == "meeting" else library.statement_topics(owner_id)
        )
        self.list.clear()
        for topic in topics:
            item = QListWidgetItem(display_name(topic))
            item.setData(ID_ROLE, topic.id)
            self.list.addItem(item)

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def linked_ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    @guarded
    def add(self) -> None:
        topic_id = pick_item(self, self.context, "topic", exclude=self.linked_ids())
        if topic_id:
            run(self.context.stack, LinkTopic(self.context.model, self.kind, self.owner_id, topic_id))

    @guarded
    def remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            command = LinkTopic(
                self.context.model, self.kind, self.owner_id, item.data(ID_ROLE), linked=False
            )
            run(self.context.stack, command)
