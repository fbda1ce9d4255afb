"""The exchange's newer English sentences, as patterns for :mod:`briefbook.ui.messages`.

(What an import says beside its items and about the file is in :mod:`briefbook.ui.import_messages`;
the Library's own sentences, a lost update, a delete, a refused file, in
:mod:`briefbook.ui.library_change_messages`, which ``patterns`` lists after these.)
Imports, packages, merges, lost updates and 'what goes with a delete' speak in
English for the CLI; the window shows them through these templates (``%1``,
``%2`` are the pattern's groups, as in ``messages._PATTERNS``). Kept apart
from ``messages.py`` so that each file stays one readable list.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from briefbook.ui import library_change_messages
from briefbook.ui.message_parts import fields_part, kind_part, level_part

Part = Callable[[str], str]


def _lower_kind(group: str) -> str:
    return kind_part(group, lower=True)


# (pattern, template[, parts]): the pattern must match the whole message; ``parts`` gives, per
# group, how the window words it (a level, a kind, a field list); None keeps the default.
_RAW: list[tuple] = [
    # files an import or a package cannot read
    (r"There is no file at (.+)\.", QT_TRANSLATE_NOOP("CoreMessages", "There is no file at %1.")),
    (r"(.+) is a folder, not a file\.", QT_TRANSLATE_NOOP("CoreMessages", "%1 is a folder, not a file.")),
    (
        r"The pasted text is larger than (.+); BriefBook does not read it\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The pasted text is larger than %1; BriefBook does not read it."),
    ),
    (
        r"The article (.+) is larger than (.+); BriefBook does not read it\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The article %1 is larger than %2; BriefBook does not read it."),
    ),
    (
        r"The contact list (.+) is larger than (.+); BriefBook does not read it\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "The contact list %1 is larger than %2; BriefBook does not read it."
        ),
    ),
    (
        r"The document (.+) is larger than (.+); BriefBook does not read it\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The document %1 is larger than %2; BriefBook does not read it."),
    ),
    (
        r"The package (.+) is larger than (.+); BriefBook does not read it\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The package %1 is larger than %2; BriefBook does not read it."),
    ),
    (
        r"A part of (.+) is larger than (.+); BriefBook does not read it\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "A part of %1 is larger than %2; BriefBook does not read it (it is damaged or altered).",
        ),
    ),
    (
        r"(.+) unpacks to more than (.+); BriefBook does not read it\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 unpacks to more than %2; BriefBook does not read it."),
    ),
    (
        r"The pasted text is empty: paste a news article to import its statements\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "The pasted text is empty: paste a news article to import its statements."
        ),
    ),
    (
        r"(.+) is not a Word document \(\.docx\); BriefBook cannot read it\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 is not a Word document (.docx); BriefBook cannot read it."),
    ),
    (
        r"(.+) is damaged or not a Word document \(.*\)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 is damaged or not a Word document."),
    ),
    (
        r"Talking points are imported from a Word document \(\.docx\), not (.+)\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "Talking points are imported from a Word document (.docx), not %1."
        ),
    ),
    (
        r"Contacts are imported from a CSV file or vCards \(\.vcf\), not (.+)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "Contacts are imported from a CSV file or vCards (.vcf), not %1."),
    ),
    (
        r"(.+) is not a text, web page or Word file; BriefBook cannot read it\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "%1 is not a text, web page or Word file; BriefBook cannot read it."
        ),
    ),
    (
        r"(.+) is not text BriefBook can read \(.*\)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 is not text BriefBook can read (save it as UTF-8)."),
    ),
    (
        r"(.+) has no column of names .*; its columns are: (.*)\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "%1 has no column of names (a header such as 'Name' or 'Họ và tên'); its columns are: %2.",
        ),
    ),
    (
        r"(.+) is empty or not a CSV file\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 is empty or not a CSV file."),
    ),
    (
        r"(.+) holds no contact cards with a name\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 holds no contact cards with a name."),
    ),
    (
        r"There is no package file at (.+)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "There is no package file at %1."),
    ),
    (
        r"(.+) holds too many files to be a BriefBook package\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 holds too many files to be a BriefBook package."),
    ),
    (
        r"(.+) holds an? ([a-z][a-z ]*) with the id of an? ([a-z][a-z ]*) of this library; "
        r"it cannot be imported\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "%1 holds a %2 with the same id as a %3 in this library; it cannot be imported.",
        ),
        (None, _lower_kind, _lower_kind),
    ),
    (
        r"There is no conflict to resolve for the item .+\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "This item has no conflict left to settle (it may have been settled already)."
        ),
    ),
    (
        r"Choose to keep mine, take theirs or edit\.",
        QT_TRANSLATE_NOOP("CoreMessages", "Choose to keep mine, take theirs or edit."),
    ),
    (
        r"(.+) is not a BriefBook exchange package.*\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 is not a BriefBook exchange package."),
    ),
    (
        r"(.+) is damaged or altered: .*\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 is damaged or altered; nothing was imported."),
    ),
    (r"(.+) is damaged: .*\.", QT_TRANSLATE_NOOP("CoreMessages", "%1 is damaged; nothing was imported.")),
    (
        r"(.+) was written by a newer BriefBook \(package format .*\); update BriefBook to read it\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "%1 was written by a newer BriefBook; update BriefBook to read it."
        ),
    ),
    (
        r"(.+) uses classification levels this library does not have \((.*); here: (.*)\)\. "
        r"Nothing was imported\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "%1 uses classification levels this library does not have (%2; here: %3). Nothing was imported.",
        ),
        (None, None, level_part),
    ),
    (
        r"([A-Z][\w ]*) “(.*)” would lower its classification from (.+) to (.+): it is held as a "
        r"conflict, and yours is kept until you choose\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "%1 “%2” would lower its classification from %3 to %4: it is held as a conflict, and yours "
            "is kept until you choose.",
        ),
        (kind_part, None, level_part, level_part),
    ),
    (
        r"([A-Z][\w ]*) “(.*)” would raise its ceiling from (.+) to (.+): it is held as a conflict, "
        r"and yours is kept until you choose\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "%1 “%2” would raise its ceiling from %3 to %4: it is held as a conflict, and yours is kept "
            "until you choose.",
        ),
        (kind_part, None, level_part, level_part),
    ),
    (
        r"([A-Z][\w ]*) “(.*)” would make shareable what is marked not for release here: it is held "
        r"as a conflict, and yours is kept until you choose\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "%1 “%2” would make shareable what is marked not for release here: it is held as a "
            "conflict, and yours is kept until you choose.",
        ),
        (kind_part,),
    ),
    (
        r"([A-Z][\w ]*) “(.*)” is (.+), above the package's own ceiling \((.+)\): it was put in by hand "
        r"or by another program, and it keeps its level here\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "%1 “%2” is %3, above the package's own ceiling (%4): it was put in by hand or by another "
            "program, and it keeps its level here.",
        ),
        (kind_part, None, level_part, level_part),
    ),
    (
        r"(.+) ranks its classification levels in another order \(lowest first: (.*); here: (.*)\), "
        r"so a level would not mean the same here\. Nothing was imported\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "%1 ranks its classification levels in another order (lowest first: %2; here: %3), "
            "so a level would not mean the same here. Nothing was imported.",
        ),
        (None, level_part, level_part),
    ),
    (
        r"(.+) is a folder; choose a file name for the package\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 is a folder; choose a file name for the package."),
    ),
    (
        r"Cannot write (.+): the folder (.+) does not exist\.",
        QT_TRANSLATE_NOOP("CoreMessages", "Cannot write %1: the folder %2 does not exist."),
    ),
    # what a package export leaves out (briefbook.exchange.scope)
    (
        r"[A-Z][\w ]* “(.*)” is left out with the item it belongs to\.",
        QT_TRANSLATE_NOOP("CoreMessages", "“%1” is left out with the item it belongs to."),
    ),
    (
        r"[A-Z][\w ]* “(.*)” is all not for release; left out\.",
        QT_TRANSLATE_NOOP("CoreMessages", "“%1” is all not for release; left out."),
    ),
    (
        r"[A-Z][\w ]* “(.*)” is (.+), above the ceiling \((.+)\); left out\.",
        QT_TRANSLATE_NOOP("CoreMessages", "“%1” is %2, above the ceiling (%3); left out."),
    ),
    (
        r"[A-Z][\w ]* “(.*)” is marked not for release; left out\.",
        QT_TRANSLATE_NOOP("CoreMessages", "“%1” is marked not for release; left out."),
    ),
    # the fields a package leaves out whole, said by its export and its import's preview
    # (briefbook.exchange.packages.withheld_lines, briefbook.exchange.merge_release.withheld_notes)
    (
        r"The internal notes of (\d+) (?:person|people) are left out of this package for sharing: no book "
        r"prints them, and a library that imports it keeps its own\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The internal notes of %1 people are left out of this package for sharing: no book prints "
            "them, and a library that imports it keeps its own.",
        ),
    ),
    (
        r"The sensitivities of (\d+) (?:person|people) are left out of this package at (.+): no book "
        r"below (.+) prints them, and a library that imports it keeps its own\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The sensitivities of %1 people are left out of this package at %2: no book below %3 prints "
            "them, and a library that imports it keeps its own.",
        ),
        (None, level_part, level_part),
    ),
    (
        r"The descriptions of (\d+) organisations? are left out of this package for sharing: no book "
        r"prints them, and a library that imports it keeps its own\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The descriptions of %1 organisations are left out of this package for sharing: no book "
            "prints them, and a library that imports it keeps its own.",
        ),
    ),
    (
        r"This package carries no internal notes of people \(it was made for sharing\): the notes kept "
        r"here stay as they are\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "This package carries no internal notes of people (it was made for sharing): the notes kept "
            "here stay as they are.",
        ),
    ),
    (
        r"This package carries no sensitivities of people \(its ceiling is (.+)\): those kept here stay "
        r"as they are\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "This package carries no sensitivities of people (its ceiling is %1): those kept here stay "
            "as they are.",
        ),
        (level_part,),
    ),
    (
        r"This package carries no descriptions of organisations \(it was made for sharing\): those kept "
        r"here stay as they are\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "This package carries no descriptions of organisations (it was made for sharing): those kept "
            "here stay as they are.",
        ),
    ),
    (
        r"This package leaves out the field (\w+) of every ([\w ]+): yours stay as they are\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "This package leaves out the field %1 of every %2: yours stay as they are."
        ),
        (fields_part, _lower_kind),
    ),
    (
        r"Nothing of what was chosen can go in a package at (.+): each is left out with an item above "
        r"that ceiling or not for release\. No file was written\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "Nothing of what was chosen can go in a package at %1: each is left out with an item above "
            "that ceiling or not for release. No file was written.",
        ),
        (level_part,),
    ),
    (
        r"[A-Z][\w ]* “(.*)” is (.+), above the ceiling \((.+)\): it cannot be put in this package\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "“%1” is %2, above the ceiling (%3): it cannot be put in this package."
        ),
    ),
    (
        r"This item was deleted here; keep mine or take theirs\.",
        QT_TRANSLATE_NOOP("CoreMessages", "This item was deleted here; keep mine or take theirs."),
    ),
]
_RAW += library_change_messages.RAW  # the Library's own sentences, after the exchange's

Pattern = tuple[re.Pattern[str], str, tuple[Part | None, ...]]


def compile_patterns(raw: list[tuple]) -> list[Pattern]:
    """``(pattern, template[, parts])`` entries, compiled (``.`` also matches a new line)."""
    return [(re.compile(entry[0], re.S), entry[1], entry[2] if len(entry) > 2 else ()) for entry in raw]


@functools.cache
def patterns() -> list[Pattern]:
    """The patterns, compiled on the first message shown: 120 of them cost about 30 ms, which
    the first screen of the window does not need."""
    return compile_patterns(_RAW)
