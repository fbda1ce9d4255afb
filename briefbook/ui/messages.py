"""The core's error messages, in the user's language.

The core writes its messages in English for the CLI and the log. In the window
we show them through Qt's translation: each known message shape is a pattern
here with a translatable template (``%1``, ``%2`` are the pattern's groups).
A message we do not know is shown as the core wrote it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from briefbook.ui import export_refusals, import_messages, library_messages, render_messages, store_messages
from briefbook.ui.exchange_messages import compile_patterns
from briefbook.ui.exchange_messages import patterns as _exchange_patterns

_CONTEXT = "CoreMessages"

_RAW: tuple[tuple[str, str], ...] = (
    (
        r"There is already a file at (.+); choose another name\.",
        QT_TRANSLATE_NOOP("CoreMessages", "There is already a file at %1; choose another name."),
    ),
    (
        r"The library is busy in another BriefBook window\..*",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The library is busy in another BriefBook window. Your change was not saved; try again.",
        ),
    ),
    (
        r"The library file is read-only.*",
        QT_TRANSLATE_NOOP("CoreMessages", "The library file is read-only; changes cannot be saved."),
    ),
    (
        r"The disk is full.*",
        QT_TRANSLATE_NOOP("CoreMessages", "The disk is full; your change was not saved."),
    ),
    (
        r"This topic still has talking points\..*",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "This topic still has talking points. Move or delete them before deleting the topic.",
        ),
    ),
    (
        r"There is no .* with id .* in this library\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "This item is no longer in the library (it may have been deleted)."
        ),
    ),
    (
        r"That refers to an item that is not in the library \(it may have been deleted\)\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "That refers to an item that is not in the library (it may have been deleted).",
        ),
    ),
    (
        r"That earlier version no longer exists\.",
        QT_TRANSLATE_NOOP("CoreMessages", "That earlier version no longer exists."),
    ),
    (
        r"The .* is too long \(([\d,]+) characters; at most ([\d,]+)\)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "This text is too long (%1 characters; at most %2)."),
    ),
    (r"The photo file is empty\.", QT_TRANSLATE_NOOP("CoreMessages", "The photo file is empty.")),
    (
        r"The photo file is larger than 40 MB.*",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "The photo file is larger than 40 MB; please choose a smaller picture."
        ),
    ),
    (
        r"A photo must be a JPEG, PNG, GIF, WebP, BMP or TIFF picture, not (.*)\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "A photo must be a JPEG, PNG, GIF, WebP, BMP or TIFF picture, not %1."
        ),
    ),
    (
        r"The picture is (\d+) × (\d+) pixels, too large.*",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The picture is %1 × %2 pixels, too large to use safely; please choose a smaller picture.",
        ),
    ),
    (
        r"The picture is far too large.*",
        QT_TRANSLATE_NOOP("CoreMessages", "The picture is far too large; please choose another one."),
    ),
    (
        r"This file is not a picture BriefBook can read, or it is damaged\.",
        QT_TRANSLATE_NOOP("CoreMessages", "This file is not a picture BriefBook can read, or it is damaged."),
    ),
    (
        r"(.+) is a folder, not a BriefBook library file\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 is a folder, not a BriefBook library file."),
    ),
    (
        r"There is no BriefBook library at (.+)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "There is no BriefBook library at %1."),
    ),
    (
        r"Cannot create a library in (.+): the folder does not exist\.",
        QT_TRANSLATE_NOOP("CoreMessages", "Cannot create a library in %1: the folder does not exist."),
    ),
    (
        r"The library (.+) was written by a newer version of BriefBook\..*",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The library %1 was written by a newer version of BriefBook. "
            "Please update BriefBook to open it; the file has not been changed.",
        ),
    ),
    (
        r"Cannot read (.+): (.*)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "Cannot read %1: %2."),
    ),
    (
        r"(.+) is not a BriefBook library \(it is some other kind of file\)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 is not a BriefBook library (it is some other kind of file)."),
    ),
    (  # the details (SQLite's own words) go to the log, not to the user
        r"The library (.+) is damaged \(.*\)\. It has not been changed\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The library %1 is damaged. It has not been changed."),
    ),
    (
        r"The library (.+) is damaged or not a BriefBook library\. It has not been changed\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The library %1 is damaged or not a BriefBook library. It has not been changed.",
        ),
    ),
    (
        r"The library (.+) is cut short \(damaged\)\. It has not been changed\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The library %1 is cut short (damaged). It has not been changed."),
    ),
    (
        r"(.+) is empty: it is not a BriefBook library \(it may have been cut short\)\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "%1 is empty: it is not a BriefBook library (it may have been cut short)."
        ),
    ),
    (
        r"The library (.+) is busy in another program\. Try again in a moment\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "The library %1 is busy in another program. Try again in a moment."
        ),
    ),
    (
        r"The library (.+) must be updated for this version of BriefBook, but it is read-only here\..*",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The library %1 must be updated for this version of BriefBook, but it is read-only here. "
            "Copy it to a folder where you can write, then open the copy.",
        ),
    ),
    (
        r"The library (.+) is read-only here, and it needs to be updated before it can be used\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The library %1 is read-only here, and it needs to be updated before it can be used.",
        ),
    ),
    (
        r"The disk holding (.+) is full\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The disk holding %1 is full."),
    ),
    (
        r"(.+) is an SQLite database, but not a BriefBook library\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 is an SQLite database, but not a BriefBook library."),
    ),
)


@functools.cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Compiled on the first message shown, not when the window starts (it does not need them)."""
    return [(re.compile(p, re.S), t) for p, t in _RAW]


def translate_known(
    text: str,
    patterns: list[tuple[re.Pattern[str], str]],
    context: str,
    part: Callable[[str], str] = lambda group: group,
) -> str | None:
    """``text`` through the first pattern it matches whole, in the UI's language; None if none does.

    ``%1``, ``%2`` in the template are the pattern's groups, each passed through ``part``
    (which may translate a known reason inside the message).
    """
    for pattern, template in patterns:
        match = pattern.fullmatch(text)
        if match:
            out = QCoreApplication.translate(context, template)
            for i, group in enumerate(match.groups(), start=1):
                out = out.replace(f"%{i}", part(group))
            return out
    return None


def user_message(error: BaseException | str) -> str:
    """The message of a core error in the UI's language (as written when unknown)."""
    text = str(error)
    translated = translate_known(text, _patterns(), _CONTEXT)
    if translated is None:
        translated = _exchange_message(text)
    return text if translated is None else translated


@functools.cache
def _newer_patterns() -> list:
    return (
        compile_patterns(import_messages.RAW)
        + _exchange_patterns()
        + compile_patterns(
            export_refusals.RAW + library_messages.RAW + store_messages.RAW + render_messages.RAW
        )
    )


def _exchange_message(text: str) -> str | None:
    """The imports', the exchange's, the export's and the Library's newer sentences
    (:mod:`briefbook.ui.import_messages`, :mod:`briefbook.ui.exchange_messages`,
    :mod:`briefbook.ui.export_refusals`, :mod:`briefbook.ui.library_messages`,
    :mod:`briefbook.ui.store_messages`, :mod:`briefbook.ui.render_messages`).

    Their templates say some things more generally than the core ("This item" for "This
    talking point", one count word for "1 meeting" and "2 meetings"), so a language with no
    translation of the template (English) is shown the core's own words, unchanged.
    """
    for pattern, template, parts in _newer_patterns():
        match = pattern.fullmatch(text)
        if match:
            out = QCoreApplication.translate(_CONTEXT, template)
            if out == template:
                return text
            for i, group in enumerate(match.groups(), start=1):
                part = parts[i - 1] if i <= len(parts) and parts[i - 1] else _field_names
                out = out.replace(f"%{i}", part(group))
            return out
    return None


_FIELD_QUOTED = re.compile(r"(^|; )([a-z][a-z ]*): «")


def _field_names(group: str) -> str:
    """A level (or a list of levels) by its label; the field names of a refused edit's other
    version ("scene setter: «…»") too."""
    from briefbook.ui.labels import field_label
    from briefbook.ui.message_parts import level_part

    if level_part(group) != group:
        return level_part(group)
    return _FIELD_QUOTED.sub(lambda m: f"{m[1]}{field_label('', m[2].replace(' ', '_'))}: «", group)
