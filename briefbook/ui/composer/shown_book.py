"""Which book the composer shows, kept current: chosen, loaded, read again after a change.

A mixin of :class:`~briefbook.ui.composer.view.BookComposer`: choosing a book (or the
newest one), loading its sections with each section's choice of items, and following
changes made here (undo, an export's note) or in another window, without assembling
the book again when nothing it shows has changed.

The composer's strings keep the ``BookComposer`` translation context (literal
``QCoreApplication.translate("BookComposer", ...)``, which ``pyside6-lupdate`` reads): a
``self.tr`` here would file them under this mixin's name at the next rebuild of the
``.ts`` and lose their Vietnamese.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from briefbook.errors import BriefBookError, NotFound
from briefbook.library import Book, Meeting
from briefbook.library.books import sections
from briefbook.library.levels import rank_of
from briefbook.library.scope import SCOPED_SECTIONS, Choice, choose_item, event_scope, section_choices
from briefbook.text import one_line
from briefbook.ui import error_hook
from briefbook.ui.composer.commands import copy_sections
from briefbook.ui.editors import pickers
from briefbook.ui.notifier import DELETED, UPDATED


class ShownBookMixin:
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
        above = self._above_ceiling([c.item for rows in choices.values() for c in rows] + list(self.meetings))
        self.sections_panel.load(self.sections, self.meetings, reset_view, choices, defaults, above)
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

    def _above_ceiling(self, items: list) -> set[str]:
        """The ids of ``items`` above the book's ceiling: the export leaves them out whatever their
        tick, so the tree shows them left out (the preflight names them). Levels are ranked by the
        export's own rule (``levels.rank_of``), asked once for each level the items hold."""
        if self.book is None or not self.context.model.is_open or not self.book.ceiling:
            return set()  # (no ceiling: each export is given its own)
        scheme = self.library.levels()
        ceiling = rank_of(scheme, self.book.ceiling)
        held = {getattr(i, "classification", "") for i in items}
        above = {level for level in held if rank_of(scheme, level) > ceiling}
        return {i.id for i in items if getattr(i, "classification", "") in above}

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
        text = QCoreApplication.translate("BookComposer", "Include “%1”")
        self.store(new, text.replace("%1", one_line(name, 60)))
        self.sections_panel.select(section_id, chosen)

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
        """The book changed only by an export's note of when it ran (and its version): show that,
        assemble nothing.

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
        if replace(new, last_export_at=None, updated_at="", version=0) != replace(
            self.book, last_export_at=None, updated_at="", version=0
        ):
            return False
        self.book = new
        self.form.load(new)
        if self._document is not None:
            self.changes_panel.set_document(new.id, self._document, self.form.releasable)
        return True

    def _changed_elsewhere(self) -> None:
        """Another window changed the library: read the book again now, or when shown."""
        if not self.context.model.is_open or self.book is None:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True
