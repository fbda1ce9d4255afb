"""Where an export's files go: their names from a book's title, the folder they are written
to, and the temporary files a stopped export left beside them. A part of :mod:`briefbook.export`
(which re-exports these names), kept apart so that each file holds one job.
"""

from __future__ import annotations

import os
import re
import time
import unicodedata
from pathlib import Path

from briefbook.errors import BriefBookError, ValidationError
from briefbook.lazy_pattern import LazyPattern


def targets_for(target: str | Path, formats: tuple[str, ...]) -> dict[str, Path]:
    """``book.pdf`` with both formats → book.pdf and book.docx (the suffix is set per format)."""
    target = Path(target)
    base = target.with_suffix("") if target.suffix.lower() in (".pdf", ".docx") else target
    return {fmt: base.with_name(base.name + "." + fmt) for fmt in formats}


_UNSAFE_IN_NAMES = LazyPattern(r'[\x00-\x1f\x7f<>:"/\\|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]')
_RESERVED_NAMES = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}
MAX_NAME_BYTES = 180  # a file name from a title: well inside every file system's 255


def safe_file_name(title: str) -> str:
    """A file name made from a book's title, safe on Windows, macOS and Linux (no folder, no device).

    Letters of every script are kept (Vietnamese, Thai); separators, control and bidi
    characters, and the characters Windows forbids become spaces; the name is cut
    (whole characters) to fit any file system; an empty result is "book".
    """
    name = unicodedata.normalize("NFC", _UNSAFE_IN_NAMES.sub(" ", title))
    name = " ".join(name.split()).strip(" .")
    while len(name.encode("utf-8")) > MAX_NAME_BYTES:
        name = name[:-1]
    name = name.rstrip(" .")
    if not name or name.split(".")[0].lower() in _RESERVED_NAMES:
        name = f"book {name}".strip()
    return name


def resolve_target(target: str | Path, title: str) -> Path:
    """Where an export goes: a file name (its suffix is set per format), or a folder (``FOLDER/``,
    or the name of a folder that exists, not ending in .pdf or .docx): a file named after the
    book's title in that folder.
    An empty target is refused."""
    text = str(target)
    if not text.strip():
        raise ValidationError(
            "Say where to save the book: a file name (-o book.pdf) or a folder ending in / (-o out/).",
            "target",
        )
    named = Path(text).expanduser()
    # A folder that exists is "in that folder", unless the name says a file (book.pdf): a folder
    # called book.pdf in the way is refused below (check_target_folder), not written into.
    if text.endswith(("/", os.sep)) or (named.is_dir() and named.suffix.lower() not in (".pdf", ".docx")):
        folder = named
        if not folder.is_dir():
            raise BriefBookError(f"Cannot export to {text}: the folder {folder} does not exist.")
        return folder / safe_file_name(title)
    return Path(text).expanduser()


def check_target_folder(path: Path) -> None:
    """Refuse early, in plain words, a target we could not write (before any work is done)."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise BriefBookError(f"{path} is a folder; choose a file name to export to.")
    if not folder.is_dir():
        raise BriefBookError(f"Cannot export to {path}: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BriefBookError(f"Cannot export to {path}: the folder {folder} is read-only.")
    if path.exists() and not os.access(path, os.W_OK):
        raise BriefBookError(f"Cannot export to {path}: the file is read-only or open in another program.")


# Temporary files our renderers write beside a target before renaming it into place
# (tempfile.mkstemp: 8 random characters): render.pdf ".<stem[:40]>-XXXXXXXX.pdf.part",
# render.docx ".<name[:60]>.XXXXXXXX.tmp" (the name may be cut before its ".docx").
_PDF_TEMP = re.compile(r"^\..*-[a-z0-9_]{8}\.pdf\.part$")
_DOCX_TEMP = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")


def cleanup_stale_exports(folder: str | Path, *, older_than: float = 0.0) -> list[Path]:
    """Remove the temporary files an export killed half-way left in ``folder``; returns them.

    Call it when BriefBook starts (for the folders it exported to) and before an
    export into a folder. Only our renderers' temporary names are touched, never
    a finished file; ``older_than`` (seconds) spares files younger than that, for
    a caller that cannot rule out another BriefBook exporting there right now.
    """
    folder = Path(folder)
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    limit = time.time() - older_than
    for entry in folder.iterdir():
        name = entry.name
        docx = _DOCX_TEMP.match(name)
        ours = _PDF_TEMP.match(name) or (
            docx is not None
            and (docx.group("name").lower().endswith(".docx") or len(docx.group("name")) == 60)
        )
        if not ours:
            continue
        try:
            if entry.is_file() and entry.stat().st_mtime <= limit:
                entry.unlink()
                removed.append(entry)
        except OSError:  # gone already, or in use (Windows): the next start tries again
            pass
    return removed
