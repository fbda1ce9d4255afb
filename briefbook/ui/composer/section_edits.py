"""Edits of the sections tree, sent and not applied: ticks, renames, moves, drag and drop.

A mixin of :class:`~briefbook.ui.composer.section_model.SectionTreeModel`. Each edit
is sent as ``edited(new_sections, undo_text)``; the composer stores it as one undoable
step and loads the stored sections back. Sections move among sections and meetings within
their section; a section's topics, statements and people keep the book's own order. A move
that would take the cover from the front is refused, and ``refused(text)`` says why.
The strings keep the model's ``SectionTreeModel`` translation context.
"""

from __future__ import annotations

import json
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QMimeData, QModelIndex, Qt

from briefbook.library.books import Section, cover_moved
from briefbook.text import one_line
from briefbook.ui.composer.commands import copy_sections
from briefbook.ui.composer.section_rows import MIME, ROOT, checked, meeting_items
from briefbook.ui.labels import display_name


class SectionEditsMixin:
    """What the user does to the tree (see the module's docstring)."""

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        sections = copy_sections(self.sections)
        if index.internalId() == ROOT:
            section = sections[index.row()]
            if role == Qt.ItemDataRole.CheckStateRole:
                section.include = checked(value)
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
            return self._tick_item(sections, parent_row, index.row(), checked(value))
        meeting, _ = self._children[parent_row][index.row()]
        ticked = [m.id for m, t in self._children[parent_row] if t and m.id != meeting.id]
        if checked(value):  # back in at its place in time among the ticked ones
            rank = {m.id: i for i, m in enumerate(self.meetings)}
            at = next((k for k, i in enumerate(ticked) if rank[i] > rank[meeting.id]), len(ticked))
            ticked.insert(at, meeting.id)
        sections[parent_row] = replace(sections[parent_row], items=meeting_items(ticked, self.meetings))
        text = (
            QCoreApplication.translate("SectionTreeModel", "Include the meeting “%1”")
            if checked(value)
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
        self.edited.emit(sections, text.replace("%1", one_line(display_name(item), 60)))
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
            if cover_moved([sections[i] for i in order]):  # the book opens with its cover
                self.refused.emit(
                    QCoreApplication.translate(
                        "SectionTreeModel",
                        "The cover stays the first section of the book: it cannot be moved, "
                        "nor can a section go before it.",
                    )
                )
                return False
            title = sections[source_row].title
            self.edited.emit(
                [sections[i] for i in order],
                QCoreApplication.translate("SectionTreeModel", "Move “%1”").replace("%1", title),
            )
            return True
        parent_row = source_parent.row()
        rows = [self._children[parent_row][i] for i in order]
        ids = [m.id for m, ticked in rows if ticked]
        sections[parent_row] = replace(sections[parent_row], items=meeting_items(ids, self.meetings))
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
