"""An embedded font's part in the Word file: its obfuscation key, the obfuscated bytes, and
for a fixed repertoire the part kept ready to write, deflated, in the font cache.

A fixed repertoire's subset (:mod:`briefbook.render.docx_repertoire`) is the same bytes in
every book, and so is its part: the key comes from the subset's bytes. Deflating those parts
again was most of the zip's time (mixed-100: 1.1 MB of fonts, about 20 ms a book, against
5 ms for its 2 MB of XML), so the cache keeps each part as the zip stores it, deflated
(at level 9: made once, so the smaller form costs no export anything) with its CRC-32 and
size, and :mod:`briefbook.render.zip_writer` writes it as it is. The part's bytes are those
the export deflated before; only their compressed form is smaller.
"""

from __future__ import annotations

import hashlib
import struct
import uuid
from collections.abc import Callable

from briefbook.render import font_cache
from briefbook.render.zip_writer import Deflated, deflated

# The deflate level of a kept part (and part of its cache key: another level, another entry).
PART_LEVEL = 9
# A kept part: the key (38 ASCII characters), CRC-32 and size of the part, then its deflated bytes.
_KEY_LENGTH = 38
_HEAD = struct.Struct("<LL")
KIND = f"odttf-z{PART_LEVEL}-1"

Cut = Callable[[str, int, frozenset[int]], bytes]


def font_key(data: bytes) -> str:
    """The GUID a font is obfuscated with. It only has to differ per font; it is made from the
    data, so a book's bytes repeat."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"


def obfuscate(data: bytes, key: str) -> bytes:
    """ECMA-376 font obfuscation: the first 32 bytes XORed with the GUID key, whose
    16 bytes are read from its hex digits in reverse order."""
    digits = key.strip("{}").replace("-", "")
    key_bytes = bytes.fromhex(digits)[::-1]
    head = bytes(b ^ key_bytes[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def kept_part(path: str, index: int, codes: frozenset[int], cut: Cut) -> tuple[str, Deflated]:
    """The key and the deflated part of font ``path`` (face ``index``) cut to ``codes``: from
    the font cache if it holds a verified copy, else cut with ``cut`` and kept."""

    def make(path: str, index: int, codes: frozenset[int]) -> bytes:
        data = cut(path, index, codes)
        key = font_key(data)
        part = deflated(obfuscate(data, key), PART_LEVEL)
        return key.encode("ascii") + _HEAD.pack(part.crc, part.size) + part.data

    record = font_cache.cached(path, index, codes, make, kind=KIND)
    head = _KEY_LENGTH + _HEAD.size
    crc, size = _HEAD.unpack(record[_KEY_LENGTH:head])
    return record[:_KEY_LENGTH].decode("ascii"), Deflated(record[head:], crc, size)
