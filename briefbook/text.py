"""Text hygiene shared by every part: what is stored, searched and rendered.

Users paste from Word, e-mail and web pages, so control characters, NFD
Vietnamese, lone surrogates and non-characters are normal input. We keep what a
reader can see and turn the rest into something harmless, never into an
exception and never by silently dropping visible text.
"""

from __future__ import annotations

import re
import unicodedata

# Characters XML 1.0 cannot hold (and which have no meaning in our text),
# except \t \n \r, and \x0b / \x0c which carry meaning (line / page break in Word).
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(text: str | None) -> str:
    """NFC-normalise and remove characters no document format can carry.

    ``\\x0b`` (vertical tab: Word's manual line break) becomes a newline and
    ``\\x0c`` (form feed) a paragraph break; ``\\r\\n`` becomes ``\\n``.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x0b", "\n").replace("\x0c", "\n\n")
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def clean_line(text: str | None) -> str:
    """Like :func:`clean` for one-line fields (titles, names): newlines and tabs become spaces."""
    return " ".join(clean(text).split())


# Letters that NFD does not decompose but a Vietnamese reader types without marks.
_EXTRA_FOLDS = str.maketrans(
    {"đ": "d", "Đ": "d", "ð": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss"}
)


def fold(text: str) -> str:
    """Lower-case and strip diacritics so that ``lua dao`` matches ``lừa đảo``.

    Thai and other scripts keep their combining marks: stripping a Thai vowel
    sign would change the word, not just its accent.
    """
    decomposed = unicodedata.normalize("NFD", text.lower()).translate(_EXTRA_FOLDS)
    out = []
    for ch in decomposed:
        if unicodedata.combining(ch) and _is_latin_mark(ch):
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def _is_latin_mark(ch: str) -> bool:
    # Combining diacritical marks block (U+0300-U+036F) and its supplements
    # are the accents of Latin, Greek and Cyrillic; other scripts' marks stay.
    cp = ord(ch)
    return (
        0x0300 <= cp <= 0x036F or 0x1AB0 <= cp <= 0x1AFF or 0x1DC0 <= cp <= 0x1DFF or 0x20D0 <= cp <= 0x20FF
    )


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` and return, for every folded character, its index in ``text``.

    Search snippets find matches in folded text and mark them in the original.
    """
    folded: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        f = fold(ch)
        folded.append(f)
        origin.extend([i] * len(f))
    return "".join(folded), origin


def has_unspaced_script(text: str) -> bool:
    """True if ``text`` has Thai, Lao, Khmer, Myanmar or CJK: scripts written without spaces."""
    return bool(_UNSPACED.search(text))


_UNSPACED = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
