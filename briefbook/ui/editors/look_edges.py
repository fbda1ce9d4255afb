"""Bold, italic and strike-through begin and end at a word, not at a space, in what is written.

Markdown opens "**", "*" and "~~" only before a word and closes them only after one: a bold
run ending in a space ("Bộ trưởng " made bold with the space after it, as a selection often
takes it, or pasted from Word) was written "**Bộ trưởng **ສົມພອນ", which the book prints with
its stars, the bold lost; likewise an italic beginning with a space, a strike ending in one
or in a line break typed. So in the writer's copy (and in a paste's document) the white space
at either end of such a run is taken out of its look: the text and the words' looks are the
same, the spaces plain. Code keeps its own spaces (inside its backticks), and a link its look
(``link_looks`` writes it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtGui import QFont, QTextBlock, QTextCharFormat, QTextCursor, QTextDocument

_LOOKS: tuple[tuple[Callable[[QTextCharFormat], bool], str, object], ...] = (
    (lambda f: f.fontWeight() > QFont.Weight.Normal, "setFontWeight", QFont.Weight.Normal),
    (QTextCharFormat.fontItalic, "setFontItalic", False),
    (QTextCharFormat.fontStrikeOut, "setFontStrikeOut", False),
)


def holds_edges(block: QTextBlock) -> bool:
    """Some bold, italic or struck run of ``block`` begins or ends with white space."""
    return next(_edges(block), None) is not None


def out_of_looks(document: QTextDocument) -> None:
    """Take the white space at the ends of each bold, italic or struck run of ``document``
    out of that look."""
    found = []
    block = document.begin()
    while block.isValid():
        found += list(_edges(block))
        block = block.next()
    cursor = QTextCursor(document)
    for start, end, setter, plain in found:
        off = QTextCharFormat()
        getattr(off, setter)(plain)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(off)


def _edges(block: QTextBlock) -> Iterator[tuple[int, int, str, object]]:
    """(start, end, setter, plain value) of the white space at an end of each run of ``block``
    in one of the looks, outside code and links."""
    fragments = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        fragments.append((fragment.position(), fragment.length(), fragment.text(), fragment.charFormat()))
        it += 1
    if not any(text[:1].isspace() or text[-1:].isspace() for _p, _n, text, _f in fragments):
        return
    for has, setter, plain in _LOOKS:
        run: list[tuple[int, int, str, QTextCharFormat]] = []
        for fragment in [*fragments, None]:
            if fragment is not None and has(fragment[3]):
                run.append(fragment)
                continue
            if run:
                for start, end in (_leading(run), _trailing(run)):
                    if end > start:
                        yield start, end, setter, plain
                run = []


def _kept(fmt: QTextCharFormat) -> bool:
    """Code or a link: its spaces are its own."""
    return fmt.fontFixedPitch() or fmt.isAnchor()


def _leading(run: list[tuple[int, int, str, QTextCharFormat]]) -> tuple[int, int]:
    start = end = run[0][0]
    for position, length, text, fmt in run:
        if _kept(fmt):
            break
        spaces = len(text) - len(text.lstrip())  # (white space is one UTF-16 unit each)
        end = position + spaces
        if spaces < length:
            break
    return start, end


def _trailing(run: list[tuple[int, int, str, QTextCharFormat]]) -> tuple[int, int]:
    end = start = run[-1][0] + run[-1][1]
    for position, length, text, fmt in reversed(run):
        if _kept(fmt):
            break
        spaces = len(text) - len(text.rstrip())
        start = position + length - spaces
        if spaces < length:
            break
    return start, end
