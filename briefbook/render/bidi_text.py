"""A paragraph's direction, by the one rule both renderers use (UAX #9, rules P2 and P3).

Kept apart from :mod:`briefbook.render.bidi_lines` (which lays out the PDF's lines and
needs reportlab) so that the Word renderer asks the same question without loading
reportlab: a DOCX-only export never imports it.
"""

from __future__ import annotations

import re
import unicodedata

from briefbook.lazy_pattern import LazyPattern

RTL = LazyPattern("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
# The explicit bidirectional formatting characters: read by the algorithm, never drawn.
CONTROLS = LazyPattern("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# Styles of lines the book builds in its own language: a statement's credit line ("— name,
# date"), a brief's number and kind, a profile's labelled facts ("note"), and the lines with a
# leader and a page number at the right margin, contents entries ("toc1".."toc3") and
# cross-references such as a who's-who line ("xref"). They stay left to right whatever name
# they start with (a credit "— فيصل, 18/06/2025" was laid out from the right, its date
# first); what the user wrote in Arabic reads from the right. Both renderers ask this set.
BOOK_LINE_STYLES = frozenset({"note", "toc1", "toc2", "toc3", "xref"})


def needs_bidi(text: str) -> bool:
    """True when ``text`` holds right-to-left letters or explicit bidi controls."""
    return RTL.search(text) is not None or CONTROLS.search(text) is not None


def first_strong_is_rtl(text: str) -> bool:
    """True when the paragraph's direction from its first strong letter, skipping
    isolates, is right-to-left (rules P2, P3)."""
    if not needs_bidi(text):
        return False
    from bidi import get_base_level  # python-bidi, only for text that may be right-to-left

    return get_base_level(text) == 1


_ISOLATES = frozenset("\u2066\u2067\u2068")  # LRI, RLI, FSI; each closed by a PDI (U+2069)


def reads_from_right(text: str) -> bool:
    """True when a paragraph of the book is laid out right to left: the book's language
    sets the direction (a book is in Vietnamese or English: left to right), and only a
    paragraph written in a right-to-left script reads from the right: its first strong
    letter right to left, and more of its words right to left than left to right
    (outside isolates); one with no left-to-right letter at all always does.

    Unicode's first-strong rule alone (P2, P3) turned a Vietnamese paragraph that begins
    with an Arabic name, or with a right-to-left mark kept in a name, into a right-to-left
    one: right-aligned, its Vietnamese words laid out from the right. Under this rule the
    name stays a right-to-left run, its letters in order, inside a left-to-right line. An
    Arabic statement or biography still starts at the right, also when it quotes "UN 2025"
    or "ASEAN" in Latin letters (counting words, not requiring none, as a reader judges a
    line's language). Both renderers ask it.
    """
    if not first_strong_is_rtl(text):
        return False
    depth = 0
    words = {"L": 0, "R": 0}
    last = ""  # the direction of the strong letter just before, "" after anything else
    for char in text:
        if char in _ISOLATES:
            depth += 1
        elif char == "\u2069":
            depth = max(0, depth - 1)
        elif not depth:
            kind = unicodedata.bidirectional(char)
            if kind == "NSM":  # a combining mark belongs to the letter before it
                continue
            side = "L" if kind == "L" else "R" if kind in ("R", "AL") else ""
            if side and side != last:
                words[side] += 1
            last = side
    return words["L"] == 0 or words["R"] > words["L"]


# Right-to-left letters and controls in one class: one C scan per run in the Word
# renderer's loop over every paragraph (docx_blocks), which nearly always finds neither (and
# then RTL and CONTROLS, each 2-4 M instructions to compile, are never compiled).
RTL_OR_CONTROL = re.compile(RTL.pattern[:-1] + CONTROLS.pattern[1:])
