"""The export's refusals of a choice (ceiling, password, cards, target), as patterns for the window.

``briefbook.export`` writes them in English for the CLI, naming its options
(``--ceiling``, ``--password``). The window shows them through these templates
(``%1``, ``%2`` are the pattern's groups, as in :mod:`briefbook.ui.exchange_messages`),
which say what to do in the window instead; an untranslated template (English)
shows the core's own words.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from briefbook.ui.message_parts import level_part

# (pattern, template[, parts]) as in exchange_messages._RAW
RAW: list[tuple] = [
    (
        r"The book “(.*)” may hold nothing above (.+) \(its classification ceiling\), so it cannot be "
        r"exported at (.+)\. To export it at .+, first raise the book's ceiling: .*, or in the composer\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The book “%1” may hold nothing above %2 (its highest classification), so it cannot be "
            "exported at %3. To export it at %3, first raise the book's highest classification "
            "to %3 in Books (Book details, Highest classification).",
        ),
        (None, level_part, level_part),
    ),
    (
        r"The book “(.*)” has no classification ceiling: choose the highest level this copy may hold "
        r"\((.*)\), on the command line with --ceiling\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The book “%1” has no highest classification: choose the highest level this copy may hold (%2).",
        ),
        (None, level_part),
    ),
    (
        r"The PDF password is empty; give a password, or leave --password out\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "The PDF password is empty; type a password, or leave the field empty."
        ),
    ),
    (
        r"A password protects only the PDF, and this export writes only a DOCX, which would open "
        r"without it: .*",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "A password protects only the PDF, and this export writes only a Word file, which would "
            "open without it: export the PDF too, or leave the password out.",
        ),
    ),
    (
        r"Printing can only be refused in a password-protected PDF: .*",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "Printing can only be refused in a password-protected PDF: give a password, or allow printing.",
        ),
    ),
    (
        r"Cards are printed as a PDF, on A5 or A6\.",
        QT_TRANSLATE_NOOP("CoreMessages", "Cards are printed as a PDF, on A5 or A6."),
    ),
    (
        r"Say where to save the book: a file name \(-o book\.pdf\) or a folder ending in / \(-o out/\)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "Choose where to save the book: a file name, or a folder."),
    ),
    (
        r"The export was stopped and no file was written: (\d+) piece\(s\) of text would have left although "
        r"they may not \(.*\)\. This is a fault in BriefBook; please report it\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The export was stopped and no file was written: %1 piece(s) of text would have left although "
            "they may not. This is a fault in BriefBook; please report it.",
        ),
    ),
    (
        r"Export formats are pdf and docx, not (.*)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "Export formats are PDF and Word (DOCX), not %1."),
    ),
]
