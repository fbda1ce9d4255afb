"""The preflight's warnings in the user's language.

The core (``briefbook.assemble``) writes its warnings in English for the CLI;
the composer shows each known one (by its ``code``) through a translatable
template, with the item's kind, the levels and the field names in the window's
words. A warning we do not know is shown as the core wrote it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from briefbook.assemble import PreflightWarning
from briefbook.invisible import visible_controls
from briefbook.text import one_line
from briefbook.ui.labels import field_label, kind_label, level_label
from briefbook.ui.message_parts import fields_part, kind_part, level_part

_QUOTED = r"“(.*)”"
# code -> (pattern of the core's message, translatable template; %1.. are the groups)
_TEMPLATES: dict[str, tuple[str, str]] = {
    "above_ceiling": (
        r"(.+) " + _QUOTED + r" is (.+), above the ceiling \((.+)\); it is left out\.",
        QT_TRANSLATE_NOOP("Preflight", "%1 “%2” is %3, above the ceiling (%4); it is left out."),
    ),
    "hidden_in_name": (
        r"The name of (.+) " + _QUOTED + r" contains an invisible character (.+), which can make the "
        r"text after it read backwards\.",
        QT_TRANSLATE_NOOP(
            "Preflight",
            "The name of %1 “%2” contains an invisible character %3, which can make the text after "
            "it read backwards.",
        ),
    ),
    "hidden_in_field": (
        r"The (.+) of (.+) " + _QUOTED + r" contains an invisible character (.+), which can make it read "
        r"backwards\.",
        QT_TRANSLATE_NOOP(
            "Preflight",
            "The %1 of %2 “%3” contains an invisible character %4, which can make it read backwards.",
        ),
    ),
    "hidden_in_section": (
        r"The title of the section " + _QUOTED + r" contains an invisible character (.+), which can make "
        r"it read backwards\.",
        QT_TRANSLATE_NOOP(
            "Preflight",
            "The title of the section “%1” contains an invisible character %2, which can make it read "
            "backwards.",
        ),
    ),
    "left_out_with_topic": (
        r"Talking point " + _QUOTED + r" is left out with its topic " + _QUOTED + r"\.",
        QT_TRANSLATE_NOOP("Preflight", "Talking point “%1” is left out with its topic “%2”."),
    ),
    "left_out_with_meeting": (
        r"(.+) " + _QUOTED + r" is left out: it comes to this book only through meetings it leaves out\.",
        QT_TRANSLATE_NOOP(
            "Preflight", "%1 “%2” is left out: it comes to this book only through meetings it leaves out."
        ),
    ),
    "meeting_outside_event": (
        r"The meeting " + _QUOTED + r" is on (.+), outside its event's dates \((.+) to (.+)\)\.",
        QT_TRANSLATE_NOOP("Preflight", "The meeting “%1” is on %2, outside its event's dates (%3 to %4)."),
    ),
    "draft_omitted": (
        r"Talking point " + _QUOTED + r" is not cleared; left out\.",
        QT_TRANSLATE_NOOP("Preflight", "Talking point “%1” is not cleared; it is left out."),
    ),
    "draft_included": (
        r"Talking point " + _QUOTED + r" is not cleared yet\.",
        QT_TRANSLATE_NOOP("Preflight", "Talking point “%1” is not cleared yet; it is marked as a draft."),
    ),
    "meeting_without_points": (
        r"The meeting " + _QUOTED + r" has no talking points\.",
        QT_TRANSLATE_NOOP("Preflight", "The meeting “%1” has no talking points."),
    ),
    "topic_without_content": (
        r"The topic " + _QUOTED + r" has no talking points or background to print; it is left out\.",
        QT_TRANSLATE_NOOP(
            "Preflight", "The topic “%1” has no talking points or background to print; it is left out."
        ),
    ),
    "empty_section": (
        r"The section " + _QUOTED + r" has nothing to show\.",
        QT_TRANSLATE_NOOP("Preflight", "The section “%1” has nothing to show; it is left out."),
    ),
    "person_without_photo": (
        r"(.+) has no photo\.",
        QT_TRANSLATE_NOOP("Preflight", "%1 has no photo."),
    ),
    "person_without_position": (
        r"(.+) has no position\.",
        QT_TRANSLATE_NOOP("Preflight", "%1 has no position."),
    ),
    "missing_item": (
        r"An item chosen for this book no longer exists.*",
        QT_TRANSLATE_NOOP(
            "Preflight", "An item chosen for this book no longer exists; it is left out. Choose again."
        ),
    ),
    "deleted_item": (
        r"(.+?) " + _QUOTED + r" was in this book and has been deleted; it is left out "
        r"\(briefbook deleted lists it\)\.",
        QT_TRANSLATE_NOOP(
            "Preflight",
            "%1 “%2” was in this book and has been deleted; it is left out. Edit → Undo, or "
            "'briefbook undelete' later, brings it back.",
        ),
    ),
    "other_event": (
        r"(.+?) " + _QUOTED + r" belongs to another event \((.+)\), not to this book's event\.",
        QT_TRANSLATE_NOOP(
            "Preflight",
            "%1 “%2” belongs to another event (%3), not to this book's event. Is it meant to be here?",
        ),
    ),
    "not_for_release": (
        r"Passages marked not for release are left out of this export\.",
        QT_TRANSLATE_NOOP("Preflight", "Passages marked not for release are left out (for sharing)."),
    ),
    "no_ceiling": (
        r"The book has no classification ceiling, so only what anyone may read is shown and it cannot "
        r"be exported; choose its highest classification \((.*)\)\.",
        QT_TRANSLATE_NOOP(
            "Preflight",
            "The book has no highest classification, so only what anyone may read is shown and it "
            "cannot be exported; choose its highest classification (%1).",
        ),
    ),
    "title_above_ceiling": (
        r"The book's title names its event, which is above the ceiling; the title is left out\.",
        QT_TRANSLATE_NOOP(
            "Preflight",
            "The book's title names its event, which is above the ceiling; the title is left out.",
        ),
    ),
    "item_not_for_release": (
        r"(.+) " + _QUOTED + r" is marked not for release; it is left out of this shareable copy\.",
        QT_TRANSLATE_NOOP(
            "Preflight", "%1 “%2” is marked not for release; it is left out of this shareable copy."
        ),
    ),
    "not_for_release_passage": (
        r"Left out of this shareable copy \(not for release\): (.+) " + _QUOTED + r": " + _QUOTED + r"\.",
        QT_TRANSLATE_NOOP("Preflight", "Left out of this shareable copy (not for release): %1 “%2”: “%3”."),
    ),
    "sensitivities_above_ceiling": (
        r"The sensitivities of (.+) are (.+), above the ceiling \((.+)\); they are left out\.",
        QT_TRANSLATE_NOOP(
            "Preflight", "The sensitivities of %1 are %2, above the ceiling (%3); they are left out."
        ),
    ),
    "text_section_in_copy": (
        r"The section " + _QUOTED + r" is the book's own text, which every copy prints whatever its "
        r"ceiling: this (.+) copy holds it too \(a passage marked \[NFR\] is left out of a copy for "
        r"sharing\)\.",
        QT_TRANSLATE_NOOP(
            "Preflight",
            "The section “%1” is the book's own text, which every copy prints whatever its ceiling: "
            "this %2 copy holds it too (a passage marked [NFR] is left out of a copy for sharing).",
        ),
    ),
    "font_missing": (
        r"No Chinese font is installed on this computer, so Chinese characters cannot be printed; "
        r"install one \(for example the Debian package (.+)\)\.",
        QT_TRANSLATE_NOOP(
            "Preflight",
            "No Chinese font is installed on this computer, so Chinese characters cannot be printed; "
            "install one (for example the Debian package %1).",
        ),
    ),
}

# A character no font can print: where (an item, its field, or the book's own text), then which.
_GLYPHS = (
    r" has characters no font of the book can print: (.+?)(?: and (\d+) more)?\. "
    r"They will show as � in the files\."
)
_GLYPH_TEMPLATES: list[tuple[str, str]] = [
    (
        r"(.+?) " + _QUOTED + r", field “(.+)”," + _GLYPHS,
        QT_TRANSLATE_NOOP(
            "Preflight",
            "%1 “%2”, field “%3”, has characters no font of the book can print: %4. "
            "They will show as � in the files.",
        ),
    ),
    (
        r"(.+?) " + _QUOTED + _GLYPHS,
        QT_TRANSLATE_NOOP(
            "Preflight",
            "%1 “%2” has characters no font of the book can print: %3. They will show as � in the files.",
        ),
    ),
    (
        r"The book's own text" + _GLYPHS,
        QT_TRANSLATE_NOOP(
            "Preflight",
            "The book's own text has characters no font of the book can print: %1. "
            "They will show as � in the files.",
        ),
    ),
]
_MORE = QT_TRANSLATE_NOOP("Preflight", "%1 and %2 more")


def _tr(template: str) -> str:
    return QCoreApplication.translate("Preflight", template)


def _filled(template: str, groups: list[str]) -> str:
    out = _tr(template)
    for i, group in enumerate(groups, start=1):
        out = out.replace(f"%{i}", group)
    return out


def _name(group: str) -> str:
    """A name or passage the preflight quotes: already read as text by the core (names) or by
    assembly (passages), so only put on one line and cut; read again, "snake_case" or "2 * 3"
    lost their marks."""
    return visible_controls(one_line(group, 100)) if group else group


def warning_text(warning: PreflightWarning) -> str:
    """The warning in the UI's language (the core's words when it is not one we know)."""
    if warning.code == "glyph_missing":
        return _glyph_text(warning)
    known = _TEMPLATES.get(warning.code)
    if known is None:
        return visible_controls(warning.message)
    pattern, template = known
    match = re.fullmatch(pattern, warning.message, re.S)
    if match is None:
        return visible_controls(warning.message)
    groups = [_name(g) for g in match.groups()]
    if (
        warning.code
        in (
            "other_event",
            "item_not_for_release",
            "not_for_release_passage",
            "deleted_item",
            "left_out_with_meeting",
        )
        and groups
    ):
        groups[0] = kind_label(warning.kind) if warning.kind else kind_part(match.group(1))
    if warning.code == "above_ceiling" and len(groups) == 4:
        groups[0] = kind_label(warning.kind) if warning.kind else groups[0]
        groups[2], groups[3] = level_label(match.group(3)), level_label(match.group(4))
    if warning.code == "sensitivities_above_ceiling" and len(groups) == 3:
        groups[1], groups[2] = level_label(match.group(2)), level_label(match.group(3))
    if warning.code == "text_section_in_copy" and len(groups) == 2:
        groups[1] = level_label(match.group(2))
    if warning.code == "hidden_in_name" and len(groups) == 3:
        groups[0] = kind_part(match.group(1), lower=True)
    if warning.code == "hidden_in_field" and len(groups) == 4:
        groups[0], groups[1] = fields_part(match.group(1)), kind_part(match.group(2), lower=True)
    if warning.code == "no_ceiling":
        groups = [level_part(match.group(1))]
    if warning.code == "font_missing":
        groups = [match.group(1)]
    return _filled(template, groups)


def _glyph_text(warning: PreflightWarning) -> str:
    """Which characters cannot be printed, and where (their Unicode names stay as they are)."""
    for pattern, template in _GLYPH_TEMPLATES:
        match = re.fullmatch(pattern, warning.message, re.S)
        if match is None:
            continue
        *where, named, more = match.groups()
        listed = _filled(_MORE, [named, more]) if more else named
        if where:
            where[0] = kind_label(warning.kind) if warning.kind else kind_part(where[0])
            where[1] = _name(where[1])
        if len(where) == 3:
            where[2] = field_label(warning.kind, where[2].replace(" ", "_"))
        return _filled(template, [*where, listed])
    return warning.message
