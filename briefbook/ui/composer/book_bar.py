"""Which book the composer shows: an event, one of its books; new, copy, delete.

The bar only chooses; creating and deleting are the composer's (undoable)
commands, asked for through ``new_requested``, ``copy_requested`` and
``delete_requested``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from briefbook.library import Book, Event, Library
from briefbook.ui.labels import display_name


def event_label(event: Event) -> str:
    year = event.start_date[:4] if event.start_date else ""
    return f"{display_name(event)} ({year})" if year else display_name(event)


class BookBar(QWidget):
    """``book_chosen(book_id)`` ("" for none) when the user picks an event or a book."""

    book_chosen = Signal(str)
    new_requested = Signal(str)  # event id
    copy_requested = Signal(str)  # book id
    delete_requested = Signal(str)  # book id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bookBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.event_label = QLabel(self)
        self.events = QComboBox(self)
        self.events.setObjectName("eventChoice")
        self.events.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.events.setMinimumContentsLength(18)
        self.book_label = QLabel(self)
        self.books = QComboBox(self)
        self.books.setObjectName("bookChoice")
        self.books.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.books.setMinimumContentsLength(22)
        for combo in (self.events, self.books):
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.event_label.setBuddy(self.events)
        self.book_label.setBuddy(self.books)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newBook")
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyBook")
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("deleteBook")
        for widget in (self.event_label, self.events, self.book_label, self.books):
            layout.addWidget(widget, 1 if isinstance(widget, QComboBox) else 0)
        for button in (self.new_button, self.copy_button, self.delete_button):
            layout.addWidget(button)
        self.events.activated.connect(self._event_picked)
        self.books.activated.connect(self._book_picked)
        self.new_button.clicked.connect(lambda: self.new_requested.emit(self.event_id()))
        self.copy_button.clicked.connect(lambda: self.book_id() and self.copy_requested.emit(self.book_id()))
        self.delete_button.clicked.connect(
            lambda: self.book_id() and self.delete_requested.emit(self.book_id())
        )
        self.library: Library | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.event_label.setText(self.tr("Even&t:"))
        self.book_label.setText(self.tr("&Book:"))
        self.new_button.setText(self.tr("&New book"))
        self.new_button.setToolTip(self.tr("A new book for this event, with the usual sections (Ctrl+N)"))
        self.copy_button.setText(self.tr("Cop&y…"))
        self.copy_button.setToolTip(self.tr("Start a new book from this one, for this or another event"))
        self.delete_button.setText(self.tr("Delete book"))
        self.delete_button.setToolTip(self.tr("Delete this book (Undo brings it back)"))
        empty = self.books.findData("")
        if empty >= 0:
            self.books.setItemText(empty, self._no_book_text())

    def _no_book_text(self) -> str:
        return self.tr("(no book yet: make one with New book)")

    def event_id(self) -> str:
        return self.events.currentData() or ""

    def book_id(self) -> str:
        return self.books.currentData() or ""

    def load(self, library: Library | None, book: Book | None) -> None:
        """Fill the lists and show ``book`` (or the first event's newest book)."""
        self.library = library
        self.events.clear()
        self.books.clear()
        if library is None:
            self._enable()
            return
        for event in library.list(Event, order_by="start_date", descending=True):
            self.events.addItem(event_label(event), event.id)
        if book is not None:
            self.events.setCurrentIndex(max(0, self.events.findData(book.event_id)))
        self._fill_books(self.event_id(), book.id if book else "")

    def _fill_books(self, event_id: str, book_id: str) -> None:
        self.books.clear()
        if self.library is not None and event_id:
            books = self.library.list(
                Book, where={"event_id": event_id}, order_by="updated_at", descending=True
            )
            for book in books:
                self.books.addItem(display_name(book), book.id)
        if self.books.count() == 0:
            self.books.addItem(self._no_book_text(), "")
        if book_id:
            self.books.setCurrentIndex(max(0, self.books.findData(book_id)))
        self._enable()

    def _enable(self) -> None:
        has_book = bool(self.book_id())
        self.new_button.setEnabled(bool(self.event_id()))
        self.copy_button.setEnabled(has_book)
        self.delete_button.setEnabled(has_book)
        self.books.setEnabled(self.books.count() > 0 and has_book)

    def _event_picked(self, _index: int) -> None:
        self._fill_books(self.event_id(), "")
        self.book_chosen.emit(self.book_id())

    def _book_picked(self, _index: int) -> None:
        self._enable()
        self.book_chosen.emit(self.book_id())


class CopyBookDialog(QDialog):
    """Ask for the event and the title of a copy."""

    def __init__(self, library: Library, book: Book, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("copyBookDialog")
        self.setWindowTitle(self.tr("Copy book"))
        self.resize(480, 160)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.events = QComboBox(self)
        self.events.setObjectName("copyEvent")
        for event in library.list(Event, order_by="start_date", descending=True):
            self.events.addItem(event_label(event), event.id)
        self.events.setCurrentIndex(max(0, self.events.findData(book.event_id)))
        self.title_edit = QLineEdit(self.tr("Copy of %1").replace("%1", book.title), self)
        self.title_edit.setObjectName("copyTitle")
        event_label_widget = QLabel(self.tr("For the &event:"), self)
        event_label_widget.setBuddy(self.events)
        title_label = QLabel(self.tr("&Title:"), self)
        title_label.setBuddy(self.title_edit)
        form.addRow(event_label_widget, self.events)
        form.addRow(title_label, self.title_edit)
        note = QLabel(
            self.tr(
                "A copy for another event keeps the sections and texts; the choice of meetings "
                "and their talking points starts afresh."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        layout.addLayout(form)
        layout.addWidget(note)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("&Copy"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str]:
        return self.events.currentData() or "", " ".join(self.title_edit.text().split())


def ask_copy(parent: QWidget, library: Library, book: Book) -> tuple[str, str] | None:
    """(event id, title) for a copy of ``book``, or None (patched in tests)."""
    dialog = CopyBookDialog(library, book, parent)
    try:
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
