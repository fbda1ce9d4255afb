"""The text edit of a Markdown field: rich text shown, Markdown kept (see :mod:`.rich_text`).

``MarkdownEdit`` opens a text (a long one in pieces, off screen, :mod:`.long_text`), writes it
back (:mod:`.markdown_writer`, remembered until the document changes), takes a paste as
cleaned rich text, and sizes itself to its text. The field around it (the toolbar, saving,
history) is :class:`~briefbook.ui.editors.rich_text.MarkdownField`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QTextDocument
from PySide6.QtWidgets import QSizePolicy, QTextEdit, QWidget
from shiboken6 import isValid

from briefbook.text import clean
from briefbook.ui.editors import layout_steps, list_runs, long_text, markdown_units, markdown_writer
from briefbook.ui.editors.fields import leave_to_window
from briefbook.ui.editors.html_paste import markdown_from_html
from briefbook.ui.editors.markdown_text import FEATURES, insert_markdown, normalise_markdown, read_markdown


class MarkdownEdit(QTextEdit):
    """``loading``: a long text is still being opened in pieces (see :mod:`.long_text`);
    the editor is read-only and its field saves nothing until ``loaded``."""

    focus_lost = Signal()
    bold_requested = Signal()
    italic_requested = Signal()
    loaded = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.loading = False
        self.read_only_wanted = False
        self._loader: long_text.PieceLoader | None = None
        self._laying_out: layout_steps.LayoutSteps | None = None  # (a long text just shown whole)
        self._written: str | None = None  # markdown() of the text as it is (a save asks it 2-3 times)
        self._wire(self.document())
        self.setTabChangesFocus(True)
        self.setAcceptRichText(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def _wire(self, document: QTextDocument) -> None:
        """What follows the shown document (a long text, opened, brings its own)."""
        document.contentsChange.connect(self._forget_written)
        document.contentsChanged.connect(self.updateGeometry)
        self.kept = markdown_units.KeptMarkdown(document, FEATURES, normalise_markdown, self)
        # a long list, opened as a run of groups, numbered on after each edit
        self.numbers = list_runs.RunNumbers(document, self.kept.refind, self)

    MIN_HEIGHT, MAX_HEIGHT = 64, 360

    def sizeHint(self) -> QSize:
        """As tall as the text (within limits), so that short texts take little room."""
        hint = super().sizeHint()
        if self.document().characterCount() > long_text.LONG:
            # Taller than the limit anyway; asking its height would lay out all of it at once
            # (a 1 MB text, at each resize of the window: 100-250 ms).
            return QSize(hint.width(), self.MAX_HEIGHT)
        content = int(self.document().size().height()) + 2 * self.frameWidth() + 8
        return QSize(hint.width(), max(self.MIN_HEIGHT, min(self.MAX_HEIGHT, content)))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.MIN_HEIGHT)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # the text wraps differently: another height
            if self._laying_out is not None:  # (a long text: laid out again, a piece at a time)
                self._laying_out.start(fresh=False)

    def set_markdown(self, markdown: str) -> None:
        self._stop_loading()
        self.kept.stop()
        loader = long_text.open_in_pieces(
            markdown or "", self.document(), FEATURES, self, group=list_runs.GROUP
        )
        if loader is not None:
            self.loading = True
            self.setReadOnly(True)
            self._loader = loader
            loader.finished.connect(self._loaded)
            loader.start()
            return
        read_markdown(self.document(), markdown or "", FEATURES)
        self.document().setModified(False)
        self.kept.write_ahead()  # (a long text: its first save writes only what was edited)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only_wanted = read_only
        if not self.loading:
            self.setReadOnly(read_only)

    def _stop_loading(self) -> None:
        if self._laying_out is not None:
            self._laying_out.stop()
            self._laying_out.deleteLater()
            self._laying_out = None
        if self._loader is not None:
            self._loader.cancel()
            self._loader.deleteLater()
            self._loader = None
        if self.loading:
            self.loading = False
            self.setReadOnly(self.read_only_wanted)
            self.document().setUndoRedoEnabled(True)

    def _loaded(self) -> None:
        if self._loader is not None:
            self._show_whole(self._loader.document)
            self._loader.deleteLater()
            self._loader = None
        self.loading = False
        self.setReadOnly(self.read_only_wanted)
        self.kept.write_ahead()
        self.loaded.emit()

    def _show_whole(self, document: QTextDocument) -> None:
        """Show ``document`` (a long text built whole off screen) in place of the one shown."""
        old = self.document()
        self.kept.stop()
        self.kept.deleteLater()
        self.numbers.deleteLater()
        document.setParent(self)
        self.setDocument(document)
        self._wire(document)
        self._written = None
        if isValid(old) and old.parent() is self:  # (Qt deletes its own first document itself)
            old.deleteLater()
        self.updateGeometry()
        self._laying_out = layout_steps.LayoutSteps(document, self)  # (not in Qt's growing steps)
        self._laying_out.start()

    def markdown(self) -> str:
        if self._written is None:
            if self.kept.writer.wanted(self.document()):  # long: only what changed is written again
                self._written = self.kept.markdown()
            else:
                self._written = normalise_markdown(markdown_writer.to_markdown(self.document(), FEATURES))
        return self._written

    def _forget_written(self, *_args) -> None:
        """Any change of text or format (contentsChange reports both) makes it stale."""
        self._written = None

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasHtml() or source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        cursor = self.textCursor()
        if source.hasHtml():
            insert_markdown(cursor, markdown_from_html(source.html()), FEATURES)
        elif source.hasText():
            cursor.insertText(clean(source.text()))
        self.ensureCursorVisible()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            document = self.document()
            if leave_to_window(event, document.isUndoAvailable(), document.isRedoAvailable()):
                return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Bold):
            self.bold_requested.emit()
        elif event.matches(QKeySequence.StandardKey.Italic):
            self.italic_requested.emit()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # not for its own context menu
            self.focus_lost.emit()
