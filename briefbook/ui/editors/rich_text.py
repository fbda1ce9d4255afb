"""Rich text backed by Markdown: bold, italic, lists and links, nothing else.

The editor (:class:`~briefbook.ui.editors.markdown_edit.MarkdownEdit`) shows a Markdown field
as rich text (``setMarkdown``) and stores ``toMarkdown()``. Paste from Word or a web page keeps
bold, italic, lists and links and drops fonts, colours, images and tables' grid (via HTML →
Markdown); control characters are cleaned on the way in and out. This module holds the field
around the editor: its toolbar, its saving after a pause, its history.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QTextCharFormat, QTextListFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefbook.ui.editors import list_runs, long_text
from briefbook.ui.editors.fields import FieldWidget
from briefbook.ui.editors.html_paste import markdown_from_html
from briefbook.ui.editors.markdown_edit import MarkdownEdit
from briefbook.ui.editors.markdown_text import FEATURES, normalise_markdown

__all__ = [
    "FEATURES",
    "MarkdownEdit",
    "MarkdownField",
    "ask_link",
    "markdown_from_html",
    "normalise_markdown",
]

SAVE_AFTER_MS = 2000  # an edit is saved after this pause in typing (and when focus leaves)


def ask_link(parent: QWidget) -> str | None:
    """Ask for a link address (patched in tests)."""
    url, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("Dialogs", "Link"),
        QCoreApplication.translate("Dialogs", "Address of the link (https://…):"),
    )
    return url.strip() if ok and url.strip() else None


class MarkdownField(FieldWidget):
    """A Markdown field: a small formatting bar, the editor, and the field's history."""

    history_requested = Signal(str)

    def __init__(self, field: str, parent: QWidget | None = None):
        super().__init__(field, parent)
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        self.bar = QWidget(box)
        bar_layout = QHBoxLayout(self.bar)
        bar_layout.setContentsMargins(0, 0, 0, 0)
        bar_layout.setSpacing(2)
        self.edit = MarkdownEdit(box)
        self.buttons: dict[str, QToolButton] = {}
        for key, slot in (
            ("bold", self.toggle_bold),
            ("italic", self.toggle_italic),
            ("bullets", lambda: self.toggle_list(QTextListFormat.Style.ListDisc)),
            ("numbers", lambda: self.toggle_list(QTextListFormat.Style.ListDecimal)),
            ("link", self.insert_link),
            ("history", lambda: self.history_requested.emit(self.field)),
        ):
            button = QToolButton(self.bar)
            button.setObjectName(f"{key}_{field}")
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            bar_layout.addWidget(button)
            self.buttons[key] = button
        self.buttons["bold"].setStyleSheet("font-weight: bold;")
        self.buttons["italic"].setStyleSheet("font-style: italic;")
        bar_layout.insertStretch(5)
        column.addWidget(self.bar)
        # While a long text opens a piece at a time it cannot be typed in: say so, or the keys
        # a user types then would vanish without a word.
        self.opening_note = QLabel(self)
        self.opening_note.setObjectName(f"opening_{field}")
        self.opening_note.setStyleSheet("color: #5f6368;")
        self.opening_note.setWordWrap(True)
        self.opening_note.hide()
        column.addWidget(self.opening_note)
        column.addWidget(self.edit)
        self._set_input(box)
        self.input = self.edit  # errors mark the text, focus goes to the text
        self.setFocusProxy(self.edit)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.save_soon)
        self._sending: set[str] = set()
        self.in_background = False
        self.edit.bold_requested.connect(self.toggle_bold)
        self.edit.italic_requested.connect(self.toggle_italic)
        self.edit.textChanged.connect(self._edited)
        self.edit.focus_lost.connect(self.save_soon)
        self.edit.loaded.connect(self._enable_bar)
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            "bold": (self.tr("B", "bold button"), self.tr("Bold (Ctrl+B)")),
            "italic": (self.tr("I", "italic button"), self.tr("Italic (Ctrl+I)")),
            "bullets": ("•", self.tr("Bulleted list")),
            "numbers": ("1.", self.tr("Numbered list")),
            "link": (self.tr("Link…"), self.tr("Make the selected text a link")),
            "history": (self.tr("History…"), self.tr("Earlier versions of this text")),
        }
        for key, (text, tip) in texts.items():
            self.buttons[key].setText(text)
            self.buttons[key].setToolTip(tip)

    def _edited(self) -> None:
        if self.edit.document().isModified() and not self.edit.loading:
            self._timer.start()

    def sending(self, value: str) -> None:
        """``value`` is being stored off the GUI thread (``background_save``)."""
        self._sending.add(value)

    def sent(self, value: str) -> None:
        self._sending.discard(value)

    def set_value(self, value, force: bool = False) -> None:
        value = "" if value is None else str(value)
        if not force and value in self._sending and value != self._loaded:
            # our own edit, stored while the user typed on: it is the stored text now, and what
            # was typed since stays to be saved (shown again, it would be lost)
            self._loaded = value
            if value == self.value():
                self.edit.document().setModified(False)
            self.set_error(None)
            return
        if not force and self.edit.document().isModified() and value == self.value():
            self._loaded = value  # our own edit came back from the library: leave the cursor alone
            self.edit.document().setModified(False)
            self.set_error(None)
            return
        if not force and value == self._loaded and not self.edit.document().isModified():
            return  # shown already (what was said about it stays, as in FieldWidget.set_value)
        super().set_value(value, force)

    def overtaken_by(self, stored) -> bool:
        """(Our own edit stored off the GUI thread while the user typed on is not another's.)"""
        return stored not in self._sending and super().overtaken_by("" if stored is None else str(stored))

    def save_soon(self) -> None:
        """Save after a pause in typing or when focus leaves: at once if its Markdown is mostly
        kept, else once the rest is written in time slices (:meth:`flush` saves at once, always)."""
        if self.edit.loading or not self.edit.document().isModified():
            return
        if not self.edit.kept.quick():
            self.edit.kept.write_ahead(self.save_soon)
            return
        self.in_background = True  # a long text may be stored off the GUI thread (``background_save``)
        try:
            self.flush()
        finally:
            self.in_background = False

    def _show(self, value: str) -> None:
        self._timer.stop()
        if not self._by_own_history(value):
            self.edit.set_markdown(value)
        self._enable_bar()

    def _by_own_history(self, value: str) -> bool:
        """``value`` shown by a step of the editor's own history, if one gives it: an undo or
        redo (Edit menu) of an edit of a long text. Opened again, the 1 MB text was read
        again, opened in pieces and all its Markdown written again; a step back or forward
        changes what the edit changed, and the Markdown of the rest is kept. Tried only while
        the window's undo stack takes a step."""
        from briefbook.ui.undo import LibraryCommand  # (the undo stack's, loaded with the first edit)

        edit = self.edit
        document = edit.document()
        if not LibraryCommand.stepping:  # (another item shown, another window's change: opened again)
            return False
        if edit.loading or len(value) <= long_text.LONG or not edit.kept.writer.wanted(document):
            return False
        steps = [
            (document.undo, document.redo, document.isUndoAvailable),
            (document.redo, document.undo, document.isRedoAvailable),
        ]
        if document.isRedoAvailable():  # (a redo after an undo made here: forward first)
            steps.reverse()
        for step, back, available in steps:
            if available():
                step()
                if edit.markdown() == value:
                    document.setModified(False)
                    self._timer.stop()
                    return True
                back()
        return False

    def _enable_bar(self) -> None:
        """The formatting bar works once the text is whole (and the library is writable)."""
        self.bar.setEnabled(not self.edit.loading and not self.edit.read_only_wanted)
        if self.edit.loading:
            self.opening_note.setText(
                self.tr("Opening this long text… You can type in it as soon as it is whole.")
            )
        self.opening_note.setVisible(self.edit.loading)

    def value(self) -> str:
        if self.edit.loading or not self.edit.document().isModified():
            return self._loaded or ""  # (a text still opening is never read back half)
        return self.edit.markdown()

    def is_dirty(self) -> bool:
        if self.edit.loading:
            return False
        return self.edit.document().isModified() and self.value() != (self._loaded or "")

    def _commit(self) -> None:
        self._timer.stop()
        super()._commit()

    def set_read_only(self, read_only: bool) -> None:
        self.edit.set_read_only(read_only)
        self._enable_bar()

    # -- formatting --------------------------------------------------------------------

    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.edit.fontWeight() < QFont.Weight.Bold
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.edit.textCursor().mergeCharFormat(fmt)
        self.edit.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.edit.fontItalic())
        self.edit.textCursor().mergeCharFormat(fmt)
        self.edit.mergeCurrentCharFormat(fmt)

    def toggle_list(self, style: QTextListFormat.Style) -> None:
        cursor = self.edit.textCursor()
        current = cursor.currentList()
        if current is not None and current.format().style() == style:
            # the selected items of the list (of each of its groups, a long list opened as a run
            # of lists: ``list_runs``), last first
            start, end = cursor.selectionStart(), max(cursor.selectionEnd(), cursor.position())
            for block in reversed(list_runs.items_between(current, start, end)):
                block.textList().remove(block)
            fmt = cursor.blockFormat()
            fmt.setIndent(0)
            cursor.setBlockFormat(fmt)
        else:
            cursor.createList(style)
        self.edit.setFocus()

    def insert_link(self) -> None:
        url = ask_link(self)
        if not url:
            return
        cursor = self.edit.textCursor()
        fmt = QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(url)
        fmt.setFontUnderline(True)
        if cursor.hasSelection():
            cursor.mergeCharFormat(fmt)
        else:
            cursor.insertText(url, fmt)
        self.edit.document().setModified(True)
        self.flush()
