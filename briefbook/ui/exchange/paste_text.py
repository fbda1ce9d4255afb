"""File → Import pasted text…: a news article pasted into a plain-text box, read like an article file.

The window's counterpart of ``briefbook import - --as statements``: the text
goes through the same proposal and preview (:class:`ImportDialog`) as a file,
with the same size limit (:func:`briefbook.exchange.imports.propose_text`).
The box is plain text, so what is pasted from Word or a web page arrives as
its words, never as markup.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from briefbook.ui.exchange.import_preview import ImportDialog


class PasteTextDialog(QDialog):
    """A plain-text box for an article's text; OK goes on to the preview only with some text."""

    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.setObjectName("pasteTextDialog")
        self.setWindowTitle(self.tr("Import pasted text"))
        self.resize(700, 480)
        note = QLabel(
            self.tr(
                "Paste a news article: the statements it reports and the people who made them are "
                "proposed in a preview before anything is written."
            )
        )
        note.setWordWrap(True)
        self.box = QPlainTextEdit()
        self.box.setObjectName("pasteTextBox")
        self.box.setAccessibleName(self.tr("Article text"))
        self.box.setPlaceholderText(self.tr("Paste the article's text here (Ctrl+V)."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("&Preview…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("pasteTextPreview")
        self.ok.setEnabled(False)
        self.box.textChanged.connect(lambda: self.ok.setEnabled(bool(self.box.toPlainText().strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.box, 1)
        layout.addWidget(buttons)


def ask_pasted_text(parent: QWidget) -> str | None:
    """Ask for the article's text (patched in tests); None if cancelled or empty."""
    dialog = PasteTextDialog(parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        text = dialog.box.toPlainText()
        return text if text.strip() else None
    finally:
        dialog.deleteLater()


def run_paste_import(window) -> None:
    text = ask_pasted_text(window)
    if text is None:
        return
    dialog = ImportDialog(window, None, text=text)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
