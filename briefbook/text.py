"""Text hygiene shared by every part: what is stored, searched and rendered.

Users paste from Word, e-mail and web pages, so control characters, NFD
Vietnamese, lone surrogates and non-characters are normal input. We keep what a
reader can see and turn the rest into something harmless, never into an
exception and never by silently dropping visible text.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys
import unicodedata
from typing import Any

from briefbook.lazy_pattern import LazyPattern

# Characters XML 1.0 cannot hold (and which have no meaning in our text),
# except \t \n \r, and \x0b / \x0c which carry meaning (line / page break in Word).
_INVISIBLE = LazyPattern("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")  # (after _TO_CLEAN found one)
# Every character clean() replaces or removes: those, \r, and \x0b / \x0c. None of them is
# printable (controls, non-characters, surrogates), so a text str.isprintable() passes holds
# none: most texts are answered so, a C scan faster than this pattern's, and a command that
# meets no other text never compiles it (4 M instructions, Python's compiler making its class).
_TO_CLEAN = LazyPattern("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def _nothing_to_clean(text: str) -> bool:
    """True if ``text`` holds none of ``_TO_CLEAN``'s characters: printable, or printable once its
    line breaks and tabs (which clean() keeps) are spaces, as a Markdown field of many lines is."""
    if text.isprintable():
        return True
    if ("\n" in text or "\t" in text) and text.replace("\n", " ").replace("\t", " ").isprintable():
        return True
    return _TO_CLEAN.search(text) is None


def clean(text: str | None) -> str:
    """NFC-normalise and remove characters no document format can carry.

    ``\\x0b`` (vertical tab: Word's manual line break) becomes a newline and
    ``\\x0c`` (form feed) a paragraph break; ``\\r\\n`` becomes ``\\n``.
    """
    if not text:
        return ""
    if _nothing_to_clean(text):  # most text
        return unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x0b", "\n").replace("\x0c", "\n\n")
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


# Never drawn at a one-line field's end: zero-width space, joiners, word joiner, BOM, and the
# soft hyphen (it prints only where a line breaks at it; a title of one was saved "untitled").
_EDGE_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def is_blank(text: str | None) -> bool:
    """``not clean_line(text)``: nothing a reader sees. Found at the first such character (a
    required 1 MB text was split into its words and joined again to be found not empty: 50 ms,
    holding Python's lock)."""
    for char in (text or "")[:200]:
        if (
            not char.isspace()
            and char not in _EDGE_INVISIBLE
            and (char.isprintable() or _TO_CLEAN.match(char) is None)
        ):
            return False  # (kept by clean, a word of its own for split, not stripped at an end)
    return not clean_line(text)


def clean_line(text: str | None) -> str:
    """Like :func:`clean` for one-line fields (titles, names): newlines and tabs become spaces.

    Invisible zero-width characters at either end go too: a title of nothing but
    them would look empty everywhere. Inside the text they stay (emoji, Indic joins).
    """
    # Spaces and invisible characters at the ends in one strip: "T \u200b" must lose both
    # (stripped one after the other, the space before an invisible one stayed, and cleaning
    # the result again changed it).
    return " ".join(clean(text).split()).strip(_EDGE_INVISIBLE + " ")


# Letters that NFD does not decompose but a Vietnamese reader types without marks,
# and the combining accents of Latin, Greek and Cyrillic (U+0300-U+036F and their
# supplements). Other scripts' marks stay: stripping a Thai vowel sign changes the word.
# Arabic is the exception: a name is typed with or without its hamza and short vowels
# (احمد for أحمد), so the harakat and the hamza marks NFD splits off أ إ آ ؤ ئ go
# (U+064B-U+065F, U+0670), alef wasla and alef maksura become alef and yeh, and
# Persian yeh and keheh their Arabic letters.
_FOLD_TABLE: dict[int, str | None] = {
    **{ord(k): v for k, v in {"đ": "d", "Đ": "d", "ð": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o"}.items()},
    ord("\u0671"): "\u0627",  # ٱ alef wasla -> ا
    ord("\u0649"): "\u064a",  # ى alef maksura -> ي
    ord("\u06cc"): "\u064a",  # ی Persian yeh -> ي (a Persian keyboard's yeh, the same letter)
    ord("\u06a9"): "\u0643",  # ک keheh -> ك
    # Invisible characters a pasted or Lao/Khmer name carries inside a word (a zero-width
    # space, word joiner, byte order mark, soft hyphen): a search typed without them finds
    # it, and one typed with them finds the name written without.
    **dict.fromkeys((0x00AD, 0x200B, 0x2060, 0xFEFF)),
    **dict.fromkeys(range(0x064B, 0x0660)),
    0x0670: None,  # superscript alef
    **dict.fromkeys(range(0x0300, 0x0370)),
    **dict.fromkeys(range(0x1AB0, 0x1B00)),
    **dict.fromkeys(range(0x1DC0, 0x1E00)),
    **dict.fromkeys(range(0x20D0, 0x2100)),
}


# What _FOLD_TABLE does, as C-speed steps: str.translate looks every character up in
# a dict (50 ns each), and folding is most of the time of indexing and checking a big
# library. The same characters, in the same order: letters replaced, then marks removed.
_FOLD_LETTERS = tuple((chr(k), v) for k, v in _FOLD_TABLE.items() if v is not None)
_FOLD_MARKS = LazyPattern(
    "[" + "".join(re.escape(chr(k)) for k, v in _FOLD_TABLE.items() if v is None) + "]+"
)


FOLD_PIECE = 32_768  # a longer text is folded a piece of about this many characters at a time


def fold(text: str) -> str:
    """Lower-case and strip diacritics so that ``lua dao`` matches ``lừa đảo``.

    A long text is folded in pieces cut before a space: each step is one call in C that holds
    Python's lock, and over the 1 MB point a user pasted (stored off the GUI thread) the
    decomposition alone held the window 25-40 ms. A space is neither cased nor case-ignorable
    and composes with nothing, so lower-casing (final sigma) and normalisation never act across
    it, and the other steps work character by character: the pieces fold as the whole would."""
    if len(text) <= 2 * FOLD_PIECE:
        return _fold(text)
    pieces, start = [], 0
    while start < len(text):
        cut = text.find(" ", start + FOLD_PIECE)
        end = len(text) if cut == -1 else cut
        pieces.append(_fold(text[start:end]))
        start = end
    return "".join(pieces)


def _fold(text: str) -> str:
    lowered = text.lower()
    if lowered.isascii():
        return lowered  # nothing to decompose, replace or remove
    decomposed = unicodedata.normalize("NFD", lowered)
    for letter, plain in _FOLD_LETTERS:
        if letter in decomposed:
            decomposed = decomposed.replace(letter, plain)
    return unicodedata.normalize("NFC", _FOLD_MARKS.sub("", decomposed))


_fold_char = functools.lru_cache(maxsize=8192)(fold)
# fold_many saves about 3 microseconds a text; importing numpy for it costs about 0.2 s.
_NUMPY_FROM = 50_000


def fold_many(texts: list[str]) -> list[str]:
    """``[fold(t) for t in texts]``, about 2.5x faster: ``check`` folds a whole library's text.

    The texts are folded as one, joined by NUL: NUL is neither cased nor case-ignorable
    and composes with nothing, so lower-casing (final sigma) and normalisation never act
    across it, and the other steps work character by character. The accents go in one
    vectorised pass (numpy) instead of one regex match per accent. Without numpy (it is
    optional), or when a text holds a NUL itself, each text is folded on its own.
    """
    if len(texts) < _NUMPY_FROM and "numpy" not in sys.modules:
        return [fold(text) for text in texts]  # importing numpy (0.2 s) costs more than it saves
    keep = _kept_characters()
    joined = "\x00".join(texts)
    if keep is None or joined.count("\x00") != len(texts) - 1:
        return [fold(text) for text in texts]
    import numpy as np

    decomposed = unicodedata.normalize("NFD", joined.lower())
    for letter, plain in _FOLD_LETTERS:
        if letter in decomposed:
            decomposed = decomposed.replace(letter, plain)
    codes = np.frombuffer(decomposed.encode("utf-32-le"), dtype=np.uint32)
    kept = codes[keep[codes]].tobytes().decode("utf-32-le")
    return unicodedata.normalize("NFC", kept).split("\x00")


@functools.lru_cache(maxsize=1)
def _kept_characters() -> Any:  # a numpy array, or None without numpy
    """A table of every code point: False for the marks folding removes (numpy's, made once)."""
    try:
        import numpy as np
    except ImportError:
        return None
    keep = np.ones(0x110000, dtype=bool)
    keep[[k for k, v in _FOLD_TABLE.items() if v is None]] = False
    return keep


class FoldMap:
    """Maps positions in folded text back to the original (NFD input or a folded ß may shift them)."""

    def __init__(self, ends: list[int] | None):
        self._ends = ends  # ends[i]: where original character i ends in the folded text

    def __call__(self, position: int) -> int:
        return position if self._ends is None else bisect.bisect_right(self._ends, position)


def fold_with_map(text: str) -> tuple[str, FoldMap]:
    """Fold ``text``, with a map from folded positions to positions in ``text``.

    Search snippets find matches in folded text and mark them in the original.
    """
    whole = fold(text)
    if len(whole) == len(text):  # one character for one (nearly always): the map is the identity
        return whole, FoldMap(None)
    parts = list(map(_fold_char, text))
    return "".join(parts), FoldMap(list(itertools.accumulate(map(len, parts))))


def has_unspaced_script(text: str) -> bool:
    """True if ``text`` has Thai, Lao, Khmer, Myanmar or CJK: scripts written without spaces."""
    return bool(_unspaced().search(text))


@functools.cache
def _unspaced() -> re.Pattern[str]:
    """Compiled on first use (a search): its big ranges cost 1.8 ms to compile, on every start."""
    return re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def one_line(text: str, limit: int) -> str:
    """``text`` on one line (each run of white space one space), cut to ``limit`` characters with
    an ellipsis as the last: a name or a passage quoted in a list, a table cell or an undo step."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
