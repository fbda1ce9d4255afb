"""One collection: filter bar, lazily fetched table and the editor pane, in a splitter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefbook.errors import NotFound
from briefbook.ui.accessibility import make_accessible, set_name
from briefbook.ui.collection_commands import CollectionCommands
from briefbook.ui.columns import BADGE_FIELDS
from briefbook.ui.context import UiContext
from briefbook.ui.delegates import BadgeDelegate
from briefbook.ui.editors.editor import RecordEditor
from briefbook.ui.filter_bar import FilterBar
from briefbook.ui.item_menu import ItemMenu
from briefbook.ui.labels import kind_label
from briefbook.ui.long_lived import freeze_once
from briefbook.ui.notifier import ADDED, DELETED, UPDATED
from briefbook.ui.table_model import ID_ROLE, RecordTableModel
from briefbook.ui.table_selection import KeptSelection

DEFAULT_SORT = {
    "event": ("start_date", Qt.SortOrder.DescendingOrder),
    "meeting": ("starts_at", Qt.SortOrder.AscendingOrder),
    "person": ("name", Qt.SortOrder.AscendingOrder),
    "organisation": ("name", Qt.SortOrder.AscendingOrder),
    "topic": ("title", Qt.SortOrder.AscendingOrder),
    "talking_point": ("topic_id", Qt.SortOrder.AscendingOrder),
    "statement": ("date", Qt.SortOrder.DescendingOrder),
    "book": ("title", Qt.SortOrder.AscendingOrder),
}
PRIMARY = {"title", "name", "text"}  # the column that names the item: wide
WIDTHS = {"version": 60, "kind": 130, "status": 105, "classification": 100, "language": 100, "position": 46}
NUMBER_WIDTH, OTHER_WIDTH, MAX_FITTED_WIDTH = 46, 130, 280
PRIMARY_MIN_WIDTH, SHRINK_TO = 220, 110  # the naming column keeps room; others shrink to no less
HIDDEN_COLUMNS = {("talking_point", "language"), ("person", "name_romanised")}


class CollectionView(CollectionCommands, QWidget):
    show_talking_points = Signal(str)
    open_requested = Signal(str, str)  # kind, id: the window shows it (a participant, a linked topic)

    def __init__(self, context: UiContext, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"view_{kind}")
        self.context, self.kind = context, kind
        self._loaded = False
        self._stale = False  # changed elsewhere while hidden: read again when shown
        self._fitted = False  # columns sized to their content yet
        self._sidebar_topic = ""  # the topic shown by show_topic (the sidebar), while it is the filter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.filters = FilterBar(context, kind, self)
        layout.addWidget(self.filters)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName(f"splitter_{kind}")
        left = QWidget(self.splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = RecordTableModel(context, kind, self)
        self.model.background = True  # every read of the table is made by the search thread
        self.table = QTableView(left)
        self.table.setObjectName(f"table_{kind}")
        self.table.setModel(self.model)
        self._setup_table()
        self.item_menu = ItemMenu(self, self.table)
        self.status = QLabel(left)
        self.status.setObjectName("collectionStatus")
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.status)
        self.editor = RecordEditor(context, kind, self.splitter)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([800, 420])
        layout.addWidget(self.splitter, 1)
        self.filters.changed.connect(self._filter)
        self.filters.edited.connect(self._filter)
        self.model.loaded.connect(self._loaded_rows)
        self.model.placed.connect(lambda _item_id: self._loaded_rows())  # (its count may change)
        self.kept = KeptSelection(self.table, self.model, self.editor)
        self.model.reorder_requested.connect(self._reorder)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.editor.show_talking_points.connect(self.show_talking_points)
        self.editor.open_requested.connect(self.open_requested)
        context.model.changed.connect(self._on_changed)
        context.model.library_opened.connect(self._library_opened)
        context.model.changed_elsewhere.connect(self._changed_elsewhere)
        self.retranslate()

    def _setup_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Tab goes on to the editor (the arrow keys move in the list): with Qt's default a
        # keyboard user's Tab walked cell by cell down every row and never reached the editor.
        table.setTabKeyNavigation(False)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        # Fitting a column to its content measures the rows on screen, not every row loaded:
        # with Qt's default (1,000 rows) the first load measured 200 rows of each column.
        # (Qt reads the rows to measure for a column from the *horizontal* header's precision.)
        table.horizontalHeader().setResizeContentsPrecision(0)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(NUMBER_WIDTH)
        for column, field in enumerate(self.model.fields):
            if field in PRIMARY:  # the text that names the item takes the room left
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, WIDTHS.get(field, OTHER_WIDTH))
            table.setColumnHidden(column, (self.kind, field) in HIDDEN_COLUMNS)
            if field in BADGE_FIELDS and (self.kind == "talking_point" or field == "classification"):
                delegate = BadgeDelegate(field, self._levels, table)
                table.setItemDelegateForColumn(column, delegate)
        if self.kind == "talking_point":
            table.setDragEnabled(True)
            table.setAcceptDrops(True)
            table.setDropIndicatorShown(True)
            table.setDragDropOverwriteMode(False)
            table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
            table.setDefaultDropAction(Qt.DropAction.MoveAction)

    def fit_columns(self) -> None:
        """Size each column to what it shows (header included); the text column stretches.

        Done when rows first arrive and when the language changes, not on every
        change, so that a column the user widened keeps its width while they work.
        Long secondary texts (a job title, an organisation) give up width so that
        the column naming the item keeps at least a third of the list.
        """
        header = self.table.horizontalHeader()
        fitted: dict[int, int] = {}
        for column, field in enumerate(self.model.fields):
            if field in PRIMARY or self.table.isColumnHidden(column):
                continue
            self.table.resizeColumnToContents(column)
            wanted = max(header.sectionSize(column), header.sectionSizeHint(column))
            fitted[column] = min(wanted, MAX_FITTED_WIDTH)
        width = self.table.viewport().width()
        need = max(PRIMARY_MIN_WIDTH, width // 3)
        excess = sum(fitted.values()) + need - width
        shrinkable = {
            c: w for c, w in fitted.items() if w > SHRINK_TO and self.model.fields[c] not in BADGE_FIELDS
        }
        if excess > 0 and shrinkable:
            spare = sum(w - SHRINK_TO for w in shrinkable.values())
            for column, w in shrinkable.items():
                fitted[column] = w - min(w - SHRINK_TO, excess * (w - SHRINK_TO) // max(1, spare))
        for column, w in fitted.items():
            header.resizeSection(column, w)
        self._fitted = True

    def _levels(self) -> list[str]:
        if not hasattr(self, "_level_cache"):
            self._level_cache = self.context.library.classification_levels()
        return self._level_cache

    # -- loading -------------------------------------------------------------------------

    def activate(self) -> None:
        """Load the table the first time the view is shown (again if it changed elsewhere meanwhile)."""
        if not self._loaded and self.context.model.is_open:
            self._loaded = True
            self._stale = False
            field, order = DEFAULT_SORT[self.kind]
            self.table.horizontalHeader().setSortIndicator(self.model.column_of(field), order)
            self.table.setSortingEnabled(True)  # sorts (reads) once, in that order: the first load
        elif self._stale:
            self.refresh()

    def show_first_page(self, reader) -> None:
        """Before the library opens: the first page in the first load's order (see :meth:`activate`)."""
        field, order = DEFAULT_SORT[self.kind]
        self._level_cache = reader.classification_levels()  # the badges' colours
        header = self.table.horizontalHeader()
        header.setSortIndicator(self.model.column_of(field), order)
        header.setSortIndicatorShown(True)
        self.model.show_first_page(reader, field, order == Qt.SortOrder.DescendingOrder)

    def refresh(self) -> None:
        """Read the table, its filters and the open item again, keeping the selection if it is still there."""
        self._stale = False
        if not self.context.model.is_open:
            return
        if hasattr(self, "_level_cache"):
            del self._level_cache
        self.filters.refresh_options()  # a topic or event may have come or gone
        if self.editor.form is not None:
            self.editor.form.set_levels(self.context.library.classification_levels())
        if self.filters.where() != self.model.where:  # the chosen topic was deleted elsewhere
            self._filter()
        else:
            self.model.reload(keep=self.model.rowCount())
        self.editor.reload()

    def _changed_elsewhere(self) -> None:
        if not self._loaded:
            return  # read afresh when first shown
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _library_opened(self) -> None:
        if hasattr(self, "_level_cache"):
            del self._level_cache
        self.editor.show_item(None)
        self.filters.clear(emit=False)
        self.filters.refresh_options()
        if self.editor.form is not None and self.context.model.is_open:
            self.editor.form.set_levels(self.context.library.classification_levels())

    def _filter(self) -> None:
        """The filter changed (the user, or code): the rows are read off the GUI thread."""
        self.model.set_filter(where=self.filters.where(), text=self.filters.words())

    def delete_many_text(self, count: int) -> str:
        """Edit menu's "Undo …" for a delete of several rows: here, in the view's own class,
        because lupdate collects no ``%n`` plural from ``QCoreApplication.translate`` in Python
        (the commands' mixin had one, and the Vietnamese window showed it in English)."""
        return self.tr("Delete %n item(s)", "", count)

    def _loaded_rows(self) -> None:
        model = self.model
        if model.text:
            text = self.tr("%n match(es)", "", model.total)
            if model.total >= model.SEARCH_LIMIT:
                text += " " + self.tr("(the best %1 are shown; add words to narrow)").replace(
                    "%1", str(model.SEARCH_LIMIT)
                )
        else:
            text = self.tr("%n item(s)", "", model.total)
            if self.kind == "talking_point" and model.can_reorder():
                text += " · " + self.tr(
                    "drag a row, or press Alt+Up or Alt+Down, to change the order within its topic"
                )
        self.status.setText(text)
        if not self._fitted and model.rowCount():
            self.fit_columns()
            freeze_once()  # the window is up: what is alive now stays out of the collector's full passes

    # -- selection ------------------------------------------------------------------------

    def _current_changed(self, current, _previous) -> None:
        item_id = current.data(ID_ROLE) if current.isValid() else None
        if item_id and self.context.model.is_open:  # (not on rows shown before the library opened)
            self.editor.show_item(item_id)

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.record_at(r).id for r in rows if self.model.record_at(r)]
        if not ids and self.editor.item_id:
            ids = [self.editor.item_id]
        return ids

    @property
    def rows_pending(self) -> bool:
        """Rows this view asked for (a load, a reload, the walk down to an item) are still on
        their way from the search thread: what a user sees is about to change."""
        return self.model.searching or self.kept.wanted is not None

    def select(self, item_id: str, open_editor: bool = True, fetch: bool = True) -> bool:
        """Select ``item_id`` in the table: now if its row is loaded (True), else when it arrives.

        The editor shows it at once; with ``fetch`` its row is looked for further down
        (at most 25 pages, by the search thread) and selected when it comes.
        """
        return self.kept.select(item_id, open_editor=open_editor, fetch=fetch)

    def show_all_topics(self) -> None:
        """Back to every talking point after a topic was shown from the sidebar ("Talking points":
        all of them, as its tooltip says), in the first load's order. A topic the user chose in
        the filter bar stays chosen."""
        if not self._sidebar_topic or self.filters.where().get("topic_id") != self._sidebar_topic:
            self._sidebar_topic = ""
            return
        self._sidebar_topic = ""
        self.filters.set_choice("topic_id", None, emit=False)
        field, order = DEFAULT_SORT[self.kind]
        self.model.set_filter(
            where=self.filters.where(), order=(field, order == Qt.SortOrder.DescendingOrder)
        )
        self.table.horizontalHeader().setSortIndicator(self.model.column_of(field), order)

    def show_topic(self, topic_id: str) -> None:
        """The talking points of one topic, in their order (drag to reorder): one read, off the GUI thread."""
        self._sidebar_topic = topic_id
        self.filters.clear(emit=False)
        self.filters.set_choice("topic_id", topic_id, emit=False)
        self.model.set_filter(where=self.filters.where(), text="", order=("position", False))
        # The header shows the order; the model is reading the rows in it already.
        self.table.horizontalHeader().setSortIndicator(
            self.model.column_of("position"), Qt.SortOrder.AscendingOrder
        )

    def open_item(self, item_id: str) -> None:
        """Show an item (from search or the palette): select it, clearing filters that hide it."""
        self.activate()
        if self.model.row_of(item_id) < 0 and (self.filters.where() or self.filters.words()):
            self.filters.clear(emit=False)
            try:
                record = self.context.library.get(self.kind, item_id)
            except NotFound:
                return
            if self.kind == "meeting":
                self.filters.set_choice("event_id", record.event_id, emit=False)  # type: ignore[attr-defined]
            self._filter()
        self.select(item_id)

    def _on_changed(self, kind: str, item_id: str, what: str) -> None:
        if kind in ("topic", "event", "organisation") and what in (ADDED, DELETED, UPDATED):
            self.filters.refresh_options()

    def flush(self, wait: bool = True) -> None:
        self.editor.flush(wait)

    # -- state and language ------------------------------------------------------------------

    def save_state(self) -> None:
        self.context.settings.set_splitter_state(self.kind, self.splitter.saveState())

    def restore_state(self) -> None:
        state = self.context.settings.splitter_state(self.kind)
        if state is not None:
            self.splitter.restoreState(state)

    def retranslate(self) -> None:
        self.filters.retranslate()
        self.item_menu.retranslate()
        self.model.retranslate()
        self.editor.retranslate()
        self._fitted = False
        if self._loaded:
            self._loaded_rows()
        set_name(
            self.table,
            kind_label(self.kind, plural=True),
            self.tr(
                "The arrow keys choose an item, Enter opens it in the editor; Ctrl+N new, Ctrl+D duplicate, "
                "Delete deletes; the Menu key or Shift+F10 shows everything that can be done."
            )
            + (
                " " + self.tr("Alt+Up and Alt+Down move a talking point.")
                if self.kind == "talking_point"
                else ""
            ),
        )
        make_accessible(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
