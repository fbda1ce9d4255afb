"""The tree of a book's sections: checkable, renamable, reordered by drag and drop.

Top level: the book's sections in order. Under the meeting briefs: the event's
meetings, checkable and draggable too (which meetings get a brief, in which
order). Under the topic briefs, the statements annex and the biographies: the
event's own items and any chosen from elsewhere, checkable (which ones the
section holds; an item of another event is marked). The model never changes
itself: every edit (toggle, rename, move) is sent as
``edited(new_sections, undo_text)``; the composer stores it as one undoable
step and then loads the stored sections back with :meth:`load`. The edits are
:mod:`.section_edits`' (a mixin), the rows' ids and roles :mod:`.section_rows`'.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from briefbook.library import Meeting, Record
from briefbook.library.books import Section, section_title
from briefbook.library.scope import Choice
from briefbook.ui.composer.commands import copy_sections
from briefbook.ui.composer.section_edits import SectionEditsMixin
from briefbook.ui.composer.section_kinds import kind_help, kind_name
from briefbook.ui.composer.section_rows import BELONGS_ROLE, ID_ROLE, KIND_ROLE, ROOT, meeting_rows
from briefbook.ui.composer.texts import above_text, belongs_text, item_label

MUTED = QColor("#8a8a8a")


class SectionTreeModel(SectionEditsMixin, QAbstractItemModel):
    edited = Signal(object, str)  # the sections after the edit, the undo text
    refused = Signal(str)  # an edit not made (the cover moved from the front): why, in words

    def __init__(self, parent=None):
        super().__init__(parent)
        self.sections: list[Section] = []
        self.meetings: list[Meeting] = []  # the event's meetings, in time order
        self.language = "vi"  # the book's: titles not renamed are shown in it
        self._children: dict[int, list[tuple[Record, bool]]] = {}
        self._belongs: dict[int, dict[str, str]] = {}  # scoped sections: item id → "event"/"other"/"none"
        self._defaults: dict[int, list[str]] = {}  # scoped sections: the event's own items, in order
        self._above: set[str] = set()  # items above the book's ceiling: left out whatever their tick

    # -- loading --------------------------------------------------------------------------

    def load(
        self,
        sections: list[Section],
        meetings: list[Meeting],
        choices: dict[str, list[Choice]] | None = None,
        defaults: dict[str, list[str]] | None = None,
        language: str | None = None,
        above: set[str] | None = None,
    ) -> None:
        """Show ``sections``; ``choices`` (by section id): what a scoped section holds and can hold;
        ``above``: the ids of items above the book's ceiling, shown unticked, greyed and marked,
        since the export leaves them out (their tick is kept for a higher ceiling)."""
        self.beginResetModel()
        self._above = set(above or ())
        self.sections = copy_sections(sections)
        self.meetings = list(meetings)
        self.language = language or self.language
        choices, defaults = choices or {}, defaults or {}
        self._children, self._belongs, self._defaults = {}, {}, {}
        for row, s in enumerate(self.sections):
            if s.kind == "meetings":
                self._children[row] = list(meeting_rows(s, self.meetings))
            elif s.id in choices:
                self._children[row] = [(c.item, c.ticked) for c in choices[s.id]]
                self._belongs[row] = {c.item.id: c.belongs for c in choices[s.id]}
                self._defaults[row] = list(defaults.get(s.id, []))
        self.endResetModel()

    def is_scoped(self, index: QModelIndex) -> bool:
        """True for an item under a topics, statements or biographies section."""
        return index.isValid() and index.internalId() != ROOT and (index.internalId() - 1) in self._belongs

    def record_at(self, index: QModelIndex) -> Record | None:
        if not index.isValid() or index.internalId() == ROOT:
            return None
        rows = self._children.get(index.internalId() - 1, [])
        return rows[index.row()][0] if 0 <= index.row() < len(rows) else None

    def section_at(self, index: QModelIndex) -> Section | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == ROOT else index.internalId() - 1
        return self.sections[row] if 0 <= row < len(self.sections) else None

    def meeting_at(self, index: QModelIndex) -> Meeting | None:
        item = self.record_at(index)
        return item if isinstance(item, Meeting) else None

    def index_of_section(self, section_id: str) -> QModelIndex:
        for row, s in enumerate(self.sections):
            if s.id == section_id:
                return self.index(row, 0)
        return QModelIndex()

    def index_of_item(self, section_id: str, item_id: str) -> QModelIndex:
        """The row of an item (a meeting, a topic, a statement, a person) under a section."""
        parent = self.index_of_section(section_id)
        for row, (item, _ticked) in enumerate(self._children.get(parent.row(), [])):
            if item.id == item_id:
                return self.index(row, 0, parent)
        return QModelIndex()

    # -- structure --------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex | None = None):
        parent = parent if parent is not None else QModelIndex()
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, ROOT) if row < len(self.sections) else QModelIndex()
        if parent.internalId() != ROOT:
            return QModelIndex()
        children = self._children.get(parent.row(), [])
        return self.createIndex(row, 0, parent.row() + 1) if row < len(children) else QModelIndex()

    def parent(self, index=None):  # type: ignore[override]
        if index is None or not index.isValid() or index.internalId() == ROOT:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, ROOT)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        if parent is None or not parent.isValid():
            return len(self.sections)
        if parent.internalId() != ROOT:
            return 0
        return len(self._children.get(parent.row(), []))

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 1

    # -- data -----------------------------------------------------------------------------------

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == ROOT:
            return self._section_data(self.sections[index.row()], role)
        parent_row = index.internalId() - 1
        item, ticked = self._children[parent_row][index.row()]
        above = item.id in self._above
        ticked = ticked and not above
        included = ticked and self.sections[parent_row].include
        belongs = self._belongs.get(parent_row, {}).get(item.id, "")
        if role == Qt.ItemDataRole.DisplayRole:
            marker = belongs_text(belongs)
            if above:
                marker = ", ".join(m for m in (above_text(), marker) if m)
            return f"({marker}) {item_label(item)}" if marker else item_label(item)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and not included:
            return MUTED
        if role == Qt.ItemDataRole.FontRole and belongs in ("other", "none"):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if isinstance(item, Meeting):
                hint = QCoreApplication.translate(
                    "SectionTreeModel", "Tick to give this meeting a brief; drag to change the order."
                )
            else:
                hint = QCoreApplication.translate("SectionTreeModel", "Tick to include it in this section.")
                if belongs == "other":
                    hint += "\n" + QCoreApplication.translate(
                        "SectionTreeModel", "It belongs to another event, not to this book's event."
                    )
            if above:
                hint = QCoreApplication.translate(
                    "SectionTreeModel",
                    "Above this book's highest classification: the book leaves it out (the preflight "
                    "names it). Raise the book's highest classification to include it.",
                )
            return f"{item_label(item)}\n{hint}"
        if role == ID_ROLE:
            return item.id
        if role == KIND_ROLE:
            return item.KIND
        if role == BELONGS_ROLE:
            return belongs or "event"
        return None

    def _section_data(self, section: Section, role: int):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return section_title(section, self.language) or kind_name(section.kind)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if section.include else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and not section.include:
            return MUTED
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(section.include)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{kind_name(section.kind)}: {kind_help(section.kind)}"
        if role == ID_ROLE:
            return section.id
        if role == KIND_ROLE:
            return section.kind
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        if index.internalId() != ROOT:
            item, _ = self._children[index.internalId() - 1][index.row()]
            if item.id in self._above:  # (no tick the export would not honour)
                flags &= ~Qt.ItemFlag.ItemIsUserCheckable
        if not self.is_scoped(
            index
        ):  # sections and meetings are reordered; a section's items keep their order
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if index.internalId() == ROOT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags
