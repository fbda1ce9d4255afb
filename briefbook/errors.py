"""BriefBook's own exceptions. Every message is written for the desk officer
who will read it in a dialog or a terminal: what happened, in plain words,
and what to do about it."""

from __future__ import annotations


class BriefBookError(Exception):
    """Base of every error a user may see; ``str(error)`` is the message."""


class NotFound(BriefBookError):
    """An item the user asked for is not in the library."""


class ValidationError(BriefBookError):
    """A value the user gave cannot be stored; ``field`` names the field."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class Conflict(BriefBookError):
    """The change clashes with what is already stored (a duplicate, a link in use)."""


class LibraryFileError(BriefBookError):
    """The library file cannot be opened: missing, not a library, damaged, locked."""


class NewerVersionError(LibraryFileError):
    """The file was written by a newer BriefBook; it is left untouched."""


class Cancelled(BriefBookError):
    """Long work (an export, an import) was cancelled by the user."""


class HostileLibraryError(LibraryFileError):
    """The file's schema is not the one BriefBook makes (triggers, views, tables in another shape).

    A library is data, never code, so the file is refused and left as it was;
    ``problems`` says, in words, what differs. The user may open a cleaned copy
    instead (:func:`briefbook.store.cleaned_copy.make_cleaned_copy`).
    """

    def __init__(self, path: object, problems: list[str]):
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        super().__init__(
            f"BriefBook will not open {path}: it is not a library in the shape BriefBook makes "
            f"({shown}). Such a file could act on your data when it is used, so it has not been "
            "opened and has not been changed. You can open a cleaned copy instead, which keeps only "
            "BriefBook's own tables and their data (the original stays as it is): "
            f'briefbook --library "{path}" --cleaned-copy check'
        )
        self.path = path
        self.problems = problems


class StaleEdit(Conflict):
    """An edit started from an older version of an item: another window or process changed it since.

    Nothing was saved; ``current`` is the item as it is stored now (show it).
    """

    def __init__(self, message: str, current: object):
        super().__init__(message)
        self.current = current
