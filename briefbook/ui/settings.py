"""The one typed wrapper over QSettings: every remembered preference lives here.

The settings file is an INI file in BriefBook's data folder, so a test that
points ``BRIEFBOOK_DATA_DIR`` at a temporary folder gets fresh settings too.
``briefbook preferences`` reads and writes the Preferences' keys of the same file
without Qt (``briefbook/preferences.py``, ``briefbook/settings_ini.py``): the rules
for their values are shared (``briefbook/preference_rules.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings

from briefbook.paths import data_dir
from briefbook.preference_rules import DRAFTED_BY_MAX, LANGUAGES, clean_drafted_by

ORGANISATION = "BriefBook"
APPLICATION = "BriefBook"
MAX_RECENT = 8


def system_language() -> str:
    """Vietnamese when the system speaks it, English otherwise."""
    return "vi" if QLocale.system().language() == QLocale.Language.Vietnamese else "en"


class Settings:
    """Typed getters and setters with defaults; nothing else in the UI reads QSettings."""

    def __init__(self, path: Path | None = None):
        self.path = path or data_dir() / "settings.ini"
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)

    # -- languages ---------------------------------------------------------------

    @property
    def language(self) -> str:
        value = str(self._q.value("ui/language", "") or "")
        return value if value in LANGUAGES else system_language()

    @language.setter
    def language(self, value: str) -> None:
        self._q.setValue("ui/language", value if value in LANGUAGES else "en")

    @property
    def book_language(self) -> str:
        """The language of new books: the one chosen in Preferences, else the window's."""
        value = str(self._q.value("books/language", "") or "")
        return value if value in LANGUAGES else self.language

    @property
    def book_language_follows_window(self) -> bool:
        return str(self._q.value("books/language", "") or "") not in LANGUAGES

    @book_language.setter
    def book_language(self, value: str) -> None:
        """A language code, or "" to follow the window's language (the default)."""
        if value in LANGUAGES:
            self._q.setValue("books/language", value)
        else:
            self._q.remove("books/language")

    @property
    def drafted_by(self) -> str:
        """Who new talking points say drafted them (Preferences); empty until the user says."""
        return str(self._q.value("points/drafted_by", "") or "").strip()[:DRAFTED_BY_MAX]

    @drafted_by.setter
    def drafted_by(self, value: str) -> None:
        self._q.setValue("points/drafted_by", clean_drafted_by(value))

    # -- libraries -----------------------------------------------------------------

    @property
    def last_library(self) -> Path | None:
        value = str(self._q.value("library/last", "") or "")
        return Path(value) if value else None

    @last_library.setter
    def last_library(self, path: Path | None) -> None:
        self._q.setValue("library/last", str(path) if path else "")

    @property
    def recent_libraries(self) -> list[Path]:
        try:
            values = json.loads(str(self._q.value("library/recent", "[]") or "[]"))
        except json.JSONDecodeError:
            values = []
        return [Path(v) for v in values if isinstance(v, str) and v]

    def add_recent_library(self, path: Path) -> None:
        """Put ``path`` first in the recent list (no duplicates, at most MAX_RECENT)."""
        path = Path(path).resolve()
        paths = [path] + [p for p in self.recent_libraries if p != path]
        self._q.setValue("library/recent", json.dumps([str(p) for p in paths[:MAX_RECENT]]))

    def clear_recent_libraries(self) -> None:
        self._q.setValue("library/recent", "[]")

    # -- exports -------------------------------------------------------------------------

    @property
    def export_folder(self) -> Path | None:
        """Where the last export went (the export dialog starts there); None before the first."""
        value = str(self._q.value("export/folder", "") or "")
        return Path(value) if value else None

    @export_folder.setter
    def export_folder(self, path: Path | None) -> None:
        self._q.setValue("export/folder", str(path) if path else "")

    # -- window ------------------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._q.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._q.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._q.setValue("window/state", value)

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def set_splitter_state(self, name: str, value: QByteArray) -> None:
        self._q.setValue(f"splitters/{name}", value)

    @property
    def last_view(self) -> str:
        return str(self._q.value("window/view", "") or "")

    @last_view.setter
    def last_view(self, value: str) -> None:
        self._q.setValue("window/view", value)

    def sync(self) -> None:
        self._q.sync()
