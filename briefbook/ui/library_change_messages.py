"""The Library's own newer English sentences, as patterns for :mod:`briefbook.ui.messages`:
a lost update refused, what goes with a delete, and a library refused for its shape with its
cleaned copy. The window shows each through its template (``%1``, ``%2`` are the pattern's
groups); kept apart from :mod:`briefbook.ui.exchange_messages` (imports, packages, merges),
which lists these after its own, in this order.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from briefbook.ui import store_messages

# (pattern, template[, parts]) as in exchange_messages._RAW
RAW: list[tuple] = [
    # a lost update refused (the Library's stale_message)
    (
        r"This .+ was changed in another window or program \(at (.+) UTC\) after you started editing it, "
        r"so your change was not saved\. The other version: (.*)\. Look at it, then make your change again\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "This item was changed in another window or program (at %1 UTC) after you started editing it, "
            "so your change was not saved. The other version: %2. Look at it, then make your change again.",
        ),
    ),
    # what goes with a delete (the Library's deleted.describe), one count each
    (r"(\d+) meetings?", QT_TRANSLATE_NOOP("CoreMessages", "%1 meeting(s)")),
    (r"(\d+) books?", QT_TRANSLATE_NOOP("CoreMessages", "%1 book(s)")),
    (r"(\d+) talking points?", QT_TRANSLATE_NOOP("CoreMessages", "%1 talking point(s)")),
    (r"(\d+) participant links?", QT_TRANSLATE_NOOP("CoreMessages", "%1 participant link(s)")),
    (r"(\d+) delegation entr(?:y|ies)", QT_TRANSLATE_NOOP("CoreMessages", "%1 delegation entry(ies)")),
    (
        r"(\d+) topic links? of (?:a meeting|meetings)",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 topic link(s) of meetings"),
    ),
    (
        r"(\d+) topic links? of (?:a statement|statements)",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 topic link(s) of statements"),
    ),
    (r"(\d+) photos?", QT_TRANSLATE_NOOP("CoreMessages", "%1 photo(s)")),
    (
        r"(\d+) records? of (?:an export|exports)",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 record(s) of exports"),
    ),
    (
        r"(\d+) (?:statement's|statements') speaker",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 statement(s) losing their speaker"),
    ),
    (
        r"(\d+) (?:person's|people's) organisation",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 person(s) losing their organisation"),
    ),
    # a library refused for its shape, and its cleaned copy (briefbook.store.schema_check, cleaned_copy)
    (
        r"it holds a (trigger|view) '(.*)' \(BriefBook libraries have no \w+s\)",
        QT_TRANSLATE_NOOP("CoreMessages", "it holds a %1 '%2' (BriefBook libraries have no such thing)"),
    ),
    (
        r"its (.+) '(.*)' is not in the shape BriefBook makes",
        QT_TRANSLATE_NOOP("CoreMessages", "its %1 '%2' is not in the shape BriefBook makes"),
    ),
    (
        r"its table '(.*)' has an extra unique constraint",
        QT_TRANSLATE_NOOP("CoreMessages", "its table '%1' has an extra unique constraint"),
    ),
    (r"its (\w+) '(.*)' is missing", QT_TRANSLATE_NOOP("CoreMessages", "its %1 '%2' is missing")),
    (
        r"it holds .+ '(.*)' that BriefBook does not make",
        QT_TRANSLATE_NOOP("CoreMessages", "it holds an object '%1' that BriefBook does not make"),
    ),
    (r"left out the (\w+) '(.*)'", QT_TRANSLATE_NOOP("CoreMessages", "left out the %1 '%2'")),
    (r"the file had no table '(.*)'", QT_TRANSLATE_NOOP("CoreMessages", "the file had no table '%1'")),
    (
        r"left out a row of '(.*)' that refers to something not in the file",
        QT_TRANSLATE_NOOP("CoreMessages", "left out a row of '%1' that refers to something not in the file"),
    ),
    (
        r"left out the table '(.*)', which BriefBook does not make",
        QT_TRANSLATE_NOOP("CoreMessages", "left out the table '%1', which BriefBook does not make"),
    ),
    (
        r"the table '(.*)' had no column '(.*)', which it needs",
        QT_TRANSLATE_NOOP("CoreMessages", "the table '%1' had no column '%2', which it needs"),
    ),
    (
        r"the table '(.*)' had no column '(.*)' \(the default is used\)",
        QT_TRANSLATE_NOOP("CoreMessages", "the table '%1' had no column '%2' (the default is used)"),
    ),
    (
        r"left out (\d+) of (\d+) rows of '(.*)' that do not fit",
        QT_TRANSLATE_NOOP("CoreMessages", "left out %1 of %2 rows of '%3' that do not fit"),
    ),
    (
        r"left out a photo BriefBook cannot read \(person (.*)\)",
        QT_TRANSLATE_NOOP("CoreMessages", "left out a photo BriefBook cannot read (person %1)"),
    ),
    (
        r"The file is damaged, so no cleaned copy can be made of it\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The file is damaged, so no cleaned copy can be made of it."),
    ),
    (
        r"The file does not say which version of BriefBook wrote it, so no cleaned copy can be made\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The file does not say which version of BriefBook wrote it, so no cleaned copy can be made.",
        ),
    ),
    (
        r"The file was written by a newer version of BriefBook; update BriefBook\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "The file was written by a newer version of BriefBook; update BriefBook."
        ),
    ),
    (
        r"No cleaned copy can be made: (.*)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "No cleaned copy can be made: %1."),
        (store_messages.history_part,),
    ),
]
