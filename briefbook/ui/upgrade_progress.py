"""The first open of a library after BriefBook was updated: a progress window, never a frozen one.

On 100,000 items the open backs the file up, applies the new schema steps and compares
the search index with the items: 10 seconds and more, which used to run on the GUI
thread with no word to the user. :func:`open_with_progress` runs the open on a thread
of its own and shows "Updating your library to this version of BriefBook…" with the
step it is at; the window keeps painting. It cannot be closed meanwhile: each schema
step is a transaction of its own, so a library is never left half-changed, but closing
would throw the step under way away, and the user would wait again next time.
(:meth:`MainWindow.closeEvent` asks :func:`in_progress`.)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QCursor, QKeyEvent
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

T = TypeVar("T")
POLL_MS = 30
_running = threading.Event()


def in_progress() -> bool:
    """True while a library is being updated (the window refuses to close)."""
    return _running.is_set()


class UpgradeDialog(QProgressDialog):
    """The progress window of an update: no Cancel, Escape and closing do nothing."""

    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.setObjectName("upgradeProgress")
        self.setWindowTitle("BriefBook")
        self.setCancelButton(None)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(460)
        self.show_stage("backup", 0, 1)

    def show_stage(self, stage: str, done: int, total: int) -> None:
        if stage == "backup":
            what = QCoreApplication.translate(
                "UpgradeProgress", "First, a copy of it is saved in its backups folder."
            )
        elif stage == "index":
            what = QCoreApplication.translate("UpgradeProgress", "Bringing its search index up to date.")
        else:
            what = (
                QCoreApplication.translate("UpgradeProgress", "Step %1 of %2.")
                .replace("%1", str(min(done + 1, total)))
                .replace("%2", str(total))
            )
        self.setLabelText(
            QCoreApplication.translate(
                "UpgradeProgress", "Updating your library to this version of BriefBook…"
            )
            + "\n\n"
            + what
            + "\n\n"
            + QCoreApplication.translate(
                "UpgradeProgress",
                "This takes a moment with a big library, once. Please keep BriefBook open until it is done.",
            )
        )
        if stage == "migrate" and total:
            self.setRange(0, total)
            self.setValue(done)
        else:
            self.setRange(0, 0)  # busy: no count to show

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.ignore() if event.key() == Qt.Key.Key_Escape else super().keyPressEvent(event)


def open_with_progress(parent: QWidget | None, open_fn: Callable[[Callable[[str, int, int], None]], T]) -> T:
    """``open_fn(progress)`` on a thread of its own, its progress shown; its result, or its error raised.

    ``open_fn`` opens the library (``Library.open(..., progress=progress)``): a new
    connection, made on that thread but usable on this one (``check_same_thread=False``),
    and no widget is touched there. Meanwhile the window paints, user input waits.
    """
    lock = threading.Lock()
    state: list[tuple[str, int, int]] = [("backup", 0, 1)]
    outcome: dict[str, object] = {}
    done = threading.Event()

    def report(stage: str, step: int, total: int) -> None:
        with lock:
            state[0] = (stage, step, total)

    def work() -> None:
        try:
            outcome["result"] = open_fn(report)
        except BaseException as error:  # raised again on the GUI thread
            outcome["error"] = error
        finally:
            done.set()

    dialog = UpgradeDialog(parent)
    dialog.show()
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(POLL_MS)
    shown: list[tuple[str, int, int]] = []

    def look() -> None:
        with lock:
            now = state[0]
        if not shown or shown[-1] != now:
            shown.append(now)
            dialog.show_stage(*now)
        if done.is_set():
            loop.quit()

    poll.timeout.connect(look)
    _running.set()
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    thread = threading.Thread(target=work, name="library-upgrade")
    try:
        thread.start()
        poll.start()
        while not done.is_set():
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        thread.join()
    finally:
        poll.stop()
        _running.clear()
        QApplication.restoreOverrideCursor()
        dialog.hide()
        dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]
