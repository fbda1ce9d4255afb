"""Characters beyond Unicode's first plane in the editor's Markdown: emoji (📌, a flag 🇹🇭),
mathematical letters (𝐀) and the rarer Chinese characters of some names.

Qt counts a text's positions in UTF-16 units, two for each of them; a Python string counts
one. The editor's reading and writing steps (:mod:`.markdown_text`, :mod:`.markdown_writer`
and the modules they ask: stand-ins, code and link looks, strikes) index a block's Python
text with Qt's positions, so each such character before a mark moved the mark by one: a point
opened as "😀 **Bộ trưởng** gặp" was saved "😀 **ộ trưởng ** gặp", and "a `-5` b" lost its code.
While a text is read or written, each of them is a stand-in of one UTF-16 unit, one for each
different character, and the real ones are put back once the steps are done. The stand-ins
are Yi syllables (U+A000-U+A48C) the text does not hold: letters, which Qt's reader and
writer keep as they are (noncharacters and private-use ones are dropped or taken by the
other steps' own stand-ins). A text with more different such characters than free stand-ins
(over a thousand) is read and written as before.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

_STAND_INS = range(0xA000, 0xA48D)  # the Yi syllables


def holds(text: str) -> bool:
    """``text`` holds a character beyond the first plane (one C scan)."""
    return bool(text) and max(text) > "\uffff"


def qt_units(text: str) -> str:
    """``text`` as long as Qt counts it, each character beyond the first plane two noncharacters
    (U+FFFF: no letter, no space), so that an index into it is a position in Qt's text."""
    if not holds(text):
        return text
    return "".join(c if c <= "\uffff" else "\uffff\uffff" for c in text)


def mapping(text: str) -> dict[str, str] | None:
    """Astral character -> its stand-in, for each different one in ``text``; None if there are
    more of them than free stand-ins."""
    found = sorted({c for c in text if c > "\uffff"})
    stands: dict[str, str] = {}
    free = (chr(code) for code in _STAND_INS)
    for char in found:
        stand = next((s for s in free if s not in text), None)
        if stand is None:
            return None
        stands[char] = stand
    return stands


def hidden(text: str, stands: dict[str, str]) -> str:
    """``text`` with each astral character its stand-in."""
    return "".join(stands.get(c, c) for c in text)


def put_back(text: str, stands: dict[str, str]) -> str:
    """``text`` (Markdown) with each stand-in the character it stands for."""
    back = {s: c for c, s in stands.items()}
    return "".join(back.get(c, c) for c in text)


def document_text(document: QTextDocument, first=None, last=None) -> str:
    """The text of ``document``'s blocks ``first`` to ``last`` (all, by default)."""
    block = first if first is not None else document.begin()
    texts = []
    while block.isValid():
        texts.append(block.text())
        if last is not None and block == last:
            break
        block = block.next()
    return "\n".join(texts)


def hide_in(document: QTextDocument, stands: dict[str, str]) -> None:
    """Each astral character of ``document``'s text its stand-in, in its own format (a copy's)."""
    places = []  # (Qt position, character), in reading order
    block = document.begin()
    while block.isValid():
        text = block.text()
        if holds(text):
            at = block.position()
            for char in text:
                if char > "\uffff":
                    places.append((at, char))
                    at += 2
                else:
                    at += 1
        block = block.next()
    cursor = QTextCursor(document)
    for at, char in reversed(places):  # (from the end: the places before stay where they are)
        cursor.setPosition(at)
        cursor.setPosition(at + 2, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(stands[char], cursor.charFormat())


def put_back_in(document: QTextDocument, stands: dict[str, str]) -> None:
    """Each stand-in in ``document`` (its text and its links' addresses) the character it stands for."""
    back = {s: c for c, s in stands.items()}
    places = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            text, fmt = fragment.text(), fragment.charFormat()
            href = fmt.anchorHref()
            if any(s in back for s in text) or any(s in back for s in href):
                places.append((fragment.position(), fragment.length(), text, fmt))
            it += 1
        block = block.next()
    cursor = QTextCursor(document)
    for at, length, text, fmt in reversed(places):
        if fmt.isAnchor():
            fmt.setAnchorHref(put_back(fmt.anchorHref(), stands))
        cursor.setPosition(at)
        cursor.setPosition(at + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(put_back(text, stands), fmt)
