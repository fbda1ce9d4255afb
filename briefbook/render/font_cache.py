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

The fonts' character maps are kept the same way (:func:`cmap`), so that an export whose
parts all come from here never loads HarfBuzz.

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
import importlib.util
import os
import re
import sys
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
    stat = os.stat(path)
    name = f"{Path(path).name}|{stat.st_size}|{stat.st_mtime_ns}|{index}|{harfbuzz_version()}|{kind}|"
    return hashlib.sha256((name + _key_codes(codes)).encode()).hexdigest()[:40]


@functools.lru_cache(maxsize=16)
def _key_codes(codes: frozenset[int]) -> str:
    """The characters as the key spells them: a family's faces share them, and sorting and
    spelling 3,000 of them was most of a key's cost (0.36 ms; a book asks up to 16 keys)."""
    return ",".join(map(str, sorted(codes)))


@functools.cache
def harfbuzz_version() -> str:
    """uharfbuzz's ``__version__`` (part of every key: another HarfBuzz may cut otherwise),
    read from its ``_version.py`` without loading the package: importing it loads its 5 MB
    library, about 10 ms of a DOCX export whose fonts all come from the cache. Loaded, or
    when that file does not say it plainly, the package itself is asked."""
    module = sys.modules.get("uharfbuzz")
    if module is None:
        with contextlib.suppress(ImportError, OSError, ValueError):
            spec = importlib.util.find_spec("uharfbuzz")
            if spec is not None and spec.submodule_search_locations:
                source = Path(next(iter(spec.submodule_search_locations)), "_version.py")
                found = _VERSION.search(source.read_text(encoding="utf-8"))
                if found:
                    return found[1]
    import uharfbuzz

    return uharfbuzz.__version__


# What uharfbuzz's __init__ takes as __version__: "from ._version import version as __version__".
_VERSION = re.compile(r"""^(?:__version__\s*=\s*)?version\s*=\s*['"]([^'"\n]+)['"]\s*$""", re.M)


def cmap(path: str | Path, index: int = 0) -> frozenset[int]:
    """The characters font ``path`` (face ``index``) maps to glyphs, as HarfBuzz reads them
    (:func:`briefbook.render.font_files._cmap`), kept in the cache like a subset: a DOCX export
    asks for the body fonts' (and a script font's, when its text is met), and reading them
    was the one thing that still loaded HarfBuzz once the font parts were kept."""
    data = cached(str(path), index, frozenset(), _cmap_entry, kind=CMAP_KIND)
    try:
        return _from_spans(data)
    except ValueError:  # (a verified entry always reads; this only guards a foreign one)
        from briefbook.render.font_files import _cmap

        return _cmap(Path(path), index)


CMAP_KIND = "cmap-1"  # the code points as ranges: "32-126,160-383,..."


def _cmap_entry(path: str, index: int, _codes: frozenset[int]) -> bytes:
    from briefbook.render.font_files import _cmap

    return _to_spans(_cmap(Path(path), index)).encode("ascii")


def _to_spans(codes: frozenset[int]) -> str:
    """The code points as runs of consecutive ones, "32-126,160-383" (read by :func:`_from_spans`)."""
    spans: list[str] = []
    start = previous = None
    for code in sorted(codes):
        if previous is not None and code == previous + 1:
            previous = code
            continue
        if start is not None:
            spans.append(f"{start}-{previous}")
        start = previous = code
    if start is not None:
        spans.append(f"{start}-{previous}")
    return ",".join(spans)


def _from_spans(data: bytes) -> frozenset[int]:
    codes: list[int] = []
    for span in data.decode("ascii").split(",") if data else ():
        first, _, last = span.partition("-")
        codes.extend(range(int(first), int(last) + 1))
    return frozenset(codes)


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
