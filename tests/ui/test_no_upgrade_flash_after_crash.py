"""The window opening a library whose upgrade a crash left in the -wal shows no "Updating your
library" window: the open has nothing left to do (it flashed for about 60 ms)."""

from __future__ import annotations

from briefbook.ui import upgrade_progress
from briefbook.ui.main_window import MainWindow
from briefbook.ui.settings import Settings
from tests.store.test_upgrade_due_wal import _crashed_after_upgrade


def test_no_progress_window_for_an_upgrade_already_made(qtbot, tmp_path, monkeypatch) -> None:
    crashed = _crashed_after_upgrade(tmp_path)
    shown = []
    real = upgrade_progress.open_with_progress
    monkeypatch.setattr(upgrade_progress, "open_with_progress", lambda *a: shown.append(1) or real(*a))
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    assert window.open_library(crashed)
    window.close_library()
    assert shown == []
