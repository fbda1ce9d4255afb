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

The folder stays bounded. An entry's modification time is the last time an export used it
(refreshed at most once a day, so a warm export writes nothing). Whenever an entry is added,
entries unused for :data:`MAX_AGE_DAYS` go (those of an earlier BriefBook, HarfBuzz or font
file, whose names no export asks for again, among them), and beyond :data:`MAX_BYTES` the least
recently used go first; a half-written ``.part-`` file left by a stopped process goes after an
hour. Another process that was about to read a removed entry only cuts its subset again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

FOLDER = "font-cache"
_DIGEST = 32
MAX_AGE_DAYS = 60  # an entry no export used for this long is removed
MAX_BYTES = 64_000_000  # beyond this, the least recently used entries are removed
_TOUCH_AFTER = 86_400  # seconds: a used entry's time is refreshed at most once a day
_PART_AGE = 3_600  # seconds: a ".part-" file older than this was left by a stopped process


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
        _used(file)
        return data
    data = make(path, index, codes)
    with contextlib.suppress(OSError):  # a read-only or full data folder: no cache, same file
        _write(file, data + hashlib.sha256(data).digest())
        prune(file.parent, keep=file)
    return data


def _used(file: Path) -> None:
    """Mark ``file`` as used now (its modification time), so pruning keeps what exports use."""
    with contextlib.suppress(OSError):
        if time.time() - file.stat().st_mtime > _TOUCH_AFTER:
            os.utime(file)


def prune(folder: Path, keep: Path | None = None) -> list[Path]:
    """Remove the entries of ``folder`` unused for :data:`MAX_AGE_DAYS`, then the least recently
    used until the rest is within :data:`MAX_BYTES` (``keep``, the entry just made, stays), and
    the ``.part-`` files a stopped process left. Returns what was removed. Never raises: an
    entry another process removed first, or one that cannot be removed, is passed over."""
    now = time.time()
    entries: list[tuple[float, int, Path]] = []
    removed: list[Path] = []
    try:
        listing = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in listing:
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            stat = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        path = Path(entry.path)
        if entry.name.startswith(".part-"):
            if now - stat.st_mtime > _PART_AGE and _remove(path):
                removed.append(path)
        elif path != keep and _is_entry(entry.name):
            entries.append((stat.st_mtime, stat.st_size, path))
    total = sum(size for _mtime, size, _path in entries)
    with contextlib.suppress(OSError):
        total += keep.stat().st_size if keep is not None else 0
    for mtime, size, path in sorted(entries):  # oldest use first
        if now - mtime <= MAX_AGE_DAYS * 86_400 and total <= MAX_BYTES:
            break
        if _remove(path):
            removed.append(path)
            total -= size
    return removed


def _is_entry(name: str) -> bool:
    """One of ours (40 hexadecimal digits, a dot, its kind): nothing else in the folder is touched."""
    stem, dot, _kind = name.partition(".")
    return bool(dot) and len(stem) == 40 and all(c in "0123456789abcdef" for c in stem)


def _remove(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    return True


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
