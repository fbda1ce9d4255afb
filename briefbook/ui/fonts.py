"""The fonts the window draws with: the ones BriefBook ships, loaded at start.

On a machine without Noto or a Thai font, Qt would show the names of Thai, Lao,
Khmer, Myanmar or Arabic counterparts as boxes. The shipped fonts are added to the
application's font database and put after the system's default family in the
application font's family list, so every widget, editor and the preview falls back
to them. Chinese comes from the system (fontconfig), as in the exported files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication

# The folder the renderers embed from (briefbook.render.template.FONTS_DIR, the same path):
# named here, for the window loads it before its first paint, and the template module
# (its dataclasses, json, string) is only needed by the composer and the exports.
FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

# Tried in this order after the system's default family.
FALLBACK_FAMILIES = (
    "Noto Sans",
    "Noto Sans Thai",
    "Noto Sans Lao",
    "Noto Sans Khmer",
    "Noto Sans Myanmar",
    "Noto Sans Arabic",
    "Noto Sans Math",
    "Noto Sans Symbols2",
    "Noto Emoji",
)
_loaded: list[str] = []


def install_fonts(app: QGuiApplication) -> list[str]:
    """Load the shipped fonts (once) and give the application font its fallback list;
    returns the family list now in use."""
    if not _loaded:
        for path in sorted(FONTS_DIR.glob("*.ttf")):
            if "Serif" in path.name or "Italic" in path.name or "Mono" in path.name:
                # The window uses sans upright (and Qt synthesises italics); it shows code in
                # the system's fixed-pitch font, as Qt's Markdown reader does in the editor.
                continue
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id != -1:
                _loaded.extend(QFontDatabase.applicationFontFamilies(font_id))
    font = app.font()
    available = set(_loaded)
    families = [font.family(), *(f for f in FALLBACK_FAMILIES if f in available)]
    font.setFamilies(list(dict.fromkeys(families)))
    app.setFont(font)
    return font.families()
