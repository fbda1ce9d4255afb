"""A long text just shown in the editor, laid out by Qt a bounded piece per turn of the event loop.

Qt lays a shown document out from the top in steps of its own, on a 10 ms timer
(``QTextDocumentLayout::layoutStep``): each step lays out twice as many characters as the one
before, up to 200,000, and any change of the document starts again from 1,000. The 1 MB
report a user pasted into one talking point, once opened (``long_text``), was laid out in
steps of 1,000, 2,000, ... 128,000 and then 200,000 characters, and the last ones held the
window 60-110 ms each, 0.1-0.4 s after it showed the text whole (measured: the gaps grew
with each step; the step rule is in ``qtextdocumentlayout.cpp``).

So the editor lays such a text out itself, :data:`SLICE_MS` at a time, ahead of Qt's steps:
``markContentsDirty(at, 0)`` (public: "the contents need to be laid out again", here none of
it) makes Qt lay the text out up to ``at`` in small steps of its own and starts its step size
again from 1,000, so its own steps between two of these stay small. Nothing of the text, its
undo history or its modified state changes; the user can type meanwhile. The same when the
editor's width changes (Qt lays all of it out again, from the top, in the same steps: a 1 MB
list held the window 115-170 ms at a resize), from the top again: a slice must never ask for
the layout far beyond where Qt's own steps are (asked while Qt laid the text out again at a
new width, Qt laid out all of it up to there at once: 0.3-0.7 s).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextDocument
from shiboken6 import isValid

SLICE_MS = 8  # layout per turn of the event loop (Qt's own small steps come on top)
FIRST = 8_000  # characters laid out in the first slice; then as many as fit in SLICE_MS
MOST = 100_000  # characters laid out in one slice at most


class LayoutSteps(QObject):
    """Lays ``document`` (shown, never laid out before: a block not yet laid out has no line)
    out to its end, a slice per turn of the event loop, from :meth:`start` until :meth:`stop`."""

    def __init__(self, document: QTextDocument, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.at = 0
        self.chars = FIRST
        self.fresh = True
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.step)

    def start(self, fresh: bool = True) -> None:
        """From the top; ``fresh``: no block was laid out before (one that has lines is laid out
        already and is passed over), else (laid out again at a new width: each block keeps its
        old lines until then) every piece is laid out in turn."""
        self.at = 0
        self.fresh = fresh
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def running(self) -> bool:
        return self.timer.isActive()

    def step(self) -> None:
        document = self.document
        if not isValid(document):
            return
        end = document.characterCount() - 1
        while (
            self.fresh
            and self.at < end
            and document.findBlock(min(end, self.at + self.chars)).layout().lineCount()
        ):
            self.at = min(end, self.at + self.chars)  # (laid out already, by Qt's steps or a paint)
        if self.at >= end:
            return
        begun = time.perf_counter()
        self.at = min(end, self.at + self.chars)
        document.markContentsDirty(self.at, 0)
        took = time.perf_counter() - begun
        if took > 0.0005:  # as many characters as fit in a slice; growing by half at most
            self.chars = int(max(1_000, min(MOST, self.chars * min(1.5, SLICE_MS / 1000 / took))))
        if self.at < end:
            self.timer.start()
