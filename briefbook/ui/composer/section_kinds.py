"""The kinds of section a book can hold, by the name and the help the composer shows.

Kept apart from the tree's model (:mod:`.section_model`): the section list's menu
(:mod:`.sections_panel`) and the composer's help pane (:mod:`.view`) name the kinds
too. The texts are marked for translation in the ``Sections`` context and
translated when shown, so a language switch shows them at once.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

KIND_NAMES = {
    "cover": QT_TRANSLATE_NOOP("Sections", "Cover"),
    "contents": QT_TRANSLATE_NOOP("Sections", "Contents"),
    "programme": QT_TRANSLATE_NOOP("Sections", "Programme"),
    "delegation": QT_TRANSLATE_NOOP("Sections", "Delegation and participants"),
    "objectives": QT_TRANSLATE_NOOP("Sections", "Objectives and scene-setter"),
    "meetings": QT_TRANSLATE_NOOP("Sections", "Meeting briefs"),
    "topics": QT_TRANSLATE_NOOP("Sections", "Topic briefs"),
    "statements": QT_TRANSLATE_NOOP("Sections", "Annex: prior statements"),
    "biographies": QT_TRANSLATE_NOOP("Sections", "Annex: biographies"),
    "text": QT_TRANSLATE_NOOP("Sections", "Free text"),
}

KIND_HELP = {
    "cover": QT_TRANSLATE_NOOP(
        "Sections", "The cover page: title, event, place and dates, classification, recipient, copy number."
    ),
    "contents": QT_TRANSLATE_NOOP("Sections", "The table of contents, with page numbers in the PDF."),
    "programme": QT_TRANSLATE_NOOP("Sections", "A table of the event's sessions and meetings."),
    "delegation": QT_TRANSLATE_NOOP(
        "Sections", "Our delegation and the other participants the meetings list."
    ),
    "objectives": QT_TRANSLATE_NOOP("Sections", "The event's scene-setter and objectives."),
    "meetings": QT_TRANSLATE_NOOP(
        "Sections",
        "One brief per meeting. Tick the meetings to include and drag them into order; "
        "select a meeting to choose its talking points and statements.",
    ),
    "topics": QT_TRANSLATE_NOOP(
        "Sections",
        "Briefs on the topics raised in this event's meetings. Tick the topics to include; "
        "add one from the library with the button below.",
    ),
    "statements": QT_TRANSLATE_NOOP(
        "Sections",
        "Prior statements on this event's topics or by its people, grouped by topic, newest first. "
        "Tick the statements to include.",
    ),
    "biographies": QT_TRANSLATE_NOOP(
        "Sections",
        "Biographies of our delegation and of everyone taking part in this event's meetings. "
        "Tick the people to include.",
    ),
    "text": QT_TRANSLATE_NOOP("Sections", "A section with your own text."),
}


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("Sections", KIND_NAMES.get(kind, kind))


def kind_help(kind: str) -> str:
    return QCoreApplication.translate("Sections", KIND_HELP.get(kind, ""))
