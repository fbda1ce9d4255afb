"""The fonts of the fallback chain as files: a family shipped in ``resources/fonts``, the
Chinese font found on this machine through fontconfig, and what a font file holds (the code
points it maps, the family name written inside it).

Which font draws which character is :mod:`briefbook.render.font_chain`; this is where its
fonts come from. Files are read with HarfBuzz (uharfbuzz), once per process.
"""

from __future__ import annotations

import functools
import re
import threading
from pathlib import Path

from briefbook.render.template import FONTS_DIR
from briefbook.shared_methods import dataclass

CHINESE = "Chinese"


@dataclass(frozen=True)
class ChainFont:
    """One font family of the chain: our key, the name inside the font, its files per style."""

    family: str
    display: str
    files: tuple[tuple[str, Path], ...]
    script: str = ""
    system: bool = False
    index: int = 0  # face index inside a .ttc collection

    def file(self, style: str = "Regular") -> Path:
        """The file for a style; italics fall back to upright, missing bold to regular."""
        by_style = dict(self.files)
        for candidate in (style, "Bold" if "Bold" in style else "Regular", "Regular"):
            if candidate in by_style:
                return by_style[candidate]
        return self.files[0][1]

    @property
    def cmap(self) -> frozenset[int]:
        return _cmap(self.file("Regular"), self.index)


# Fonts are read with HarfBuzz (uharfbuzz), which the renderers load anyway: importing
# fontTools' name and layout tables cost a DOCX export about 0.05 s of its start-up.


@functools.cache
def _face(path: Path, index: int = 0):
    import uharfbuzz as hb

    return hb.Face(hb.Blob.from_file_path(str(path)), index)


@functools.cache
def _cmap(path: Path, index: int = 0) -> frozenset[int]:
    """The code points the font maps to glyphs (its best cmap)."""
    return frozenset(_face(path, index).unicodes)


# Name ids of a family name, best first: WWS family, typographic family, family.
_FAMILY_NAME_IDS = (21, 16, 1)


@functools.cache
def font_display_name(path: Path, index: int = 0) -> str:
    """The family name written inside a font file (what Word, LibreOffice and Qt call it)."""
    face = _face(path, index)
    names = (face.get_name(name_id) for name_id in _FAMILY_NAME_IDS)
    return next((str(n) for n in names if n), path.stem.split("-")[0])


def shipped(family: str, script: str = "") -> ChainFont:
    """A family shipped in resources/fonts as FAMILY-Style.ttf."""
    files = tuple(
        (style, FONTS_DIR / f"{family}-{style}.ttf")
        for style in ("Regular", "Bold", "Italic", "BoldItalic")
        if (FONTS_DIR / f"{family}-{style}.ttf").is_file()
    )
    if not files:
        raise FileNotFoundError(f"The font {family} is missing from {FONTS_DIR}.")
    from briefbook.render.font_names import shipped_name

    return ChainFont(family, shipped_name(files[0][1]) or font_display_name(files[0][1]), files, script)


_SYSTEM_LOCK = threading.Lock()
_system_cjk: list[ChainFont | None] = []


def system_chinese_font() -> ChainFont | None:
    """A Chinese font installed on this machine that can be embedded (TrueType outlines),
    found through fontconfig; None when there is none (or no fontconfig)."""
    with _SYSTEM_LOCK:
        if not _system_cjk:
            _system_cjk.append(_find_system_chinese())
        return _system_cjk[0]


def _find_system_chinese() -> ChainFont | None:
    import shutil
    import subprocess  # (here: 1.5 ms of every export's start, for a font most books never need)

    fc_list = shutil.which("fc-list")
    if not fc_list:
        return None
    try:
        out = subprocess.run(
            [fc_list, ":lang=zh", "file", "index"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    candidates = []
    for line in out.splitlines():
        path_text, _, rest = line.partition(":")
        match = re.search(r"index=(\d+)", rest)
        candidates.append((Path(path_text.strip()), int(match.group(1)) if match else 0))
    for path, index in sorted(candidates, key=lambda c: (not _regular_name(c[0]), str(c[0]))):
        if path.suffix.lower() not in (".ttf", ".ttc") or not _truetype_outlines(path, index):
            continue
        if ord("中") not in _cmap(path, index):
            continue
        return ChainFont(
            "SystemChinese", font_display_name(path, index), (("Regular", path),), CHINESE, True, index
        )
    return None


def _regular_name(path: Path) -> bool:
    return not re.search(r"(?i)bold|light|thin|black|medium", path.name)


def _truetype_outlines(path: Path, index: int) -> bool:
    try:
        return "glyf" in _face(path, index).table_tags
    except Exception:  # a broken system font file is simply not a candidate
        return False
