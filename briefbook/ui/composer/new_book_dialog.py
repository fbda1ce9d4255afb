"""Asking for a new book's event, ceiling, language and title: a book never starts without a ceiling.

The ceiling is the one setting that decides what may leave the building, so
the dialog asks for it every time, offering the event's own level (a book about
an Internal event is Internal unless the user says otherwise). The language
offered is the one new books follow (Preferences: the window's by default).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from briefbook.library import Event, Library
from briefbook.ui.accessibility import make_accessible
from briefbook.ui.composer.book_bar import event_label
from briefbook.ui.labels import choice_label, level_label


@dataclass(frozen=True)
class NewBookAnswer:
    event_id: str
    ceiling: str
    language: str
    title: str  # "" for the default ("Tài liệu chuẩn bị: <event>")


class NewBookDialog(QDialog):
    def __init__(self, library: Library, event_id: str, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("newBookDialog")
        self.setWindowTitle(self.tr("New book"))
        self.resize(520, 220)
        self.library = library
        self.events = QComboBox(self)
        self.events.setObjectName("newBookEvent")
        self._levels: dict[str, str] = {}
        for event in library.list(Event, order_by="start_date", descending=True):
            self.events.addItem(event_label(event), event.id)
            self._levels[event.id] = event.classification
        self.events.setCurrentIndex(max(0, self.events.findData(event_id)))
        self.ceiling = QComboBox(self)
        self.ceiling.setObjectName("newBookCeiling")
        for level in library.classification_levels():
            self.ceiling.addItem(level_label(level), level)
        self.language = QComboBox(self)
        self.language.setObjectName("newBookLanguage")
        for code in ("vi", "en"):
            self.language.addItem(choice_label(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("newBookTitle")
        self.title_edit.setMaxLength(300)
        self.note = QLabel(self)
        self.note.setObjectName("newBookCeilingNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5f6368;")
        form = QFormLayout()
        for text, widget in (
            (self.tr("For the &event:"), self.events),
            (self.tr("&Highest classification:"), self.ceiling),
            (self.tr("Book &language:"), self.language),
            (self.tr("&Title:"), self.title_edit),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("&Create"), QDialogButtonBox.ButtonRole.AcceptRole).setObjectName(
            "newBookCreate"
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.events.currentIndexChanged.connect(self._event_changed)
        self._event_changed()
        make_accessible(self)

    def _event_changed(self, *_args) -> None:
        """Offer the event's own level, and say what the ceiling does."""
        level = self._levels.get(self.events.currentData() or "", "")
        index = self.ceiling.findData(level)
        if index >= 0:
            self.ceiling.setCurrentIndex(index)
        self.title_edit.setPlaceholderText(self.tr("Default: made from the event's title"))
        self.note.setText(
            self.tr(
                "The book will hold nothing above the level you choose; items above it are left out "
                "and listed in the warnings. The event itself is %1."
            ).replace("%1", level_label(level) if level else "?")
        )

    def answer(self) -> NewBookAnswer:
        return NewBookAnswer(
            self.events.currentData() or "",
            self.ceiling.currentData() or "",
            self.language.currentData() or "vi",
            " ".join(self.title_edit.text().split()),
        )


def ask_new_book(parent: QWidget, library: Library, event_id: str, language: str) -> NewBookAnswer | None:
    """The new book's settings, or None if the user cancelled (patched in tests)."""
    dialog = NewBookDialog(library, event_id, language, parent)
    try:
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
