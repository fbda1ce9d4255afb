"""What a PDF page draws, glyph by glyph, in the order of its content stream.

Each glyph is read as the text its font's ToUnicode gives it; a line is drawn from
left to right, so a text object's glyphs spell the line in visual order (the order
the eye meets them), which tests compare with the bidirectional algorithm's.
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
    lines: list[str] = []
    font = None
    for operands, op in ContentStream(pdf_page.get_contents(), reader).operations:
        if op == b"Tf":
            font = operands[0]
        elif op == b"BT":
            lines = [""]
        elif op == b"ET":
            objects.append([line for line in lines if line])
        elif op in (b"T*", b"Td", b"TD", b"Tm"):
            lines.append("")
        elif op in (b"Tj", b"TJ"):
            for item in operands[0] if op == b"TJ" else [operands[0]]:
                if isinstance(item, (str, bytes)):
                    raw = item.original_bytes if hasattr(item, "original_bytes") else bytes(item)
                    lines[-1] += "".join(maps.get(font, {}).get(b, chr(b)) for b in raw)
    return objects


def drawn_lines(path: Path, page: int = 0) -> list[str]:
    """Every line of text drawn on the page, in visual order."""
    return [line for obj in text_objects(path, page) for line in obj]
