"""The Library's refusals of an edit (dates, required fields, choices, levels, ids, photos, sections),
as patterns for the window.

The Library writes them in English with its field names ("The end date (2026-07-18) is
before the start date (2026-07-20)."); the window shows them through these templates,
with the fields, kinds, choices, levels and dates in the window's words. An
untranslated template (English) shows the Library's own words.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from briefbook.ui.message_parts import (
    choices_part,
    dates_part,
    field_part,
    fields_part,
    kind_part,
    level_part,
    needed_part,
)


def _kind(group: str) -> str:
    return kind_part(group)


def _lower_kind(group: str) -> str:
    return kind_part(group, lower=True)


# (pattern, template[, parts]) as in exchange_messages._RAW
RAW: list[tuple] = [
    (
        r"The ([a-z ]+) '(.*)' is not a real date; write it like (.+) or (.+)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The %1 '%2' is not a real date; write it like %4 or %3."),
        (fields_part, None, None, None),
    ),
    (
        r"The ([a-z ]+) \((.+)\) is before the ([a-z ]+) \((.+)\)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 (%2) is before the %3 (%4)."),
        (field_part, dates_part, fields_part, dates_part),
    ),
    (
        r"An? ([A-Za-z][a-z ]*) needs an? ([a-z][a-z ]*)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 needs %2."),
        (_kind, needed_part),
    ),
    (
        r"The ([a-z ]+) '(.*)' is not one of: (.*)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "'%2' is not a valid %1; choose one of: %3."),
        (fields_part, None, choices_part),
    ),
    (
        r"A participant's role must be one of (.*)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "A participant's role must be one of: %1."),
        (choices_part,),
    ),
    (
        r"'(.*)' is not a classification level in this library; the levels are, lowest first: (.*)\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "'%1' is not a classification level in this library; the levels, lowest first: %2.",
        ),
        (None, level_part),
    ),
    (
        r"'(.*)' could mean more than one level \((.*)\); use the level's name\.",
        QT_TRANSLATE_NOOP("CoreMessages", "'%1' could mean more than one level (%2); use the level's name."),
        (None, level_part),
    ),
    (
        r"The label '(.*)' contains an invisible character \((.*)\), which can make a banner read "
        r"otherwise than it was typed\. Type it again without it\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The label '%1' contains an invisible character (%2), which can make a banner read "
            "otherwise than it was typed. Type it again without it.",
        ),
    ),
    (
        r"The level name '(.*)' contains an invisible character \((.*)\), which can make a banner "
        r"read otherwise than it was typed\. Type it again without it\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The level name '%1' contains an invisible character (%2), which can make a banner read "
            "otherwise than it was typed. Type it again without it.",
        ),
    ),
    (
        r"Give a classification level: one of (.*)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "Choose a classification level: one of %1."),
        (level_part,),
    ),
    (
        r"Give a ceiling: one of (.*)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "Choose the highest classification: one of %1."),
        (level_part,),
    ),
    (
        r"The id (.+) is already used by an? ([a-z ]+) in this library\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The id %1 is already used by a %2 in this library."),
        (None, _lower_kind),
    ),
    (
        r"An item with that id is already in the library\.",
        QT_TRANSLATE_NOOP("CoreMessages", "An item with that id is already in the library."),
    ),
    (
        r"A required field is empty \((.*)\)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "A required field is empty (%1)."),
        (field_part,),
    ),
    (
        r"The change could not be saved: .*\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The change could not be saved; the library was not changed."),
    ),
    (
        r"The library file tried to run instructions of its own, which BriefBook never allows\. .*",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The library file tried to run instructions of its own, which BriefBook never allows. "
            "Your change was not saved; check the file with 'briefbook check'.",
        ),
    ),
    (
        r"Move the dates by a whole number of years \(at most 100\)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "Move the dates by a whole number of years (at most 100)."),
    ),
    (
        r"(.+) is a folder, not a picture\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 is a folder, not a picture."),
    ),
    (
        r"The picture (.+) cannot be read: .*\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The picture %1 cannot be read."),
    ),
    (
        r"The sections of the book '(.*)' are damaged\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The sections of the book “%1” are damaged."),
    ),
    (
        r"A book section cannot be of kind '(.*)'\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The book has a section of an unknown kind ('%1'); the library file may have been altered.",
        ),
    ),
    (
        r"That refers to an item that is not in the library: no ([a-z ]+) has the id '(.*)' "
        r"\(the ([a-z ]+)'s ([a-z_]+)\)\. Did you mean the [a-z ]+ «(.*)», id '(.*)'\? "
        r"`briefbook list [a-z_]+` shows each [a-z ]+ with its id\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "That refers to an item that is not in the library: no %1 has the id '%2' (the %4 of this %3). "
            "Did you mean «%5» (id '%6')?",
        ),
        (_lower_kind, str, _lower_kind, fields_part, str, str),
    ),
    (
        r"That refers to an item that is not in the library: no ([a-z ]+) has the id '(.*)' "
        r"\(the ([a-z ]+)'s ([a-z_]+)\)\. `briefbook list [a-z_]+` shows each [a-z ]+ with its id\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "That refers to an item that is not in the library: no %1 has the id '%2' (the %4 of this %3).",
        ),
        (_lower_kind, str, _lower_kind, fields_part),
    ),
]
