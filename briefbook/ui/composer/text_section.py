"""Free-text sections: a title and a Markdown text the user writes (a note, an annex)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from briefbook.library.books import Section
from briefbook.ui.editors.refused_edit import typed_words
from briefbook.ui.editors.rich_text import MarkdownField


class TextSectionDialog(QDialog):
    """Ask for a new free-text section's title and text."""

    def __init__(self, default_title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("textSectionDialog")
        self.setWindowTitle(self.tr("New text section"))
        self.resize(520, 380)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title_edit = QLineEdit(default_title, self)
        self.title_edit.setObjectName("textSectionTitle")
        self.text_field = MarkdownField("text", self)
        self.text_field.buttons["history"].hide()  # a section's text keeps no revisions
        title_label = QLabel(self.tr("&Title:"), self)
        title_label.setBuddy(self.title_edit)
        text_label = QLabel(self.tr("Te&xt:"), self)
        text_label.setBuddy(self.text_field)
        form.addRow(title_label, self.title_edit)
        form.addRow(text_label, self.text_field)
        layout.addLayout(form, 1)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("&Add section"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if not self.title_edit.text().strip():
            self.title_edit.setPlaceholderText(self.tr("A section needs a title"))
            self.title_edit.setFocus()
            return
        self.accept()

    def result_values(self) -> tuple[str, str]:
        return " ".join(self.title_edit.text().split()), self.text_field.value()


def ask_text_section(parent: QWidget, default_title: str) -> tuple[str, str] | None:
    """(title, Markdown text) of a new section, or None (patched in tests)."""
    dialog = TextSectionDialog(default_title, parent)
    try:
        return dialog.result_values() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class TextSectionEditor(QWidget):
    """Edits the selected free-text section; ``edited(section_id, title, text)`` as the user types."""

    edited = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("textSectionEditor")
        self.section: Section | None = None
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("textSectionTitleEdit")
        self.text_field = MarkdownField("text", self)
        self.text_field.buttons["history"].hide()
        self.title_label = QLabel(self)
        self.title_label.setBuddy(self.title_edit)
        self.text_label = QLabel(self)
        self.text_label.setBuddy(self.text_field)
        layout.addRow(self.title_label, self.title_edit)
        layout.addRow(self.text_label, self.text_field)
        self.title_edit.editingFinished.connect(self._commit)
        self.text_field.committed.connect(lambda _field, _value: self._commit())
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(QCoreApplication.translate("TextSectionDialog", "&Title:"))
        self.text_label.setText(QCoreApplication.translate("TextSectionDialog", "Te&xt:"))
        self.text_field.retranslate()

    def load(self, section: Section, changed_at: str = "") -> None:
        """Show ``section`` as stored (``changed_at``: when its book was). A text not saved yet
        whose stored text another window or program changed meanwhile was replaced by theirs,
        unsaid (``set_value`` keeps an edit only while the stored value stays as opened): as in
        the item editor (``RecordEditor._show_stored``), theirs is shown and the field says so,
        with what was typed (a section's text keeps no History to put it in)."""
        force = self.section is None or self.section.id != section.id
        overtaken = not force and self.text_field.overtaken_by(section.text)
        typed = self.text_field.value()
        self.section = section
        if force or not self.title_edit.hasFocus():
            self.title_edit.setText(section.title)
        self.text_field.set_value(section.text, force or overtaken)
        if overtaken:
            self.text_field.set_error(_overtaken_message(section.text, typed, changed_at))

    def flush(self) -> None:
        self.text_field.flush()
        self._commit()

    def _commit(self) -> None:
        section = self.section
        if section is None:
            return
        title = " ".join(self.title_edit.text().split()) or section.title
        text = self.text_field.value()
        if title != section.title or text != section.text:
            self.edited.emit(section.id, title, text)


def _quoted(text: str) -> str:
    return f"«{text[:200]}{'…' if len(text) > 200 else ''}»"


def _overtaken_message(theirs: str, typed: str, changed_at: str) -> str:
    """The item editor's words for an edit refused for another window's (the library's
    ``stale_message``, as translated), and what was typed."""
    when = changed_at[:19].replace("T", " ")
    refused = QCoreApplication.translate(
        "CoreMessages",
        "This item was changed in another window or program (at %1 UTC) after you started editing it, "
        "so your change was not saved. The other version: %2. Look at it, then make your change again.",
    )
    kept = typed_words(typed)
    return refused.replace("%1", when).replace("%2", _quoted(theirs)) + " " + kept
