"""The banner at the top of the window while the open library cannot be changed.

A library opens read-only when its file is not writable (a read-only disk or
share, a file marked read-only) or when it was asked for. The banner says so in
plain words; the editors show their values but take no typing, and anything
that still tries to write is refused by the library with the same message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from briefbook.ui.html_text import escape
from briefbook.ui.notifier import LibraryModel

STYLE = (
    "#readOnlyBanner { background: #fff4ce; border-bottom: 1px solid #e2c15b; }"
    "#readOnlyBanner QLabel { color: #4d3800; }"
)


def read_only_text() -> str:
    return QCoreApplication.translate("ReadOnlyBanner", "This library is read-only: changes cannot be saved.")


class ReadOnlyBanner(QFrame):
    """Shown while ``model.read_only``; hidden otherwise."""

    def __init__(self, model: LibraryModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.model = model
        self._worded = False  # the words are set when the banner is first shown
        self.setStyleSheet(STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel(self)
        self.label.setObjectName("readOnlyText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.label, 1)
        model.library_opened.connect(self.refresh)
        self.refresh()

    def retranslate(self) -> None:
        """The banner's words, once it has been shown: a rich-text label's first text costs about
        10 ms (Qt parses and lays it out), which every start paid for a banner it never shows."""
        if not self._worded:
            return
        advice = self.tr(
            "BriefBook cannot write to this file. To work on it, copy it to a folder of your own "
            "and open the copy."
        )
        self.label.setText(f"<b>{escape(read_only_text())}</b> {escape(advice)}")

    def refresh(self) -> None:
        shown = self.model.is_open and self.model.read_only
        if shown and not self._worded:
            self._worded = True
            self.retranslate()
        self.setVisible(shown)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
