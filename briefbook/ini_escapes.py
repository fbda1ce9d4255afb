"""QSettings' escapes of INI values and keys, without Qt (Qt 6's ``iniEscapedString``,
``iniUnescapedStringList``, ``iniEscapedKey`` and ``iniUnescapedKey``): C-style escapes in
values (``\\n``, ``\\"``, ``\\x1f``), quoted when they hold ``;``, ``,`` or ``=`` or start or
end with a space, a leading ``@`` doubled; keys escaped with ``%XX``/``%UXXXX``.

A module of its own: :mod:`briefbook.settings_ini` reads and writes the file's lines under Qt's
lock, and this is the character-level part it and the tests share.
"""

from __future__ import annotations

_ESCAPE_CODES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_ESCAPE_CODES.update({'"': '"', "?": "?", "'": "'", "\\": "\\"})
_WRITE_ESCAPES = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v"}
_HEX = "0123456789abcdefABCDEF"


def escape_value(text: str) -> str:
    """A string as QSettings writes it (``variantToString`` then ``iniEscapedString``)."""
    if "\0" in text:
        raise ValueError("a setting cannot hold a NUL character")
    if text.startswith("@"):
        text = "@" + text
    out: list[str] = []
    quotes = False
    escape_next_if_digit = False
    for number, ch in enumerate(text):
        if ch in ";,=":
            quotes = True
        if number == 0 and ch == "\ufeff":
            # Qt's writer drops a value's first U+FEFF (its UTF-8 encoder takes it for a
            # byte-order mark), so QSettings cannot keep it; escaped, QSettings reads it back.
            out.append("\\xfeff")
            escape_next_if_digit = True
            continue
        if escape_next_if_digit and ch in _HEX:
            out.append(f"\\x{ord(ch):x}")
            continue
        escape_next_if_digit = False
        if ch in _WRITE_ESCAPES:
            out.append(_WRITE_ESCAPES[ch])
        elif ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) <= 0x1F:
            out.append(f"\\x{ord(ch):x}")
            escape_next_if_digit = True
        else:
            out.append(ch)
    written = "".join(out)
    if quotes or written.startswith(" ") or written.endswith(" "):
        written = f'"{written}"'
    return written


def unescape_value(raw: str) -> str | list[str]:
    """What QSettings reads from a value's text: a string, or a list where it has unquoted commas."""
    items: list[str] = []
    current: list[str] = []
    is_list = False
    in_quotes = False
    quoted = False
    chop_limit = 0
    i, n = 0, len(raw)

    def chop() -> None:
        while len(current) > chop_limit and current[-1] in " \t":
            current.pop()

    while i < n and raw[i] in " \t":
        i += 1
    while i < n:
        ch = raw[i]
        if ch == "\\":
            i += 1
            if i >= n:
                break
            ch = raw[i]
            i += 1
            if ch in _ESCAPE_CODES:
                current.append(_ESCAPE_CODES[ch])
                chop_limit = len(current)
                continue
            if ch == "x":
                value, start = 0, i
                while i < n and raw[i] in _HEX:
                    value = (value * 16 + int(raw[i], 16)) & 0xFFFF
                    i += 1
                if i > start:
                    current.append(chr(value))
            elif ch in "01234567":
                value = int(ch)
                while i < n and raw[i] in "01234567":
                    value = (value * 8 + int(raw[i])) & 0xFFFF
                    i += 1
                current.append(chr(value))
            chop_limit = len(current)
        elif ch == '"':
            i += 1
            quoted = True
            in_quotes = not in_quotes
            if not in_quotes:
                while i < n and raw[i] in " \t":
                    i += 1
                chop_limit = len(current)
        elif ch == "," and not in_quotes:
            if not quoted:
                chop()
            is_list = True
            items.append("".join(current))
            current.clear()
            quoted = False
            chop_limit = 0
            i += 1
            while i < n and raw[i] in " \t":
                i += 1
        else:
            j = i + 1
            while j < n and raw[j] not in '\\",':
                j += 1
            current.extend(raw[i:j])
            i = j
    if not quoted:
        chop()
    if is_list:
        items.append("".join(current))
        return items
    return "".join(current)


def string_value(raw: str) -> str | None:
    """A value read as the string Settings would get (``stringToVariant``); None if it is not one."""
    value = unescape_value(raw)
    if isinstance(value, list):
        return None
    if value.startswith("@"):
        if value.startswith("@String(") and value.endswith(")"):
            return value[8:-1]
        return value[1:] if value.startswith("@@") else None
    return value


def escape_key(key: str) -> str:
    """A section or key name as QSettings writes it (``iniEscapedKey``)."""
    out = []
    for ch in key:
        code = ord(ch)
        if ch == "/":
            out.append("\\")
        elif (ch.isascii() and ch.isalnum()) or ch in "_-.":
            out.append(ch)
        elif code <= 0xFF:
            out.append(f"%{code:02X}")
        else:
            out.append(f"%U{code:04X}")
    return "".join(out)


def unescape_key(raw: str) -> str:
    """A section or key name as QSettings reads it (``iniUnescapedKey``)."""
    out, i, n = [], 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch == "\\":
            out.append("/")
            i += 1
            continue
        if ch != "%" or i == n - 1:
            out.append(ch)
            i += 1
            continue
        first, digits = i + 1, 2
        if raw[i + 1] == "U":
            first, digits = i + 2, 4
        chunk = raw[first : first + digits]
        if len(chunk) == digits and all(c in _HEX for c in chunk):
            out.append(chr(int(chunk, 16)))
            i = first + digits
        else:
            out.append("%")
            i += 1
    return "".join(out)
