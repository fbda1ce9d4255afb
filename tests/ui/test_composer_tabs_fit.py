"""The composer's tabs show their whole titles, in English and in Vietnamese, in a 1400 px window
and in the narrowest the window allows (the Vietnamese third tab hid behind scroll arrows)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QToolButton

from briefbook.demo.loader import load_demo
from briefbook.library import Library
from briefbook.ui import i18n
from briefbook.ui.main_window import MainWindow
from briefbook.ui.settings import Settings
from tests.ui.conftest import _deleted


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_tab_title_is_shown_whole(qtbot, library: Library, library_path: Path, language) -> None:
    load_demo(library)
    window = MainWindow(Settings())
    window.resize(1400, 900)
    window.show()
    assert window.open_library(library_path)
    window.install_extensions()
    i18n.apply_language(language)
    composer = window.show_view("book")
    try:
        for width in (1400, window.minimumSizeHint().width()):
            window.resize(width, 900)
            for _ in range(5):
                QApplication.processEvents()
            bar = composer.tabs.tabBar()
            arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
            assert arrows == [], f"{width}: {[bar.tabText(i) for i in range(bar.count())]}"
            assert all(bar.rect().contains(bar.tabRect(i)) for i in range(bar.count()))
    finally:
        composer.analyzer.shutdown()
        _deleted(window)
