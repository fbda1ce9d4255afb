"""Preferences: the language of the window, the default language of new books, who drafts."""

from __future__ import annotations

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

from briefbook.ui import i18n
from briefbook.ui.accessibility import make_accessible
from briefbook.ui.labels import choice_label
from briefbook.ui.settings import LANGUAGES, Settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        for code in LANGUAGES:
            self.language.addItem(i18n.LANGUAGE_NAMES[code], code)  # each name in its own language
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self.book_language = QComboBox(self)
        self.book_language.setObjectName("bookLanguageCombo")
        self.book_language.addItem(self.tr("Same as the window"), "")
        for code in LANGUAGES:
            self.book_language.addItem(choice_label(code), code)
        chosen = "" if settings.book_language_follows_window else settings.book_language
        self.book_language.setCurrentIndex(max(0, self.book_language.findData(chosen)))
        self.language_label = QLabel(self.tr("&Language of the window:"), self)
        self.language_label.setBuddy(self.language)
        self.book_label = QLabel(self.tr("Language of new &books:"), self)
        self.book_label.setBuddy(self.book_language)
        self.drafted_by = QLineEdit(settings.drafted_by, self)
        self.drafted_by.setObjectName("draftedByField")
        self.drafted_by.setMaxLength(300)
        self.drafted_by.setPlaceholderText(self.tr("e.g. Vụ Hợp tác quốc tế / Nguyễn Văn A"))
        self.drafted_by_label = QLabel(self.tr("New talking points &drafted by:"), self)
        self.drafted_by_label.setBuddy(self.drafted_by)
        form.addRow(self.language_label, self.language)
        form.addRow(self.book_label, self.book_language)
        form.addRow(self.drafted_by_label, self.drafted_by)
        layout.addLayout(form)
        note = QLabel(
            self.tr("A book's language sets its headings, dates (17/12/2025) and page numbers."), self
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #607d8b;")
        layout.addWidget(note)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole).setObjectName("okButton")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        make_accessible(self)

    def apply(self) -> None:
        """Store the choices; a new window language takes effect at once."""
        self.settings.book_language = self.book_language.currentData()
        self.settings.drafted_by = self.drafted_by.text()
        language = self.language.currentData()
        if language != self.settings.language or language != i18n.current_language():
            self.settings.language = language
            i18n.apply_language(language)


def edit_preferences(settings: Settings, parent: QWidget | None = None) -> bool:
    """Show the dialog; True if the user pressed OK (patched in tests)."""
    dialog = PreferencesDialog(settings, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            dialog.apply()
            return True
        return False
    finally:
        dialog.deleteLater()
