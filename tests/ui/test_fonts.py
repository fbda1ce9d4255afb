"""The window loads the fonts BriefBook ships: no name in any script shows as boxes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel

from briefbook.render.font_chain import is_ignorable, system_chinese_font
from briefbook.ui.fonts import install_fonts
from tests.render.scripts_samples import NAMES


def test_every_shipped_script_has_glyphs_in_the_window(qtbot):
    app = QApplication.instance()
    families = install_fonts(app)
    for family in ("Noto Sans Thai", "Noto Sans Lao", "Noto Sans Khmer", "Noto Sans Myanmar"):
        assert family in families
    metrics = [QFontMetrics(QFont(f)) for f in families]
    for script, text in NAMES.items():
        if script == "Chinese" and system_chinese_font() is None:
            continue
        label = QLabel(text)  # what a list, an editor or a warning shows
        qtbot.addWidget(label)
        assert label.font().families()[: len(families)] == families
        missing = [
            f"U+{ord(c):04X}"
            for c in text
            if not c.isspace() and not is_ignorable(c) and not any(m.inFontUcs4(ord(c)) for m in metrics)
        ]
        if script == "Chinese":
            missing = [m for m in missing if not QFontMetrics(label.font()).inFontUcs4(int(m[2:], 16))]
        assert not missing, (script, missing)


def test_installing_twice_keeps_one_list(qtbot):
    app = QApplication.instance()
    first = install_fonts(app)
    assert install_fonts(app) == first
