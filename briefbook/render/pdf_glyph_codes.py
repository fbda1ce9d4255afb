"""The codes and positions that draw a shaped text in a :class:`ShapingFont`, and the
width a shaped text moves the pen.

The first glyph of a HarfBuzz cluster stands for the cluster's characters and the others
for nothing (left to right); in a right-to-left run each character of a cluster of
several (lam-alef, a letter with its vowel marks) has a code of its own, and a number in
Arabic-Indic digits one code for the whole number, so that both pdftotext and pypdf read
them in order. Each text's layout is made once per font and direction.
"""

from __future__ import annotations

import re

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, _sdSimple

from briefbook.render.font_chain import is_ignorable
from briefbook.render.pdf_shaped_font import CACHE_LIMIT, ShapingFont

_ADDED = _sdSimple.cluster  # the cluster reportlab gives characters added to a shaped text
# What pypdf's text extraction takes for right-to-left characters (its RTL_CHARACTER_RANGES).
_READ_AS_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def layout(font: ShapingFont, text: str, rtl: bool | None = None) -> tuple[list[str], list[ShapeData], float]:
    """The codes and positions (per 1000 units of size) drawing ``text`` in the direction
    ``rtl`` (None: the script's), once per text, direction and font."""
    layouts = font.face.bb_layouts
    key = text if rtl is None else (text, rtl)
    found = layouts.get(key)
    if found is not None:
        return found
    glyphs = font.shape(text, rtl)
    if rtl:
        chars, data, total = _rtl_layout(font, text, glyphs)
    else:
        chars, data, total = _ltr_layout(font, text, glyphs, whole=rtl is False and _READ_AS_RTL.search(text))
    if len(layouts) > CACHE_LIMIT:
        layouts.clear()
    layouts[key] = (chars, data, total)
    return chars, data, total


def _clusters(text: str, glyphs: list) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
    """Each cluster's end in the text, total advance and number of glyphs: a cluster (a
    grapheme, or more when glyphs ligate across graphemes) covers the characters from
    its value to the next larger cluster value."""
    starts = sorted({g[1] for g in glyphs})
    end_of = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    advance_of: dict[int, int] = {}
    count_of: dict[int, int] = {}
    for g in glyphs:
        advance_of[g[1]] = advance_of.get(g[1], 0) + g[2]
        count_of[g[1]] = count_of.get(g[1], 0) + 1
    return end_of, advance_of, count_of


def _ltr_layout(font: ShapingFont, text: str, glyphs: list, whole: bool = False):
    """Codes for left-to-right glyphs: the first glyph of a cluster stands for all its
    characters and its width (what extractors take as the character's box) spans the
    whole cluster; the others stand for nothing and keep their own widths. The pen then
    only ever moves back inside a cluster, never forward, so neither pdftotext nor pypdf
    sees a gap there (Khmer's and Myanmar's reordered vowels, Thai's stacked marks).

    ``whole``: the text is one cluster. A number in Arabic-Indic digits is laid out left
    to right, but pypdf takes each of its digits for a right-to-left letter and reverses
    them; one code standing for the whole number is read as one piece, in order."""
    chars: list[str] = []
    data: list[ShapeData] = []
    total = 0.0
    if not glyphs:
        return chars, data, total
    if whole:
        glyphs = [(gid, 0, xa, ya, xo, yo) for gid, _c, xa, ya, xo, yo in glyphs]
    end_of, advance_of, count_of = _clusters(text, glyphs)
    scale = font.face._pdfScale
    previous_cluster = None
    for gid, cluster, xa, ya, xo, yo in glyphs:
        if count_of[cluster] == 1:
            code = font.code_for(gid, text[cluster : end_of[cluster]])
        elif cluster != previous_cluster:
            code = font.code_for(gid, text[cluster : end_of[cluster]], advance_of[cluster])
        else:
            # A mark pulled left by its offset would otherwise be followed by a move
            # forward (pypdf reads that as a word space): make its box reach back.
            natural = font.face.hmetrics[gid][0]
            code = font.code_for(gid, "", None if xa - xo <= natural else xa - xo)
        previous_cluster = cluster
        x_advance = scale(xa)
        chars.append(chr(code))
        data.append(
            ShapeData(cluster, x_advance, scale(ya), scale(xo), scale(yo), font.face.charWidths[code])
        )
        total += x_advance
    return chars, data, total


def _rtl_layout(font: ShapingFont, text: str, glyphs: list):
    """Codes for right-to-left glyphs (HarfBuzz gives them from the left): each character
    of a cluster of several (lam-alef, a letter and its vowel marks) gets a code of its
    own, the cluster's width shared between them, the last character leftmost. Both
    pdftotext and pypdf read a right-to-left run from the right one code at a time, and
    a code standing for several characters would come out with them reversed (poppler) or
    kept (pypdf): one character a code reads right in both. A cluster with more
    characters than glyphs draws the rest with an empty glyph (the font's space, which
    draws nothing and is not the space character that word spacing stretches)."""
    chars: list[str] = []
    data: list[ShapeData] = []
    total = 0.0
    if not glyphs:
        return chars, data, total
    end_of, advance_of, count_of = _clusters(text, glyphs)
    scale = font.face._pdfScale
    blank = font.face.charToGlyph.get(32, 0)
    i = 0
    while i < len(glyphs):
        cluster = glyphs[i][1]
        group = glyphs[i : i + count_of[cluster]]
        i += len(group)
        letters = text[cluster : end_of[cluster]]
        if len(letters) - sum(1 for c in letters if is_ignorable(c)) <= 1:
            # One letter (and joiners or marks of direction, which draw nothing): one code.
            for n, (gid, _c, xa, ya, xo, yo) in enumerate(group):
                code = font.code_for(gid, "" if n else letters)
                chars.append(chr(code))
                data.append(
                    ShapeData(cluster, scale(xa), scale(ya), scale(xo), scale(yo), font.face.charWidths[code])
                )
                total += scale(xa)
            continue
        # The letters, last first, each on an empty glyph with its share of the width;
        # then the cluster's glyphs where HarfBuzz put them, standing for nothing, each
        # box reaching to the cluster's end (so the pen moves only back: no gap for pypdf).
        advance = advance_of[cluster]
        share = advance / len(letters)
        for slot in range(len(letters)):
            code = font.code_for(blank, letters[len(letters) - 1 - slot], round(share))
            chars.append(chr(code))
            data.append(ShapeData(cluster, scale(share), 0, 0, 0, font.face.charWidths[code]))
        total += scale(advance)
        pen = 0
        for gid, _c, xa, ya, xo, yo in group:
            at = pen + xo - advance  # from the cluster's end, where the pen now is
            code = font.code_for(gid, "", max(0, -at))
            chars.append(chr(code))
            data.append(ShapeData(cluster, 0, scale(ya), scale(at), scale(yo), font.face.charWidths[code]))
            pen += xa
    return chars, data, total


def shaped_width(text, font_name: str, size: float) -> float:
    """How far the pen moves drawing ``text``: for a shaped text, its glyphs' own
    advances. reportlab measures a text by its codes' widths, which for ours are the
    boxes text extractors see (a cluster's, for the glyph standing for it): a line
    measured so put a contents entry's leader, a link's box and an underline past the
    text's end. A character added to a shaped text (the space between words) has no
    shaping data of its own and moves the pen by its width."""
    data = getattr(text, "__shapeData__", None)
    if data is None:
        return pdfmetrics.stringWidth(text, font_name, size)
    shaped = 0.0
    added = []
    for char, sd in zip(text, data, strict=False):
        if sd.cluster == _ADDED:
            added.append(char)
        else:
            shaped += sd.x_advance
    width = shaped * size / 1000
    return width + pdfmetrics.stringWidth("".join(added), font_name, size) if added else width
