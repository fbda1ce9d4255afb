"""The order in which a bidirectional line's pieces are written into the PDF.

A line is drawn from left to right, but a text extractor reads the content stream: pypdf
takes the characters in the order they are written and reverses each run of
right-to-left letters, so a line written in visual order comes out with its pieces in
the wrong order (an Arabic sentence ending in a number starts with the number; a
Vietnamese line quoting an Arabic name with a number in it has the name's words
swapped). :func:`put_frag_line` writes each piece of one level (the clones
:func:`briefbook.render.bidi_lines.reorder_lines` makes) in the order of the text,
each at its place on the line (a text move, ``Td``), each in its visual order inside,
and each starting with its font (``Tf``), which ends pypdf's run: every right-to-left
piece is then reversed on its own and read back in order. What is drawn, and where,
is unchanged (poppler orders by position anyway).

reportlab's ``_putFragLine`` still lays the line out (links, underlines, background,
callbacks, colours); only the text it writes is replaced, in place, by the same text
in the order of the text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.platypus import paragraph as rl_paragraph

from briefbook.render import pdf_shaping

_rl_put_frag_line = rl_paragraph._putFragLine
# pypdf's classes (pypdf._utils: NEUTRAL_CHARACTER_RANGES, RTL_CHARACTER_RANGES).
_PYPDF_NEUTRAL = re.compile("[\x00-\x2f\x3a-\x40\u0660-\u066d\u06f0-\u06f9\u2000-\u206f\u20a0-\u21ff]")
_PYPDF_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# In a line's poppler classes (_class): an Arabic letter followed by other characters up
# to a letter, a digit or the end; other characters from the start or an Arabic letter
# up to a letter or digit.
_AFTER_ARABIC = re.compile("R(?=N+(?:[LD]|$))")
_BEFORE_LATIN = re.compile("(?:^|(?<=R))N+[LD]")
_CACHE_LIMIT = 100_000
_PIECES: dict[tuple[str, str], tuple[tuple[str, ...], str, tuple[int, ...]]] = {}
_VERDICTS: dict[tuple[str, str, bool, bool], tuple[bool, bool]] = {}
_ADVANCES: dict[tuple[str, float, str, bool], float] = {}


class _Slot(str):
    """The place in the text object's code where the line's text goes."""

    __slots__ = ()


def put_frag_line(cur_x, tx, line, last, pKind):
    """reportlab's ``_putFragLine``; a reordered bidirectional line's text written in the
    order of the text."""
    words = line.words
    reordered = getattr(line, "bb_reordered", False)
    if not reordered and not _measured(tx, words):
        return _rl_put_frag_line(cur_x, tx, line, last, pKind)
    canvas = tx._canvas
    # reportlab measures each piece to place links, underlines and a contents entry's
    # leader: by its glyphs' advances, for shaped text (pdf_shaping.shaped_width).
    canvas.stringWidth = _measure(canvas)
    try:
        if not reordered or any(getattr(getattr(f, "cbDefn", None), "kind", "") == "img" for f in words):
            return _rl_put_frag_line(cur_x, tx, line, last, pKind)
        return _reordered(cur_x, tx, line, last, pKind)
    finally:
        del canvas.stringWidth  # the canvas's own again


def _measured(tx, words) -> bool:
    """True when reportlab's measures of the line's shaped pieces place something: a
    link, an underline, a background, an object or callback, a leader of dots."""
    if not any(type(getattr(f, "text", None)) is ShapedStr for f in words):
        return False
    if getattr(tx.XtraState.style, "endDots", None):
        return True
    return any(
        hasattr(f, "cbDefn")
        or getattr(f, "link", None)
        or getattr(f, "us_lines", None)
        or getattr(f, "backColor", None)
        for f in words
    )


def _measure(canvas):
    def string_width(text, fontName=None, fontSize=None):
        return pdf_shaping.shaped_width(
            text, fontName or canvas._fontname, canvas._fontsize if fontSize is None else fontSize
        )

    return string_width


def _reordered(cur_x, tx, line, last, pKind):
    """A reordered line: reportlab lays it out; its text is written in the order of the text."""
    words = line.words
    pieces = _positions(tx, words)
    calls: list[tuple[str, int]] = []
    state: list = []

    def record(text, TStar=0):
        if not calls:
            state.extend((tx._fontname, tx._fontsize, tx.XtraState.textColor, tx.XtraState.rise))
            tx._code.append(_Slot())
        calls.append((text, TStar))

    tx._textOut = record
    try:
        _rl_put_frag_line(cur_x, tx, line, last, pKind)
    finally:
        del tx._textOut  # the bound method again
    if not calls:
        return None
    index = next(i for i, c in enumerate(tx._code) if isinstance(c, _Slot))
    marks = _marks(pieces, not getattr(line, "bb_rtl", False))
    tx._code[index] = _written(tx, _writing_order(tx, pieces), state, any(t for _x, t in calls), marks)
    return None


def _writing_order(tx, pieces) -> list[tuple[float, object, str, int]]:
    """The pieces (position, frag, text, its place in the frag's text) in the order of the text.

    pypdf reads a piece in the order written, reversing its right-to-left letters (and
    the punctuation between them), and keeps the direction of the last letter it read
    for the punctuation that follows. A piece it would read otherwise than in the order
    of the text (punctuation left of an Arabic word, a guillemet or bracket of Latin in
    an Arabic phrase) is written one glyph at a time, in the order of the text."""
    pieces = sorted(pieces, key=lambda p: getattr(p[1], "bb_place", 0))
    out: list[tuple[float, object, str, int]] = []
    rtl_dir = False  # pypdf's direction at the start of the piece
    for x, f in pieces:
        text = f.text
        rtl = bool(getattr(f, "bb_level", 0) % 2)
        key = (f.fontName, text, rtl, rtl_dir)
        verdict = _VERDICTS.get(key)
        if verdict is None:
            read = _piece(f.fontName, text)[0]
            got, after = _pypdf_reading(read, rtl_dir)
            verdict = (got == "".join(reversed(read) if rtl else read) or len(text) < 2, after)
            if len(_VERDICTS) > _CACHE_LIMIT:
                _VERDICTS.clear()
            _VERDICTS[key] = verdict
        if verdict[0]:
            out.append((x, f, text, 0))
            rtl_dir = verdict[1]
            continue
        read = _piece(f.fontName, text)[0]
        at = x
        glyphs = []
        for i in range(len(text)):
            glyphs.append((at, f, text[i : i + 1], i))
            at += _advance(tx, text[i : i + 1], f)
        for glyph, source in zip(
            reversed(glyphs) if rtl else glyphs, reversed(read) if rtl else read, strict=True
        ):
            out.append(glyph)  # (a glyph standing for nothing is a mark of a cluster)
            if source:
                rtl_dir = _pypdf_reading((source,), rtl_dir)[1]
    return out


def _piece(font_name: str, text: str) -> tuple[tuple[str, ...], str, tuple[int, ...]]:
    """The text each glyph of a piece stands for, poppler's class (:func:`_class`) of
    each glyph standing for some, and where these are in the piece; once per piece and font."""
    key = (font_name, text)
    found = _PIECES.get(key)
    if found is None:
        codes = getattr(pdfmetrics.getFont(font_name), "bb_text", {})
        read = tuple(codes.get(ord(c), c) for c in text)
        where = tuple(i for i, r in enumerate(read) if r)
        found = (read, "".join(_class(read[i]) for i in where), where)
        if len(_PIECES) > _CACHE_LIMIT:
            _PIECES.clear()
        _PIECES[key] = found
    return found


def _pypdf_reading(read, rtl_dir: bool) -> tuple[str, bool]:
    """What pypdf's ``get_display_str`` makes of one piece's glyph texts (after a font
    change, which starts a new text), and its direction after them."""
    done: list[str] = []
    run: list[str] = []
    for x in read:
        if len(x) == 1 and not _PYPDF_NEUTRAL.match(x):
            rtl = _PYPDF_RTL.match(x) is not None
            if rtl != rtl_dir:
                done.append("".join(reversed(run)) if rtl_dir else "".join(run))
                run, rtl_dir = [], rtl
        run.append(x)
    done.append("".join(reversed(run)) if rtl_dir else "".join(run))
    return "".join(done), rtl_dir


def _positions(tx, words) -> list[tuple[float, object]]:
    """Each text piece's distance from the line's start, as ``_putFragLine`` places it."""
    ws = getattr(tx, "_wordSpace", 0)
    x = 0.0
    spaces = 0
    out = []
    for f in words:
        if hasattr(f, "cbDefn"):
            continue
        text = f.text
        out.append((x + spaces * ws, f))
        x += _advance(tx, text, f)
        spaces += text.count(" ") + rl_paragraph._nbspCount(text)
    return out


def _advance(tx, text, f) -> float:
    """How far the pen moves drawing ``text`` (for a shaped text, its own advances:
    :meth:`briefbook.render.pdf_shaping.ShapingFont.stringWidth`), once per text."""
    key = (f.fontName, f.fontSize, text, hasattr(text, "__shapeData__"))
    found = _ADVANCES.get(key)
    if found is None:
        if len(_ADVANCES) > _CACHE_LIMIT:
            _ADVANCES.clear()
        found = _ADVANCES[key] = tx._canvas.stringWidth(text, f.fontName, f.fontSize)
    return found


def _marks(pieces, left_to_right: bool) -> dict[tuple[int, int], str]:
    """Where poppler needs a direction mark to read the line in the order of the text.

    poppler (pdftotext) reads a whole page in one direction: right to left when it holds
    more right-to-left letters than left-to-right ones. In a page read from the right, a
    stretch of numbers or Latin takes along the spaces on its left, so "X 123 Y" would
    come out "X  123Y": a right-to-left mark just left of the stretch's first letter or
    digit keeps the space where it is. In a page read from the left, an Arabic stretch
    takes along the spaces on its right: a left-to-right mark just right of its last
    letter. The marks follow the paragraph's direction (a page in the other direction
    is read in the visual order of its runs, marks or not). They are invisible, and
    only poppler sees them: the glyph beside which a mark goes is given the mark and its
    own text as ``/ActualText`` (pypdf reads no ActualText). Returns, for each such
    glyph (its frag's id and place in the frag's text), that ActualText."""
    parts = []
    starts = []  # where each piece's classes start in the line's
    at = 0
    for _x, f in pieces:
        kinds = _piece(f.fontName, f.text)[1]
        parts.append(kinds)
        starts.append(at)
        at += len(kinds)
    line = "".join(parts)

    def glyph(i: int) -> tuple[tuple[int, int], str]:
        n = bisect.bisect_right(starts, i) - 1
        f = pieces[n][1]
        read, _kinds, where = _piece(f.fontName, f.text)
        place = where[i - starts[n]]
        return (id(f), place), read[place]

    marks: dict[tuple[int, int], str] = {}
    if left_to_right:  # after an Arabic stretch's last letter, if spaces follow it
        for m in _AFTER_ARABIC.finditer(line):
            key, source = glyph(m.start())
            marks[key] = source + "\u200e"
    else:  # before a stretch of numbers or Latin, if spaces precede it
        for m in _BEFORE_LATIN.finditer(line):
            key, source = glyph(m.end() - 1)
            marks[key] = "\u200f" + source
    return marks


def _class(text: str) -> str:
    """poppler's class of a glyph's text: R (right-to-left letter), L, D (digit), N (other)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
        if kind in ("EN", "AN"):
            return "D"
    return "N"


def _formatted(tx, f, text, offset: int, marks: dict[tuple[int, int], str]) -> str:
    """The piece's text operators, a glyph given an ActualText (:func:`_marks`) in its span."""
    key = id(f)
    marked = [i for i in range(len(text)) if (key, offset + i) in marks]
    if not marked:
        return tx._formatText(text)
    out = []
    start = 0
    own = tx.setRise

    def set_rise(rise):
        # reportlab's setRise looks at the operator before; a text cut after its font's
        # Tf starts with none when its first glyph is raised (a vowel mark).
        if not tx._code:
            tx._code.append("")
        own(rise)

    tx.setRise = set_rise
    try:
        for i in marked:
            if i > start:
                out.append(tx._formatText(text[start:i]))
            actual = marks[(key, offset + i)].encode("utf-16-be").hex().upper()
            out.append(f"/Span <</ActualText <FEFF{actual}>>> BDC {tx._formatText(text[i : i + 1])} EMC")
            start = i + 1
        if start < len(text):
            out.append(tx._formatText(text[start:]))
    finally:
        del tx.setRise
    return " ".join(out)


def _written(tx, pieces, state, newline: bool, marks: dict) -> str:
    """The code writing the pieces in the order of the text, then the text state as
    reportlab believes it (the font, colour and rise it had set before the line)."""
    saved = tx._code
    tx._code = code = []
    try:
        at = 0.0
        rise = state[3]
        colour = state[2]
        for x, f, text, offset in pieces:
            if not text:
                continue
            if abs(x - at) > 1e-6:
                code.append(f"{_num(x - at)} 0 Td")
                at = x
            if colour != f.textColor:
                tx.setFillColor(f.textColor)
                colour = f.textColor
            if rise != f.rise:
                tx.setRise(f.rise)
                rise = f.rise
            tx._setFont(f.fontName, f.fontSize)  # and a Tf: pypdf reads each piece apart
            code.append(_formatted(tx, f, text, offset, marks))
        if abs(at) > 1e-6:
            code.append(f"{_num(-at)} 0 Td")
        if colour != state[2]:
            tx.setFillColor(state[2])
        if rise != state[3]:
            tx.setRise(state[3])
        tx._setFont(state[0], state[1])
        if newline:
            code.append("T*")
    finally:
        tx._code = saved
    return " ".join(code)


def _num(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".") or "0"
