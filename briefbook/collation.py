"""Vietnamese alphabetical order without Qt: one sort key for the CLI, the exports and SQL.

The window sorts with Qt's ``QCollator`` (ICU's Vietnamese rules); the command
line, the exports and the library's own ``ORDER BY`` use :func:`sort_key`, which
follows the same rules, so a list reads in the same order everywhere:

* letters in the Vietnamese alphabet: a ă â b c d đ e ê f g h i j k l m n o ô ơ
  p q r s t u ư v w x y z (ă, â, đ, ê, ô, ơ, ư are letters of their own);
* tones only break ties, after the letters of the whole text: none, huyền (à),
  hỏi (ả), ngã (ã), sắc (á), nặng (ạ); other accents (é in a French name) the same way;
* then case (lower case first); spaces before punctuation before numbers before letters;
* numbers by their value: "Chủ đề 2" before "Chủ đề 10" (QCollator's numeric mode);
* other scripts (Thai, Lao, Khmer, Arabic...) after Latin, in Unicode order.

The key is ``bytes``: primary weights, then secondary (tones), then tertiary
(case), each weight three bytes, separated by zeros, so that comparing two keys
byte by byte (Python, or SQLite's ``memcmp`` on a BLOB) gives the order above.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Punctuation in ICU's root order (the ones names and titles hold); others follow by code point.
PUNCTUATION = "_-–—,;:!?.…'‘’\"“”()[]{}@*/\\&#%`^+<=>|~$"

_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
_TONES = {"\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0301": 5, "\u0323": 6}  # huyền hỏi ngã sắc nặng
_LETTER_MARKS = {  # base letter + mark that makes a Vietnamese letter of its own
    ("a", _BREVE): "ă",
    ("a", _CIRCUMFLEX): "â",
    ("e", _CIRCUMFLEX): "ê",
    ("o", _CIRCUMFLEX): "ô",
    ("o", _HORN): "ơ",
    ("u", _HORN): "ư",
}

_SPACE = 1
_PUNCT = 0x10
_SYMBOL = 0x100  # + code point: other punctuation and symbols
_DIGIT = 0x120000
_LATIN = 0x130000
_OTHER_LATIN = 0x130100  # + code point: Latin letters outside the alphabet (ß, ø, ł...)
_SCRIPT = 0x250000  # + code point: letters of other scripts
_NO_ACCENT, _LOWER, _UPPER = 1, 1, 2
_SEPARATOR = b"\x00\x00\x00"
_NUMBER = re.compile(r"(\d+)")
KEY_CHARS = 200  # long texts (talking points) are ordered by their first 200 characters


def _weight(value: int) -> bytes:
    return value.to_bytes(3, "big")


def _primary(char: str) -> int | None:
    """The primary weight of one character without marks; None if it does not count (zero-width)."""
    if char in ALPHABET:
        return _LATIN + ALPHABET.index(char)
    category = unicodedata.category(char)
    if category[0] == "Z" or char in "\t\n\r":
        return _SPACE
    if category in ("Cc", "Cf"):
        return None
    if char in PUNCTUATION:
        return _PUNCT + PUNCTUATION.index(char)
    if category == "Nd":
        return _DIGIT + unicodedata.digit(char)
    if category[0] in "PS" or category[0] == "C":
        return _SYMBOL + ord(char)
    if "LATIN" in unicodedata.name(char, ""):
        return _OTHER_LATIN + ord(char)
    return _SCRIPT + ord(char)


@lru_cache(maxsize=4096)
def _char_weights(char: str) -> tuple[bytes, bytes, bytes] | None:
    """The (primary, secondary, tertiary) weights of one character; None if it does not count."""
    lower = char.lower() if len(char.lower()) == 1 else char
    case = _UPPER if lower != char else _LOWER
    decomposed = unicodedata.normalize("NFD", lower)
    base, marks = decomposed[0], decomposed[1:]
    if base == "đ" or not ("a" <= base <= "z") or not marks:
        base, marks = lower, ""
    letter, accent = base, _NO_ACCENT
    for mark in marks:
        if (letter, mark) in _LETTER_MARKS:
            letter = _LETTER_MARKS[(letter, mark)]
        elif mark in _TONES:
            accent = _TONES[mark]
        else:
            accent = 0x10 + ord(mark)  # é, ë, ñ...: after the Vietnamese tones
    primary = _primary(letter)
    if primary is None:
        return None
    return _weight(primary), _weight(accent), _weight(case)


def _number_weights(digits: str) -> list[tuple[bytes, bytes, bytes]]:
    """A run of digits ordered by its value ("2" before "10"), as QCollator's numeric mode does."""
    value = digits.lstrip("0") or "0"
    plain = _weight(_NO_ACCENT), _weight(_LOWER)
    head = (_weight(_DIGIT + 0x100 + len(value)), *plain)
    return [head] + [(_weight(_DIGIT + unicodedata.digit(d)), *plain) for d in value]


@lru_cache(maxsize=65536)
def sort_key(text: str | None) -> bytes:
    """The key that puts ``text`` in Vietnamese alphabetical order (``None`` sorts as empty)."""
    if not text:
        return b""
    text = unicodedata.normalize("NFC", str(text)[:KEY_CHARS])
    weights = []
    for part in _NUMBER.split(text):
        if part[:1].isdecimal():
            weights += _number_weights(part)
        else:
            weights += [w for w in map(_char_weights, part) if w is not None]
    primary = b"".join([w[0] for w in weights])
    secondary = b"".join([w[1] for w in weights])
    tertiary = b"".join([w[2] for w in weights])
    return primary + _SEPARATOR + secondary + _SEPARATOR + tertiary


def sorted_vi(items, key=lambda item: item):
    """``items`` sorted in Vietnamese order of ``key(item)`` (a string)."""
    return sorted(items, key=lambda item: sort_key(key(item)))
