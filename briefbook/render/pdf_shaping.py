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
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable

import uharfbuzz
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import (
    SUBSETN,
    ShapeData,
    ShapedFragWord,
    ShapedStr,
    TTFont,
    _sdSimple,
    makeShapedFragWord,
)
from reportlab.platypus import paragraph as rl_paragraph

from briefbook.render import bidi_lines, pdf_breaking, pdf_writing, segment
from briefbook.render.font_chain import is_ignorable

_LOCK = threading.Lock()
_FIRST_PRIVATE = 0xF0000  # plane 15 private use: no font of ours maps anything there
_CACHE_LIMIT = 200_000
_FEATURES = {"kern": True, "liga": True}
_installed = False
_ADDED = _sdSimple.cluster  # the cluster reportlab gives characters added to a shaped text
_RTL_KINDS = ("R", "AL")
# What pypdf's text extraction takes for right-to-left characters (its RTL_CHARACTER_RANGES).
_READ_AS_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


class ShapingFont(TTFont):
    """A TrueType font whose glyph codes carry the text each glyph stands for."""

    def __init__(self, name: str, filename: str, subfontIndex: int = 0):
        super().__init__(name, filename, subfontIndex=subfontIndex)
        # reportlab shares one face between the fonts made from one file (Thai's italic is
        # its regular): the codes we add to the face's cmap are kept with the face too.
        face = self.face
        if not hasattr(face, "bb_codes"):
            face.bb_codes = {}
            face.bb_text = {}
            face.bb_shapes = {}
            face.bb_layouts = {}
            face.bb_next = _FIRST_PRIVATE
            face.bb_hb = None
        self.bb_codes: dict[tuple[int, str, int | None], int] = face.bb_codes
        self.bb_text: dict[int, str] = face.bb_text
        self.bb_shapes: dict[str | tuple[str, bool], list[tuple[int, ...]]] = face.bb_shapes
        # For the template's own (Latin) fonts: the test of text they draw without shaping.
        self.bb_plain: Callable[[str], bool] | None = None

    # -- shaping -----------------------------------------------------------------------
    def shape(self, text: str, rtl: bool | None = None) -> list[tuple[int, int, int, int, int, int]]:
        """HarfBuzz glyphs of ``text`` (gid, cluster, x/y advance, x/y offset in font
        units), in the direction ``rtl`` (None: the script's), once per text and
        direction: the same word is never shaped twice."""
        key = text if rtl is None else (text, rtl)
        glyphs = self.bb_shapes.get(key)
        if glyphs is None:
            with _LOCK:
                if self.face.bb_hb is None:
                    self.face.bb_hb = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob(self.face._ttf_data)))
                buf = uharfbuzz.Buffer()
                buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_GRAPHEMES
                buf.add_str(text)
                buf.guess_segment_properties()
                if rtl is not None:
                    # The bidirectional algorithm's level (bidi_lines): a number inside
                    # Arabic is laid out left to right, a bracket in Arabic is mirrored.
                    buf.direction = "rtl" if rtl else "ltr"
                elif buf.direction == "rtl" and not any(
                    unicodedata.bidirectional(c) in _RTL_KINDS for c in text
                ):
                    buf.direction = "ltr"  # a number alone reads left to right
                # Joiners, soft hyphens and variation selectors leave no glyph (not even
                # an empty one); their characters join the text of the glyph before them.
                buf.flags = uharfbuzz.BufferFlags.REMOVE_DEFAULT_IGNORABLES
                uharfbuzz.shape(self.face.bb_hb, buf, _FEATURES)
                glyphs = [
                    (i.codepoint, i.cluster, p.x_advance, p.y_advance, p.x_offset, p.y_offset)
                    for i, p in zip(buf.glyph_infos, buf.glyph_positions, strict=True)
                ]
            if len(self.bb_shapes) > _CACHE_LIMIT:
                self.bb_shapes.clear()
            self.bb_shapes[key] = glyphs
        return glyphs

    def code_for(self, gid: int, text: str, width: int | None = None) -> int:
        """The code drawing glyph ``gid`` whose text layer reads ``text``, and whose width
        (what text extractors take as the character's box) is ``width`` font units."""
        if len(text) == 1 and width is None and self.face.charToGlyph.get(ord(text)) == gid:
            return ord(text)
        key = (gid, text, width)
        code = self.bb_codes.get(key)
        if code is None:
            with _LOCK:
                code = self.bb_codes.get(key)
                if code is None:
                    face = self.face
                    code = face.bb_next
                    face.bb_next += 1
                    face.charToGlyph[code] = gid
                    face.charWidths[code] = face._pdfScale(face.hmetrics[gid][0] if width is None else width)
                    self.bb_text[code] = text
                    self.bb_codes[key] = code
        return code

    # -- the PDF objects: reportlab's, with our ToUnicode ----------------------------------
    def addObjects(self, doc) -> None:
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal = self.getSubsetInternalName(n, doc)[1:]
            base = (b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))).decode("pdfdoc")
            font = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {n}"
            font.Name = internal
            font.BaseFont = base
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = pdfdoc.PDFArray(list(map(self.face.getCharWidth, subset)))
            stream = pdfdoc.PDFStream()
            stream.content = self._to_unicode(base, subset)
            if doc.compression:
                stream.filters = [pdfdoc.PDFZCompress]
            font.ToUnicode = doc.Reference(stream, "toUnicodeCMap:" + base)
            font.FontDescriptor = self.face.addSubsetObjects(doc, base, subset)
            doc.Reference(font, internal)
            doc.idToObject["BasicFonts"].dict[internal] = font
        del self.state[doc]

    def _to_unicode(self, name: str, subset: list[int]) -> str:
        entries = []
        for i, code in enumerate(subset):
            text = self.bb_text.get(code)
            if text is None:
                text = chr(code) if code else ""
            entries.append(f"<{i:02X}> <{text.encode('utf-16-be').hex().upper()}>")
        lines = [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
            f"/CMapName /{name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
        ]
        for start in range(0, len(entries), 100):  # at most 100 entries per block
            block = entries[start : start + 100]
            lines += [f"{len(block)} beginbfchar", *block, "endbfchar"]
        lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return "\n".join(lines)


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
    chars, data, total = _layout(font, text, None if level is None else bool(level % 2))
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


def _layout(
    font: ShapingFont, text: str, rtl: bool | None = None
) -> tuple[list[str], list[ShapeData], float]:
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
    if len(layouts) > _CACHE_LIMIT:
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
        words = _segmented(words)
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


def _segmented(words: list) -> list:
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


def install() -> None:
    """Put our shaping and word cutting into reportlab's paragraph module (once)."""
    global _installed
    with _LOCK:
        if not _installed:
            rl_paragraph.shapeFragWord = shape_frag_word
            rl_paragraph._getFragWords = frag_words
            rl_paragraph.Paragraph.breakLines = break_lines
            rl_paragraph.sameFrag = same_frag
            rl_paragraph._justifyDrawParaLineX = justify_line
            rl_paragraph._putFragLine = pdf_writing.put_frag_line
            _installed = True
