"""The library's own settings (the ``settings`` table): small named values kept in the file.

A mixin of :class:`~briefbook.library.api.Library`. They travel with the file (the
search index's version is one: :mod:`briefbook.library.search_index`), unlike the
window's preferences, which are the user's (:mod:`briefbook.ui.settings`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefbook.store.connection import Database


class SettingsMixin:
    db: Database

    def setting(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.db["settings"].upsert({"key": key, "value": value}, pk="key")
