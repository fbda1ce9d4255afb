"""Words of scripts written without spaces (Thai, Lao, Khmer, Myanmar) cut at ICU's word
boundaries (:mod:`briefbook.render.segment`), so that reportlab breaks lines between
words: each frag word of such text becomes one frag word per word.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.platypus import paragraph as rl_paragraph

from briefbook.render import segment


def segmented(words: list) -> list:
    out = []
    for w in words:
        out.extend(_split_word(w) if type(w) in _SPLITTABLE else [w])
    return out


_SPLITTABLE = (list, rl_paragraph._HSFrag)


def _split_word(w) -> list:
    items = w[1:]
    if any(hasattr(f, "cbDefn") or isinstance(s, ShapedStr) for f, s in items):
        return [w]
    text = "".join(s for _f, s in items)
    points = segment.break_points(text)
    if not points:
        return [w]
    pieces: list[list] = [[]]
    pos = 0  # offset of the item's text in the word
    for f, s in items:
        begin = 0
        for point in points:
            if pos < point < pos + len(s):
                pieces[-1].append((f, s[begin : point - pos]))
                pieces.append([])
                begin = point - pos
        pieces[-1].append((f, s[begin:]))
        pos += len(s)
        if pos in points:
            pieces.append([])
    pieces = [p for p in pieces if p]
    words = []
    for i, piece in enumerate(pieces):
        cls = type(w) if i == len(pieces) - 1 else list
        width = sum(pdfmetrics.stringWidth(s, f.fontName, f.fontSize) for f, s in piece)
        words.append(cls([width, *piece]))
    return words
