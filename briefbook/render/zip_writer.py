"""A small zip writer for the exported Word files, which can take a member already deflated.

A Word file embeds up to sixteen font parts that are the same bytes in every book (the fixed
repertoires, :mod:`briefbook.render.docx_repertoire`); deflating them again was the larger
half of writing the zip (mixed-100: about 20 ms of its 1.1 MB of fonts, against 5 ms for its
2 MB of XML). :mod:`zipfile` can only take a member's compressed bytes through its internals,
so this module writes the zip itself: a local header and the data for each member, then the
central directory and its end record, with the same fields :mod:`zipfile` writes for
:func:`briefbook.render.docx_xml.zip_info` members (a test compares the bytes).

No Zip64: a Word file of 4 GB or 65,535 parts is refused in words rather than written in a
form Word does not open.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from typing import IO

from briefbook.errors import BriefBookError
from briefbook.shared_methods import dataclass

_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20  # deflate: what zipfile writes as "made by" and "needed to extract"
_UTF8_NAME = 0x800
# Unix mode rw------- in the upper half, as zipfile.writestr gives a ZipInfo without one.
_ATTRIBUTES = 0o600 << 16
_LIMIT = 0xFFFFFFFF  # past this, sizes and offsets need Zip64
_MAX_MEMBERS = 0xFFFF


@dataclass(frozen=True, slots=True)
class Deflated:
    """A member's bytes already deflated (raw deflate, no zlib header), with the CRC-32 and
    size of the bytes it stands for."""

    data: bytes
    crc: int
    size: int


def deflated(data: bytes, level: int) -> Deflated:
    """``data`` deflated at zlib ``level`` as :mod:`zipfile` deflates a member."""
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return Deflated(packer.compress(data) + packer.flush(), zlib.crc32(data), len(data))


def inflated(member: Deflated) -> bytes:
    """The bytes ``member`` stands for."""
    return zlib.decompress(member.data, -15)


def write_members(
    fh: IO[bytes],
    members: Iterable[tuple[str, bytes | Deflated]],
    date_time: tuple[int, int, int, int, int, int],
    level: int,
) -> None:
    """Write the members to ``fh`` as a zip, each dated ``date_time``: bytes deflated at
    ``level``, a :class:`Deflated` member as it is."""
    year, month, day, hour, minute, second = date_time
    dos_date = (year - 1980) << 9 | month << 5 | day
    dos_time = hour << 11 | minute << 5 | second // 2
    directory: list[bytes] = []
    offset = 0
    for name, data in members:
        member = data if isinstance(data, Deflated) else deflated(data, level)
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), _UTF8_NAME
        if max(offset, member.size, len(member.data)) >= _LIMIT or len(directory) >= _MAX_MEMBERS:
            raise BriefBookError(
                "The Word file would be larger than 4 GB (or hold more than 65,535 parts), which "
                "Word cannot open. Leave out some pictures or split the book."
            )
        fields = (flags, zlib.DEFLATED, dos_time, dos_date, member.crc, len(member.data), member.size)
        header = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, *fields, len(encoded), 0)
        fh.write(header)
        fh.write(encoded)
        fh.write(member.data)
        central = _CENTRAL.pack(
            b"PK\x01\x02", _VERSION, 0, _VERSION, 0, *fields, len(encoded), 0, 0, 0, 0, _ATTRIBUTES, offset
        )
        directory.append(central + encoded)
        offset += len(header) + len(encoded) + len(member.data)
    listing = b"".join(directory)
    if offset + len(listing) >= _LIMIT:
        raise BriefBookError(  # the same words as above (the window's: ui/export_messages)
            "The Word file would be larger than 4 GB (or hold more than 65,535 parts), which "
            "Word cannot open. Leave out some pictures or split the book."
        )
    fh.write(listing)
    fh.write(_END.pack(b"PK\x05\x06", 0, 0, len(directory), len(directory), len(listing), offset, 0))
