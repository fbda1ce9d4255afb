"""The fixed font subsets a Word file embeds, made once and kept in BriefBook's data folder.

A font embedded under its own name holds a fixed repertoire
(:mod:`briefbook.render.docx_repertoire`), so its subset is the same for every book: cutting
it again costs each export from the command line (a new process) a few milliseconds per face,
and a book embeds up to eight body faces. The subset is kept in ``font-cache/`` in the data
folder, named after what it is cut from (the font file's name, size and modification time,
the face, the HarfBuzz version and the characters), and followed by the SHA-256 of its bytes:
a file that does not match its hash (a half-written or damaged copy) is cut again and
replaced. The cache is only a saving: when the folder cannot be read or written, the subset
is cut as before.

What is kept for the Word file is the font's part itself, obfuscated and deflated, with its key
and CRC (:mod:`briefbook.render.docx_font_parts`: ``kind`` names that form, and is part of the
entry's name, so a change of form or level makes new entries rather than misreading old ones).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

FOLDER = "font-cache"
_DIGEST = 32


def cached(
    path: str,
    index: int,
    codes: frozenset[int],
    make: Callable[[str, int, frozenset[int]], bytes],
    kind: str = "ttf",
) -> bytes:
    """What ``make(path, index, codes)`` makes of font ``path`` (face ``index``) cut to
    ``codes`` (a ``kind`` of thing: ``ttf`` the subset itself; see
    :mod:`briefbook.render.docx_font_parts` for the Word file's ready parts): from the cache
    if it holds a verified copy, else made and kept for next time."""
    try:
        file = _folder() / f"{_key(path, index, codes, kind)}.{kind}"
    except OSError:
        return make(path, index, codes)
    try:
        stored = file.read_bytes()
    except OSError:
        stored = b""
    data, digest = stored[:-_DIGEST], stored[-_DIGEST:]
    if data and hashlib.sha256(data).digest() == digest:
        return data
    data = make(path, index, codes)
    with contextlib.suppress(OSError):  # a read-only or full data folder: no cache, same file
        _write(file, data + hashlib.sha256(data).digest())
    return data


def _folder() -> Path:
    from briefbook.paths import data_dir

    folder = data_dir() / FOLDER
    folder.mkdir(exist_ok=True)
    return folder


def _key(path: str, index: int, codes: frozenset[int], kind: str) -> str:
    import uharfbuzz as hb

    stat = os.stat(path)
    name = f"{Path(path).name}|{stat.st_size}|{stat.st_mtime_ns}|{index}|{hb.__version__}|{kind}|"
    return hashlib.sha256((name + _spans(codes)).encode()).hexdigest()[:40]


@functools.lru_cache(maxsize=16)
def _spans(codes: frozenset[int]) -> str:
    """The characters as the key spells them: a family's faces share them, and sorting and
    spelling 3,000 of them was most of a key's cost (0.36 ms; a book asks up to 16 keys)."""
    return ",".join(map(str, sorted(codes)))


def _write(file: Path, blob: bytes) -> None:
    """Written beside and renamed over, so a reader never sees half a file."""
    handle, temp = tempfile.mkstemp(dir=file.parent, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(blob)
        os.replace(temp, file)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
