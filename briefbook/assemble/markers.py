"""Not-for-release markers: does a passage start with ``[NFR]`` (or its long forms)?

A marker is found however it was typed or pasted: after NFKC, case folding, look-alike
letters of other alphabets made Latin, without whitespace, format or control characters,
and without Markdown's emphasis and escape characters; tags typed before it and a task
box do not hide it. Asked of nearly every text of a book (the release gate, the
assembly, exchange packages), so the common answers are cheap: a text without an
opening bracket cannot hold one, short texts are memoised, long ones are folded only
as far as their start decides.
"""

from __future__ import annotations

import functools
import unicodedata

from briefbook.lazy_pattern import LazyPattern

# A passage that starts with one of these is background a reader must not quote:
# it is left out of every export made for sharing. Written as they compare (see _fold).
RESTRICTED_MARKERS = ("[nfr]", "[notforrelease]", "[khôngcôngbố]", "[khôngphổbiến]")

# What marks runs of a restricted passage while a field is parsed; replaced by the
# field's own origin, marked not for release, before the blocks leave this module.
_MARKUP = str.maketrans("", "", "*_~`\\")
_LEADING = LazyPattern(r"^(?:<[^<>]{0,40}>|\[[x ]?\])+")


# Letters of other alphabets that look like the Latin letters of the markers, as casefolded:
# Greek and Cyrillic capitals (Ν, Ϝ, Р, Н...), Latin small capitals (ɴ, ꜰ, ʀ) and the Cherokee
# and Latin-like letters a pasted or hostile "[ΝFR]" could hide behind. A marker written with
# them must still be found (a reader cannot tell the difference); Vietnamese letters are untouched.
_LOOKALIKES = str.maketrans(
    {
        "α": "a", "а": "a", "β": "b", "в": "b", "ϲ": "c", "с": "c", "ԁ": "d", "ε": "e", "е": "e",
        "ϝ": "f", "ꜰ": "f", "ғ": "f", "һ": "h", "н": "h", "η": "h", "ι": "i", "і": "i", "ɪ": "i",
        "ј": "j", "κ": "k", "к": "k", "ӏ": "l", "ʟ": "l", "μ": "m", "м": "m", "ν": "n", "ɴ": "n",
        "п": "n", "ο": "o", "о": "o", "ρ": "p", "р": "p", "ʀ": "r", "г": "r", "ѕ": "s", "τ": "t",
        "т": "t", "υ": "u", "ʏ": "y", "у": "y", "χ": "x", "х": "x", "ζ": "z",
    }
)  # fmt: skip


def _fold(text: str) -> str:
    """Text as markers compare: NFKC, casefolded, look-alike letters made Latin, without
    whitespace, format or control characters."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_LOOKALIKES)
    kept = (c for c in text if not c.isspace() and unicodedata.category(c) not in ("Cf", "Cc", "Zs"))
    return unicodedata.normalize("NFC", "".join(kept))


# Every marker starts with "[", and only these characters fold to one (NFKC, casefold:
# "[", the vertical presentation form and the fullwidth bracket; a test checks the set
# against the running Python's Unicode data). A text holding none of them holds no marker.
# Looked for with three substring searches, not a character class: an export asks this of
# every text it reads (690,000 characters at 100 meetings), and str's search is about ten
# times sre's class test per character; nor is a class beyond Latin-1 compiled at import
# (about 2.5 M instructions).


def may_hold_marker(text: str) -> bool:
    """False if no passage of ``text`` can start with a marker (it has no opening bracket)."""
    return "[" in text or "\ufe47" in text or "\uff3b" in text


def is_marked(text: str) -> bool:
    """True if ``text`` (source or plain text) starts with a not-for-release marker.

    Tags typed before it (``<b>``, shown as typed) and a task box (``[ ]``, ``[x]``) do not hide it.
    Short texts (titles, names: one book asks about the same ones tens of thousands of
    times, once for each origin it stamps) are answered from a memo of this pure function.
    """
    if not ("[" in text or "\ufe47" in text or "\uff3b" in text):  # (may_hold_marker, inline)
        return False
    if len(text) <= _MEMO_LENGTH:
        return _is_marked_memo(text)
    return _is_marked(text)


# A one-line value (a title, a name) pasted from a list, a quote, a heading or a table keeps
# that mark before its marker: "- [NFR] …", "> [NFR] …", "1. [NFR] …".
_LEAD = LazyPattern(r"^\s*(?:[>#*+|-]+|\d+[.)])\s*")


def starts_restricted(text: str) -> bool:
    """True if a one-line value (or a passage's source) starts with a marker, behind such a mark
    too: then the whole item is internal only, in a book and in an exchange package alike."""
    return may_hold_marker(text) and (is_marked(text) or is_marked(_LEAD.sub("", text)))


_MEMO_LENGTH = 256


# Folding a long text only to look at its start: the text is cut just before a printable
# ASCII character (never joined to what precedes it by normalisation or case folding, and
# kept by _fold), so the folded prefix is exactly the start of the folded whole. Once at
# least _DECIDED folded characters follow the leading tags and task boxes, the answer is
# the whole text's: a tag is decided within 42 characters, the longest marker within 14.
_ASCII_CUT = LazyPattern(r"[!-~]")
_FIRST_CUT = 96
_DECIDED = 48


def _is_marked(text: str) -> bool:
    cut = _FIRST_CUT
    while cut < len(text):
        at = _ASCII_CUT.search(text, cut)
        if at is None:
            break
        folded = _LEADING.sub("", _fold(text[: at.start()]).translate(_MARKUP))
        if len(folded) >= _DECIDED:
            return folded.startswith(RESTRICTED_MARKERS)
        cut = at.start() * 4
    return _is_marked_whole(text)


def _is_marked_whole(text: str) -> bool:
    folded = _LEADING.sub("", _fold(text).translate(_MARKUP))
    return folded.startswith(RESTRICTED_MARKERS)


_is_marked_memo = functools.lru_cache(maxsize=1 << 15)(_is_marked)
