"""What the export dialog's "Save as" field means: checked when the user asks to export, never while typing.

A folder (one that exists, or anything typed with a trailing ``/``) means "a
file named after the book in that folder": the command line's rule for
``-o FOLDER/`` (:func:`briefbook.export.resolve_target`), with the same file
name (:func:`briefbook.export.safe_file_name`). A bare name goes into the
folder the dialog started in (not the program's working folder), a missing
extension becomes the format's, and ``~`` is the home folder.
:func:`preview_target` never raises, for the note under the field while the
user types; :func:`resolve_target` says in plain words what is wrong (an
empty field, a missing or read-only folder).
"""

from __future__ import annotations

import os
from pathlib import Path

from briefbook.errors import BriefBookError
from briefbook.export import check_target_folder, safe_file_name, targets_for
from briefbook.export import resolve_target as resolve_target_in_core

__all__ = ["preview_target", "resolve_target", "safe_file_name"]

SUFFIXES = (".pdf", ".docx")


def _target(text: str, title: str, formats: tuple[str, ...], base: Path, *, strict: bool) -> Path:
    text = text.strip()
    if not text:
        raise BriefBookError("Choose where to save the book: a file name, or a folder.")
    meant_folder = text.endswith(("/", os.sep))
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = base / path
    if meant_folder or (path.is_dir() and path.suffix.lower() not in SUFFIXES):
        # The command line's rule for -o FOLDER/ (briefbook.export.resolve_target): a file named
        # after the book there; strict: the folder must exist (said in the export's own words).
        named = (
            resolve_target_in_core(str(path).rstrip(os.sep) + os.sep, title)
            if strict
            else path / safe_file_name(title)
        )
        return named.with_name(named.name + "." + formats[0])
    if path.suffix.lower() not in SUFFIXES:
        path = path.with_name(path.name + "." + formats[0])
    return path


def preview_target(text: str, title: str, formats: tuple[str, ...], base: Path) -> list[Path]:
    """The files an export would write, as far as the text says yet ([] while it says nothing usable)."""
    try:
        return list(targets_for(_target(text, title, formats, base, strict=False), formats).values())
    except (BriefBookError, OSError, ValueError):
        return []


def resolve_target(text: str, title: str, formats: tuple[str, ...], base: Path) -> Path:
    """The file to export to (the PDF's name when both formats), or a BriefBookError in plain words."""
    try:
        path = _target(text, title, formats, base, strict=True)
        for file in targets_for(path, formats).values():
            check_target_folder(file)
    except (OSError, ValueError):
        raise BriefBookError(f"“{text.strip()}” is not a file name BriefBook can write to.") from None
    return path
