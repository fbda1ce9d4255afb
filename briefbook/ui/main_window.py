"""The main window: a sidebar of collections, a stack of views, menus and search.

Views are registered by key (the record kinds, "search") and built the first
time they are shown, so the window appears before the library code has even
loaded. Other parts plug in with ``set_view`` / ``add_view_factory``; a package
``briefbook.ui.composer`` with ``install(window)`` is called by
:meth:`MainWindow.install_extensions` so that the book composer can replace the
"book" view and add actions to ``window.actions.menus["file"]``.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from briefbook.ui import error_hook, i18n
from briefbook.ui.accessibility import make_accessible, set_name
from briefbook.ui.context import UiContext
from briefbook.ui.labels import KIND_ORDER
from briefbook.ui.live_refresh import ElsewhereWatcher
from briefbook.ui.menus import MainActions
from briefbook.ui.notifier import LibraryModel
from briefbook.ui.read_only import ReadOnlyBanner
from briefbook.ui.search_service import Searcher
from briefbook.ui.settings import Settings
from briefbook.ui.settings_watch import SettingsWatch
from briefbook.ui.sidebar import Sidebar
from briefbook.ui.window_actions import WindowActions

EXTENSIONS = ("briefbook.ui.composer", "briefbook.ui.exchange")
SEARCH_PAUSE_MS = 0  # every key searches (a newer key drops the search before it): see Searcher


def edit_preferences(settings: Settings, parent: QWidget | None = None) -> bool:
    """The Preferences dialog (patched in tests); its module and Qt classes load when it is asked for."""
    from briefbook.ui.preferences import edit_preferences as edit

    return edit(settings, parent)


class MainWindow(WindowActions, QMainWindow):
    def __init__(self, settings: Settings, parent: QWidget | None = None, *, extensions: bool = True):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.resize(1280, 800)
        self.settings = settings
        self.model = LibraryModel(parent=self)
        self.undo_stack = QUndoStack(self)
        self.searcher = Searcher(self.model, self)
        self.context = UiContext(self.model, self.undo_stack, settings, self.searcher)
        self.views: dict[str, QWidget] = {}
        self.factories: dict[str, Callable[[], QWidget]] = {
            k: partial(self._collection, k) for k in KIND_ORDER
        }
        self.factories["search"] = self._search_view
        self.current_key = ""
        self._quick_jump = None
        self._extensions_installed = False

        self.sidebar = Sidebar(self.context)
        self.view_stack = QStackedWidget()
        self.view_stack.setObjectName("viewStack")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.view_stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 1080])
        self.read_only_banner = ReadOnlyBanner(self.model)
        central = QWidget(self)
        central.setObjectName("centralArea")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.read_only_banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._build_toolbar()
        self.library_label = QLabel(self)
        self.library_label.setObjectName("libraryLabel")
        self.statusBar().addPermanentWidget(self.library_label)

        self.actions = MainActions(self)
        self._connect_actions()
        self.sidebar.chosen.connect(self.show_view)
        self.sidebar.open_requested.connect(self.open_item)
        self.model.library_opened.connect(self._update_edit_actions)
        self.watcher = ElsewhereWatcher(self, self.model)  # another window's changes: refresh
        # Preferences changed from the command line (or another window) apply here at once.
        self.settings_watch = SettingsWatch(settings, self)
        self.settings_watch.changed.connect(self._preferences_changed_elsewhere)
        self._update_edit_actions()
        self.retranslate()
        if extensions:
            self.install_extensions()

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.search_label = QLabel(self.toolbar)
        self.search_field = QLineEdit(self.toolbar)
        self.search_field.setObjectName("searchField")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumWidth(360)
        self.search_label.setBuddy(self.search_field)
        self.toolbar.addWidget(self.search_label)
        self.toolbar.addWidget(self.search_field)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_field.textChanged.connect(self._search_timer.start)
        self.search_field.returnPressed.connect(self.run_search)

    def _connect_actions(self) -> None:
        a, stack, guarded = self.actions, self.undo_stack, error_hook.guarded
        a.connect("new_library", guarded(self.new_library))
        a.connect("open_library", guarded(self.choose_library))
        a.connect("open_demo", guarded(self.open_demo_library))
        a.connect("backups", guarded(self.show_backups))
        a.connect("quit", self.close)
        a.connect("undo", self.undo)
        a.connect("redo", self.redo)
        a.connect("new_item", guarded(self.new_item))
        a.connect("delete", guarded(self.delete_items))
        a.connect("duplicate", guarded(self.duplicate_items))
        a.connect("find", self.focus_search)
        a.connect("quick_jump", self.show_quick_jump)
        a.connect("preferences", guarded(lambda: edit_preferences(self.settings, self)))
        a.connect("about", self.show_about)
        a.connect("help", self.show_help)
        a["show_sidebar"].toggled.connect(self.sidebar.setVisible)
        for kind in KIND_ORDER:
            a.connect(f"view_{kind}", partial(self.show_view, kind))
        a.connect("view_search", partial(self.show_view, "search"))
        a["undo"].setEnabled(False)
        a["redo"].setEnabled(False)
        stack.canUndoChanged.connect(a["undo"].setEnabled)
        stack.canRedoChanged.connect(a["redo"].setEnabled)
        stack.undoTextChanged.connect(a.set_undo_text)
        stack.redoTextChanged.connect(a.set_redo_text)
        a.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    # -- views ----------------------------------------------------------------------------------

    def _collection(self, kind: str) -> QWidget:
        from briefbook.ui.collection_view import CollectionView  # the library code loads here

        return CollectionView(self.context, kind)

    def _search_view(self) -> QWidget:
        from briefbook.ui.search_view import SearchView

        return SearchView(self.context)

    def add_view_factory(self, key: str, factory: Callable[[], QWidget], label: str | None = None) -> None:
        """Register a view that is built the first time it is shown (``label``: a sidebar entry)."""
        self.factories[key] = factory
        if label:
            self.sidebar.add_entry(key, label)

    def set_view(self, key: str, widget: QWidget, label: str | None = None) -> None:
        """Put ``widget`` in the stack under ``key`` (replacing the view there, e.g. "book")."""
        old = self.views.pop(key, None)
        self.views[key] = widget
        self.view_stack.addWidget(widget)
        if old is not None:
            self.view_stack.removeWidget(old)
            old.deleteLater()
        if label:
            self.sidebar.add_entry(key, label)
        if self.current_key == key:
            self.view_stack.setCurrentWidget(widget)

    def view(self, key: str) -> QWidget:
        if key not in self.views:
            widget = self.factories[key]()
            self.views[key] = widget
            self.view_stack.addWidget(widget)
            if hasattr(widget, "restore_state"):
                widget.restore_state()
            if hasattr(widget, "show_talking_points"):
                widget.show_talking_points.connect(self.show_talking_points_of)
            if hasattr(widget, "open_requested"):
                widget.open_requested.connect(self.open_item)
        return self.views[key]

    def current_view(self) -> QWidget | None:
        return self.views.get(self.current_key)

    def show_view(self, key: str, owner_id: str = "") -> QWidget:
        """Show a view; ``owner_id``: only the meetings of that event / talking points of that topic."""
        previous = self.current_view()
        if previous is not None and hasattr(previous, "flush"):
            previous.flush()
        widget = self.view(key)
        self.current_key = key
        self.view_stack.setCurrentWidget(widget)
        if hasattr(widget, "activate"):
            widget.activate()
        if key == "meeting" and hasattr(widget, "filters"):
            widget.filters.set_choice("event_id", owner_id or None)
        if key == "talking_point" and hasattr(widget, "show_topic"):
            if owner_id:
                widget.show_topic(owner_id)
            else:
                widget.show_all_topics()
        self.sidebar.select_key(key, owner_id)
        self._update_edit_actions()
        return widget

    def _update_edit_actions(self) -> None:
        """New item, Duplicate and Delete: for the view shown, and never on a read-only library."""
        widget = self.current_view()
        writable = self.model.is_open and not self.model.read_only
        self.actions["new_item"].setEnabled(writable and hasattr(widget, "new_item"))
        self.actions["delete"].setEnabled(writable and hasattr(widget, "delete_selected"))
        self.actions["duplicate"].setEnabled(writable and hasattr(widget, "duplicate_selected"))
        self.actions["backups"].setEnabled(self.model.is_open)

    def open_item(self, kind: str, item_id: str) -> None:
        widget = self.show_view(kind)
        if hasattr(widget, "open_item"):
            widget.open_item(item_id)

    def show_talking_points_of(self, topic_id: str) -> None:
        self.show_view("talking_point", topic_id)

    def install_extensions(self) -> None:
        """Let the composer (and any other extension) plug in its views and actions, once."""
        if self._extensions_installed:
            return
        self._extensions_installed = True
        for name in EXTENSIONS:
            if importlib.util.find_spec(name) is not None:
                module = importlib.import_module(name)
                if hasattr(module, "install"):
                    module.install(self)

    # -- state, language, closing -------------------------------------------------------------------

    def _preferences_changed_elsewhere(self) -> None:
        """The settings file was changed outside this window: a new window language applies now
        (new books' language and "drafted by" are read when used)."""
        language = self.settings.language
        if language != i18n.current_language():
            i18n.apply_language(language)

    def retranslate(self) -> None:
        self.actions.retranslate()
        self.toolbar.setWindowTitle(self.tr("Search"))
        self.search_label.setText(self.tr("&Search:") + " ")
        self.search_field.setPlaceholderText(
            self.tr("Search the whole library (Ctrl+F); Ctrl+K to go to an item")
        )
        self.sidebar.retranslate()
        set_name(
            self.sidebar,
            self.tr("Collections"),
            self.tr("The arrow keys choose what the window shows; Ctrl+1 to Ctrl+8 go straight to one."),
        )
        self.read_only_banner.retranslate()
        if self.model.is_open:
            self._show_library_name()
        make_accessible(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def restore_state(self) -> None:
        if (geometry := self.settings.window_geometry) is not None:
            self.restoreGeometry(geometry)
        if (state := self.settings.window_state) is not None:
            self.restoreState(state)
        if (splitter := self.settings.splitter_state("main")) is not None:
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.set_splitter_state("main", self.splitter.saveState())
        if self.current_key:
            self.settings.last_view = self.current_key
        for widget in self.views.values():
            if hasattr(widget, "save_state"):
                widget.save_state()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        from briefbook.ui.upgrade_progress import in_progress

        if in_progress():  # the library is being updated: its progress window says so
            event.ignore()
            return
        if not self.store_before_closing():  # (refused: the window is back, the refusal at the field)
            event.ignore()
            return
        self.watcher.stop()  # (store_before_closing saved every pending edit: nothing left to flush)
        self.save_state()
        self.searcher.shutdown()
        self.model.set_library(None)  # closes the file; the views empty themselves
        event.accept()
