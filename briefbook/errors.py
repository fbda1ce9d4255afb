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
