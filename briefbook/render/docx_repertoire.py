"""What each font embedded in a Word file holds, so that any two of our files agree on it.

LibreOffice keeps a document's embedded fonts by name for the whole process (it writes each
to ``embeddedfonts/fromdocs/NAME...`` and, if that file is already there, assumes it is the
same font): a desk officer who opens two books, or ``soffice --convert-to pdf a.docx
b.docx``, gets the first book's font of a name for the second. When each book embedded
only the characters it used, the second book's "MẬT" came out "M□T" and its Thai names as
boxes. So a font embedded under its own name holds a **fixed repertoire**, whatever the book
uses:

- the body and heading fonts (Noto Serif, Noto Sans, every face): Latin with every
  Vietnamese letter, Latin-1 and Latin Extended-A, the punctuation, currency signs (₫),
  arrows, mathematical signs and shapes that pasted Word text brings, and the list bullets
  (:data:`BODY_REPERTOIRE`, cut to what each font has);
- each script font (Thai, Lao, Khmer, Myanmar, Arabic): everything it has, so its whole
  script as the chain uses it.

A user editing the file in Word finds every Vietnamese letter (and every letter of a
script the book uses) in the embedded font.

Everything else a font of the chain draws is rare in a book (Cyrillic or Greek in the body
font, the symbol fonts, emoji, a system Chinese font): such a font is embedded with the
book's characters only, under a name that holds a hash of that subset ("Noto Emoji
1A2B3C4D"), written in its runs and inside the font itself. Two books with different
emoji then embed two fonts of two names, which cannot clash either.

The DOCX's chain is the PDF's (:func:`briefbook.render.font_chain.chain_fonts`), with the body
fonts split in two: their repertoire first (the template's font draws that without naming
it), the rest of them right after, as fonts of their own, so each character is drawn by the
same family as in the PDF.
"""

from __future__ import annotations

import functools
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from briefbook.render import font_cache
from briefbook.render.docx_reference import BULLETS
from briefbook.render.font_chain import CODE_FONT, Chain, ChainFont, chain_fonts
from briefbook.render.font_files import shipped
from briefbook.render.template import WORDS


def _span(first: int, last: int) -> frozenset[int]:
    return frozenset(range(first, last + 1))


# Precomposed Vietnamese (Ă Â Đ Ê Ô Ơ Ư and every tone on every vowel) and the marks a
# decomposed text carries.
VIETNAMESE = frozenset(
    {0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0}
) | _span(0x1EA0, 0x1EF9)
BODY_REPERTOIRE: frozenset[int] = (
    _span(0x20, 0x7E)  # ASCII
    | _span(0xA0, 0xFF)  # Latin-1
    | _span(0x100, 0x17F)  # Latin Extended-A (European names: Ł, Č, ğ, ő...)
    | VIETNAMESE
    | frozenset({0x218, 0x219, 0x21A, 0x21B, 0x259})  # Ș ș Ț ț ə
    | _span(0x2BB, 0x2BC)  # ʻ ʼ
    | _span(0x2C6, 0x2DD)  # ˆ ˇ ˘ ˙ ˚ ˛ ˜ ˝
    | _span(0x300, 0x36F)  # Combining Diacritical Marks (the others: see EmbeddedFont.embeds)
    | frozenset({0x31B, 0x323, 0x327, 0x328, 0x331})  # horn, dot below, cedilla, ogonek
    | _span(0x2000, 0x206F)  # General Punctuation: dashes, quotes, •, …, ‰, ′
    | _span(0x2070, 0x209F)  # superscripts and subscripts
    | _span(0x20A0, 0x20CF)  # currency: ₫ € ₹ ₩ ₽ ...
    | frozenset(ord(c) for c in "℃℅℉ℓ№℗℞™Ω℮⅓⅔⅛⅜⅝⅞")  # letterlike signs, fractions (not all
    | _span(0x2160, 0x216B)  # 161 of the two blocks: 11 KB a face), Roman numerals Ⅰ-Ⅻ
    | _span(0x2190, 0x21FF)  # arrows
    | _span(0x2200, 0x22FF)  # mathematical operators: − ≈ ≠ ≤ ≥ ∞
    | _span(0x25A0, 0x25FF)  # geometric shapes (▪ is a list bullet; ◌ for marks)
    | frozenset(ord(c) for c in "".join(BULLETS))
    | frozenset(ord(c) for words in WORDS.values() for value in words.values() for c in value)
    | frozenset({0xFFFD})  # what a character no font has is shown as
)
BODY_FAMILIES = ("NotoSerif", "NotoSans")


@dataclass(frozen=True, eq=False)
class EmbeddedFont(ChainFont):
    """A font of the DOCX's chain: ``codes`` are the characters the chain gives it; a
    ``fixed`` font is embedded with all of them under its own name, any other one with the
    book's characters under a name holding their hash (see the module's notes)."""

    codes: frozenset[int] | None = None  # None: all the file has (read on first need)
    fixed: bool = True
    # What a fixed font's subset holds, when not all of ``codes``: a body font is given every
    # mark it has (as in the PDF's chain, a mark the template's font has stays in it), but
    # holds only the common ones (0300-036F); the rarer marks (Latin Extended, for symbols,
    # half marks: 12 KB a face) are in no file's subset, so no two files differ on them.
    embeds: frozenset[int] | None = None

    @property
    def cmap(self) -> frozenset[int]:
        return file_codes(self) if self.codes is None else self.codes

    @property
    def embedded(self) -> frozenset[int]:
        """The characters a fixed font's subset holds."""
        return self.cmap if self.embeds is None else self.embeds


def is_fixed(font: ChainFont) -> bool:
    """True for a font embedded under its own name with a fixed repertoire (a system
    Chinese font the chain found on first need is not one)."""
    return isinstance(font, EmbeddedFont) and font.fixed


def file_codes(font: ChainFont) -> frozenset[int]:
    """Every character the font's file has (what a subset of it may hold), from the font
    cache (:func:`briefbook.render.font_cache.cmap`): a book whose fonts are all kept there
    never loads HarfBuzz."""
    return _file_codes(font.file("Regular"), font.index)


@functools.cache
def _file_codes(path: Path, index: int) -> frozenset[int]:
    return font_cache.cmap(path, index)


_CHAINS: dict[tuple[str, str], Chain] = {}
_LOCK = threading.Lock()


def docx_chain(primary: str, thai: str) -> Chain:
    """The DOCX's chain for the template's fonts (see the module's notes), made once."""
    key = (primary, thai)
    with _LOCK:
        chain = _CHAINS.get(key)
        if chain is None:
            chain = _CHAINS[key] = Chain(_split(chain_fonts(primary, thai)))
        return chain


def docx_code_chain(primary: str, thai: str) -> Chain:
    """The DOCX's chain for inline code: the monospace font with a fixed repertoire, as the
    body fonts have (:data:`BODY_REPERTOIRE`, every Vietnamese letter), then the book's own
    chain, so what it lacks is drawn by the family that draws it in the text around it."""
    key = (CODE_FONT + "\0" + primary, thai)
    chain = _CHAINS.get(key)
    if chain is None:
        rest = docx_chain(primary, thai).fonts  # (the same font objects: the same names in runs)
        mono = shipped(CODE_FONT)
        whole = file_codes(mono)
        fixed = _as(mono, whole & BODY_REPERTOIRE | _marks(whole), True, embeds=whole & BODY_REPERTOIRE)
        with _LOCK:
            chain = _CHAINS.setdefault(key, Chain([fixed, *rest]))
    return chain


def _split(fonts: list[ChainFont]) -> list[ChainFont]:
    body = [f for f in fonts if f.family in BODY_FAMILIES or f is fonts[0]]
    fixed: list[ChainFont] = []
    rest: list[ChainFont] = []
    before: frozenset[int] = frozenset()
    for font in body:
        whole = file_codes(font)
        # Every mark the font has too: the PDF's chain keeps a mark the template's font has in
        # that font whatever comes before it (a Vietnamese letter, or one no font has).
        kept = whole & BODY_REPERTOIRE | _marks(whole)
        fixed.append(_as(font, kept, True, embeds=whole & BODY_REPERTOIRE))
        extra = whole - kept - before
        if extra:
            rest.append(_as(font, extra, False, family=font.family + "+"))
        before |= whole
    scripts = []
    for font in fonts:
        if font in body:
            continue
        # Thai, Lao, Khmer, Myanmar, Arabic: the whole font; symbols and emoji: the book's own.
        # (Their files are read when a text needs them, as in the PDF's chain: not at start.)
        scripts.append(_as(font, None, font.script not in ("symbols", "emoji")))
    return fixed + rest + scripts


def _marks(codes: frozenset[int]) -> frozenset[int]:
    return frozenset(c for c in codes if unicodedata.category(chr(c))[0] == "M")


def _as(
    font: ChainFont,
    codes: frozenset[int] | None,
    fixed: bool,
    family: str | None = None,
    embeds: frozenset[int] | None = None,
) -> EmbeddedFont:
    args = (font.display, font.files, font.script, font.system, font.index, codes, fixed, embeds)
    return EmbeddedFont(family or font.family, *args)


def renamed(data: bytes, name: str) -> bytes:
    """The font ``data`` with ``name`` as its family in every name record that says it (family,
    typographic and WWS family, full, PostScript and unique names, every language), so that
    LibreOffice and Word find it by the name ``fontTable.xml`` gives it. fontTools is loaded
    here only: a book with emoji, a Chinese name or Cyrillic needs it."""
    import io

    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), recalcTimestamp=False)  # the same bytes each time
    table = font["name"]
    style = table.getDebugName(17) or table.getDebugName(2) or "Regular"
    plain = name.replace(" ", "")
    by_id = {
        1: name,
        16: name,
        21: name,
        4: name if style == "Regular" else f"{name} {style}",
        6: f"{plain}-{style.replace(' ', '')}",
        3: f"{plain}-{style.replace(' ', '')}",
    }
    for record in table.names:
        value = by_id.get(record.nameID)
        if value is not None:
            record.string = value
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
