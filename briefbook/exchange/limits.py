"""Reading untrusted files within limits: sizes are enforced while reading, never after.

A file someone sends may be a zip bomb, a 10 GB "document" or /dev/zero; we
read at most a limit plus one byte and refuse, in plain words, what is bigger.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from briefbook.errors import BriefBookError

CHUNK = 1 << 20


class TooLarge(BriefBookError):
    """A file (or a part of one) is bigger than BriefBook accepts."""


def megabytes(limit: int) -> str:
    return f"{limit / (1 << 20):,.0f} MB"


def read_bounded(stream: BinaryIO, limit: int, what: str) -> bytes:
    """Read a stream to its end, refusing it as soon as it passes ``limit`` bytes."""
    parts: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(CHUNK, limit + 1 - total))
        if not chunk:
            break
        total += len(chunk)
        if total > limit:
            raise TooLarge(f"{what} is larger than {megabytes(limit)}; BriefBook does not read it.")
        parts.append(chunk)
    return b"".join(parts)


def read_file(path: str | Path, limit: int, what: str | None = None) -> bytes:
    """A whole file, bounded while reading (a device or a growing file cannot exhaust memory)."""
    path = Path(path)
    what = what or f"The file {path.name}"
    if path.is_dir():
        raise BriefBookError(f"{path} is a folder, not a file.")
    if not path.exists():
        raise BriefBookError(f"There is no file at {path}.")
    with open(path, "rb") as stream:
        return read_bounded(stream, limit, what)


def file_size_ok(path: str | Path, limit: int, what: str) -> None:
    """Refuse early a regular file that is already too big (reading is bounded anyway)."""
    try:
        size = os.stat(path).st_size
    except OSError:
        return
    if size > limit:
        raise TooLarge(f"{what} is larger than {megabytes(limit)}; BriefBook does not read it.")
