"""The messages of backups and restores in the user's language.

:mod:`briefbook.store.backup` writes plain English for the CLI and the log; the
window shows the known shapes through Qt's translation (``%1``, ``%2`` are the
pattern's groups; a group that is itself a known reason or sentence is
translated too) and falls back to :func:`briefbook.ui.messages.user_message`.
Where the core points to the command line (``briefbook backups``), the window
points to File → Backups instead.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from briefbook.ui.messages import translate_known, user_message

_CONTEXT = "BackupMessages"

# Reasons (from ``sqlite_copy.why``) and closing sentences that appear inside the messages.
_PARTS = {
    "the disk is full": QT_TRANSLATE_NOOP("BackupMessages", "the disk is full"),
    "the disk is read-only": QT_TRANSLATE_NOOP("BackupMessages", "the disk is read-only"),
    "you are not allowed to write there": QT_TRANSLATE_NOOP(
        "BackupMessages", "you are not allowed to write there"
    ),
    "No backup was made.": QT_TRANSLATE_NOOP("BackupMessages", "No backup was made."),
    "Nothing was changed.": QT_TRANSLATE_NOOP("BackupMessages", "Nothing was changed."),
    # the system's own words (strerror) when a folder cannot be made: a file has its name
    "file exists": QT_TRANSLATE_NOOP("BackupMessages", "a file of that name is in the way"),
    "not a directory": QT_TRANSLATE_NOOP("BackupMessages", "a file of that name is in the way"),
}
_DONE = r"(No backup was made\.|Nothing was changed\.)"

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.S), t)
    for p, t in (
        (
            r"Cannot make the backups folder (.+): (.+)\.",
            QT_TRANSLATE_NOOP("BackupMessages", "Cannot make the backups folder %1: %2."),
        ),
        (
            r"Could not back up (.+) into (.+): (.+)\.",
            QT_TRANSLATE_NOOP("BackupMessages", "Could not back up %1 into %2: %3."),
        ),
        (
            r"There is no library at (.+) to back up\.",
            QT_TRANSLATE_NOOP("BackupMessages", "There is no library at %1 to back up."),
        ),
        (  # before the next one, whose (.+) would take "That file" as a file's name
            r"That file is not a BriefBook library; no backup was made\.",
            QT_TRANSLATE_NOOP("BackupMessages", "That file is not a BriefBook library; no backup was made."),
        ),
        (
            r"(.+) is not a BriefBook library; no backup was made\.",
            QT_TRANSLATE_NOOP("BackupMessages", "%1 is not a BriefBook library; no backup was made."),
        ),
        (
            r"A backup cannot be made in the middle of a change; try again\.",
            QT_TRANSLATE_NOOP(
                "BackupMessages", "A backup cannot be made in the middle of a change; try again."
            ),
        ),
        (
            r"The library is damaged \(.*\); the backup was not kept\..*",
            QT_TRANSLATE_NOOP(
                "BackupMessages",
                "The library is damaged; the backup was not kept. "
                "Restore an earlier backup (File → Backups…).",
            ),
        ),
        (
            r"The library (.+) is busy in another BriefBook window\. " + _DONE + r" Try again\.",
            QT_TRANSLATE_NOOP(
                "BackupMessages", "The library %1 is busy in another BriefBook window. %2 Try again."
            ),
        ),
        (r"The disk is full\. " + _DONE, QT_TRANSLATE_NOOP("BackupMessages", "The disk is full. %1")),
        (
            r"The library (.+) is read-only here\. " + _DONE,
            QT_TRANSLATE_NOOP("BackupMessages", "The library %1 is read-only here. %2"),
        ),
        (
            r"The library (.+) is damaged\. " + _DONE + r" Restore an earlier backup\.",
            QT_TRANSLATE_NOOP("BackupMessages", "The library %1 is damaged. %2 Restore an earlier backup."),
        ),
        (
            r"The library (.+) could not be copied \((.*)\)\. " + _DONE,
            QT_TRANSLATE_NOOP("BackupMessages", "The library %1 could not be copied (%2). %3"),
        ),
        (r"There is no backup at (.+)\.", QT_TRANSLATE_NOOP("BackupMessages", "There is no backup at %1.")),
        (
            r"That backup is the library file itself; choose a backup to restore\.",
            QT_TRANSLATE_NOOP(
                "BackupMessages", "That backup is the library file itself; choose a backup to restore."
            ),
        ),
        (
            r"The backup (.+) was written by a newer version of BriefBook; .*",
            QT_TRANSLATE_NOOP(
                "BackupMessages",
                "The backup %1 was written by a newer version of BriefBook; update BriefBook to "
                "restore it. Nothing was changed.",
            ),
        ),
        (
            r"The backup (.+) is damaged or not a BriefBook library; .*",
            QT_TRANSLATE_NOOP(
                "BackupMessages",
                "The backup %1 is damaged or not a BriefBook library; nothing was changed. "
                "Choose another backup.",
            ),
        ),
        (
            r"Cannot restore to (.+): the folder does not exist\.",
            QT_TRANSLATE_NOOP("BackupMessages", "Cannot restore to %1: the folder does not exist."),
        ),
        (
            r"Could not restore to (.+): (.+)\.",
            QT_TRANSLATE_NOOP("BackupMessages", "Could not restore to %1: %2."),
        ),
        (
            r"Cannot move the damaged library (.+) aside: (.+)\.",
            QT_TRANSLATE_NOOP("BackupMessages", "Cannot move the damaged library %1 aside: %2."),
        ),
        (
            r"The restored library does not pass its check.*",
            QT_TRANSLATE_NOOP(
                "BackupMessages",
                "The restored library does not pass its check. Choose another backup to restore.",
            ),
        ),
        (
            r"This library has no file to back up\.",
            QT_TRANSLATE_NOOP("BackupMessages", "This library has no file to back up."),
        ),
        (
            r"The automatic backup of the library failed: (.+)",
            QT_TRANSLATE_NOOP("BackupMessages", "The automatic backup of the library failed: %1"),
        ),
    )
]


def backup_message(error: BaseException | str) -> str:
    """A backup or restore error as the user reads it, in the UI's language."""
    text = str(error)
    translated = translate_known(text, _PATTERNS, _CONTEXT, _part)
    return user_message(text) if translated is None else translated


def _part(text: str) -> str:
    """A group of a message: a known reason or sentence translated, a nested message too."""
    if text in _PARTS:
        return QCoreApplication.translate(_CONTEXT, _PARTS[text])
    if text.endswith(".") and " " in text:  # a whole message inside another one
        return backup_message(text)
    return text
