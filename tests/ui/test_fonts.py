"""The window loads the fonts BriefBook ships: no name in any script shows as boxes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel

from briefbook.library import Library, Person
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


# The shipped family that must draw each script's names (Chinese comes from the system).
SHIPPED_FOR = {
    "Thai": "Noto Sans Thai",
    "Thai words": "Noto Sans Thai",
    "Lao": "Noto Sans Lao",
    "Khmer": "Noto Sans Khmer",
    "Myanmar": "Noto Sans Myanmar",
    "Arabic": "Noto Sans Arabic",
    "Vietnamese": "Noto Sans",
    "emoji": "Noto Emoji",
}


def test_each_script_has_its_own_shipped_font_in_the_list(qtbot):
    """Arabic and emoji too: each script's shipped family is in the window's list and has every
    character of its names itself (not through a system font that happens to be installed)."""
    families = install_fonts(QApplication.instance())
    for script, family in SHIPPED_FOR.items():
        assert family in families, (script, families)
        metrics = QFontMetrics(QFont(family))
        text = NAMES[script]
        missing = [f"U+{ord(c):04X}" for c in text if not c.isspace() and not is_ignorable(c)]
        missing = [m for m in missing if not metrics.inFontUcs4(int(m[2:], 16))]
        assert not missing, (script, family, missing)


@pytest.mark.slow
def test_without_system_fonts_the_window_shows_every_name(tmp_path):
    """On a machine with no Noto and no Thai font (fontconfig here sees only DejaVu), the people
    list and the editor of the main window draw every shipped script's names: the window loads
    the fonts it ships. Run in a process of its own, as a user starts the program."""
    dejavu = next((p for p in Path("/usr/share/fonts").rglob("DejaVuSans.ttf")), None)
    if dejavu is None:
        pytest.skip("Qt needs at least one system font (DejaVu)")
    library_path = tmp_path / "scripts.briefbook"
    library = Library.create(library_path)
    names = {script: NAMES[script] for script in SHIPPED_FOR if script != "Thai words"}
    for text in names.values():
        library.add(Person(name=text))
    library.close()
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?><fontconfig><dir>{dejavu.parent}</dir>'
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>"
    )
    env = {
        **os.environ,
        "FONTCONFIG_FILE": str(conf),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.fonts_probe", str(library_path), json.dumps(names)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.splitlines()[-1])
    aliases = {"Monospace", "Sans Serif", "Serif"}  # Qt's generic names
    assert not [f for f in found["system_families"] if not f.startswith("DejaVu") and f not in aliases]
    # Without the shipped fonts, these scripts would be boxes on such a machine.
    assert found["before"]["Thai"] and found["before"]["Khmer"] and found["before"]["Myanmar"]
    assert all(found["exact"].values()), found["exact"]
    assert found["table"] == {script: [] for script in names}, found["table"]
    assert found["editor"] == {script: [] for script in names}, found["editor"]


def test_the_window_loads_the_fonts_the_exports_embed() -> None:
    """The window names the fonts folder itself (the templates' module loads later): the same folder."""
    from briefbook.render.template import FONTS_DIR
    from briefbook.ui import fonts

    assert fonts.FONTS_DIR == FONTS_DIR
    assert sorted(fonts.FONTS_DIR.glob("*.ttf"))
