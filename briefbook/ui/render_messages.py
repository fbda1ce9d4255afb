"""The renderers' refusals: a template folder that is broken, a Word styles file that cannot be used,
a Word file or cards that cannot be written, as patterns for the window.

:mod:`briefbook.render.template`, :mod:`briefbook.render.docx_sanitise` and the writers
say in English what is wrong with a template a user copied and edited; the window
shows these templates. The template's keys (``page.size``) and values stay as the
file writes them, so that the user finds them there. The words of Python's own
parsers (a JSON or XML syntax error, a zip error) go to the log, except where the
JSON error says where (line and column). An untranslated template (English) shows
the core's own words.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_OS_REASONS = {  # the system's words (strerror) after "…the Word file …: "
    "No space left on device": QT_TRANSLATE_NOOP("CoreMessages", "the disk is full"),
    "Read-only file system": QT_TRANSLATE_NOOP("CoreMessages", "the disk is read-only"),
    "Permission denied": QT_TRANSLATE_NOOP("CoreMessages", "you are not allowed to write there"),
}


def _os_reason(group: str) -> str:
    text = _OS_REASONS.get(group)
    return QCoreApplication.translate("CoreMessages", text) if text else group


def _as_written(group: str) -> str:
    """A template's key, value or file name: the file's own words, never a level or a field label."""
    return group


_AS = (_as_written,) * 4
_TEMPLATE_FILE = r"The template file (.+) cannot be read: "
_STYLES = r"The Word styles file (.+)"
_WONT = r"; BriefBook will not use it\."

# (pattern, template[, parts]) as in exchange_messages._RAW
RAW: list[tuple] = [
    (
        _TEMPLATE_FILE + r".*: line (\d+) column (\d+) \(char \d+\)",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "The template file %1 cannot be read: it is not valid JSON (line %2, column %3)."
        ),
        _AS,
    ),
    (
        _TEMPLATE_FILE + r"'utf-8' codec can't decode .*",
        QT_TRANSLATE_NOOP("CoreMessages", "The template file %1 cannot be read: it is not saved as UTF-8."),
        _AS,
    ),
    (
        _TEMPLATE_FILE + r".*",
        QT_TRANSLATE_NOOP("CoreMessages", "The template file %1 cannot be read."),
        _AS,
    ),
    (
        r"The template file (.+) must hold a JSON object\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The template file %1 must hold a JSON object ({…})."),
        _AS,
    ),
    (
        r"The template file (.+) is larger than ([\d,]+) KB" + _WONT,
        QT_TRANSLATE_NOOP(
            "CoreMessages", "The template file %1 is larger than %2 KB; BriefBook will not use it."
        ),
        _AS,
    ),
    (
        r"In (.+), page\.size is '(.*)'; use one of (.+)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "In %1, page.size is '%2'; use one of %3."),
        _AS,
    ),
    (
        r"In (.+), reference_docx must be a file name in the template's folder, not '(.*)'\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "In %1, reference_docx must be a file name in the template's folder, not '%2'."
        ),
        _AS,
    ),
    (
        r"In (.+), ([\w.]+) must be text, not (.*)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "In %1, %2 must be text (in double quotes), not %3."),
        _AS,
    ),
    (
        r"In (.+), ([\w.]+) must be a number between 0 and 500, not (.*)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "In %1, %2 must be a number between 0 and 500, not %3."),
        _AS,
    ),
    (
        r"In (.+), ([\w.]+) must be a colour like (#[0-9A-F]{6}), not (.*)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "In %1, %2 must be a colour like %3, not %4."),
        _AS,
    ),
    (
        r"In (.+), ([\w.]+) must be true or false, not (.*)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "In %1, %2 must be true or false, not %3."),
        _AS,
    ),
    (
        r"In (.+), ([\w.]+) must be one of (.+), not (.*)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "In %1, %2 must be one of %3, not %4."),
        _AS,
    ),
    (
        r"In (.+), header is longer than ([\d,]+) characters\.",
        QT_TRANSLATE_NOOP("CoreMessages", "In %1, header is longer than %2 characters."),
        _AS,
    ),
    (  # Python's words on the braces (%3) go to the log
        r"In (.+), header '(.*)' is not a pattern BriefBook can fill \((.*)\)\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "In %1, header '%2' is not a pattern BriefBook can fill (a { or } is missing or extra).",
        ),
        _AS,
    ),
    (
        r"In (.+), header may use only (.+) as they are \(no widths or other formatting\), not '(.*)'\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "In %1, header may use only %2 as they are (no widths or other formatting), not '%3'.",
        ),
        _AS,
    ),
    (
        r"Template '(.+)' uses the font '(.+)', but the file (.+) is missing from (.+)\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "Template '%1' uses the font '%2', but the file %3 is missing from %4."
        ),
        _AS,
    ),
    (
        r"Template '(.+)' has no Word styles file: (.+) is missing\.",
        QT_TRANSLATE_NOOP("CoreMessages", "Template '%1' has no Word styles file: %2 is missing."),
        _AS,
    ),
    (  # the zip's or XML's words go to the log
        r"The Word styles file of template '(.+)' \((.+)\) cannot be read \(.*\)\. Rebuild it with: (.+)",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The Word styles file of template '%1' (%2) cannot be read. Rebuild it with: %3",
        ),
        _AS,
    ),
    (
        _STYLES + r" is not a Word document \(.*\)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The Word styles file %1 is not a Word document."),
        _AS,
    ),
    (
        _STYLES + r" has ([\d,]+) parts" + _WONT,
        QT_TRANSLATE_NOOP("CoreMessages", "The Word styles file %1 has %2 parts; BriefBook will not use it."),
        _AS,
    ),
    (
        r"The part (.+) of the Word styles file (.+) is too large \(over ([\d,]+) MB unpacked\)" + _WONT,
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The part %1 of the Word styles file %2 is too large (over %3 MB unpacked); "
            "BriefBook will not use it.",
        ),
        _AS,
    ),
    (
        _STYLES + r" is damaged \(.*\)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The Word styles file %1 is damaged."),
        _AS,
    ),
    (
        _STYLES + r" has no styles \(word/styles\.xml is missing\)\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "The Word styles file %1 has no styles (word/styles.xml is missing)."
        ),
        _AS,
    ),
    (
        r"The part (.+) of the Word styles file (.+) cannot be read \(.*\)\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "The part %1 of the Word styles file %2 cannot be read (its XML is broken)."
        ),
        _AS,
    ),
    (
        _STYLES + r" cannot be read: .*\.",
        QT_TRANSLATE_NOOP("CoreMessages", "The Word styles file %1 cannot be read."),
        _AS,
    ),
    (
        _STYLES + r" is larger than ([\d,]+) MB" + _WONT,
        QT_TRANSLATE_NOOP(
            "CoreMessages", "The Word styles file %1 is larger than %2 MB; BriefBook will not use it."
        ),
        _AS,
    ),
    (
        r"Cannot save the Word file as (.+): that is a folder\. Choose a file name\.",
        QT_TRANSLATE_NOOP(
            "CoreMessages", "Cannot save the Word file as %1: that is a folder. Choose a file name."
        ),
        _AS,
    ),
    (
        r"Cannot save the Word file in (.+): (.+)\. Choose another folder\.",
        QT_TRANSLATE_NOOP("CoreMessages", "Cannot save the Word file in %1: %2. Choose another folder."),
        (_as_written, _os_reason),
    ),
    (
        r"Could not write the Word file (.+): (.+)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "Could not write the Word file %1: %2."),
        (_as_written, _os_reason),
    ),
    (
        r"Cards are printed on A5 or A6, not (.+)\.",
        QT_TRANSLATE_NOOP("CoreMessages", "Cards are printed on A5 or A6, not %1."),
        _AS,
    ),
    (  # reportlab's words go to the log
        r"The cards could not be laid out\. \(reportlab said: .*\)",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "The cards could not be laid out: an item is too large for the card. "
            "Shorten the longest table or text and export again.",
        ),
    ),
    (
        r"Password protection needs the 'cryptography' package, which is not installed\. .*",
        QT_TRANSLATE_NOOP(
            "CoreMessages",
            "Password protection needs the 'cryptography' package, which is not installed. "
            "Install it, or export without a password.",
        ),
    ),
]
