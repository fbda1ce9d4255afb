"""The section tree with its buttons: add (a text or a standard section), remove, move up and down.

Like the tree's model, the panel changes nothing itself: each edit leaves as
``edited(new_sections, undo_text)`` and the composer stores it; :meth:`load`
then shows the stored sections, keeping the selection and what was expanded.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefbook.library import Meeting
from briefbook.library.books import DEFAULT_TITLES, SECTION_KINDS, Section
from briefbook.library.scope import SCOPED_SECTIONS, Choice
from briefbook.ui import error_hook
from briefbook.ui.composer.commands import copy_sections
from briefbook.ui.composer.section_kinds import kind_name
from briefbook.ui.composer.section_model import SectionTreeModel
from briefbook.ui.composer.text_section import ask_text_section

CHECK = Qt.ItemDataRole.CheckStateRole


class SectionsPanel(QWidget):
    edited = Signal(object, str)  # the sections after the edit, the undo text
    current_changed = Signal()  # the user selected another section or meeting
    add_item_requested = Signal(str)  # a topics, statements or biographies section's id
    open_requested = Signal(str, str)  # kind, item id: a meeting or item to edit

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sectionsPanel")
        self.language = "vi"  # the book's: new sections get their default title in it
        self.loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        self.model = SectionTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("sectionTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.heading.setBuddy(self.tree)
        buttons = QHBoxLayout()
        self.add_button = QToolButton(self)
        self.add_button.setObjectName("addSection")
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_menu = QMenu(self.add_button)
        self.add_menu.aboutToShow.connect(self._fill_add_menu)
        self.add_button.setMenu(self.add_menu)
        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName("removeSection")
        self.up_button = QToolButton(self)
        self.up_button.setObjectName("sectionUp")
        self.down_button = QToolButton(self)
        self.down_button.setObjectName("sectionDown")
        self.add_item_button = QToolButton(self)
        self.add_item_button.setObjectName("addSectionItem")
        self.add_item_button.clicked.connect(self._add_item)
        for button in (
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.add_item_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.model.edited.connect(self.edited)
        self.model.refused.connect(self.say)
        self.remove_button.clicked.connect(error_hook.guarded(self.remove_section))
        self.up_button.clicked.connect(error_hook.guarded(lambda: self.move_current(-1)))
        self.down_button.clicked.connect(error_hook.guarded(lambda: self.move_current(+1)))
        for keys, step in (("Alt+Up", -1), ("Alt+Down", +1)):
            shortcut = QShortcut(QKeySequence(keys), self.tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda s=step: self.move_current(s))
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._popup)
        self.tree.doubleClicked.connect(self._open)
        self.retranslate()
        self.update_buttons(False)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Secti&ons (tick to include, drag to reorder, F2 to rename)"))
        self.add_button.setText(self.tr("&Add"))
        self.add_button.setToolTip(self.tr("Add a section: your own text, or a standard section"))
        self.remove_button.setText(self.tr("&Remove"))
        self.remove_button.setToolTip(
            self.tr("Remove the selected section from the book (Undo brings it back)")
        )
        self.up_button.setText(self.tr("Move &up"))
        self.up_button.setToolTip(self.tr("Move the selection up (Alt+Up)"))
        self.down_button.setText(self.tr("Move &down"))
        self.down_button.setToolTip(self.tr("Move the selection down (Alt+Down)"))
        self.add_item_button.setText(self.tr("Add &item…"))
        self.add_item_button.setToolTip(
            self.tr("Add a topic, statement or person from the whole library to the selected section")
        )

    # -- showing ---------------------------------------------------------------------------------

    @property
    def sections(self) -> list[Section]:
        return self.model.sections

    def load(
        self,
        sections: list[Section],
        meetings: list[Meeting],
        reset_view: bool,
        choices: dict[str, list[Choice]] | None = None,
        defaults: dict[str, list[str]] | None = None,
        above: set[str] | None = None,
    ) -> None:
        """Show ``sections``; unless ``reset_view`` (another book), keep selection and expansion.

        ``choices`` and ``defaults`` (by section id): the items a topics,
        statements or biographies section holds and can hold, and the event's own;
        ``above``: the ids of items above the book's ceiling (shown as left out).
        """
        current = self.current_ids() if not reset_view else ("", "")
        expanded = self._expanded_ids() if not reset_view else set()
        self.loading = True
        try:
            self.model.load(sections, meetings, choices, defaults, self.language, above)
            for row, section in enumerate(sections):
                if section.kind in ("meetings", *SCOPED_SECTIONS) and (reset_view or section.id in expanded):
                    self.tree.expand(self.model.index(row, 0))
            self.select(*current)
        finally:
            self.loading = False

    def current_section(self) -> Section | None:
        return self.model.section_at(self.tree.currentIndex())

    def current_ids(self) -> tuple[str, str]:
        """(section id, id of the item selected under it or "")."""
        section, item = self.current_section(), self.model.record_at(self.tree.currentIndex())
        return (section.id if section else "", item.id if item else "")

    def _expanded_ids(self) -> set[str]:
        model = self.model
        return {s.id for row, s in enumerate(model.sections) if self.tree.isExpanded(model.index(row, 0))}

    def select(self, section_id: str, meeting_id: str = "") -> None:
        model, selection = self.model, self.tree.selectionModel()
        if meeting_id:
            index = model.index_of_item(section_id, meeting_id)
        else:
            index = model.index_of_section(section_id)
        if index.isValid():
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        else:
            self.tree.selectionModel().clearCurrentIndex()

    def update_buttons(self, has_book: bool) -> None:
        index = self.tree.currentIndex()
        rows = self.model.rowCount(index.parent())
        self.add_button.setEnabled(has_book)
        on_section = index.isValid() and self.model.record_at(index) is None
        self.remove_button.setEnabled(has_book and on_section)
        section = self.current_section()
        self.add_item_button.setEnabled(has_book and section is not None and section.kind in SCOPED_SECTIONS)
        self.up_button.setEnabled(has_book and index.isValid() and index.row() > 0)
        self.down_button.setEnabled(has_book and index.isValid() and index.row() < rows - 1)

    def _current_changed(self, *_args) -> None:
        if not self.loading:
            self.current_changed.emit()

    # -- edits --------------------------------------------------------------------------------------

    def add_text_section(self) -> None:
        answer = ask_text_section(self, DEFAULT_TITLES.get(self.language, DEFAULT_TITLES["en"])["text"])
        if answer is not None:
            title, text = answer
            self.add_section(Section("text", title, text=text))

    def add_section(self, section: Section) -> None:
        """Insert ``section`` after the selected one (at the end when nothing is selected)."""
        new = copy_sections(self.sections)
        current = self.current_section()
        at = next((i + 1 for i, s in enumerate(new) if current and s.id == current.id), len(new))
        new.insert(at, section)
        self.edited.emit(new, self.tr("Add the section “%1”").replace("%1", section.title))
        self.select(section.id)

    def _add_item(self) -> None:
        section = self.current_section()
        if section is not None and section.kind in SCOPED_SECTIONS:
            self.add_item_requested.emit(section.id)

    def remove_section(self) -> None:
        section = self.current_section()
        if section is None or self.model.record_at(self.tree.currentIndex()) is not None:
            return
        new = [s for s in copy_sections(self.sections) if s.id != section.id]
        self.edited.emit(new, self.tr("Remove the section “%1”").replace("%1", section.title))

    def say(self, text: str) -> None:
        """Tell the user why an edit was not made, in the window's status bar (a drag or a
        move that does nothing and says nothing looks like a broken button)."""
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10_000)

    def move_current(self, step: int) -> None:
        """Move the selected section (or meeting) ``step`` places (-1 up, +1 down)."""
        index = self.tree.currentIndex()
        if not index.isValid() or not 0 <= index.row() + step < self.model.rowCount(index.parent()):
            return
        ids = self.current_ids()
        parent = index.parent()
        self.model.moveRows(parent, index.row(), 1, parent, index.row() + (step if step < 0 else step + 1))
        self.select(*ids)

    # -- the right-click menu: what the buttons, F2, the ticks and a double-click do ---------------

    def context_menu(self, index) -> QMenu:
        """The menu for the row at ``index`` (built, not shown: :meth:`_popup` shows it)."""
        menu = QMenu(self.tree)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        record = self.model.record_at(index) if index.isValid() else None
        has_book = self.add_button.isEnabled()
        if record is not None:
            menu.addAction(
                self.tr("&Open “%1”").replace("%1", record.display_name[:60]), lambda: self._open(index)
            )
        if index.isValid():
            ticked = self.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
            tick = menu.addAction(self.tr("In&clude"))
            tick.setCheckable(True)
            tick.setChecked(ticked)
            tick.setEnabled(has_book)
            state = Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked
            tick.triggered.connect(error_hook.guarded(lambda: self.model.setData(index, state, CHECK)))
            if record is None:
                rename = menu.addAction(self.tr("Re&name"), lambda: self.tree.edit(index))
                rename.setShortcut(QKeySequence("F2"))
                rename.setEnabled(has_book)
            menu.addSeparator()
            for button in (self.up_button, self.down_button):
                action = menu.addAction(button.text(), button.click)
                action.setEnabled(button.isEnabled())
            menu.addSeparator()
        if self.add_item_button.isEnabled():
            menu.addAction(self.add_item_button.text(), self.add_item_button.click)
        add = menu.addMenu(self.tr("&Add section"))
        add.setEnabled(has_book)
        add.aboutToShow.connect(lambda: self._fill_add_menu(add))
        if index.isValid() and record is None:
            menu.addAction(self.remove_button.text(), self.remove_button.click).setEnabled(
                self.remove_button.isEnabled()
            )
        return menu

    def _popup(self, point) -> None:
        self.context_menu(self.tree.indexAt(point)).exec(self.tree.viewport().mapToGlobal(point))

    def _open(self, index) -> None:
        record = self.model.record_at(index)
        if record is not None:
            self.open_requested.emit(record.KIND, record.id)

    def _fill_add_menu(self, menu: QMenu | None = None) -> None:
        menu = menu if menu is not None else self.add_menu
        menu.clear()
        menu.addAction(self.tr("&Text section…"), error_hook.guarded(self.add_text_section))
        present = {s.kind for s in self.sections}
        missing = [k for k in SECTION_KINDS if k != "text" and k not in present]
        if missing:
            menu.addSeparator()
        titles = DEFAULT_TITLES.get(self.language, DEFAULT_TITLES["en"])
        for kind in missing:
            menu.addAction(
                kind_name(kind), error_hook.guarded(lambda k=kind: self.add_section(Section(k, titles[k])))
            )
