"""Right-to-left text in visual order, line by line (UAX #9, rules L1 and L2).

reportlab breaks a paragraph into lines on its words in logical order (the order
of the text); this module then puts each line's pieces in the order they are seen.
The levels are resolved once on the whole paragraph, and each line's pieces are
reversed on that line only, so an Arabic paragraph that wraps starts on its first
line with its first words, read from the right. HarfBuzz has already laid out each
word's glyphs right to left, so the pieces moved here are whole words (or the part
of a word in one font), and the spaces between them.

The levels follow the bidirectional algorithm without explicit embeddings (the
model's text has none): strong letters set the direction of their word, digits
after a right-to-left letter or at the start of a right-to-left paragraph are
numbers inside the right-to-left run, and neutral pieces (spaces, punctuation,
inline objects) take the direction of the letters on both sides when these agree,
the paragraph's otherwise. A paragraph's direction is right-to-left when its first
strong letter is right-to-left and its style is right-aligned (the renderer
right-aligns such paragraphs: :meth:`briefbook.render.pdf_fonts.Styles.get`);
contents entries, whose leader is drawn at the end of the line, stay left-to-right.
"""

from __future__ import annotations

import re
import unicodedata

from reportlab.lib.enums import TA_RIGHT
from reportlab.pdfbase import pdfmetrics

RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
_PRIVATE = re.compile("[\U000f0000-\U0010ffff]")  # shaped glyph codes (pdf_shaping): text in the font


def first_strong_is_rtl(text: str) -> bool:
    """True when the first letter with a direction in ``text`` is right-to-left (rules P2, P3)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


def reorder_lines(lines: list, alignment: int) -> None:
    """Put the words of each of a paragraph's lines (reportlab ``FragLine`` objects, in
    logical order) in visual order, in place; lines without right-to-left text are left
    untouched."""
    if not any(_may_be_rtl(f) for line in lines for f in line.words):
        return
    sources = [_source(f) for line in lines for f in line.words]
    if not any(RTL.search(s) for s in sources):
        return
    base = 1 if alignment == TA_RIGHT and first_strong_is_rtl("".join(sources)) else 0
    atoms = [_atoms(line.words) for line in lines]  # per line: [frag, text, kind, level]
    _resolve([a for line_atoms in atoms for a in line_atoms], base)
    for line, line_atoms in zip(lines, atoms, strict=True):
        if any(a[3] for a in line_atoms) or base:
            line.words = _frags(_visual(line_atoms, base))


def _may_be_rtl(f) -> bool:
    """A quick test (every paragraph passes here): right-to-left letters in the text, or
    glyph codes of a font that has shaped right-to-left text (``bb_rtl``: pdf_shaping)."""
    text = getattr(f, "text", None)
    if not text or hasattr(f, "cbDefn"):
        return False
    if RTL.search(text):
        return True
    face = getattr(pdfmetrics.getFont(f.fontName), "face", None)
    return getattr(face, "bb_rtl", False) and bool(_PRIVATE.search(text))


def _source(f, text: str | None = None) -> str:
    """The characters a frag's text (or a piece of it) stands for: a shaped text holds
    glyph codes, whose characters its font keeps."""
    if hasattr(f, "cbDefn"):
        return ""
    if text is None:
        text = getattr(f, "text", "") or ""
    if not _PRIVATE.search(text):
        return text
    codes = getattr(pdfmetrics.getFont(f.fontName), "bb_text", {})
    return "".join(codes.get(ord(c), c) for c in text)


def _kind(text: str) -> str:
    """'L' or 'R' for a piece with letters, 'EN' or 'AN' for a number, 'N' else."""
    number = ""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
        if kind in ("EN", "AN") and not number:
            number = kind
    return number or "N"


def _atoms(frags: list) -> list[list]:
    """A line's pieces: each word of each frag, each space between them, each object."""
    out: list[list] = []
    for f in frags:
        text = getattr(f, "text", None)
        if hasattr(f, "cbDefn") or not text:
            out.append([f, None, "N", 0])
            continue
        start = 0
        for i, char in enumerate(text):
            if char == " ":
                if i > start:
                    out.append([f, text[start:i], _kind(_source(f, text[start:i])), 0])
                out.append([f, text[i : i + 1], "WS", 0])
                start = i + 1
        if start < len(text):
            out.append([f, text[start:], _kind(_source(f, text[start:])), 0])
    return out


def _resolve(atoms: list[list], base: int) -> None:
    """Set each piece's level (rules W2, W7, N1, N2, I1, I2, on pieces)."""
    strong = "R" if base else "L"
    for a in atoms:  # numbers after a left-to-right letter are left-to-right (W7)
        if a[2] == "L" or a[2] == "R":
            strong = a[2]
        elif a[2] == "EN" and strong == "L":
            a[2] = "L"
    # Neutrals between pieces of one direction take it (numbers count as R), else the base's.
    after: list[str | None] = [None] * len(atoms)
    following = "R" if base else "L"  # the end of the paragraph counts as its direction
    for i in range(len(atoms) - 1, -1, -1):
        after[i] = following
        kind = atoms[i][2]
        if kind in ("L", "R", "EN", "AN"):
            following = "L" if kind == "L" else "R"
    before = "R" if base else "L"
    for i, a in enumerate(atoms):
        kind = a[2]
        if kind == "L":
            a[3], before = (2 if base else 0), "L"
        elif kind == "R":
            a[3], before = 1, "R"
        elif kind in ("EN", "AN"):
            a[3], before = 2, "R"
        else:
            direction = before if before == after[i] else ("R" if base else "L")
            a[3] = (1 if base else 0) if direction == ("R" if base else "L") else (2 if base else 1)


def _visual(atoms: list[list], base: int) -> list[list]:
    """One line's pieces in visual order: trailing spaces at the paragraph's level (L1),
    then each run at a level or higher reversed, from the highest level down (L2)."""
    atoms = list(atoms)
    for a in reversed(atoms):
        if a[2] != "WS":
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
    """Frags drawing the pieces in order; neighbours from one frag share a clone."""
    out: list = []
    current = None
    for f, text, *_rest in atoms:
        if text is None:
            out.append(f)
            current = None
            continue
        if current is not None and current[0] is f:
            current[1].text = current[1].text + text
            continue
        g = f.clone()
        g.text = text
        out.append(g)
        current = (f, g)
    return out
