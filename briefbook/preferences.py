"""The window's Preferences, read and set without Qt (``briefbook preferences``).

The window's Preferences dialog stores three choices through ``ui/settings.py``
(QSettings, ``settings.ini`` in BriefBook's data folder). This module names them,
checks a value given on the command line, and reads and writes the same keys of the
same file (``settings_ini``), under the same rules as ``Settings``, which uses the
rules below, so that the window reads what a command wrote and the other way round.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from briefbook import settings_ini
from briefbook.errors import BriefBookError
from briefbook.paths import data_dir
from briefbook.preference_rules import DRAFTED_BY_MAX, LANGUAGES, clean_drafted_by

LANGUAGE_NAMES = {"vi": "Vietnamese", "en": "English"}
SAME_AS_WINDOW = "same"

# The command line's key -> (QSettings key, what the dialog calls it).
KEYS = {
    "language": ("ui/language", "Language of the window"),
    "book-language": ("books/language", "Language of new books"),
    "drafted-by": ("points/drafted_by", "New talking points drafted by"),
}


def settings_path() -> Path:
    """The file ``Settings()`` opens: ``settings.ini`` in the data folder."""
    return data_dir() / "settings.ini"


def system_language(environ: dict[str, str] | None = None) -> str:
    """The window's language before one is chosen: Vietnamese when the system speaks it.

    Qt's ``QLocale.system()`` on Linux and other Unix systems reads LC_ALL, then LC_MESSAGES,
    then LANG (``tests/ui/test_preferences_cli.py`` compares the two); on Windows and macOS
    Qt asks the system, which this cannot, and says English unless those variables say "vi".
    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            code = value.replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
            return "vi" if code == "vi" else "en"
    return "en"


@dataclass(frozen=True)
class Preferences:
    """What the dialog shows: each choice as stored (empty when never set) and as it takes effect."""

    language: str  # "vi" or "en": what the window uses
    language_chosen: bool  # False: never set, the window follows the system
    book_language: str  # "vi" or "en", or "same" (the window's)
    drafted_by: str
    path: Path

    @property
    def book_language_in_effect(self) -> str:
        return self.language if self.book_language == SAME_AS_WINDOW else self.book_language


def read_preferences(path: Path | None = None) -> Preferences:
    """Read the three choices as ``Settings`` reads them (an unknown stored value counts as unset)."""
    path = path or settings_path()
    values = settings_ini.read_strings(path)
    language = values.get("ui/language", "")
    book = values.get("books/language", "")
    return Preferences(
        language=language if language in LANGUAGES else system_language(),
        language_chosen=language in LANGUAGES,
        book_language=book if book in LANGUAGES else SAME_AS_WINDOW,
        drafted_by=values.get("points/drafted_by", "").strip()[:DRAFTED_BY_MAX],
        path=path,
    )


def chosen_book_language(path: Path | None = None) -> str | None:
    """The language the window gives a new book (Settings.book_language), where one was chosen in
    Preferences (for new books, or for the window); None when neither was, so that the command
    line keeps its own default (the system's language)."""
    prefs = read_preferences(path)
    if prefs.book_language != SAME_AS_WINDOW:
        return prefs.book_language
    return prefs.language if prefs.language_chosen else None


def _allowed_languages(extra: str = "") -> str:
    names = [f"{code} ({LANGUAGE_NAMES[code]})" for code in LANGUAGES]
    if extra:
        names.append(extra)
    return ", ".join(names[:-1]) + " or " + names[-1]


def set_preference(key: str, value: str, path: Path | None = None) -> str:
    """Check and store one choice; returns the value as stored. Refuses in words what the dialog
    could not choose (an unknown key, a language it does not offer, a name over 300 characters)."""
    path = path or settings_path()
    name = key.strip().lower().replace("_", "-")
    if name not in KEYS:
        raise BriefBookError(
            f"There is no preference called '{key}'. The preferences are: {', '.join(KEYS)}."
        )
    ini_key = KEYS[name][0]
    if name == "drafted-by":
        if len(" ".join(value.split())) > DRAFTED_BY_MAX:
            raise BriefBookError(
                f"'Drafted by' can hold at most {DRAFTED_BY_MAX} characters; this one has "
                f"{len(' '.join(value.split()))}. Nothing was changed."
            )
        if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in " ".join(value.split())):
            raise BriefBookError("'Drafted by' cannot hold control characters. Nothing was changed.")
        stored = clean_drafted_by(value)
        settings_ini.write_string(path, ini_key, stored)
        return stored
    code = value.strip().lower()
    if name == "book-language" and code in (SAME_AS_WINDOW, "window", "same-as-window"):
        settings_ini.write_string(path, ini_key, None)  # as the dialog's "Same as the window"
        return SAME_AS_WINDOW
    code = {n.lower(): c for c, n in LANGUAGE_NAMES.items()}.get(code, code)
    if code not in LANGUAGES:
        extra = f"{SAME_AS_WINDOW} (the window's language)" if name == "book-language" else ""
        raise BriefBookError(
            f"'{value}' is not a language BriefBook offers for {KEYS[name][1].lower()}. "
            f"Choose {_allowed_languages(extra)}."
        )
    settings_ini.write_string(path, ini_key, code)
    return code
