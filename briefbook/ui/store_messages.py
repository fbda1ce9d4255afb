"""The store's refusals to open a library (a change left half-done, a read-only disk, an upgrade
that could not be backed up first), as patterns for the window.

:mod:`briefbook.store.database` and :mod:`briefbook.store.hot_journal` write English for
the command line; the window shows these templates (``%1``, ``%2`` are the groups). Where
the core points to the command line (``briefbook backups``) the window points to
File → Backups; SQLite's own English words (the reason a file "cannot be opened") go to
the log, not into a Vietnamese sentence. An untranslated template (English) shows the
core's own words.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_WAITING = {
    "recent changes": QT_TRANSLATE_NOOP("CoreMessages", "recent changes"),
    "an unfinished change": QT_TRANSLATE_NOOP("CoreMessages", "an unfinished change"),
}


def _waiting(group: str) -> str:
    """What waits in the side file (the -wal's recent changes, the -journal's unfinished one)."""
    return QCoreApplication.translate("CoreMessages", _WAITING[group]) if group in _WAITING else group


def _backup_reason(group: str) -> str:
    """Why the backup before an upgrade failed: itself a backup message, translated as one."""
    from briefbook.ui.backup_messages import backup_message  # it imports messages, which imports us

    return backup_message(group).rstrip(".")


_HISTORY = {
    "its record of versions is not one BriefBook writes (steps missing or out of order)": QT_TRANSLATE_NOOP(
        "CoreMessages", "its record of versions is not one BriefBook writes (steps missing or out of order)"
    ),
}


def history_part(group: str) -> str:
    """Why a file's record of schema versions is refused (``schema_check.history_problem``)."""
    return QCoreApplication.translate("CoreMessages", _HISTORY[group]) if group in _HISTORY else group


_HALF_CHANGED = r"The library (.+) was left half-changed by a program that stopped"

# (pattern, template[, parts]) as in exchange_messages._RAW
RAW: list[tuple] = [
    (
        _HALF_CHANGED + r" \(its unfinished change is in (.+)\), and BriefBook cannot undo that change "
        r"here because it may not write to the file\. .*",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The library %1 was left half-changed by a program that stopped (its unfinished change is "
            "in %2), and BriefBook cannot undo that change here because it may not write to the file. "
            "Copy both files to a folder where you can write, and open the copy. Nothing has been changed.",
        ),
    ),
    (
        _HALF_CHANGED + r", and undoing that change \(kept in (.+)\) would not give a readable "
        r"library\. .*",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The library %1 was left half-changed by a program that stopped, and undoing that change "
            "(kept in %2) would not give a readable library. Neither file has been changed; restore a "
            "backup (File → Backups…).",
        ),
    ),
    (
        r"The library (.+) is on a read-only disk, and (recent changes|an unfinished change) to it are "
        r"in the file (.+) beside it, which BriefBook cannot apply there\. .*",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The library %1 is on a read-only disk, and %2 to it are in the file %3 beside it, which "
            "BriefBook cannot apply there. Copy both files to a folder where you can write, and open "
            "the copy. Nothing has been changed.",
        ),
        (None, _waiting, None),
    ),
    (
        r"The library (.+) needs to be updated for this version of BriefBook \(it is at schema (.+)\), "
        r"but it could not be backed up first \((.+)\)\. It has not been changed\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The library %1 needs to be updated for this version of BriefBook, but it could not be "
            "backed up first (%3). It has not been changed.",
        ),
        (None, None, _backup_reason),
    ),
    (  # SQLite's own words (%2) go to the log
        r"The library (.+) cannot be opened \((.*)\)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The library %1 cannot be opened."),
    ),
]
