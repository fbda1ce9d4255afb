"""The rules of the window's Preferences that the window (``ui/settings.py``) and the command line
(``briefbook/preferences.py``) share: which languages, and how "drafted by" is stored.

A module of its own, importing nothing, because the window loads it before its first table
(start-up is measured against a bare window); the command line's reading and writing of the
settings file stays out of that path."""

LANGUAGES = ("vi", "en")  # the window's languages, and a new book's
DRAFTED_BY_MAX = 300  # the Preferences field's maxLength


def clean_drafted_by(value: str) -> str:
    """The stored form of "drafted by": its white space collapsed, at most 300 characters."""
    return " ".join((value or "").split())[:DRAFTED_BY_MAX]
