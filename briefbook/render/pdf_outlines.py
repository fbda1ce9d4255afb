"""Words drawn as glyph outlines (vector paths), not as text.

The DRAFT mark across every page must be seen but never read: drawn as text it
mixes into copy-paste, search and screen readers ("DỰ", "ẢO", "TH" between the
lines of a paragraph). Drawn as the font's own outlines it looks the same and
has no text at all, so no PDF reader can extract it.
"""

from __future__ import annotations

import functools
import threading
import unicodedata
from pathlib import Path

from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont
from reportlab.pdfgen.canvas import Canvas

_LOCK = threading.Lock()


class _PathPen(BasePen):
    """Collects a glyph's contours as (operator, points) in font units."""

    def __init__(self, glyph_set, ops: list, dx: float):
        super().__init__(glyph_set)
        self.ops, self.dx = ops, dx

    def _moveTo(self, pt):
        self.ops.append(("m", [(pt[0] + self.dx, pt[1])]))

    def _lineTo(self, pt):
        self.ops.append(("l", [(pt[0] + self.dx, pt[1])]))

    def _curveToOne(self, p1, p2, p3):
        self.ops.append(("c", [(p[0] + self.dx, p[1]) for p in (p1, p2, p3)]))

    def _closePath(self):
        self.ops.append(("h", []))


@functools.lru_cache(maxsize=64)
def word_outline(font_path: str, word: str) -> tuple[tuple, float, float]:
    """(path operations, advance width, units per em) of ``word`` set in the font.

    Characters are mapped one to one through the font's cmap (NFC first, so that
    Vietnamese letters with two marks use their precomposed glyphs); characters
    the font lacks are skipped. No shaping is needed for a one-word mark.
    """
    # The font is read for each new word and closed again: a lazy TTFont keeps its file
    # open to read tables on demand, and a cached one kept NotoSans-Bold.ttf open until
    # the process ended (a ResourceWarning). The marks are a handful of words, each cached.
    with _LOCK, TTFont(font_path, lazy=True) as font:
        cmap = font.getBestCmap() or {}
        glyphs = font.getGlyphSet()
        metrics = font["hmtx"]
        units = font["head"].unitsPerEm
        ops: list = []
        x = 0.0
        for ch in unicodedata.normalize("NFC", word):
            name = cmap.get(ord(ch))
            if name is None:
                continue
            glyphs[name].draw(_PathPen(glyphs, ops, x))
            x += metrics[name][0]
    return tuple(ops), x, float(units)


def draw_outlined_word(canv: Canvas, font_file: Path, word: str, size: float, x: float, y: float) -> float:
    """Fill ``word`` as paths with its baseline starting at (x, y) in the canvas's current
    colour; returns its width. Nothing of it is text in the PDF."""
    ops, advance, units = word_outline(str(font_file), word)
    scale = size / units
    path = canv.beginPath()
    for op, points in ops:
        pts = [(x + px * scale, y + py * scale) for px, py in points]
        if op == "m":
            path.moveTo(*pts[0])
        elif op == "l":
            path.lineTo(*pts[0])
        elif op == "c":
            path.curveTo(*pts[0], *pts[1], *pts[2])
        else:
            path.close()
    canv.drawPath(path, stroke=0, fill=1, fillMode=0)  # nonzero winding: the font's own rule
    return advance * scale


def outlined_width(font_file: Path, word: str, size: float) -> float:
    _, advance, units = word_outline(str(font_file), word)
    return advance * size / units
