"""The row a user expects selected, and where the table is scrolled, while its rows are read elsewhere.

A collection's rows are read by the search thread and arrive later (a first load, a
new filter, the reload after an edit, pages walked down to an item). Selecting an
item whose row has not arrived yet opens it in the editor at once and remembers it;
its row is selected, and scrolled into view, when it arrives. A reload that keeps
the rows shown (after an edit) keeps the scroll position too: the row that was at
the top stays at the top, and the edited row stays selected.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QObject
from PySide6.QtWidgets import QAbstractItemView, QTableView

from briefbook.ui.table_model import ID_ROLE, RecordTableModel


class KeptSelection(QObject):
    """Selects ``wanted`` when its row arrives; keeps the view's place across a reload."""

    def __init__(self, table: QTableView, model: RecordTableModel, editor) -> None:
        super().__init__(table)
        self.table, self.model, self.editor = table, model, editor
        self.wanted: str | None = None  # asked for, its row not loaded yet
        self._reselect: str | None = None  # the item open when the rows were replaced
        self._top: str | None = None  # the item at the top of the view then
        self._placing_top: str | None = None  # the item at the top before a changed row moved
        model.modelAboutToBeReset.connect(self._remember)
        model.loaded.connect(self._loaded)
        model.about_to_place.connect(self._about_to_place)
        model.placed.connect(self._placed)
        model.reached.connect(self._reached)
        table.selectionModel().currentRowChanged.connect(self._current_changed)

    def select(self, item_id: str, open_editor: bool = True, fetch: bool = True) -> bool:
        """Select ``item_id``'s row now if it is loaded (True); otherwise when it arrives.

        ``fetch``: look for it further down, up to 25 pages, on the search thread. The
        editor (``open_editor``) shows the item at once either way.
        """
        row = self.model.row_of(item_id)
        if row >= 0:
            self.wanted = None
            self._select_row(row)
            if open_editor:
                self.editor.show_item(item_id)
            return True
        if open_editor:
            self.table.clearSelection()
            self.editor.show_item(item_id)
        self.wanted = item_id if fetch else None
        if fetch and not self.model.searching and not self.model.find(item_id):
            self.wanted = None  # every row is loaded, and it is not among them
        return False

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _remember(self) -> None:
        self._reselect = self.editor.item_id
        top = self.table.indexAt(self.table.viewport().rect().topLeft())
        self._top = top.data(ID_ROLE) if top.isValid() else None

    def _loaded(self) -> None:
        if self.model.kept and self._top:
            self._scroll_to_top(self._top)
        target = self.wanted or self._reselect
        if not target:
            return
        row = self.model.row_of(target)
        if row >= 0:
            self.wanted = None
            self._select_row(row)
        elif self.wanted and not self.model.find(self.wanted):
            self.wanted = None

    def _about_to_place(self, item_id: str, leaves: bool) -> None:
        top = self.table.indexAt(self.table.viewport().rect().topLeft())
        self._placing_top = top.data(ID_ROLE) if top.isValid() else None
        current = self.table.selectionModel().currentIndex()
        if leaves and current.isValid() and current.data(ID_ROLE) == item_id:
            # Its row goes (to a later page, or out of the filter) while it stays open in the
            # editor: Qt would make the next row current, and the editor would show that one.
            self.table.selectionModel().clearCurrentIndex()

    def _placed(self, item_id: str) -> None:
        """A changed row moved (or left): the row at the top stays there, as after a reload,
        and the item open in the editor stays selected and comes into view. The other rows
        selected stay selected (their rows did not change)."""
        top, self._placing_top = self._placing_top, None
        if top and self.table.indexAt(self.table.viewport().rect().topLeft()).data(ID_ROLE) != top:
            self._scroll_to_top(top)
        if self.wanted:
            row = self.model.row_of(self.wanted)
            if row >= 0:
                self.wanted = None
                self._select_row(row)
            elif not self.model.find(self.wanted):
                self.wanted = None
            return
        if item_id != self.editor.item_id:
            return
        row = self.model.row_of(item_id)
        if row < 0:
            return
        index = self.model.index(row, 0)
        if (
            self.table.selectionModel().currentIndex().row() == row
            and self.table.selectionModel().isRowSelected(row)
        ):
            self.table.scrollTo(index)
        else:
            self._select_row(row)

    def _scroll_to_top(self, item_id: str) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def _reached(self, item_id: str, found: bool) -> None:
        if item_id != self.wanted:
            return
        self.wanted = None
        if found:
            self._select_row(self.model.row_of(item_id))

    def _current_changed(self, current, _previous) -> None:
        item_id = current.data(ID_ROLE) if current.isValid() else None
        if item_id and self.wanted and item_id != self.wanted:
            self.wanted = None  # the user chose another row meanwhile
