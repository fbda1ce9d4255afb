"""The tree of a book's sections: checkable, renamable, reordered by drag and drop.

Top level: the book's sections in order. Under the meeting briefs: the event's
meetings, checkable and draggable too (which meetings get a brief, in which
order). Under the topic briefs, the statements annex and the biographies: the
event's own items and any chosen from elsewhere, checkable (which ones the
section holds; an item of another event is marked). The model never changes
itself: every edit (toggle, rename, move) is sent as
``edited(new_sections, undo_text)``; the composer stores it as one undoable
step and then loads the stored sections back with :meth:`load`.
"""

from __future__ import annotations

import json
from dataclasses import replace

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QMimeData,
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
from briefbook.ui.composer.section_kinds import kind_help, kind_name
from briefbook.ui.composer.texts import belongs_text, item_label
from briefbook.ui.labels import display_name

MIME = "application/x-briefbook-section"
ROOT = 0  # internal id of a top-level row; a meeting row carries its section's row + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # a section's id, or the id of the item under it
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # a section's kind ("meetings", "text"...), or the item's
BELONGS_ROLE = Qt.ItemDataRole.UserRole + 3  # an item under a section: "event", "other" or "none"
MUTED = QColor("#8a8a8a")


def _checked(value: object) -> bool:
    raw = getattr(value, "value", value)
    try:
        return int(raw) == Qt.CheckState.Checked.value  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return bool(value)


def meeting_rows(section: Section, meetings: list[Meeting]) -> list[tuple[Meeting, bool]]:
    """The meetings under a meeting-briefs section: the chosen ones in order, then the others, unticked."""
    if section.items is None:
        return [(m, True) for m in meetings]
    by_id = {m.id: m for m in meetings}
    chosen = [by_id[i] for i in section.items if i in by_id]
    chosen_ids = {m.id for m in chosen}
    return [(m, True) for m in chosen] + [(m, False) for m in meetings if m.id not in chosen_ids]


def items_from_rows(rows: list[tuple[Meeting, bool]], meetings: list[Meeting]) -> list[str] | None:
    """``None`` ("every meeting, in time order") when that is what the rows say; else the ticked ids."""
    ids = [m.id for m, ticked in rows if ticked]
    return None if ids == [m.id for m in meetings] else ids


class SectionTreeModel(QAbstractItemModel):
    edited = Signal(object, str)  # the sections after the edit, the undo text

    def __init__(self, parent=None):
        super().__init__(parent)
        self.sections: list[Section] = []
        self.meetings: list[Meeting] = []  # the event's meetings, in time order
        self.language = "vi"  # the book's: titles not renamed are shown in it
        self._children: dict[int, list[tuple[Record, bool]]] = {}
        self._belongs: dict[int, dict[str, str]] = {}  # scoped sections: item id → "event"/"other"/"none"
        self._defaults: dict[int, list[str]] = {}  # scoped sections: the event's own items, in order

    # -- loading --------------------------------------------------------------------------

    def load(
        self,
        sections: list[Section],
        meetings: list[Meeting],
        choices: dict[str, list[Choice]] | None = None,
        defaults: dict[str, list[str]] | None = None,
        language: str | None = None,
    ) -> None:
        """Show ``sections``; ``choices`` (by section id): what a scoped section holds and can hold."""
        self.beginResetModel()
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

    def index_of_meeting(self, section_id: str, meeting_id: str) -> QModelIndex:
        """The row of an item (a meeting, a topic, a statement, a person) under a section."""
        parent = self.index_of_section(section_id)
        for row, (m, _ticked) in enumerate(self._children.get(parent.row(), [])):
            if m.id == meeting_id:
                return self.index(row, 0, parent)
        return QModelIndex()

    index_of_item = index_of_meeting

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
        included = ticked and self.sections[parent_row].include
        belongs = self._belongs.get(parent_row, {}).get(item.id, "")
        if role == Qt.ItemDataRole.DisplayRole:
            marker = belongs_text(belongs)
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
        if not self.is_scoped(
            index
        ):  # sections and meetings are reordered; a section's items keep their order
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if index.internalId() == ROOT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- edits (sent, not applied) ----------------------------------------------------------------

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        sections = copy_sections(self.sections)
        if index.internalId() == ROOT:
            section = sections[index.row()]
            if role == Qt.ItemDataRole.CheckStateRole:
                section.include = _checked(value)
                text = (
                    QCoreApplication.translate("SectionTreeModel", "Include “%1”")
                    if section.include
                    else QCoreApplication.translate("SectionTreeModel", "Leave out “%1”")
                )
                self.edited.emit(sections, text.replace("%1", section.title))
                return True
            if role == Qt.ItemDataRole.EditRole:
                title = " ".join(str(value or "").split())
                if not title or title == section.title:
                    return False
                old, section.title = section.title, title
                self.edited.emit(
                    sections, QCoreApplication.translate("SectionTreeModel", "Rename “%1”").replace("%1", old)
                )
                return True
            return False
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        parent_row = index.internalId() - 1
        if parent_row in self._belongs:
            return self._tick_item(sections, parent_row, index.row(), _checked(value))
        meeting, _ = self._children[parent_row][index.row()]
        ticked = [m.id for m, t in self._children[parent_row] if t and m.id != meeting.id]
        if _checked(value):  # back in at its place in time among the ticked ones
            rank = {m.id: i for i, m in enumerate(self.meetings)}
            at = next((k for k, i in enumerate(ticked) if rank[i] > rank[meeting.id]), len(ticked))
            ticked.insert(at, meeting.id)
        items = None if ticked == [m.id for m in self.meetings] else ticked
        sections[parent_row] = replace(sections[parent_row], items=items)
        text = (
            QCoreApplication.translate("SectionTreeModel", "Include the meeting “%1”")
            if _checked(value)
            else QCoreApplication.translate("SectionTreeModel", "Leave out the meeting “%1”")
        )
        self.edited.emit(sections, text.replace("%1", meeting.title))
        return True

    def _tick_item(self, sections: list[Section], parent_row: int, row: int, ticked: bool) -> bool:
        """Tick or untick an item of a topics, statements or biographies section."""
        children = self._children[parent_row]
        item = children[row][0]
        ids = [i.id for n, (i, t) in enumerate(children) if (ticked if n == row else t)]
        items = None if ids == self._defaults.get(parent_row, []) else ids
        sections[parent_row] = replace(sections[parent_row], items=items)
        text = (
            QCoreApplication.translate("SectionTreeModel", "Include “%1”")
            if ticked
            else QCoreApplication.translate("SectionTreeModel", "Leave out “%1”")
        )
        self.edited.emit(sections, text.replace("%1", _short(display_name(item))))
        return True

    def moveRows(self, source_parent, source_row: int, count: int, dest_parent, dest_child: int) -> bool:
        """Move rows within one parent (sections among sections, meetings within their section)."""
        same_parent = (not source_parent.isValid() and not dest_parent.isValid()) or (
            source_parent.isValid() and dest_parent.isValid() and source_parent.row() == dest_parent.row()
        )
        total = self.rowCount(source_parent)
        if source_parent.isValid() and source_parent.row() in self._belongs:
            return False  # a section's items are shown in the book's own order
        if not same_parent or count < 1 or source_row < 0 or source_row + count > total:
            return False
        dest_child = max(0, min(dest_child, total))
        if source_row <= dest_child <= source_row + count:
            return False  # onto itself
        order = list(range(total))
        moved = order[source_row : source_row + count]
        rest = order[:source_row] + order[source_row + count :]
        at = dest_child if dest_child < source_row else dest_child - count
        order = rest[:at] + moved + rest[at:]
        sections = copy_sections(self.sections)
        if not source_parent.isValid():
            title = sections[source_row].title
            self.edited.emit(
                [sections[i] for i in order],
                QCoreApplication.translate("SectionTreeModel", "Move “%1”").replace("%1", title),
            )
            return True
        parent_row = source_parent.row()
        rows = [self._children[parent_row][i] for i in order]
        sections[parent_row] = replace(sections[parent_row], items=items_from_rows(rows, self.meetings))
        title = self._children[parent_row][source_row][0].title
        self.edited.emit(
            sections,
            QCoreApplication.translate("SectionTreeModel", "Move the meeting “%1”").replace("%1", title),
        )
        return True

    # -- drag and drop --------------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        index = next((i for i in indexes if i.isValid()), QModelIndex())
        parent = index.parent().row() if index.parent().isValid() else -1
        data.setData(MIME, json.dumps({"parent": parent, "row": index.row()}).encode())
        return data

    def _drop_target(self, data: QMimeData, row: int, parent: QModelIndex) -> tuple[int, int, int] | None:
        """(source row, parent row or -1, destination row) for a drop, or None where it cannot go."""
        if not data.hasFormat(MIME):
            return None
        try:
            source = json.loads(bytes(data.data(MIME).data()).decode())
            source_parent, source_row = int(source["parent"]), int(source["row"])
        except (ValueError, KeyError, TypeError):
            return None
        if row < 0 and parent.isValid():  # dropped onto an item: place it before that item
            on_child = parent.internalId() != ROOT
            if source_parent == -1:
                row = parent.parent().row() if on_child else parent.row()
                parent = QModelIndex()
            elif on_child:
                row, parent = parent.row(), parent.parent()
            else:  # a meeting dropped on its own section's row: first place
                row = 0
        elif row < 0:
            row = self.rowCount(parent)
        target_parent = parent.row() if parent.isValid() else -1
        if parent.isValid() and parent.internalId() != ROOT:
            return None
        if target_parent != source_parent:
            return None
        return source_row, target_parent, row

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return action == Qt.DropAction.MoveAction and self._drop_target(data, row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        target = self._drop_target(data, row, parent)
        if action != Qt.DropAction.MoveAction or target is None:
            return False
        source_row, parent_row, dest = target
        parent_index = self.index(parent_row, 0) if parent_row >= 0 else QModelIndex()
        self.moveRows(parent_index, source_row, 1, parent_index, dest)
        # The move is stored and the model reloaded already; returning False keeps the
        # view from removing the dragged row a second time.
        return False


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
