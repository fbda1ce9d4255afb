"""The progress window of a library's upgrade, watched while the window opens the library."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog


def progress_window() -> QProgressDialog | None:
    """The upgrade's progress window, if one exists."""
    return next((w for w in QApplication.topLevelWidgets() if w.objectName() == "upgradeProgress"), None)


@contextmanager
def watching_progress(on_shown: Callable[[QProgressDialog], None] | None = None) -> Iterator[dict[str, Any]]:
    """While the body runs, every 20 ms that the GUI thread is free: a tick counted and, when the
    progress window is shown, its text kept (``seen["ticks"]``, ``seen["labels"]``), then
    ``on_shown(dialog)``. The ticks show the event loop ran meanwhile."""
    seen: dict[str, Any] = {"ticks": 0, "labels": []}

    def tick() -> None:  # runs only while the GUI thread is free
        seen["ticks"] += 1
        dialog = progress_window()
        if dialog is not None and dialog.isVisible():
            seen["labels"].append(dialog.labelText())
            if on_shown is not None:
                on_shown(dialog)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(20)
    try:
        yield seen
    finally:
        timer.stop()
