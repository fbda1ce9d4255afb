"""The book composer: choose a book, arrange its sections, see its warnings and its preview.

Left: the sections (tick to include, drag to reorder, F2 to rename) and,
under them, the preflight warnings. Middle: the book's settings, or what the
selected section holds (a meeting brief's points and statements, a free
text). Right: the preview. Every change is one undoable step on the window's
undo stack; the preview and the warnings follow after a short pause, worked
out on a background thread.

This module builds the view and shows the selection, the preview and the warnings;
which book is shown and how it follows changes is :mod:`.shown_book`, what is done to
it (section edits, new, copy, delete, export, print) :mod:`.book_actions`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefbook.library import Book, Meeting
from briefbook.library.books import (
    Section,
)
from briefbook.ui import error_hook
from briefbook.ui.accessibility import make_accessible, set_name
from briefbook.ui.composer.book_actions import BookActionsMixin
from briefbook.ui.composer.book_bar import BookBar
from briefbook.ui.composer.book_form import BookForm
from briefbook.ui.composer.changes_panel import ChangesPanel
from briefbook.ui.composer.meeting_panel import MeetingPanel
from briefbook.ui.composer.printing import PrintJob
from briefbook.ui.composer.section_kinds import kind_help, kind_name
from briefbook.ui.composer.sections_panel import SectionsPanel
from briefbook.ui.composer.shown_book import ShownBookMixin
from briefbook.ui.composer.text_section import TextSectionEditor
from briefbook.ui.composer.warnings import PreflightList
from briefbook.ui.context import UiContext
from briefbook.ui.export_dialog import ExportDialog
from briefbook.ui.preview import BookPreview
from briefbook.ui.workers import BookAnalyzer

PREVIEW_PAUSE_MS = 300  # the preview and warnings are worked out again this long after the last change


class BookComposer(ShownBookMixin, BookActionsMixin, QWidget):
    """The "Books" view. ``itemRequested(kind, item_id)``: open that item in its editor."""

    itemRequested = Signal(str, str)
    analysed = Signal()  # the warnings are up to date (the preview follows: preview.ready)

    def __init__(self, context: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("view_book")
        self.context = context
        self.book: Book | None = None
        self.sections: list[Section] = []
        self.meetings: list[Meeting] = []
        self._stale = True
        self._export_dialog: ExportDialog | None = None
        self.print_job: PrintJob | None = None
        self._document = None  # the last analysis's document (its banner is the book's classification)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        self.bar = BookBar(self)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("composerExport")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("composerPrint")
        top.addWidget(self.bar, 1)
        top.addSpacing(12)
        top.addWidget(self.export_button)
        top.addWidget(self.print_button)
        outer.addLayout(top)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("composerSplitter")
        outer.addWidget(self.splitter, 1)
        self.splitter.addWidget(self._build_left())
        self.splitter.addWidget(self._build_middle())
        right = QWidget(self.splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.preview_heading = QLabel(right)
        self.preview_heading.setStyleSheet("font-weight: bold;")
        self.preview = BookPreview(right)
        self.preview_heading.setBuddy(self.preview.browser)
        right_layout.addWidget(self.preview_heading)
        right_layout.addWidget(self.preview, 1)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 5)
        self.splitter.setSizes([300, 320, 520])

        self.analyzer = BookAnalyzer(self)
        self.analyzer.analysed.connect(self._analysed)
        self.analyzer.failed.connect(self._analysis_failed)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setObjectName("previewTimer")
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(PREVIEW_PAUSE_MS)
        self.refresh_timer.timeout.connect(self.request_analysis)

        self.bar.book_chosen.connect(self._book_chosen)
        self.bar.new_requested.connect(error_hook.guarded(self.new_book))
        self.bar.copy_requested.connect(error_hook.guarded(self.copy_book))
        self.bar.delete_requested.connect(error_hook.guarded(self.delete_book))
        self.export_button.clicked.connect(error_hook.guarded(self.export_book))
        self.print_button.clicked.connect(error_hook.guarded(self.print_book))
        self.form.sharing_changed.connect(lambda _on: self.schedule_analysis())
        self.warnings.item_requested.connect(self.itemRequested)
        self.meeting_panel.open_requested.connect(self.itemRequested)
        self.meeting_panel.edited.connect(error_hook.guarded(self._choice_edited))
        self.text_editor.edited.connect(error_hook.guarded(self._text_edited))
        self.sections_panel.edited.connect(error_hook.guarded(self.store))
        self.sections_panel.add_item_requested.connect(error_hook.guarded(self.add_section_item))
        self.sections_panel.open_requested.connect(self.itemRequested)
        context.model.changed.connect(self._on_changed)
        context.model.library_opened.connect(self._library_opened)
        context.model.changed_elsewhere.connect(self._changed_elsewhere)
        self.retranslate()
        self._update_buttons()

    # -- building ------------------------------------------------------------------------------

    def _build_left(self) -> QWidget:
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.setObjectName("composerLeftSplitter")
        self.left_splitter = left
        self.sections_panel = SectionsPanel(left)
        self.model, self.tree = self.sections_panel.model, self.sections_panel.tree
        self.sections_panel.current_changed.connect(lambda: self._show_details(chosen=True))
        self.warnings = PreflightList(left)
        left.addWidget(self.sections_panel)
        left.addWidget(self.warnings)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        return left

    def _build_middle(self) -> QWidget:
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("composerTabs")
        self.form = BookForm(self.context)
        scroll = QScrollArea(self.tabs)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.details = QStackedWidget(self.tabs)
        self.details.setObjectName("sectionDetails")
        self.section_help = QLabel(self.details)
        self.section_help.setObjectName("sectionHelp")
        self.section_help.setWordWrap(True)
        self.section_help.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.section_help.setMargin(6)
        self.meeting_panel = MeetingPanel(self.details)
        self.text_editor = TextSectionEditor(self.details)
        for widget in (self.section_help, self.meeting_panel, self.text_editor):
            self.details.addWidget(widget)
        self.tabs.addTab(scroll, "")
        self.tabs.addTab(self.details, "")
        self.changes_panel = ChangesPanel(self.context, self.tabs)
        self.tabs.addTab(self.changes_panel, "")
        return self.tabs

    def retranslate(self) -> None:
        self.bar.retranslate()
        self.form.retranslate()
        self.meeting_panel.retranslate()
        self.text_editor.retranslate()
        self.warnings.retranslate()
        self.sections_panel.retranslate()
        self.export_button.setText(self.tr("E&xport…"))
        self.export_button.setToolTip(self.tr("Export the book as PDF and Word files (Ctrl+E)"))
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setToolTip(
            self.tr("Print the book: choose the printer, the copies and the pages (Ctrl+P)")
        )
        self.preview_heading.setText(self.tr("Previe&w"))
        self.tabs.setTabText(0, self.tr("Boo&k"))
        self.tabs.setTabText(1, self.tr("Section &contents"))
        self.tabs.setTabText(2, self.tr("Chan&ges since export"))
        self.changes_panel.retranslate()
        self._show_help()
        set_name(self.tabs.widget(0), self.tr("Book details"))
        make_accessible(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the main window's protocol -----------------------------------------------------------

    def activate(self) -> None:
        """Shown: load the book the first time, or catch up with changes made meanwhile."""
        if not self.context.model.is_open:
            return
        if self.book is None:
            self.set_book(self._default_book_id())
        elif self._stale:
            self.reload()

    def open_item(self, item_id: str) -> None:
        self.set_book(item_id)

    def flush(self) -> None:
        self.form.flush()
        self.text_editor.flush()

    def new_item(self) -> None:
        self.new_book(self.bar.event_id())

    def delete_selected(self) -> None:
        """Delete in the section tree removes the selected section (a book has its own button)."""
        if self.tree.hasFocus():
            self.sections_panel.remove_section()

    def save_state(self) -> None:
        settings = self.context.settings
        if settings is not None:
            settings.set_splitter_state("composer", self.splitter.saveState())
            settings.set_splitter_state("composer_left", self.left_splitter.saveState())

    def restore_state(self) -> None:
        settings = self.context.settings
        if settings is None:
            return
        if (state := settings.splitter_state("composer")) is not None:
            self.splitter.restoreState(state)
        if (state := settings.splitter_state("composer_left")) is not None:
            self.left_splitter.restoreState(state)

    # -- the library -------------------------------------------------------------------------------

    @property
    def library(self):
        return self.context.library

    # -- the details of the selection ----------------------------------------------------------------

    def _show_details(self, chosen: bool = False) -> None:
        """What the selected section holds; ``chosen``: the user picked it (not a reload)."""
        index = self.tree.currentIndex()
        section = self.model.section_at(index)
        meeting = self.model.meeting_at(index)
        if meeting is not None and section is not None:
            self.meeting_panel.load(self.library, meeting, section.choices.get(meeting.id))
            self.details.setCurrentWidget(self.meeting_panel)
            if chosen:
                self.tabs.setCurrentWidget(self.details)
        elif section is not None and section.kind == "text":
            self.text_editor.load(section, self.book.updated_at if self.book is not None else "")
            self.details.setCurrentWidget(self.text_editor)
            if chosen:
                self.tabs.setCurrentWidget(self.details)
        else:
            self._show_help()
            self.details.setCurrentWidget(self.section_help)
        self._update_buttons()

    def _show_help(self) -> None:
        """What the selected kind of section holds (no library access: safe in retranslate)."""
        section = self.model.section_at(self.tree.currentIndex())
        if section is None:
            self.section_help.setTextFormat(Qt.TextFormat.PlainText)
            self.section_help.setText(self.tr("Select a section to see what it holds."))
            return
        text = f"<b>{html.escape(kind_name(section.kind))}</b><br>{html.escape(kind_help(section.kind))}"
        if section.kind == "meetings":
            hint = self.tr("Select a meeting under it to choose its talking points.")
            text += "<br><br>" + html.escape(hint)
        self.section_help.setTextFormat(Qt.TextFormat.RichText)
        self.section_help.setText(text)

    def _update_buttons(self) -> None:
        has_book = self.book is not None
        for widget in (self.export_button, self.print_button, self.form):
            widget.setEnabled(has_book)
        self.sections_panel.update_buttons(has_book)

    # -- preview and warnings ------------------------------------------------------------------------

    def schedule_analysis(self, now: bool = False) -> None:
        self.warnings.show_pending()
        self.refresh_timer.start(0 if now else PREVIEW_PAUSE_MS)

    def request_analysis(self) -> None:
        if self.book is None or not self.context.model.is_open:
            self.warnings.show_no_book()
            self.preview.show_message(
                self.tr("No book yet. Choose an event and press “New book” to start one.")
                if self.book is None
                else ""
            )
            self.analysed.emit()
            return
        self.analyzer.request(self.library, self.book.id, releasable=self.form.releasable)

    def classification(self) -> str:
        """The book's classification as its export shows it (the banner), for the print dialog.

        The analysis is made with the same settings as a print; when it is not
        up to date (the book changed a moment ago) the book is assembled again here.
        """
        if self.book is None:
            return ""
        if self._document is not None and not self.warnings.pending:
            return self._document.meta.banner
        from briefbook.assemble import assemble

        return assemble(self.library, self.book, releasable=self.form.releasable).meta.banner

    def _analysed(self, _ticket: int, document, warnings) -> None:
        self._document = document
        self.warnings.show_warnings(warnings)
        self.preview.show_document(document)
        if self.book is not None:
            self.changes_panel.set_document(self.book.id, document, self.form.releasable)
        self.analysed.emit()

    def _analysis_failed(self, _ticket: int, message: str) -> None:
        self._document = None
        self.warnings.show_failed()
        self.preview.show_message(message)
        self.analysed.emit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale or self.book is None:
            QTimer.singleShot(0, self.activate)
