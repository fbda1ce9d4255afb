"""What a PDF page draws, glyph by glyph, from the left of each line.

Each glyph is read as the text its font's ToUnicode gives it. A line is drawn from
left to right; a bidirectional line's pieces are written in the order of the text,
each after a move (``Td``) to where it is drawn (pdf_writing), so the pieces are put
back in the order of their places: the line in visual order (the order the eye meets
the glyphs), which tests compare with the bidirectional algorithm's.
"""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream

_ENTRY = re.compile(r"<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]*)>")


def text_objects(path: Path, page: int = 0) -> list[list[str]]:
    """Each text object (BT ... ET) of the page: its lines, each the text of its glyphs in order."""
    reader = PdfReader(path)
    pdf_page = reader.pages[page]
    maps: dict[str, dict[int, str]] = {}
    for name, font in pdf_page["/Resources"]["/Font"].items():
        unicode = font.get_object().get("/ToUnicode")
        entries: dict[int, str] = {}
        if unicode is not None:
            for code, text in _ENTRY.findall(unicode.get_object().get_data().decode("latin-1")):
                entries[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be", "replace")
        maps[name] = entries
    objects: list[list[str]] = []
    lines: list[list[tuple[float, int, str]]] = []
    font = None
    origin = 0.0  # the line's origin, moved by Td along the line
    seq = 0
    for operands, op in ContentStream(pdf_page.get_contents(), reader).operations:
        if op == b"Tf":
            font = operands[0]
        elif op == b"BT":
            lines, origin = [[]], 0.0
        elif op == b"ET":
            objects.append([_join(line) for line in lines if _join(line)])
        elif op in (b"Td", b"TD") and float(operands[1]) == 0:
            origin += float(operands[0])  # along the line: a piece written where it is drawn
        elif op in (b"T*", b"Td", b"TD", b"Tm"):
            lines.append([])
            origin = 0.0
        elif op in (b"Tj", b"TJ"):
            for item in operands[0] if op == b"TJ" else [operands[0]]:
                if isinstance(item, (str, bytes)):
                    raw = item.original_bytes if hasattr(item, "original_bytes") else bytes(item)
                    seq += 1
                    lines[-1].append((origin, seq, "".join(maps.get(font, {}).get(b, chr(b)) for b in raw)))
    return objects


def _join(line: list[tuple[float, int, str]]) -> str:
    """A line's pieces from the left: by where each was written, then in the order written."""
    return "".join(text for _x, _n, text in sorted(line))


def drawn_lines(path: Path, page: int = 0) -> list[str]:
    """Every line of text drawn on the page, in visual order."""
    return [line for obj in text_objects(path, page) for line in obj]
