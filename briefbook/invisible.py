"""Characters that are there but not seen: bidi controls and other invisible characters.

A name imported from someone else's file may carry U+202E (RIGHT-TO-LEFT OVERRIDE): shown raw,
it makes the rest of its line read backwards ("Lê Anh Tuấn\u202e terceS" reads "Secret"). Where
people read a name (a table cell, a preflight line, a package preview, a terminal) the
controls that reorder text are shown as ``<U+202E>``; the stored text, ``--json`` and the files
keep them. The marks that only lean (LRM, RLM, ALM) and the joiners (ZWJ, ZWNJ) are left:
Arabic, Persian and Indic text uses them, and they reorder nothing past a neutral.
"""

from __future__ import annotations

import re
import unicodedata

# Embeddings, overrides and isolates: each reorders the text after it.
REORDERING = re.compile("[\u202a-\u202e\u2066-\u2069]")

# Invisible characters that a short label (a classification level) has no reason to hold: every
# format and control character but the joiners, which some scripts' words need.
_JOINERS = frozenset("\u200c\u200d")


def visible_controls(text: str) -> str:
    """``text`` with each bidi embedding, override or isolate shown as ``<U+202E>``."""
    return REORDERING.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def reordering_controls(text: str) -> list[str]:
    """The bidi controls ``text`` holds, each once, as ``U+202E``, in the order met."""
    return list(dict.fromkeys(f"U+{ord(c):04X}" for c in REORDERING.findall(text or "")))


def _invisible(char: str) -> bool:
    """A format or control character, bar the joiners."""
    return char not in _JOINERS and unicodedata.category(char) in ("Cf", "Cc")


def invisible_characters(text: str) -> list[str]:
    """Every format or control character ``text`` holds (bar ZWJ and ZWNJ), each once, as
    ``U+200B``: what a level's label, printed on every page's banner, must not hide."""
    return list(dict.fromkeys(f"U+{ord(c):04X}" for c in text or "" if _invisible(c)))


def every_invisible_shown(text: str) -> str:
    """``text`` with each character :func:`invisible_characters` finds shown as ``<U+200B>``
    (for a message that refuses it: the user must see where it is)."""
    return "".join(f"<U+{ord(c):04X}>" if _invisible(c) else c for c in text)


_OPENS_EMBEDDING = frozenset("\u202a\u202b\u202d\u202e")  # LRE RLE LRO RLO, closed by PDF
_OPENS_ISOLATE = frozenset("\u2066\u2067\u2068")  # LRI RLI FSI, closed by PDI
_PDF, _PDI = "\u202c", "\u2069"


def closed_controls(text: str) -> str:
    """``text`` with every embedding, override or isolate it opens and leaves open closed at
    its end (U+202C, U+2069), so that it reorders only ``text``.

    A renderer writes each run so: a person's position holding a lone U+202E reversed the rest
    of its who's-who line in the PDF, Word and LibreOffice ("Đại ]trapretnuoC[ ứs"), the
    book's own words included. The controls the text holds are kept (the files keep what was
    stored), and text that closes what it opens is returned as it is.
    """
    if not text or REORDERING.search(text) is None:
        return text
    stack: list[str] = []
    for char in text:
        if char in _OPENS_EMBEDDING:
            stack.append(_PDF)
        elif char in _OPENS_ISOLATE:
            stack.append(_PDI)
        elif char == _PDF:
            if stack and stack[-1] == _PDF:  # (a PDF does not close past an isolate)
                stack.pop()
        elif char == _PDI:
            while stack and stack.pop() != _PDI:  # a PDI closes its isolate and what is inside
                pass
    return text + "".join(reversed(stack)) if stack else text
