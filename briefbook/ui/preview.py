"""The book preview: the document model drawn as rich text inside the window.

The text itself is made by :mod:`briefbook.ui.preview_document`. A big book
is built in slices (:data:`SLICE_MS` of work per turn of the event loop) into
a document that is not shown yet, then swapped in, so the window never
freezes; past :data:`MAX_BLOCKS` blocks the preview stops with a note.

A book holding a text too long to lay out at once (a 1 MB talking point) is built in
the document on screen instead, a piece of that text at a time
(:mod:`briefbook.ui.preview_pieces`): Qt lays out what is added to a shown document
at once, a piece per insertion, where a swapped-in document is laid out again whole
in steps of up to 200,000 characters (86 ms of Thai at a time).

A long document once shown (more than :data:`LAID_OUT_IN_STEPS` characters: a 1 MB point
that is one list of short items, built off screen and swapped in) is laid out a slice per turn
of the event loop ahead of those steps, and again after a change of width, by
:class:`briefbook.ui.editors.layout_steps.LayoutSteps`, as the editor does.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QSize, QTimer, QUrl, Signal
from PySide6.QtGui import QBrush, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from briefbook.document.model import Block, Document
from briefbook.ui import preview_pieces
from briefbook.ui.editors.layout_steps import LayoutSteps
from briefbook.ui.preview_document import MUTED, DocumentBuilder, build_document

__all__ = ["MAX_BLOCKS", "BookPreview", "build_document"]

SLICE_MS = 25  # work done per turn of the event loop while a big book is built
MAX_BLOCKS = 3000  # beyond this many blocks the preview stops (the export has everything)
LAID_OUT_IN_STEPS = 50_000  # a document longer than this is laid out a slice at a time
_DONE = object()  # what next() gives for a block fully added


class BookPreview(QWidget):
    """A read-only view of the book; :meth:`show_document` replaces what it shows.

    ``ready`` is emitted when the newest document is on screen (tests wait for it).
    """

    ready = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bookPreview")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("previewBrowser")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._anchor_clicked)
        self.browser.setStyleSheet("QTextBrowser { background: white; color: #202124; }")
        self.status = QLabel(self)
        self.status.setObjectName("previewStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #5f6368;")
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.status)
        self.max_blocks = MAX_BLOCKS
        self.last_build_ms = 0.0
        self._builder: DocumentBuilder | None = None
        self._pending: list[Block] = []
        self._steps: Iterator[None] | None = None  # the block being added, piece by piece
        self._in_place = False  # building in the document on screen (a book with a long text)
        self._shown_blocks = 0
        self._total_blocks = 0
        self._started = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._build_slice)
        self._restore_to: int | None = None
        self.browser.verticalScrollBar().rangeChanged.connect(self._restore_position)
        self._laying_out: LayoutSteps | None = None  # (a long document shown)

    def sizeHint(self) -> QSize:
        return QSize(520, 600)

    # -- showing ------------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        """Nothing to preview (no book, or it could not be assembled): say why."""
        self._timer.stop()
        self._builder = None
        self._steps = None
        doc = QTextDocument(self.browser)
        cursor = QTextCursor(doc)
        fmt = QTextCharFormat()
        fmt.setForeground(QBrush(MUTED))
        cursor.insertText(text, fmt)
        self._swap(doc, keep_position=False)
        self.status.setText("")
        self.ready.emit()

    def show_document(self, document: Document) -> None:
        """Start showing ``document``; the old one stays on screen until the new one is built."""
        self._timer.stop()
        self._builder = DocumentBuilder(document, self._base_size())
        self._builder.banner()
        self._total_blocks = len(document.blocks)
        self._pending = list(document.blocks[: self.max_blocks])
        self._shown_blocks = len(self._pending)
        self._started = time.perf_counter()
        self._pending.reverse()  # pop() from the end is cheap
        self._steps = None
        self._in_place = any(preview_pieces.is_long(block) for block in self._pending)
        if self._in_place:
            self._builder.doc.setParent(self.browser)
            self._swap(self._builder.doc, keep_position=True)
        self._build_slice()

    def is_building(self) -> bool:
        return self._builder is not None

    def _base_size(self) -> float:
        size = self.font().pointSizeF()
        return max(9.0, size if size > 0 else 10.0)

    def _build_slice(self) -> None:
        builder = self._builder
        if builder is None:
            return
        deadline = time.perf_counter() + SLICE_MS / 1000
        # The clock is read after every block: a block can be a 500-line table or the whole
        # contents, and twenty of them at a time overran the slice (80 ms and more).
        while (self._pending or self._steps is not None) and time.perf_counter() < deadline:
            if self._steps is None:
                self._steps = builder.add_steps(self._pending.pop())
            if next(self._steps, _DONE) is _DONE:
                self._steps = None
        if self._pending or self._steps is not None:
            self._timer.start()
            self.status.setText(self.tr("Building the preview…"))
            return
        self._timer.stop()
        if self._shown_blocks < self._total_blocks:
            builder.note(
                self.tr(
                    "The preview shows the first %1 of the %2 parts of this book; the export holds them all."
                )
                .replace("%1", str(self._shown_blocks))
                .replace("%2", str(self._total_blocks))
            )
        self._builder = None
        if not self._in_place:
            builder.doc.setParent(self.browser)
            self._swap(builder.doc, keep_position=True)
        self._lay_out_in_steps(builder.doc)
        self.last_build_ms = (time.perf_counter() - self._started) * 1000
        self.status.setText("")
        self.ready.emit()

    def _swap(self, doc: QTextDocument, keep_position: bool) -> None:
        """Show ``doc``; the previous document, a child of the browser, is deleted (the browser
        deletes only a document of its own: every book shown stayed in memory until the window
        closed, about 63 MB more at each preview of a 1 MB point).

        The new document is laid out lazily, so the old scroll position is set
        again as the scroll range grows back to it.
        """
        bar = self.browser.verticalScrollBar()
        self._restore_to = bar.value() if keep_position and bar.value() > 0 else None
        if self._laying_out is not None:
            self._laying_out.stop()
            self._laying_out.deleteLater()
            self._laying_out = None
        old = self.browser.document()
        ours = old is not doc and old.parent() is self.browser  # (else Qt's own: it deletes it)
        self.browser.setDocument(doc)
        if ours:
            old.deleteLater()
        self._restore_position()
        if self._restore_to is not None:
            QTimer.singleShot(1000, self._stop_restoring)

    def _lay_out_in_steps(self, doc: QTextDocument) -> None:
        """``doc``, shown whole, laid out a slice at a time if it is long (see the module)."""
        if doc.characterCount() > LAID_OUT_IN_STEPS:
            self._laying_out = LayoutSteps(doc, self)
            self._laying_out.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._laying_out is not None and event.oldSize().width() != event.size().width():
            self._laying_out.start(fresh=False)  # (Qt lays all of it out again, from the top)

    def _restore_position(self, *_args) -> None:
        bar = self.browser.verticalScrollBar()
        if self._restore_to is not None and bar.maximum() >= self._restore_to:
            bar.setValue(self._restore_to)
            self._restore_to = None

    def _stop_restoring(self) -> None:
        self._restore_to = None

    # -- reading it ---------------------------------------------------------------------------

    def text(self) -> str:
        """What the preview shows, as plain text (for tests and accessibility)."""
        return self.browser.document().toPlainText()

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.toString().startswith("#"):
            self.browser.scrollToAnchor(url.fragment())
