"""Preferences changed outside the window (``briefbook preferences set ...``) reach it at once.

The command line writes ``settings.ini`` beside and renames it over (``briefbook.settings_ini``),
so the file itself cannot be watched (a watch follows the old file): the folder is, and each
change in it is compared with the file's last size, time and inode, so that a library's journal
coming and going in the same folder costs one ``stat``. When the file changed, QSettings reads
it again (``sync``) and :attr:`SettingsWatch.changed` is emitted; the window then takes a new
language at once. New books' language and "drafted by" are read from the settings when used,
so they follow without more.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from briefbook.ui.settings import Settings


def _signature(path: str) -> tuple[int, int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


class SettingsWatch(QObject):
    """Emits ``changed`` after the settings file was changed by anyone and read again."""

    changed = Signal()

    def __init__(self, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self._file = str(settings.path)
        self._seen = _signature(self._file)
        self._watcher = QFileSystemWatcher(self)
        folder = str(settings.path.parent)
        if os.path.isdir(folder):
            self._watcher.addPath(folder)
        self._watcher.directoryChanged.connect(self.check)

    def check(self, _folder: str = "") -> bool:
        """Read the settings again if their file changed since last seen; True if it had."""
        now = _signature(self._file)
        if now == self._seen:
            return False
        self._seen = now
        self.settings.sync()
        self._seen = _signature(self._file)  # our own sync may have written it
        self.changed.emit()
        return True
