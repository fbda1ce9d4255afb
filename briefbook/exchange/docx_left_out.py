"""What a Word document shows that an import does not keep, said by kind with where it was.

BriefBook imports a document's text (:mod:`.docx_reader`). A picture, a chart, an embedded
object, an equation or a footnote is not text it can keep in a talking point or a statement;
before, each vanished without a word, and a desk officer who pasted a chart of scam losses
under a point found the point in the book with no trace of it. Each kind is said once, with
how many there are and the words just before the first, so it can be found in the file.
"""

from __future__ import annotations

from collections.abc import Iterator

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TEXT = frozenset({_W + "t", _W + "tab", _W + "br"})

# A drawing or old-style picture that holds a text box is a text box: its text is imported.
_PICTURES = frozenset({_W + "drawing", _W + "pict", _W + "object"})
_NOTES = frozenset({_W + "footnoteReference", _W + "endnoteReference"})
_EQUATIONS = frozenset({_M + "oMathPara", _M + "oMath"})

_SAID = {
    "picture": "Pictures, charts and objects in {name} are left out (BriefBook imports text only): "
    "{count}, the first after “{before}”.",
    "note": "Footnotes and endnotes in {name} are left out (copy them into the text to keep them): "
    "{count}, the first after “{before}”.",
    "equation": "Equations in {name} are left out (BriefBook imports text only): "
    "{count}, the first after “{before}”.",
}
_BEFORE = 60  # characters of the text before the first one, enough to find it in Word


def left_out_notes(name: str, document) -> list[str]:
    """One message for each kind of thing in ``document`` that the import leaves out."""
    found: dict[str, list[str]] = {}
    for kind, before in _left_out(document.element.body):
        found.setdefault(kind, []).append(before)
    return [
        _SAID[kind].format(name=name, count=len(found[kind]), before=found[kind][0])
        for kind in _SAID
        if kind in found
    ]


def _left_out(body) -> Iterator[tuple[str, str]]:
    """(kind, the text just before it) for each thing left out, in reading order."""
    text: list[str] = []

    def before() -> str:
        words = " ".join("".join(text).split())
        if len(words) <= _BEFORE:
            return words
        tail = words[-_BEFORE:]
        # whole words where there are spaces to cut at (Thai and Lao have none between words)
        return "…" + (tail.split(" ", 1)[1] if " " in tail[1:] else tail)

    def walk(element) -> Iterator[tuple[str, str]]:
        for child in element.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag == _MC_FALLBACK or tag == _W + "del":
                continue  # a comment, the old-style copy of a drawing, tracked deletions
            if tag in _PICTURES and next(child.iter(_W + "txbxContent"), None) is None:
                yield "picture", before()
                continue
            if tag in _NOTES:
                yield "note", before()
                continue
            if tag in _EQUATIONS:
                yield "equation", before()
                continue
            if tag in _TEXT:
                text.append(child.text or " ")
            elif tag == _W + "p" and text:
                text.append(" ")
            yield from walk(child)

    yield from walk(body)
