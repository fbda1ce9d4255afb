"""Run a function once the window has painted what is waiting to be painted.

Qt posts a window's repaint (``UpdateRequest``) at a low priority, so a queued call or a
``QTimer.singleShot(0, ...)`` made in the same turn runs *before* the paint. Work that a
paint should not overlap (a read on the search thread: its Python holds the GIL that each
of the paint's calls into Python then waits for) is posted here at a lower priority
still, and runs in the same turn of the event loop, right after the paint.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

_CALL = QEvent.Type(QEvent.registerEventType())
PRIORITY = int(Qt.EventPriority.LowEventPriority.value) - 1  # after Qt's update requests


class AfterPaint(QObject):
    """``call(fn)``: ``fn()`` once the paints already asked for are done (the object's thread)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._waiting: deque[Callable[[], None]] = deque()

    def call(self, fn: Callable[[], None]) -> None:
        self._waiting.append(fn)
        QCoreApplication.postEvent(self, QEvent(_CALL), PRIORITY)

    def customEvent(self, event: QEvent) -> None:
        if event.type() == _CALL and self._waiting:
            self._waiting.popleft()()
