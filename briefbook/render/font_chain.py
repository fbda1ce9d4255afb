"""Which font draws which character: the fallback chain shared by the PDF, the
DOCX, the preflight and the window.

A book's text is Vietnamese and English with names in the region's scripts. The
template's body and heading fonts (Noto Serif / Noto Sans) draw Latin, Greek and
Cyrillic; every other character is drawn by the first font of the chain that has
it: the template's Thai font, then Lao, Khmer, Myanmar, Arabic, two symbol fonts
(arrows and mathematical signs; check marks and shapes) and a monochrome emoji
font, all shipped in ``resources/fonts`` (OFL), and last a Chinese font found on
the system through fontconfig (Noto CJK is 20 MB and in a format reportlab cannot
embed, so it is not shipped). A character no font has is *uncovered*: the
preflight names it and the files show a visible replacement (U+FFFD) instead, so
nothing disappears in silence. Inline code has a chain of its own (:func:`code_chain`):
Noto Sans Mono first, then the same fonts.

Coverage comes from the fonts' own cmap tables (fontTools, read lazily, once
per process), so the answer is the same as what the renderers will draw.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from dataclasses import field

from briefbook.lazy_pattern import LazyPattern
from briefbook.render.bidi_text import RTL_OR_CONTROL
from briefbook.render.font_files import ChainFont, shipped, system_chinese_font
from briefbook.shared_methods import dataclass

REPLACEMENT = "\ufffd"

# Characters that are never drawn (format controls, joiners, variation selectors,
# soft hyphen, tags): they need no glyph, and shaping consumes them.
_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff]"
)
_WHITESPACE = frozenset("\t\n\r \u00a0\u2028\u2029")

# The shipped script fonts, in the order they are tried, with the script each is for.
SCRIPT_FONTS: tuple[tuple[str, str], ...] = (
    ("NotoSansLao", "Lao"),
    ("NotoSansKhmer", "Khmer"),
    ("NotoSansMyanmar", "Myanmar"),
    ("NotoSansArabic", "Arabic"),
    # Arrows, ≥ ≤ ≠, ✓ ✗, ★, ■ ●: what Word's AutoCorrect and symbol menu put in pasted text
    # (→ was printed as U+FFFD). Text-style symbols before the emoji font's pictures.
    ("NotoSansMath", "symbols"),
    ("NotoSansSymbols2", "symbols"),
    ("NotoEmoji", "emoji"),
)


@functools.cache
def _han() -> re.Pattern[str]:
    """Chinese and Japanese characters; compiled when first asked (1.4 ms: the preflight's note)."""
    return re.compile(
        "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
    )


def is_ignorable(char: str) -> bool:
    """True for characters that are never drawn and need no glyph (ZWJ, ZWNJ, soft hyphen...)."""
    return bool(_IGNORABLE.match(char)) or char in _WHITESPACE


@dataclass
class Chain:
    """The fonts tried for one primary family, in order, and a memo of each character's font."""

    fonts: list[ChainFont]
    _memo: dict[str, int] = field(default_factory=dict)
    _simple: re.Pattern[str] | None = None
    _pieces: re.Pattern[str] | LazyPattern | None = None
    _system_checked: bool = False
    _stretches: dict[int, re.Pattern[str]] = field(default_factory=dict)
    # Whether the primary font draws a right-to-left letter: if not, a text all_primary()
    # passes holds none (nor a bidi control: those are never counted as drawn).
    draws_rtl: bool = field(default=True, init=False)
    _drawn: frozenset[int] = field(default=frozenset(), init=False)
    _without: dict[frozenset[int], re.Pattern[str]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        # Everything the primary font draws (and never-drawn characters) in one regex
        # class, so that the common case -- all of a text in the primary font -- is one C scan.
        # Invisible characters are left out: Noto draws visible boxes for ZWJ and ZWNJ,
        # so text holding them is shaped, and HarfBuzz leaves them out.
        drawn = frozenset(c for c in self.fonts[0].cmap if not is_ignorable(chr(c)))
        self._simple = re.compile(f"[^{_class_of(drawn)}\t\n\r \u00a0]")
        self._drawn = drawn
        self.draws_rtl = RTL_OR_CONTROL.search("".join(map(chr, drawn))) is not None
        # Stretches of base characters the primary font draws (no marks: those may belong
        # to the run before them), matched in C; everything else one character at a time.
        bases = frozenset(c for c in drawn if unicodedata.category(chr(c))[0] != "M")
        self._pieces = LazyPattern(f"[{_class_of(bases)}\t\n\r \u00a0]+|.", re.S)  # (text not all primary)

    def index_of(self, char: str) -> int:
        """The index in ``fonts`` of the font that draws ``char``; -1 if none has it."""
        found = self._memo.get(char)
        if found is None:
            code = ord(char)
            found = next((i for i, f in enumerate(self.fonts) if code in f.cmap), -1)
            if found == -1 and not self._system_checked and not is_ignorable(char):
                # Only now look for a Chinese font on the system (fontconfig costs 0.3 s).
                with _CHAINS_LOCK:
                    if not self._system_checked:
                        cjk = system_chinese_font()
                        if cjk is not None:
                            self.fonts.append(cjk)
                        self._system_checked = True
                if code in self.fonts[-1].cmap:
                    found = len(self.fonts) - 1
            if found == -1 and is_ignorable(char):
                found = 0
            self._memo[char] = found
        return found

    def _stretch(self, index: int) -> re.Pattern[str]:
        """Characters font ``index`` draws and no font before it does (whitespace aside), and for
        a script font (not the emoji font) the spaces between them that are followed by a base
        character of it: the spaces runs() would join to it afterwards (see below), matched here
        in C with the words they join, instead of a word and a space at a time."""
        pattern = self._stretches.get(index)
        if pattern is None:
            before = frozenset().union(*(f.cmap for f in self.fonts[:index]))
            own = frozenset(c for c in self.fonts[index].cmap - before if chr(c) not in _WHITESPACE)
            # Not a mark, joiner or skin tone: after spaces such a character stays with them.
            bases = frozenset(c for c in own if not _attaches(chr(c)))
            body = f"[{_class_of(own)}]*"
            if bases and self.fonts[index].script != "emoji":
                body += f"(?:[ \u00a0]+[{_class_of(bases)}][{_class_of(own)}]*)*"
            pattern = self._stretches[index] = re.compile(body if own else "")
        return pattern

    def all_primary(self, text: str) -> bool:
        return self._simple.search(text) is None  # type: ignore[union-attr]

    def primary_without(self, excluded: frozenset[int]) -> re.Pattern[str]:
        """A pattern whose ``search`` is None exactly when ``all_primary(text)`` holds and ``text``
        holds none of ``excluded``: a caller that asks both questions of every run (the DOCX
        writer: drawn by the template's font, and nothing to escape or clean) scans once."""
        pattern = self._without.get(excluded)
        if pattern is None:
            allowed = frozenset(self._drawn.union(map(ord, "\t\n\r \u00a0")) - excluded)
            # (_class_of leaves out codes up to the space: those allowed are listed here)
            low = "".join(re.escape(chr(c)) for c in sorted(allowed) if c <= 0x20)
            pattern = self._without[excluded] = re.compile(f"[^{_class_of(allowed)}{low}]")
        return pattern

    def runs(self, text: str) -> list[tuple[int, str]]:
        """``text`` cut into runs, each with the index of the font drawing it (-1: none has it).

        Marks, joiners and variation selectors stay with the run before them when that
        font has them (or never draws them), so a base and its marks are shaped together.
        """
        if self.all_primary(text):
            return [(0, text)] if text else []
        out: list[list] = []
        pos, end = 0, len(text)
        # Bound once: this loop runs once per stretch of a script (a mixed book's every run).
        next_piece, not_primary = self._pieces.match, self._simple.match  # type: ignore[union-attr]
        memo, stretches, fonts = self._memo, self._stretches, self.fonts
        while pos < end:
            piece = next_piece(text, pos).group()
            if len(piece) > 1 or not_primary(piece) is None:
                index = 0
            else:
                char = piece
                index = memo.get(char)
                if index is None:
                    index = self.index_of(char)
                if out and char not in _WHITESPACE:
                    prev = out[-1][0]
                    if (
                        prev != index
                        and _attaches(char)
                        and (prev == -1 or ord(char) in fonts[prev].cmap or is_ignorable(char))
                    ):
                        index = prev
                elif char in _WHITESPACE:
                    index = 0  # spaces in the book's font (an emoji font's space is wide)
                if index > 0:  # the rest of the stretch this font draws, in one C match
                    stretch = stretches.get(index) or self._stretch(index)
                    piece = stretch.match(text, pos).group() or char
            if out and out[-1][0] == index:
                out[-1][1].append(piece)
            else:
                out.append([index, [piece]])
            pos += len(piece)
        runs = [(index, "".join(chars)) for index, chars in out]
        # Spaces between two runs of one script font belong to it (a right-to-left phrase
        # is then one run, laid out and read back as one); not an emoji font's wide space.
        # (Pieces joined once at the end: adding each to the run's text so far copied it
        # every time, and a Thai report pasted as one paragraph took seconds.)
        merged: list[tuple[int, list[str]]] = []
        for index, run in runs:
            if (
                len(merged) >= 2
                and index > 0
                and merged[-2][0] == index
                and merged[-1][0] == 0
                and not merged[-1][1][0].strip(" \u00a0")  # a run of the book's font: one piece
                and self.fonts[index].script != "emoji"
            ):
                space = merged.pop()[1][0]
                merged[-1][1].extend((space, run))
            else:
                merged.append((index, [run]))
        return [(index, "".join(pieces)) for index, pieces in merged]

    def uncovered(self, text: str) -> list[str]:
        """The distinct characters of ``text`` that no font of the chain draws, in order."""
        if self.all_primary(text):
            return []
        seen: dict[str, None] = {}
        for index, run in self.runs(text):
            if index == -1:
                for char in run:
                    if not is_ignorable(char):
                        seen.setdefault(char)
        return list(seen)


def _is_emoji_modifier(char: str) -> bool:
    return "\U0001f3fb" <= char <= "\U0001f3ff"


@functools.cache
def _attaches(char: str) -> bool:
    """True for a character that stays with the run before it (a mark, a joiner or variation
    selector, an emoji skin tone) when that run's font has it; once per character."""
    return bool(
        unicodedata.category(char) in ("Mn", "Mc", "Me") or _IGNORABLE.match(char) or _is_emoji_modifier(char)
    )


def _class_of(codes: frozenset[int]) -> str:
    """A regex character class body listing ``codes`` as ranges."""
    parts = []
    ordered = sorted(c for c in codes if c > 0x20 and not 0xD800 <= c <= 0xDFFF)
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        lo, hi = ordered[i], ordered[j]
        parts.append(re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
        i = j + 1
    return "".join(parts)


_CHAINS: dict[tuple[str, str], Chain] = {}
_CHAINS_LOCK = threading.Lock()


def chain_for(primary: str, thai: str = "NotoSansThai") -> Chain:
    """The chain for a primary family (the template's body or heading font)."""
    key = (primary, thai)
    with _CHAINS_LOCK:
        chain = _CHAINS.get(key)
        if chain is None:
            chain = _CHAINS[key] = Chain(chain_fonts(primary, thai))  # Chinese joins on first need
        return chain


# Inline code (a reference number, an address: Markdown's backticks) is printed in this
# monospace family, which draws Latin with every Vietnamese letter; what it lacks (Thai, Lao,
# Khmer, Arabic in code) falls back along the same chain as the book's text.
CODE_FONT = "NotoSansMono"


def code_chain(thai: str = "NotoSansThai") -> Chain:
    """The chain for inline code: :data:`CODE_FONT` first, then the fonts of every chain."""
    return chain_for(CODE_FONT, thai)


def chain_fonts(primary: str, thai: str = "NotoSansThai") -> list[ChainFont]:
    """The shipped fonts of the chain for ``primary``, in the order they are tried (the DOCX's
    chain is made from them too, without building this one's patterns)."""
    families = [primary, *(f for f in ("NotoSans", "NotoSerif") if f != primary), thai]
    fonts = [shipped(f) for f in dict.fromkeys(families)]
    fonts[-1] = ChainFont(fonts[-1].family, fonts[-1].display, fonts[-1].files, "Thai")
    return fonts + [shipped(family, script) for family, script in SCRIPT_FONTS]


def missing_font_note(text: str) -> str | None:
    """Why characters of ``text`` cannot be drawn, when it is for want of a system font."""
    if _han().search(text) and system_chinese_font() is None:
        return (
            "No Chinese font is installed on this computer, so Chinese characters cannot be "
            "printed; install one (for example the Debian package fonts-droid-fallback)."
        )
    return None


def describe(char: str) -> str:
    """A character as a reader can name it: the character, its code point and Unicode name."""
    name = unicodedata.name(char, "")
    shown = char if unicodedata.category(char)[0] not in "CZM" else ""
    label = f"U+{ord(char):04X}" + (f" {name}" if name else "")
    return f"'{shown}' ({label})" if shown else f"({label})"
