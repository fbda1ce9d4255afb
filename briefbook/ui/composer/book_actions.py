"""What the composer does to its book: each section edit as one undoable step; new, copy,
delete; export and print.

A mixin of :class:`~briefbook.ui.composer.view.BookComposer`. Every change goes through
the window's undo stack (:mod:`briefbook.ui.composer.commands`); its notification
reloads the book (:mod:`briefbook.ui.composer.shown_book`).

The composer's strings keep the ``BookComposer`` translation context (literal
``QCoreApplication.translate("BookComposer", ...)``, which ``pyside6-lupdate`` reads): a
``self.tr`` here would file them under this mixin's name at the next rebuild of the
``.ts`` and lose their Vietnamese.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from briefbook.library import Book, Event
from briefbook.library.books import MeetingChoice, Section, copy_book, new_book
from briefbook.ui import error_hook
from briefbook.ui.composer import new_book_dialog
from briefbook.ui.composer.book_bar import ask_copy
from briefbook.ui.composer.commands import CreateBook, SaveSections, copy_sections, execute
from briefbook.ui.composer.printing import PrintJob
from briefbook.ui.export_dialog import ExportDialog
from briefbook.ui.undo_items import DeleteItem


class BookActionsMixin:
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
        self.store(new, QCoreApplication.translate("BookComposer", "Choose the contents of a meeting brief"))

    def _text_edited(self, section_id: str, title: str, text: str) -> None:
        new = copy_sections(self.sections)
        for section in new:
            if section.id == section_id:
                section.title, section.text = title, text
        self.store(
            new, QCoreApplication.translate("BookComposer", "Edit the text of “%1”").replace("%1", title)
        )

    def new_book(self, event_id: str = "") -> None:
        """Ask for the new book's ceiling (the event's level offered), language and title; then create it."""
        event_id = event_id or self.bar.event_id()
        if not event_id:
            events = self.library.list(Event, order_by="start_date", descending=True, limit=1)
            if not events:
                error_hook.show_message(
                    self,
                    QCoreApplication.translate("BookComposer", "New book"),
                    QCoreApplication.translate(
                        "BookComposer", "A book belongs to an event: create the event first."
                    ),
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
            QCoreApplication.translate("BookComposer", "New book"),
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
            QCoreApplication.translate("BookComposer", "Copy book"),
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
