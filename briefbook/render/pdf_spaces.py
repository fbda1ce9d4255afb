"""The spaces a user typed, printed as typed: reportlab's ``Paragraph`` splits text into
words at any run of spaces and drops those at a line's start, so ``Việt    Nam`` printed
as ``Việt Nam`` and the spaces the book keeps at a paragraph's start (``&#32;``) or after a
typed line break were not printed at all, where Word prints each of them.

The PDF prints what the DOCX shows in Word: every space of a run takes a space's width,
spaces at a paragraph's (or a line's) start indent it, and lines still wrap between words.
Each space but the last of a run becomes a no-break space (U+00A0), which reportlab keeps
inside a word and stretches with the others in a justified line; the last stays the place
where a line may break, so a wrap leaves the run at the end of its line (as Word lets it
hang) and the next line starts with the word. Spaces at a line's start are all no-break.
One character for one, so a paragraph's runs keep their lengths (:func:`kept_runs`).
"""

from __future__ import annotations

import re

NBSP = "\u00a0"

# Each space of a run that a word follows on its line, but the run's last (two regular
# expressions, no call per run: one per run took 0.2 ms a paragraph of runs); and the last
# space of a run at a line's start (or a lone one there). Spaces at a line's end stay spaces:
# nothing follows to print them before, and a no-break space there would take room.
_INNER = re.compile(r" (?= +[^ \n])")
_LINE_START = re.compile(r"(?m)^(\u00a0*) ")


def kept_spaces(text: str) -> str:
    """``text`` with each space reportlab would drop made a no-break space (same length)."""
    if "  " in text:
        text = _INNER.sub(NBSP, text)
    if text.startswith(" ") or "\n " in text or "\u00a0 " in text:
        text = _LINE_START.sub("\\1" + NBSP, text)
    return text


def kept_runs(texts: list[str]) -> list[str]:
    """The texts of a paragraph's runs with their spaces kept as one text (a run of spaces
    may cross from a bold word into plain text), cut back at the runs' lengths."""
    if len(texts) < 2:
        return [kept_spaces(t) for t in texts]
    whole = "".join(texts)
    kept = kept_spaces(whole)
    if kept == whole:
        return texts
    out, at = [], 0
    for t in texts:
        out.append(kept[at : at + len(t)])
        at += len(t)
    return out
