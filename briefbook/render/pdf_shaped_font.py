"""A TrueType font shaped with HarfBuzz, whose glyph codes carry the text each glyph
stands for (:class:`ShapingFont`).

reportlab gives every glyph that is not the cmap glyph of one character a private-use
code whose ToUnicode entry is that code: a ligature (Thai ``ิ์``), a contextual form
(Arabic) or a reordered vowel (Khmer) copies out as garbage. Here each glyph gets a code
for the pair (glyph, text it stands for), chosen by :mod:`briefbook.render.pdf_glyph_codes`,
and the font's ToUnicode maps the code to that text, so pdftotext and pypdf read the
source characters back in logical order. Each text is shaped once per font and
direction (a cache keyed by the text).
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable

import uharfbuzz
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

LOCK = threading.Lock()
_FIRST_PRIVATE = 0xF0000  # plane 15 private use: no font of ours maps anything there
CACHE_LIMIT = 200_000
_FEATURES = {"kern": True, "liga": True}
_RTL_KINDS = ("R", "AL")


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
            with LOCK:
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
            if len(self.bb_shapes) > CACHE_LIMIT:
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
            with LOCK:
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
