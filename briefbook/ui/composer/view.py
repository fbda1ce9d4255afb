"""The book composer: choose a book, arrange its sections, see its warnings and its preview.

Left: the sections (tick to include, drag to reorder, F2 to rename) and,
under them, the preflight warnings. Middle: the book's settings, or what the
selected section holds (a meeting brief's points and statements, a free
text). Right: the preview. Every change is one undoable step on the window's
undo stack; the preview and the warnings follow after a short pause, worked
out on a background thread.
"""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
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

from briefbook.errors import BriefBookError, NotFound
from briefbook.library import Book, Event, Meeting
from briefbook.library.books import (
    MeetingChoice,
    Section,
    copy_book,
    new_book,
    sections,
)
from briefbook.library.scope import SCOPED_SECTIONS, Choice, choose_item, event_scope, section_choices
from briefbook.ui import error_hook
from briefbook.ui.accessibility import make_accessible, set_name
from briefbook.ui.composer import new_book_dialog
from briefbook.ui.composer.book_bar import BookBar, ask_copy
from briefbook.ui.composer.book_form import BookForm
from briefbook.ui.composer.changes_panel import ChangesPanel
from briefbook.ui.composer.commands import CreateBook, SaveSections, copy_sections, execute
from briefbook.ui.composer.meeting_panel import MeetingPanel
from briefbook.ui.composer.printing import PrintJob
from briefbook.ui.composer.section_model import kind_help, kind_name
from briefbook.ui.composer.sections_panel import SectionsPanel
from briefbook.ui.composer.text_section import TextSectionEditor
from briefbook.ui.composer.warnings import PreflightList
from briefbook.ui.context import UiContext
from briefbook.ui.editors import pickers
from briefbook.ui.export_dialog import ExportDialog
from briefbook.ui.notifier import DELETED, UPDATED
from briefbook.ui.preview import BookPreview
from briefbook.ui.undo import DeleteItem
from briefbook.ui.workers import BookAnalyzer

PREVIEW_PAUSE_MS = 300  # the preview and warnings are worked out again this long after the last change


class BookComposer(QWidget):
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
        self.tabs.setTabText(0, self.tr("&Book"))
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

    # -- which book ------------------------------------------------------------------------------

    @property
    def library(self):
        return self.context.library

    def _default_book_id(self) -> str:
        books = self.library.list(Book, order_by="updated_at", descending=True, limit=1)
        return books[0].id if books else ""

    def _library_opened(self) -> None:
        self.analyzer.forget()
        self.book = None
        self.sections = []
        self._stale = True
        self.form.set_levels(self.library.classification_levels() if self.context.model.is_open else [])
        if self.isVisible():
            self.activate()

    def _book_chosen(self, book_id: str) -> None:
        self.set_book(book_id)

    def set_book(self, book_id: str) -> None:
        """Show ``book_id`` ("" for none); pending edits of the previous book are saved first."""
        self.flush()
        book = None
        if book_id:
            try:
                book = self.library.get(Book, book_id)
            except NotFound:
                book = None
        changed = book is None or self.book is None or book.id != self.book.id
        self.book = book
        self._stale = False
        self.bar.load(self.library, book)
        self._load_sections(reset_view=changed)
        self.form.load(book, force=changed)
        self.schedule_analysis(now=True)

    def reload(self) -> None:
        """Read the book again (after an edit, an undo, a change elsewhere)."""
        self._stale = False
        if self.book is None:
            self.bar.load(self.library, None)
            return
        try:
            self.book = self.library.get(Book, self.book.id)
        except NotFound:
            self.set_book(self._default_book_id())
            return
        self.bar.load(self.library, self.book)
        self._load_sections(reset_view=False)
        self.form.load(self.book)
        self.schedule_analysis()

    def _load_sections(self, reset_view: bool) -> None:
        book = self.book
        if book is None:
            self.sections, self.meetings = [], []
        else:
            try:
                self.sections = sections(book)
            except BriefBookError as error:  # damaged JSON: say so, show nothing to edit
                self.sections = []
                error_hook.report(error, self)
            where = {"event_id": book.event_id}
            self.meetings = self.library.list(Meeting, where=where, order_by="starts_at")
            self.sections_panel.language = book.language
        choices, defaults = self._section_choices()
        self.sections_panel.load(self.sections, self.meetings, reset_view, choices, defaults)
        self._show_details()

    def _section_choices(self) -> tuple[dict[str, list[Choice]], dict[str, list[str]]]:
        """For each topics, statements or biographies section: its rows, and the event's own items."""
        if self.book is None:
            return {}, {}
        scope = event_scope(self.library, self.book.event_id)
        choices, defaults = {}, {}
        for section in self.sections:
            if section.kind in SCOPED_SECTIONS:
                choices[section.id] = section_choices(self.library, scope, section)
                defaults[section.id] = [item.id for item in scope.items(section.kind)]
        return choices, defaults

    def add_section_item(self, section_id: str) -> None:
        """Add an item from the whole library to a topics, statements or biographies section."""
        section = next((s for s in self.sections if s.id == section_id), None)
        if self.book is None or section is None or section.kind not in SCOPED_SECTIONS:
            return
        kind = SCOPED_SECTIONS[section.kind].KIND
        chosen = pickers.pick_item(self, self.context, kind)
        if not chosen:
            return
        scope = event_scope(self.library, self.book.event_id)
        new = copy_sections(self.sections)
        target = next(s for s in new if s.id == section_id)
        target.items = choose_item(self.library, scope, target, chosen, True)
        name = self.library.get(kind, chosen).display_name
        self.store(new, self.tr("Include “%1”").replace("%1", name[:60]))
        self.sections_panel.select(section_id, chosen)

    # -- changes ---------------------------------------------------------------------------------

    def _on_changed(self, kind: str, item_id: str, what: str) -> None:
        if not self.context.model.is_open:
            return
        ours = kind == "book" and self.book is not None and item_id == self.book.id
        if ours and what == DELETED:
            self.set_book(self._default_book_id())
        elif ours and what == UPDATED and self._only_export_noted():
            pass
        elif ours or self.isVisible():
            self.reload()
        else:
            self._stale = True  # caught up with when the view is shown again

    def _only_export_noted(self) -> bool:
        """The book changed only by an export's note of when it ran: show that, assemble nothing.

        Every export from the dialog sets ``last_export_at``; reading the whole book
        again and re-assembling a 500-meeting book for it kept the window busy for a
        tenth of a second at the end of each export, and the assembly's thread for
        seconds. The changes tab compares with the new export record.
        """
        assert self.book is not None
        try:
            new = self.library.get(Book, self.book.id)
        except NotFound:
            return False
        if replace(new, last_export_at=None, updated_at="") != replace(
            self.book, last_export_at=None, updated_at=""
        ):
            return False
        self.book = new
        self.form.load(new)
        if self._document is not None:
            self.changes_panel.set_document(new.id, self._document)
        return True

    def _changed_elsewhere(self) -> None:
        """Another window changed the library: read the book again now, or when shown."""
        if not self.context.model.is_open or self.book is None:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def store(self, new_sections: list[Section], text: str) -> None:
        """One undoable step: the book's sections become ``new_sections``."""
        if self.book is None:
            return
        command = SaveSections(self.context.model, self.book.id, self.sections, new_sections, text)
        execute(self.context.stack, command)  # its notification reloads the book

    def _choice_edited(self, meeting_id: str, choice: MeetingChoice) -> None:
        new = copy_sections(self.sections)
        section_id, _ = self.sections_panel.current_ids()
        for section in new:
            if section.kind == "meetings" and (section.id == section_id or not section_id):
                if choice.talking_points is None and choice.statements is None:
                    section.choices.pop(meeting_id, None)
                else:
                    section.choices[meeting_id] = choice
        self.store(new, self.tr("Choose the contents of a meeting brief"))

    def _text_edited(self, section_id: str, title: str, text: str) -> None:
        new = copy_sections(self.sections)
        for section in new:
            if section.id == section_id:
                section.title, section.text = title, text
        self.store(new, self.tr("Edit the text of “%1”").replace("%1", title))

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
            self.text_editor.load(section)
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
            self.changes_panel.set_document(self.book.id, document)
        self.analysed.emit()

    def _analysis_failed(self, _ticket: int, message: str) -> None:
        self._document = None
        self.warnings.show_failed()
        self.preview.show_message(message)
        self.analysed.emit()

    # -- books -----------------------------------------------------------------------------------------

    def new_book(self, event_id: str = "") -> None:
        """Ask for the new book's ceiling (the event's level offered), language and title; then create it."""
        event_id = event_id or self.bar.event_id()
        if not event_id:
            events = self.library.list(Event, order_by="start_date", descending=True, limit=1)
            if not events:
                error_hook.show_message(
                    self, self.tr("New book"), self.tr("A book belongs to an event: create the event first.")
                )
                return
            event_id = events[0].id
        settings = self.context.settings
        language = settings.book_language if settings is not None else "vi"
        answer = new_book_dialog.ask_new_book(self, self.library, event_id, language)
        if answer is None or not answer.ceiling:
            return
        fields = {"title": answer.title} if answer.title else {}
        command = CreateBook(
            self.context.model,
            lambda library: new_book(
                library, answer.event_id, language=answer.language, ceiling=answer.ceiling, **fields
            ),
            self.tr("New book"),
        )
        execute(self.context.stack, command)
        self.set_book(command.item_id)

    def copy_book(self, book_id: str = "") -> None:
        book = self.library.get(Book, book_id) if book_id else self.book
        if book is None:
            return
        self.flush()
        answer = ask_copy(self, self.library, book)
        if answer is None:
            return
        event_id, title = answer
        command = CreateBook(
            self.context.model,
            lambda library: copy_book(library, book.id, event_id=event_id or None, title=title or None),
            self.tr("Copy book"),
        )
        execute(self.context.stack, command)
        self.set_book(command.item_id)

    def delete_book(self, book_id: str = "") -> None:
        book_id = book_id or (self.book.id if self.book else "")
        if book_id:
            self.flush()
            execute(self.context.stack, DeleteItem(self.context.model, "book", book_id))
            if self.book is not None and self.book.id == book_id:
                self.set_book(self._default_book_id())

    # -- export and print -----------------------------------------------------------------------------

    def export_book(self) -> ExportDialog | None:
        if self.book is None:
            return None
        self.flush()
        dialog = self._export_dialog
        if dialog is not None and dialog.isVisible() and dialog.book.id == self.book.id:
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = ExportDialog(self.context, self.book, self.form.releasable, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "_export_dialog", None))
        self._export_dialog = dialog
        dialog.show()
        return dialog

    def print_book(self) -> PrintJob | None:
        if self.book is None or (self.print_job is not None and self.print_job.is_running()):
            return None
        self.flush()
        job = PrintJob(self.context, self.book, self.form.releasable, self, self.classification)
        job.destroyed.connect(lambda *_: setattr(self, "print_job", None))
        self.print_job = job
        job.start()
        return job

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale or self.book is None:
            QTimer.singleShot(0, self.activate)

    def current_index(self) -> QModelIndex:
        return self.tree.currentIndex()
