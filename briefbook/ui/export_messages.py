"""The export's error messages in the user's language.

``briefbook.export`` and the renderers write plain English for the CLI; the
window shows the known shapes through Qt's translation (``%1``, ``%2`` are
the pattern's groups) and falls back to :func:`briefbook.ui.messages.user_message`.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from briefbook.ui.messages import translate_known, user_message

_CONTEXT = "ExportMessages"

# Reasons the PDF renderer gives after "Cannot write the PDF to …: ".
_REASONS = {
    "the disk is read-only": QT_TRANSLATE_NOOP("ExportMessages", "the disk is read-only"),
    "the folder is read-only or you are not allowed to write there": QT_TRANSLATE_NOOP(
        "ExportMessages", "the folder is read-only or you are not allowed to write there"
    ),
    "the disk is full": QT_TRANSLATE_NOOP("ExportMessages", "the disk is full"),
    "the folder does not exist": QT_TRANSLATE_NOOP("ExportMessages", "the folder does not exist"),
    "that is a folder": QT_TRANSLATE_NOOP("ExportMessages", "that is a folder"),
    "the file is read-only or open in another program": QT_TRANSLATE_NOOP(
        "ExportMessages", "the file is read-only or open in another program"
    ),
}

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.S), t)
    for p, t in (
        (
            r"(.+) is a folder; choose a file name to export to\.",
            QT_TRANSLATE_NOOP("ExportMessages", "%1 is a folder; choose a file name to export to."),
        ),
        (
            r"Cannot export to (.+): the folder (.+) does not exist\.",
            QT_TRANSLATE_NOOP("ExportMessages", "Cannot export to %1: the folder %2 does not exist."),
        ),
        (
            r"Cannot export to (.+): the folder (.+) is read-only\.",
            QT_TRANSLATE_NOOP("ExportMessages", "Cannot export to %1: the folder %2 is read-only."),
        ),
        (
            r"Cannot export to (.+): the file is read-only or open in another program\.",
            QT_TRANSLATE_NOOP(
                "ExportMessages",
                "Cannot export to %1: the file is read-only or open in another program. "
                "Close it and export again.",
            ),
        ),
        (
            r"The Word file would be larger than 4 GB \(or hold more than 65,535 parts\), which Word cannot "
            r"open\. Leave out some pictures or split the book\.",
            QT_TRANSLATE_NOOP(
                "ExportMessages",
                "The Word file would be larger than 4 GB (or hold more than 65,535 parts), which Word "
                "cannot open. Leave out some pictures or split the book.",
            ),
        ),
        (
            r"Choose where to save the book: a file name, or a folder\.",
            QT_TRANSLATE_NOOP("ExportMessages", "Choose where to save the book: a file name, or a folder."),
        ),
        (
            r"“(.*)” is not a file name BriefBook can write to\.",
            QT_TRANSLATE_NOOP("ExportMessages", "“%1” is not a file name BriefBook can write to."),
        ),
        (
            r"The export was cancelled; no file was changed\.",
            QT_TRANSLATE_NOOP("ExportMessages", "The export was cancelled; no file was changed."),
        ),
        (
            r"Cannot write the PDF to (.+): (.+)\.",
            QT_TRANSLATE_NOOP("ExportMessages", "Cannot write the PDF to %1: %2."),
        ),
        (
            r"Cannot replace (.+): it may be open in Word or another program\. Close it and export again\.",
            QT_TRANSLATE_NOOP(
                "ExportMessages",
                "Cannot replace %1: it may be open in Word or another program. Close it and export again.",
            ),
        ),
        (
            r"Cannot save the Word file in (.+): you do not have permission to write there\. .*",
            QT_TRANSLATE_NOOP(
                "ExportMessages",
                "Cannot save the Word file in %1: you do not have permission to write there. "
                "Choose another folder.",
            ),
        ),
        (
            r"Cannot save the Word file: the folder (.+) does not exist\.",
            QT_TRANSLATE_NOOP("ExportMessages", "Cannot save the Word file: the folder %1 does not exist."),
        ),
        (
            r"There is no template '(.+)'\. Templates available: (.+)\.",
            QT_TRANSLATE_NOOP("ExportMessages", "There is no template '%1'. Templates available: %2."),
        ),
        (
            r"The PDF could not be laid out: an item of the book is too large for the page\..*",
            QT_TRANSLATE_NOOP(
                "ExportMessages",
                "The PDF could not be laid out: an item of the book is too large for the page. "
                "Shorten the longest table or text and export again.",
            ),
        ),
    )
]


def export_message(error: BaseException | str) -> str:
    """An export error as the user reads it, in the UI's language."""
    text = str(error)
    translated = translate_known(text, _PATTERNS, _CONTEXT, _reason)
    return user_message(text) if translated is None else translated


def _reason(group: str) -> str:
    return QCoreApplication.translate(_CONTEXT, _REASONS[group]) if group in _REASONS else group
