"""Which of a strike and the bold or italic of the same text was written outside the other.

The book reads ``~~**Hà**~~`` and ``**~~Hà~~**`` alike, and so does the editor: the same text
struck and bold, with nothing in its format of which marks came first. The writer put a
strike's "~~" inside the looks that hold all of it (``struck.in_copy``), so the first was
saved as the second, a change no one made (``~~**[ສົມພອນ](u)**~~`` too, and so on at every
save after an edit elsewhere). So where the book's strike opens just before a bold or italic
that closes just before it closes, its text is read with :data:`INSIDE` naming those looks,
and the writer leaves them off the strike's stand-ins (its "~~" outside their marks), unless
the look goes on past the strike, where its marks must hold all of it.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

INSIDE = QTextFormat.Property.UserProperty + 0x0575  # the looks a strike's marks were outside of
BOLD, ITALIC = 1, 2
_PROPERTY = {BOLD: QTextFormat.Property.FontWeight, ITALIC: QTextFormat.Property.FontItalic}


def remember(
    document: QTextDocument,
    marks: list[tuple[int, str]],
    strike: tuple[str, str],
    opens: dict[str, int],
    closes: dict[str, int],
) -> None:
    """Mark the text of each strike of ``document`` with the looks whose stand-ins are right
    inside its own. ``marks``: (position, stand-in) of ``struck.marked``'s stand-ins, still in
    the text; ``strike``: the stand-ins that open and close a strike (between its two tildes);
    ``opens``, ``closes``: the look each stand-in of emphasis opens or closes."""
    opening = {at: opens[char] for at, char in marks if char in opens}
    closing = {at: closes[char] for at, char in marks if char in closes}
    if not opening or not closing:
        return
    cursor = QTextCursor(document)
    depth, start = 0, 0
    for at, char in marks:
        if char == strike[0]:
            if depth == 0:
                start = at + 2  # (its text: after its second tilde)
            depth += 1
        elif char == strike[1] and depth:
            depth -= 1
            end = at - 1  # (before its first tilde)
            looks = _run(opening, start, 1) & _run(closing, end - 1, -1) if depth == 0 else 0
            if looks and end > start:
                fmt = QTextCharFormat()
                fmt.setProperty(INSIDE, looks)
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)


def _run(stand_ins: dict[int, int], at: int, step: int) -> int:
    """The looks of the stand-ins in a row from ``at`` on (``step`` -1: back from it)."""
    looks = 0
    while at in stand_ins:
        looks |= stand_ins[at]
        at += step
    return looks


def left_off(formats: list[QTextCharFormat], around: list[QTextCharFormat]) -> set:
    """The properties of the looks to leave off a strike's stand-ins: those its text (of
    ``formats``) was marked :data:`INSIDE` all through, which the text ``around`` it has not."""
    looks = ITALIC | BOLD
    for fmt in formats:
        value = fmt.property(INSIDE)
        looks &= value if isinstance(value, int) else 0
    out = set()
    for look, prop in _PROPERTY.items():
        if looks & look and not any(_has(fmt, look) for fmt in around):
            out.add(prop)
    return out


def _has(fmt: QTextCharFormat, look: int) -> bool:
    return fmt.fontItalic() if look == ITALIC else fmt.fontWeight() > QFont.Weight.Normal
