"""A long text just shown in the editor, laid out by Qt a bounded piece per turn of the event loop.

Qt lays a shown document out from the top in steps of its own, on a 10 ms timer
(``QTextDocumentLayout::layoutStep``): each step lays out twice as many characters as the one
before, up to 200,000, and any change of the document starts again from 1,000. The 1 MB
report a user pasted into one talking point, once opened (``long_text``), was laid out in
steps of 1,000, 2,000, ... 128,000 and then 200,000 characters, and the last ones held the
window 60-110 ms each, 0.1-0.4 s after it showed the text whole (measured: the gaps grew
with each step; the step rule is in ``qtextdocumentlayout.cpp``).

So the editor lays such a text out itself, :data:`SLICE_MS` at a time, ahead of Qt's steps:
``markContentsDirty(at, end - at)`` (public: "the contents need to be laid out again"; no
signal, no undo, not modified) makes Qt lay the text out up to ``at`` and starts its step
size again from 1,000, so its own steps between two slices stay small. The range must run to
the text's end: a change Qt is told of while it lays the text out is laid out from the block
before it on, and every block past where Qt had got to and outside the change is passed over
as laid out though it has no line yet (no height, nothing shown), to the end of the text,
which Qt then takes as laid out whole (``markContentsDirty(at, 0)`` left 4,100-4,600 of the
5,969 blocks of a 1 MB list blank, and 464 of the 499 of a 1 MB paragraph, shown 9% of its
height: ``bench/layout_after_show.py``). A key typed meanwhile is such a change (in any
QTextEdit): once Qt has stopped, the slices lay each next piece out as a change of its own
(``markContentsDirty(first block with no line, piece)``), or the text after it would be laid
out all at once.

The same when the editor's width changes (Qt lays all of it out again, from the top, in the
same steps: a 1 MB list held the window 115-170 ms at a resize), from the top again: a slice
must never ask for the layout far beyond where Qt's own steps are (asked while Qt laid the text
out again at a new width, Qt laid out all of it up to there at once: 0.3-0.7 s). The first
slice of a new width clears the old lines after it, so that from then on a block with a line
is laid out at the new width, as in a text shown for the first time.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextBlock, QTextDocument
from shiboken6 import isValid

SLICE_MS = 8  # layout per turn of the event loop (Qt's own small steps come on top)
FIRST = 8_000  # characters laid out in the first slice; then as many as fit in SLICE_MS
MOST = 100_000  # characters laid out in one slice at most


def laid_out(block: QTextBlock) -> bool:
    """``block`` is broken into lines (a hidden one never is: Qt passes it over)."""
    return bool(block.layout().lineCount()) or not block.isVisible()


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
        old lines until the first slice) that slice starts from the top."""
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
        if self.fresh:
            self.at = self._reached(end)
        if self.at >= end:
            return
        begun = time.perf_counter()
        block = document.findBlock(self.at)
        to = min(end, self.at + self.chars)
        if self.fresh and not self._laying_out(block):  # (Qt stopped: a change while it laid out)
            document.markContentsDirty(block.position(), to - block.position())
        else:
            document.markContentsDirty(to, end - to)
        self.at, self.fresh = to, True
        took = time.perf_counter() - begun
        if took > 0.0005:  # as many characters as fit in a slice; growing by half at most
            self.chars = int(max(1_000, min(MOST, self.chars * min(1.5, SLICE_MS / 1000 / took))))
        if self.at < end:
            self.timer.start()

    def _reached(self, end: int) -> int:
        """Where the layout has got to from ``at`` on: the first block with no line (the ones
        before laid out already, by Qt's steps or a paint). Walked block by block (all of a 1 MB
        list: 10 ms): once Qt has stopped, a change far on lays out that part alone, and a
        block with lines there says nothing of the blocks before it."""
        block = self.document.findBlock(self.at)
        while block.isValid() and laid_out(block):
            block = block.next()
        return block.position() if block.isValid() else end

    def _laying_out(self, block: QTextBlock) -> bool:
        """Qt still lays the text out: asked where ``block`` (the first with no line) is, it lays
        the text out up to there; once it takes the text as laid out, it does not."""
        self.document.documentLayout().blockBoundingRect(block)
        return laid_out(block)
