"""What the export dialog's "Save as" field means: checked when the user asks to export, never while typing.

A folder (one that exists, or anything typed with a trailing ``/``) means "a
file named after the book in that folder", the rule the command line follows
for ``-o FOLDER/``. A bare name goes into the folder the dialog started in (not
the program's working folder), a missing extension becomes the format's, and
``~`` is the home folder. :func:`preview_target` never raises, for the note
under the field while the user types; :func:`resolve_target` says in plain
words what is wrong (an empty field, a missing or read-only folder).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from briefbook.errors import BriefBookError
from briefbook.export import check_target_folder, targets_for

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
SUFFIXES = (".pdf", ".docx")


def safe_file_name(title: str, fallback: str = "briefing-book") -> str:
    """A book title as a file name on every system (Vietnamese letters kept; no path characters)."""
    name = " ".join(_UNSAFE.sub(" ", title).split()).strip(" .")
    return name[:100].rstrip(" .") or fallback


def _target(text: str, title: str, formats: tuple[str, ...], base: Path) -> Path:
    text = text.strip()
    if not text:
        raise BriefBookError("Choose where to save the book: a file name, or a folder.")
    meant_folder = text.endswith(("/", os.sep))
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = base / path
    if meant_folder or path.is_dir():
        return path / (safe_file_name(title) + "." + formats[0])
    if path.suffix.lower() not in SUFFIXES:
        path = path.with_name(path.name + "." + formats[0])
    return path


def preview_target(text: str, title: str, formats: tuple[str, ...], base: Path) -> list[Path]:
    """The files an export would write, as far as the text says yet ([] while it says nothing usable)."""
    try:
        return list(targets_for(_target(text, title, formats, base), formats).values())
    except (BriefBookError, OSError, ValueError):
        return []


def resolve_target(text: str, title: str, formats: tuple[str, ...], base: Path) -> Path:
    """The file to export to (the PDF's name when both formats), or a BriefBookError in plain words."""
    try:
        path = _target(text, title, formats, base)
        for file in targets_for(path, formats).values():
            check_target_folder(file)
    except (OSError, ValueError):
        raise BriefBookError(f"“{text.strip()}” is not a file name BriefBook can write to.") from None
    return path
