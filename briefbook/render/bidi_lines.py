"""Right-to-left text in visual order: levels from the bidirectional algorithm, lines per UAX #9 L1/L2.

The levels of a paragraph's characters come from python-bidi (the Rust crate
unicode-bidi: the whole of UAX #9, explicit embeddings, overrides and isolates
(rules X1-X10), weak and neutral types (W, N) and implicit levels (I)), once per
paragraph, before reportlab breaks it into lines. :func:`split_frags` then cuts the
paragraph's fragments where the level changes, and drops the explicit controls
(LRM, RLM, ALM, LRE, RLE, LRO, RLO, PDF, LRI, RLI, FSI, PDI), which are never drawn:
each piece carries its level (``bb_level``), so HarfBuzz shapes it in its direction
(a number inside an Arabic word is a piece of its own, laid out left to right) and
the level of the space after it (``bb_after``).

reportlab breaks the lines on the pieces in logical order (the order of the text);
:func:`reorder_lines` then puts each line's pieces in the order they are seen
(trailing spaces at the paragraph's level, then runs reversed from the highest
level down), so an Arabic paragraph that wraps starts on its first line with its
first words, read from the right.

python-bidi's only public outputs are the reordered string and, with ``debug=True``,
the Rust ``BidiInfo`` written out with its levels per UTF-8 byte: :func:`levels`
reads them from there, and refuses (ValueError) anything it does not recognise.
"""

from __future__ import annotations

import re

from bidi import get_display
from reportlab.lib.enums import TA_RIGHT

# The direction rule lives in bidi_text (no reportlab: the DOCX renderer asks it too).
from briefbook.render.bidi_text import CONTROLS, reads_from_right  # pdf_fonts, pdf_blocks ask it here too
from briefbook.render.bidi_text import needs_bidi as needs_bidi  # pdf_shaping asks bidi_lines

_LEVELS = re.compile(r"Level\(\s*(\d+),\s*\)")
_SPACES = " \t\n\r\f\v\u2028"
_OBJECT = "\ufffc"  # what an inline object (image, anchor) counts as: a neutral


def paragraph_is_rtl(style, text: str) -> bool:
    """The direction of a paragraph: its style's (``bb_rtl``, set by
    :meth:`briefbook.render.pdf_fonts.Styles.get`), else right-to-left when it is
    right-aligned and written in a right-to-left script (bidi_text.reads_from_right)."""
    rtl = getattr(style, "bb_rtl", None)
    if rtl is not None:
        return bool(rtl)
    return style.alignment == TA_RIGHT and reads_from_right(text)


def levels(text: str, rtl: bool) -> list[int]:
    """The embedding level of each character of ``text``, a paragraph of direction ``rtl``."""
    info = get_display(text, base_dir="R" if rtl else "L", debug=True)
    start = info.find("\n    levels: [")
    end = info.find("\n    ],", start + 1)
    if start < 0 or end < 0:
        raise ValueError("python-bidi gave no levels (an unknown version?)")
    per_byte = [int(n) for n in _LEVELS.findall(info, start, end)]
    out: list[int] = []
    pos = 0
    for char in text:
        if pos >= len(per_byte):
            break
        out.append(per_byte[pos])
        code = ord(char)
        pos += 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    if pos != len(per_byte) or len(out) != len(text):
        raise ValueError("python-bidi's levels do not match the text (an unknown version?)")
    return out


def split_frags(frags: list, rtl: bool) -> list:
    """The paragraph's fragments cut where the level changes, controls dropped; each
    piece (a clone) knows its level and the level of the space after its last letter."""
    texts = []
    for f in frags:
        if hasattr(f, "cbDefn"):
            texts.append(_OBJECT)
        else:
            text = getattr(f, "text", "")
            texts.append(text if isinstance(text, str) else "")
    whole = "".join(texts)
    level = levels(whole, rtl)
    out: list = []
    pos = 0
    for f, text in zip(frags, texts, strict=True):
        end = pos + len(text)
        if hasattr(f, "cbDefn"):
            g = f.clone()
            g.bb_level, g.bb_after, g.bb_base = level[pos], None, rtl
            out.append(g)
        elif not text:
            g = f.clone()
            g.bb_level, g.bb_after, g.bb_base = (level[pos - 1] if pos else int(rtl)), None, rtl
            out.append(g)
        else:
            start = pos
            while start < end:
                stop = start + 1
                while stop < end and level[stop] == level[start]:
                    stop += 1
                piece = CONTROLS.sub("", whole[start:stop])
                if piece or (start == pos and stop == end):
                    g = f.clone()
                    g.text = piece
                    g.bb_level = level[start]
                    g.bb_after = _space_level(whole, level, start, stop)
                    g.bb_base = rtl
                    out.append(g)
                start = stop
        pos = end
    return out


def _space_level(whole: str, level: list[int], start: int, stop: int) -> int | None:
    """The level of the space after the piece's last non-space character, if one follows."""
    i = stop - 1
    while i >= start and (whole[i] in _SPACES or CONTROLS.match(whole[i])):
        i -= 1
    i += 1
    while i < len(whole) and CONTROLS.match(whole[i]):
        i += 1
    return level[i] if i < len(whole) and whole[i] in _SPACES else None


def reorder_lines(lines: list) -> None:
    """Put the pieces of each of a paragraph's lines (reportlab ``FragLine`` objects, in
    logical order) in visual order, in place; a paragraph not cut by :func:`split_frags`
    is left as it is."""
    first = next((line.words[0] for line in lines if line.words), None)
    if first is None or not hasattr(first, "bb_base"):
        return
    rtl = first.bb_base
    base = 1 if rtl else 0
    for line in lines:
        line.bb_rtl = rtl
        atoms = _atoms(line.words)
        if any(a[3] != base for a in atoms) or base:
            for n, a in enumerate(atoms):
                a.append(n)  # its place in the text, for the order of writing (pdf_writing)
            line.words = _frags(_visual(atoms, base))
            line.bb_reordered = True


def _atoms(frags: list) -> list[list]:
    """A line's pieces: each word of each frag, each space between them, each object,
    as [frag, text, is_space, level]."""
    out: list[list] = []
    for f in frags:
        own = getattr(f, "bb_level", 0)
        text = getattr(f, "text", None)
        if hasattr(f, "cbDefn") or not text:
            out.append([f, None, False, own])
            continue
        after = getattr(f, "bb_after", None)
        start = 0
        n = len(text)
        for i, char in enumerate(text):
            if char == " ":
                if i > start:
                    out.append([f, text[start:i], False, own])
                # A space inside the piece is at its level; the one after it, the space's.
                space = own if i < n - 1 or after is None else after
                out.append([f, text[i : i + 1], True, space])
                start = i + 1
        if start < n:
            out.append([f, text[start:], False, own])
    return out


def _visual(atoms: list[list], base: int) -> list[list]:
    """One line's pieces in visual order: trailing spaces at the paragraph's level (L1),
    then each run at a level or higher reversed, from the highest level down (L2)."""
    atoms = list(atoms)
    for a in reversed(atoms):
        if not a[2]:
            break
        a[3] = base
    top = max((a[3] for a in atoms), default=0)
    lowest_odd = base if base % 2 else base + 1
    for level in range(top, lowest_odd - 1, -1):
        i = 0
        while i < len(atoms):
            if atoms[i][3] >= level:
                j = i
                while j < len(atoms) and atoms[j][3] >= level:
                    j += 1
                atoms[i:j] = atoms[i:j][::-1]
                i = j
            else:
                i += 1
    return atoms


def _frags(atoms: list[list]) -> list:
    """Frags drawing the pieces in order; neighbours from one frag at one level share a
    clone (each is written on its own: pdf_writing), but a space that would start one."""
    out: list = []
    current = None
    for f, text, space, level, place in atoms:
        if text is None:
            out.append(f)
            current = None
            continue
        # A piece never starts with a space (pypdf would read it before the piece's
        # right-to-left letters): a space leading a piece is a piece of its own.
        if current is not None and current[0] is f and current[2] == (level, False):
            current[1].text = current[1].text + text
            current[1].bb_place = min(current[1].bb_place, place)
            continue
        g = f.clone()
        g.text = text
        g.bb_place = place
        out.append(g)
        current = (f, g, (level, space))
    return out
