"""Shaping with HarfBuzz and a text layer that reads back as the source.

reportlab shapes a paragraph's words with HarfBuzz (``ParagraphStyle(shaping=1)``),
but gives every glyph that is not the cmap glyph of one character a private-use
code whose ToUnicode entry is that code: a ligature (Thai ``ิ์``), a contextual
form (Arabic) or a reordered vowel (Khmer) copies out as garbage. It also shapes a
word that mixes fonts with the first font only, and shapes each word again at
every re-wrap. This module replaces its shaping step for our fonts:

* each word is shaped once per font (a cache keyed by the word and the font);
* each glyph gets a code for the pair (glyph, text it stands for): the first glyph
  of a HarfBuzz cluster stands for the cluster's characters, the others for
  nothing, and our fonts' ToUnicode maps the code to that text, so pdftotext
  and pypdf read the source characters back in logical order;
* a word that mixes fonts (Latin and Thai in "(สีหศักดิ์)") is shaped per font;
* words in scripts written without spaces are cut at ICU's word boundaries
  (:mod:`briefbook.render.segment`), so lines break between words;
* lines are broken on the words in logical order, then each line's right-to-left
  runs are put in visual order (:mod:`briefbook.render.bidi_lines`), and written
  into the PDF in the order of the text (:mod:`briefbook.render.pdf_writing`);
* in a right-to-left run, each character of a cluster of several (lam-alef, a letter
  with its vowel marks) has a code of its own, and a number in Arabic-Indic digits
  one code for the whole number, so that both pdftotext and pypdf read them in order.

:func:`install` hooks, once per process, functions of ``reportlab.platypus.paragraph``:
the frag-word builder and the shaper, ``Paragraph.breakLines``, ``sameFrag`` (pieces of
two bidi levels are never merged), the justified line (a right-to-left paragraph's last
line is flush right) and the line writer (:mod:`briefbook.render.pdf_writing`); fonts
other than ours (:class:`ShapingFont`) keep reportlab's behaviour.

The parts, one job each: the font, its HarfBuzz shaping and its ToUnicode
(:mod:`briefbook.render.pdf_shaped_font`); the codes and positions drawing a shaped text
(:mod:`briefbook.render.pdf_glyph_codes`); words of no-space scripts cut at word
boundaries (:mod:`briefbook.render.pdf_word_cuts`); a long paragraph broken into lines a
few thousand words at a time (:mod:`briefbook.render.pdf_breaking`). This module holds
the hooks that join them to reportlab.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedFragWord, ShapedStr, makeShapedFragWord
from reportlab.platypus import paragraph as rl_paragraph

from briefbook.render import bidi_lines, pdf_breaking, pdf_word_cuts, pdf_writing, segment
from briefbook.render.pdf_glyph_codes import layout, shaped_width
from briefbook.render.pdf_shaped_font import LOCK, ShapingFont

# Where callers written before the split found them.
__all__ = ["ShapingFont", "install", "shaped_width"]

_installed = False


# -- reportlab's hooks ---------------------------------------------------------------------
_rl_shape = rl_paragraph.shapeFragWord
_rl_frag_words = rl_paragraph._getFragWords
_rl_break_lines = rl_paragraph.Paragraph.breakLines
_rl_same_frag = rl_paragraph.sameFrag
_rl_justify = rl_paragraph._justifyDrawParaLineX
_CURRENT = threading.local()  # the style of the paragraph being broken into lines


def shape_frag_word(w, features=None, force=False):
    """reportlab's ``shapeFragWord`` for words in our fonts (see the module docstring)."""
    if isinstance(w, ShapedFragWord) or len(w) < 2:
        return w
    items = w[1:]
    fonts = set()
    for f, s in items:
        if not hasattr(f, "cbDefn"):
            if isinstance(s, ShapedStr):
                return w  # already shaped (a re-wrap after a split): shape nothing twice
            fonts.add(f.fontName)
    if not fonts:
        return w
    ours = [pdfmetrics.getFont(name) for name in fonts]
    if not all(isinstance(font, ShapingFont) for font in ours):
        return _rl_shape(w) if features is None else _rl_shape(w, features, force)
    if all(font.bb_plain is not None for font in ours) and all(
        font_plain(f.fontName)(s) and not getattr(f, "bb_level", 0) % 2
        for f, s in items
        if not hasattr(f, "cbDefn")
    ):
        return w  # Vietnamese or English in a shaped paragraph: drawn as in any other
    out = makeShapedFragWord(w)([])
    width = 0.0
    group: list[tuple] = []
    for item in [*items, None]:
        f = item[0] if item is not None else None
        if group and (item is None or hasattr(f, "cbDefn") or not _same_font(group[0][0], f)):
            width += _shape_group(group, out)
            group = []
        if item is None:
            break
        if hasattr(f, "cbDefn"):
            out.append(item)
        else:
            group.append(item)
    out.insert(0, width)
    return out


def font_plain(name: str) -> Callable[[str], bool]:
    return pdfmetrics.getFont(name).bb_plain


def _same_font(a, b) -> bool:
    """Pieces shaped together: one font, one size, one bidi level (a number in an
    Arabic word is laid out on its own, left to right)."""
    return (
        a.fontName == b.fontName
        and a.fontSize == b.fontSize
        and getattr(a, "bb_level", None) == getattr(b, "bb_level", None)
    )


def _shape_group(group: list[tuple], out: list) -> float:
    """Shape consecutive pieces in one font; append (frag, ShapedStr) pieces; return the width."""
    if len(group) == 1:
        first, text = group[0][0], str(group[0][1])  # a plain str (reportlab passes subclasses)
    else:
        first, text = group[0][0], "".join(s for _f, s in group)
    if not text:
        out.extend(group)
        return 0.0
    font: ShapingFont = pdfmetrics.getFont(first.fontName)
    level = getattr(first, "bb_level", None)
    chars, data, total = layout(font, text, None if level is None else bool(level % 2))
    if len(group) == 1 or all(f is first for f, _s in group):
        out.append((first, ShapedStr("".join(chars), shapeData=data)))
        return total * first.fontSize / 1000
    frags = []
    for f, s in group:
        frags.extend([f] * len(s))
    current = None
    mine: list[str] = []
    piece: list[ShapeData] = []
    for char, sd in zip(chars, data, strict=True):
        f = frags[sd.cluster]
        if f is not current:
            if current is not None:
                out.append((current, ShapedStr("".join(mine), shapeData=piece)))
            current, mine, piece = f, [], []
        mine.append(char)
        piece.append(sd)
    if current is None:
        current = first
    out.append((current, ShapedStr("".join(mine), shapeData=piece)))
    return total * first.fontSize / 1000


def frag_words(frags, maxWidth=None):
    """reportlab's ``_getFragWords``, with words of no-space scripts cut at word boundaries
    (in logical order: :func:`break_lines` puts right-to-left runs in visual order)."""
    text = "".join(t for t in (getattr(f, "text", None) for f in frags) if isinstance(t, str))
    style = getattr(_CURRENT, "style", None)
    if style is not None and bidi_lines.needs_bidi(text) and not rl_paragraph._processed_frags(frags):
        # Levels once per paragraph, on its text as written (a split paragraph's second
        # part comes back here with its words, which keep their levels).
        frags = bidi_lines.split_frags(frags, bidi_lines.paragraph_is_rtl(style, text))
    words = _rl_frag_words(frags, maxWidth)
    if segment.needs_segmenting(text):
        words = pdf_word_cuts.segmented(words)
    return words


def break_lines(self, width):
    """reportlab's ``Paragraph.breakLines``, then each line in visual order: lines are
    broken on the words in logical order, right-to-left runs reversed per line."""
    _CURRENT.style = self.style
    try:
        lines = pdf_breaking.break_long(self, width, _rl_break_lines)
        if lines is None:
            lines = _rl_break_lines(self, width)
    finally:
        _CURRENT.style = None
    if getattr(lines, "kind", 0) == 1 and lines.lines:
        bidi_lines.reorder_lines(lines.lines)
    return lines


def same_frag(f, g) -> bool:
    """reportlab's ``sameFrag``, and one bidi level: pieces of two levels are never merged
    into one drawn fragment (:func:`bidi_lines.reorder_lines` moves them apart)."""
    return _rl_same_frag(f, g) and getattr(f, "bb_level", None) == getattr(g, "bb_level", None)


def justify_line(tx, offset, line, last=0):
    """reportlab's justified line; a right-to-left paragraph's last line (and a line
    it does not stretch) is flush right, not left."""
    if getattr(line, "bb_rtl", False):
        extra = line.extraSpace
        if last or line.lineBreak or -1e-8 < extra <= 1e-8 or line.wordCount <= 1:
            return rl_paragraph._rightDrawParaLineX(tx, offset, line, last)
    return _rl_justify(tx, offset, line, last)


def install() -> None:
    """Put our shaping and word cutting into reportlab's paragraph module (once)."""
    global _installed
    with LOCK:
        if not _installed:
            rl_paragraph.shapeFragWord = shape_frag_word
            rl_paragraph._getFragWords = frag_words
            rl_paragraph.Paragraph.breakLines = break_lines
            rl_paragraph.sameFrag = same_frag
            rl_paragraph._justifyDrawParaLineX = justify_line
            rl_paragraph._putFragLine = pdf_writing.put_frag_line
            _installed = True
