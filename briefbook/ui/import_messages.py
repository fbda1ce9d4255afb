"""What an import says beside its proposed items and about the file, as patterns for the window.

The importers (Word documents, news articles, contact lists: ``briefbook.exchange``) write
these notes and messages in English for the CLI; the import preview shows them through
these templates (``%1``, ``%2`` are the pattern's groups, as in
:mod:`briefbook.ui.exchange_messages`); an untranslated template (English) shows the
core's own words.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from briefbook.ui.message_parts import columns_part, fields_part


def _refusal(group: str) -> str:
    """The Library's refusal of a package's value, in the window's words."""
    from briefbook.ui.messages import user_message  # (which lists these patterns)

    return user_message(group)


# (pattern, template[, parts]) as in exchange_messages._RAW
RAW: list[tuple] = [
    # notes beside a proposed item
    (r"new person", QT_TRANSLATE_NOOP("CoreMessages", "new person")),
    (r"new topic", QT_TRANSLATE_NOOP("CoreMessages", "new topic")),
    (
        r"new topic \(named after the file\)",
        QT_TRANSLATE_NOOP("CoreMessages", "new topic (named after the file)"),
    ),
    (r"new organisation", QT_TRANSLATE_NOOP("CoreMessages", "new organisation")),
    # what an import says about the file
    (
        r"(\d+) captions, bylines and headings were not taken as statements\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 captions, bylines and headings were not taken as statements."),
    ),
    (
        r"No reported or quoted speech was found in (.+)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "No reported or quoted speech was found in %1."),
    ),
    (
        r"(.+) gives no date; give one \(YYYY-MM-DD\)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 gives no date; give one (YYYY-MM-DD)."),
    ),
    (
        r"(.+) gives the day \((.+)\) but not the year\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 gives the day (%2) but not the year."),
    ),
    (
        r"Hidden text in (.+) is left out \(Word does not print it\): “(.*)” and (\d+) more\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "Hidden text in %1 is left out (Word does not print it): “%2” and %3 more."
        ),
    ),
    (
        r"Hidden text in (.+) is left out \(Word does not print it\): “(.*)”\.",
        QT_TRANSLATE_NOOP("CoreMessages", "Hidden text in %1 is left out (Word does not print it): “%2”."),
    ),
    (
        r"Pictures, charts and objects in (.+) are left out \(BriefBook imports text only\): (\d+), "
        r"the first after “(.*)”\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "Pictures, charts and objects in %1 are left out (BriefBook imports text only): %2, "
            "the first after “%3”.",
        ),
    ),
    (
        r"Footnotes and endnotes in (.+) are left out \(copy them into the text to keep them\): (\d+), "
        r"the first after “(.*)”\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "Footnotes and endnotes in %1 are left out (copy them into the text to keep them): %2, "
            "the first after “%3”.",
        ),
    ),
    (
        r"Equations in (.+) are left out \(BriefBook imports text only\): (\d+), the first after “(.*)”\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "Equations in %1 are left out (BriefBook imports text only): %2, the first after “%3”.",
        ),
    ),
    (
        r"(.+) has no paragraphs to import as talking points\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 has no paragraphs to import as talking points."),
    ),
    (r"Columns: (.*)", QT_TRANSLATE_NOOP("CoreMessages", "Columns: %1"), (columns_part,)),
    (
        r"Kept in the notes \(no matching field\): (.*)",
        QT_TRANSLATE_NOOP("CoreMessages", "Kept in the notes (no matching field): %1"),
    ),
    (
        r"A row without a name was left out: (.*)",
        QT_TRANSLATE_NOOP("CoreMessages", "A row without a name was left out: %1"),
    ),
    (
        r"(.+): '(.*)' is not a level here; imported as (.+)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1: '%2' is not a level here; imported as %3."),
    ),
    (r"already in the library", QT_TRANSLATE_NOOP("CoreMessages", "already in the library")),
    (
        r"probably already here: merge fills (.+); differs in (.+) \(kept as it is here\)",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "probably already here: merging fills in %1; %2 differs (kept as it is here)"
        ),
        (fields_part, fields_part),
    ),
    (
        r"probably already here: merge fills (.+)",
        QT_TRANSLATE_NOOP("CoreMessages", "probably already here: merging fills in %1"),
        (fields_part,),
    ),
    (
        r"a question with no answer: dropped \(edit it to keep it\)",
        QT_TRANSLATE_NOOP("CoreMessages", "a question with no answer: dropped (edit it to keep it)"),
    ),
    (
        r"(.+) has more than ([\d,]+) rows; split it\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 has more than %2 rows; split it into smaller files."),
    ),
    (
        r"(.+) has more than ([\d,]+) cards; split it\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 has more than %2 cards; split it into smaller files."),
    ),
    (
        r"(.+) is not a well-formed CSV file \(.*\)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 is not a well-formed CSV file."),
    ),
    (
        r"(.+) is not a readable vCard file \(.*\)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 is not a readable vCard file."),
    ),
    (
        r"An? [a-z][a-z ]* has no field '(.*)'\. Did you mean '(.*)'\? Its fields are: (.*)\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "This kind of item has no field '%1'. Did you mean '%2'? Its fields are: %3."
        ),
        (str, fields_part, fields_part),
    ),
    (
        r"An? [a-z][a-z ]* has no field '(.*)'\. Its fields are: (.*)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "This kind of item has no field '%1'. Its fields are: %2."),
        (str, fields_part),
    ),
    (
        r"(.+) \(no organisation\) is listed twice; imported once\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 (no organisation) is listed twice; imported once."),
    ),
    (
        r"(.+) \((.+)\) is listed twice; imported once\.",
        QT_TRANSLATE_NOOP("CoreMessages", "%1 (%2) is listed twice; imported once."),
    ),
    (
        r"\w[\w ]* “(.*)” was not imported: what it belongs to was dropped\.",
        QT_TRANSLATE_NOOP("CoreMessages", "“%1” was not imported: what it belongs to was dropped."),
    ),
    (
        r"\w[\w ]* “(.*)” is not imported: its \w+ is not in this library or the package\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "“%1” is not imported: what it belongs to is not in this library or the package."
        ),
    ),
    (  # a package's item the Library refuses (exchange.merge._check_values): its refusal, in words
        r"\w[\w ]* “(.*)” is not imported: ([A-Z].*)",
        QT_TRANSLATE_NOOP("CoreMessages", "“%1” is not imported: %2"),
        (None, _refusal),
    ),
]
