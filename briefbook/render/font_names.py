"""The family name inside each shipped font's Regular file, so that building the font chain
opens no font file just to read its name (eleven files: HarfBuzz maps each one, on every export).

Looked up by file name and size: a file that is not listed, or whose size differs (a font
updated without this table), is read as before (:func:`briefbook.render.font_files.font_display_name`).
``tests/render/test_font_names.py`` reads every shipped font and compares.
"""

from __future__ import annotations

from pathlib import Path

# file name -> (size in bytes, family name written in the font)
SHIPPED = {
    "NotoEmoji-Regular.ttf": (886572, "Noto Emoji"),
    "NotoSans-Regular.ttf": (512672, "Noto Sans"),
    "NotoSansArabic-Regular.ttf": (244072, "Noto Sans Arabic"),
    "NotoSansKhmer-Regular.ttf": (113376, "Noto Sans Khmer"),
    "NotoSansLao-Regular.ttf": (31136, "Noto Sans Lao"),
    "NotoSansMath-Regular.ttf": (590896, "Noto Sans Math"),
    "NotoSansMono-Regular.ttf": (510612, "Noto Sans Mono"),
    "NotoSansMyanmar-Regular.ttf": (196608, "Noto Sans Myanmar"),
    "NotoSansSymbols2-Regular.ttf": (656852, "Noto Sans Symbols2"),
    "NotoSansThai-Regular.ttf": (37744, "Noto Sans Thai"),
    "NotoSerif-Regular.ttf": (588876, "Noto Serif"),
}


def shipped_name(path: Path) -> str | None:
    """The family name of a shipped font file, if this table knows the file as it is."""
    known = SHIPPED.get(path.name)
    if known is None:
        return None
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return known[1] if size == known[0] else None
