"""Short work off the GUI thread, for the caller a plain function call: :func:`run_busy`.

A backup or a restore takes a fraction of a second on a 20 MB library, but a
slow disk (a USB stick, a network folder) can stretch that to many seconds.
:func:`run_busy` runs the function on Qt's thread pool and waits in a local
event loop that keeps the window painting but holds back the user's clicks and
keys, with a busy cursor; if the work takes longer than a moment, a small
progress window says what is happening. The caller gets the function's result,
or its exception, exactly as if it had called it directly, so that the code
that asks, confirms and reports stays linear and easy to test.

The function must not touch widgets or the window's own ``Library`` (SQLite
connections belong to one thread): give it paths and plain values.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QThreadPool, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

T = TypeVar("T")
SHOW_PROGRESS_AFTER_MS = 400
POLL_MS = 15


class _Call:
    """One call on the thread pool; ``done`` is set once it has fully returned."""

    def __init__(self, fn: Callable[[], T]):
        self.fn = fn
        self.result: object = None
        self.error: BaseException | None = None
        self.done = threading.Event()

    def run(self) -> None:
        try:
            self.result = self.fn()
        except BaseException as error:  # handed back to the GUI thread and raised there
            self.error = error
        finally:
            self.done.set()


def run_busy(fn: Callable[[], T], parent: QWidget | None = None, label: str = "") -> T:
    """Run ``fn()`` on a worker thread and return its result (or raise its exception).

    Meanwhile the window keeps painting, user input waits, the cursor is busy, and
    after :data:`SHOW_PROGRESS_AFTER_MS` a progress window shows ``label``.
    """
    call = _Call(fn)
    loop = QEventLoop()
    # The loop wakes up every few milliseconds to look; no Qt object crosses threads.
    poll = QTimer()
    poll.setInterval(POLL_MS)
    poll.timeout.connect(loop.quit)
    progress: list[QProgressDialog] = []

    def show_progress() -> None:
        if call.done.is_set():
            return
        dialog = QProgressDialog(label, "", 0, 0, parent)
        dialog.setObjectName("busyProgress")
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setWindowTitle("BriefBook")
        dialog.show()
        progress.append(dialog)

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(show_progress)
    timer.start(SHOW_PROGRESS_AFTER_MS)
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        QThreadPool.globalInstance().start(call.run)
        poll.start()
        while not call.done.is_set():
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        poll.stop()
        timer.stop()
        QApplication.restoreOverrideCursor()
        for dialog in progress:
            dialog.close()
            dialog.deleteLater()
    if call.error is not None:
        raise call.error
    return call.result  # type: ignore[return-value]
