"""What the start builds at once and what it leaves for later: the read-only banner's
words wait until a read-only library shows it; every input is named at once, and the
menus and shortcuts work from the moment the window is shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from briefbook.ui import app, i18n
from briefbook.ui.main_window import MainWindow
from briefbook.ui.settings import Settings
from tests.library.first_page_library import build
from tests.ui.a11y import inputs, undescribed, unnamed


def test_the_read_only_banner_is_worded_only_when_shown(qtbot, window, library_path: Path) -> None:
    # a rich-text label's first text is parsed and laid out: no start pays it for a hidden banner
    assert not window.read_only_banner.isVisibleTo(window)
    assert window.read_only_banner.label.text() == ""
    i18n.apply_language("vi")  # a language chosen before the banner is first shown
    window.retranslate()
    assert window.read_only_banner.label.text() == ""
    assert window.open_library(library_path, read_only=True)
    assert window.read_only_banner.isVisibleTo(window)
    assert "Thư viện này chỉ cho phép đọc" in window.read_only_banner.label.text()


def test_the_start_names_every_input_and_its_menus_and_shortcuts_work_at_once(qtbot, tmp_path: Path) -> None:
    window = MainWindow(Settings(), extensions=False)
    qtbot.addWidget(window)
    window.show()
    app.finish_start(window, window.settings, build(tmp_path / "chữ viết.briefbook"))
    QApplication.processEvents()
    assert [a.text() for a in window.menuBar().actions() if a.text()]
    window.actions["find"].trigger()
    assert window.search_field.hasFocus() or QApplication.focusWidget() is window.search_field
    assert not window.actions["quick_jump"].shortcut().isEmpty()
    found = inputs(window)
    assert found and unnamed(found) == [] and undescribed(found) == []
    qtbot.waitUntil(lambda: window.model.is_open, timeout=30_000)
    window.close()
