"""One date format in the whole window: ``dd/MM/yyyy`` in Vietnamese, the locale's own otherwise.

Tables, search results, pickers, the palette and the history of a text all
show dates through these functions, so a date never appears in three forms.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt

from briefbook.ui.backup_labels import date_format, time_format

_ISO = re.compile(r"(?<![\d-])(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?(?![\d-])")


def format_date(value: str) -> str:
    """An ISO date (or date and time) in the user's language; other text as written."""
    if not value:
        return ""
    if len(value) > 10:
        moment = QDateTime.fromString(value[:16].replace(" ", "T"), "yyyy-MM-ddTHH:mm")
        if moment.isValid():
            return QLocale().toString(moment, time_format())
    day = QDate.fromString(value[:10], "yyyy-MM-dd")
    return QLocale().toString(day, date_format()) if day.isValid() else value


def localise_dates(text: str) -> str:
    """ISO dates inside a name ("Lê Anh Tuấn, 2025-12-17: …") written as the user reads them."""
    return _ISO.sub(lambda m: format_date(m.group(1) + (f"T{m.group(2)}" if m.group(2) else "")), text)


def local_time(stamp: str) -> str:
    """A stored UTC timestamp (``2026-11-24T13:05:00.123Z``) in the user's time zone and format."""
    moment = QDateTime.fromString(stamp, Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        return stamp
    return QLocale().toString(moment.toLocalTime(), time_format())
