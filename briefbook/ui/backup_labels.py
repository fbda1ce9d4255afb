"""How a backup is described to people: its time in their locale, its size, why it was made."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QLocale

_CONTEXT = "BackupLabels"

REASONS = {
    "open": QT_TRANSLATE_NOOP("BackupLabels", "When the library was opened"),
    "auto": QT_TRANSLATE_NOOP("BackupLabels", "Automatic, during work"),
    "manual": QT_TRANSLATE_NOOP("BackupLabels", "Made by you"),
    "before-restore": QT_TRANSLATE_NOOP("BackupLabels", "Before a restore"),
    "before-upgrade": QT_TRANSLATE_NOOP("BackupLabels", "Before an update of BriefBook"),
}


def time_format(locale: QLocale | None = None) -> str:
    """Day, month, four-digit year, hours and minutes, in the order of the user's locale.

    Vietnamese: ``dd/MM/yyyy HH:mm`` (Qt's short Vietnamese format, ``d/M/yy``,
    is not what a ministry writes); other locales: their short format with the
    full year.
    """
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.Vietnamese:
        return "dd/MM/yyyy HH:mm"
    fmt = locale.dateTimeFormat(QLocale.FormatType.ShortFormat)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def date_format(locale: QLocale | None = None) -> str:
    """Day, month and four-digit year in the order of the user's locale (``dd/MM/yyyy`` in Vietnamese)."""
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.Vietnamese:
        return "dd/MM/yyyy"
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def time_text(moment: dt.datetime) -> str:
    """``moment`` (aware, e.g. UTC) in local time: ``24/11/2026 14:05``."""
    value = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000)).toLocalTime()
    return QLocale().toString(value, time_format())


def size_text(size: int) -> str:
    """``217,1 KB``, ``20,4 MB`` (1 KB = 1000 bytes, the decimal mark of the user's locale)."""
    if size < 1000:
        return f"{size} B"
    value, unit = size / 1e3, "KB"
    if value >= 1000:
        value, unit = size / 1e6, "MB"
    if value >= 1000:
        value, unit = size / 1e9, "GB"
    return f"{QLocale().toString(value, 'f', 1 if value < 100 else 0)} {unit}"


def reason_text(reason: str) -> str:
    """Why the backup was made, in words; an unknown reason as written."""
    if reason in REASONS:
        return QCoreApplication.translate(_CONTEXT, REASONS[reason])
    return reason
