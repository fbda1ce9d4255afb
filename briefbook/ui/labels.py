"""Translated names for what the library stores: kinds, fields, choices, levels.

The records keep English identifiers (``talking_point``, ``for_clearance``);
the window shows these labels instead, through Qt's translation.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from briefbook.invisible import visible_controls

KIND_ORDER = ("event", "meeting", "person", "organisation", "topic", "talking_point", "statement", "book")

_KINDS = {
    "event": (QT_TRANSLATE_NOOP("Kinds", "Event"), QT_TRANSLATE_NOOP("Kinds", "Events")),
    "meeting": (QT_TRANSLATE_NOOP("Kinds", "Meeting"), QT_TRANSLATE_NOOP("Kinds", "Meetings")),
    "person": (QT_TRANSLATE_NOOP("Kinds", "Person"), QT_TRANSLATE_NOOP("Kinds", "People")),
    "organisation": (
        QT_TRANSLATE_NOOP("Kinds", "Organisation"),
        QT_TRANSLATE_NOOP("Kinds", "Organisations"),
    ),
    "topic": (QT_TRANSLATE_NOOP("Kinds", "Topic"), QT_TRANSLATE_NOOP("Kinds", "Topics")),
    "talking_point": (
        QT_TRANSLATE_NOOP("Kinds", "Talking point"),
        QT_TRANSLATE_NOOP("Kinds", "Talking points"),
    ),
    "statement": (
        QT_TRANSLATE_NOOP("Kinds", "Prior statement"),
        QT_TRANSLATE_NOOP("Kinds", "Prior statements"),
    ),
    "book": (QT_TRANSLATE_NOOP("Kinds", "Book"), QT_TRANSLATE_NOOP("Kinds", "Books")),
}

_FIELDS = {
    "name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "acronym": QT_TRANSLATE_NOOP("Fields", "Acronym"),
    "country": QT_TRANSLATE_NOOP("Fields", "Country"),
    "kind": QT_TRANSLATE_NOOP("Fields", "Kind"),
    "description": QT_TRANSLATE_NOOP("Fields", "Description"),
    "name_romanised": QT_TRANSLATE_NOOP("Fields", "Name (romanised)"),
    "honorific": QT_TRANSLATE_NOOP("Fields", "Honorific"),
    "position": QT_TRANSLATE_NOOP("Fields", "Position"),
    "organisation_id": QT_TRANSLATE_NOOP("Fields", "Organisation"),
    "biography": QT_TRANSLATE_NOOP("Fields", "Biography"),
    "languages": QT_TRANSLATE_NOOP("Fields", "Languages spoken"),
    "pronunciation": QT_TRANSLATE_NOOP("Fields", "How to pronounce"),
    "form_of_address": QT_TRANSLATE_NOOP("Fields", "How to address"),
    "interests": QT_TRANSLATE_NOOP("Fields", "Interests"),
    "sensitivities": QT_TRANSLATE_NOOP("Fields", "Sensitivities"),
    "notes": QT_TRANSLATE_NOOP("Fields", "Notes"),
    "classification": QT_TRANSLATE_NOOP("Fields", "Classification"),
    "title": QT_TRANSLATE_NOOP("Fields", "Title"),
    "start_date": QT_TRANSLATE_NOOP("Fields", "Start date"),
    "end_date": QT_TRANSLATE_NOOP("Fields", "End date"),
    "city": QT_TRANSLATE_NOOP("Fields", "City"),
    "hosts": QT_TRANSLATE_NOOP("Fields", "Host(s)"),
    "scene_setter": QT_TRANSLATE_NOOP("Fields", "Scene-setter"),
    "objectives": QT_TRANSLATE_NOOP("Fields", "Objectives"),
    "event_id": QT_TRANSLATE_NOOP("Fields", "Event"),
    "starts_at": QT_TRANSLATE_NOOP("Fields", "Starts"),
    "ends_at": QT_TRANSLATE_NOOP("Fields", "Ends"),
    "venue": QT_TRANSLATE_NOOP("Fields", "Venue"),
    "purpose": QT_TRANSLATE_NOOP("Fields", "Purpose"),
    "their_positions": QT_TRANSLATE_NOOP("Fields", "Their likely positions and asks"),
    "background": QT_TRANSLATE_NOOP("Fields", "Background"),
    "topic_id": QT_TRANSLATE_NOOP("Fields", "Topic"),
    "question": QT_TRANSLATE_NOOP("Fields", "Question"),
    "text": QT_TRANSLATE_NOOP("Fields", "Text"),
    "language": QT_TRANSLATE_NOOP("Fields", "Language"),
    "status": QT_TRANSLATE_NOOP("Fields", "Status"),
    "drafted_by": QT_TRANSLATE_NOOP("Fields", "Drafted by"),
    "cleared_by": QT_TRANSLATE_NOOP("Fields", "Cleared by"),
    "cleared_on": QT_TRANSLATE_NOOP("Fields", "Cleared on"),
    "speaker_id": QT_TRANSLATE_NOOP("Fields", "Speaker (person)"),
    "speaker_name": QT_TRANSLATE_NOOP("Fields", "Speaker"),
    "date": QT_TRANSLATE_NOOP("Fields", "Date"),
    "occasion": QT_TRANSLATE_NOOP("Fields", "Occasion"),
    "source": QT_TRANSLATE_NOOP("Fields", "Source"),
    "link": QT_TRANSLATE_NOOP("Fields", "Link"),
    "subtitle": QT_TRANSLATE_NOOP("Fields", "Subtitle"),
    "template": QT_TRANSLATE_NOOP("Fields", "Template"),
    "ceiling": QT_TRANSLATE_NOOP("Fields", "Classification ceiling"),
    "drafts": QT_TRANSLATE_NOOP("Fields", "Drafts"),
    "recipient": QT_TRANSLATE_NOOP("Fields", "Recipient"),
    "copy_number": QT_TRANSLATE_NOOP("Fields", "Copy number"),
    "author": QT_TRANSLATE_NOOP("Fields", "Author"),
    "issue_date": QT_TRANSLATE_NOOP("Fields", "Issue date"),
    "sections": QT_TRANSLATE_NOOP("Fields", "Sections"),
    "version": QT_TRANSLATE_NOOP("Fields", "Version"),
    "last_export_at": QT_TRANSLATE_NOOP("Fields", "Last exported"),
    "created_at": QT_TRANSLATE_NOOP("Fields", "Created"),
    "updated_at": QT_TRANSLATE_NOOP("Fields", "Last changed"),
    "photo": QT_TRANSLATE_NOOP("Fields", "Photo"),
    "role": QT_TRANSLATE_NOOP("Fields", "Role"),
}

# Where one field name means something else for one kind of item.
_FIELD_OVERRIDES = {
    ("person", "name"): QT_TRANSLATE_NOOP("Fields", "Name (as written)"),
    ("meeting", "position"): QT_TRANSLATE_NOOP("Fields", "Order"),
    ("talking_point", "position"): QT_TRANSLATE_NOOP("Fields", "No."),
    ("statement", "text"): QT_TRANSLATE_NOOP("Fields", "Quote or text"),
    ("meeting", "kind"): QT_TRANSLATE_NOOP("Fields", "Kind of meeting"),
    ("organisation", "kind"): QT_TRANSLATE_NOOP("Fields", "Kind of organisation"),
}

_CHOICES = {
    "key_message": QT_TRANSLATE_NOOP("Choices", "Key message"),
    "proactive": QT_TRANSLATE_NOOP("Choices", "Proactive"),
    "reactive": QT_TRANSLATE_NOOP("Choices", "Reactive (if raised)"),
    "press_line": QT_TRANSLATE_NOOP("Choices", "Press line"),
    "qa": QT_TRANSLATE_NOOP("Choices", "Q&A"),
    "draft": QT_TRANSLATE_NOOP("Choices", "Draft"),
    "for_clearance": QT_TRANSLATE_NOOP("Choices", "For clearance"),
    "cleared": QT_TRANSLATE_NOOP("Choices", "Cleared"),
    "plenary": QT_TRANSLATE_NOOP("Choices", "Plenary"),
    "bilateral": QT_TRANSLATE_NOOP("Choices", "Bilateral"),
    "side_event": QT_TRANSLATE_NOOP("Choices", "Side event"),
    "call": QT_TRANSLATE_NOOP("Choices", "Call"),
    "press": QT_TRANSLATE_NOOP("Choices", "Press"),
    "session": QT_TRANSLATE_NOOP("Choices", "Session"),
    "counterpart": QT_TRANSLATE_NOOP("Choices", "Counterpart"),
    "delegation": QT_TRANSLATE_NOOP("Choices", "Our delegation"),
    "speaker": QT_TRANSLATE_NOOP("Choices", "Speaker"),
    "chair": QT_TRANSLATE_NOOP("Choices", "Chair"),
    "government": QT_TRANSLATE_NOOP("Choices", "Government"),
    "international": QT_TRANSLATE_NOOP("Choices", "International organisation"),
    "private": QT_TRANSLATE_NOOP("Choices", "Private sector"),
    "ngo": QT_TRANSLATE_NOOP("Choices", "NGO"),
    "academic": QT_TRANSLATE_NOOP("Choices", "Academic"),
    "other": QT_TRANSLATE_NOOP("Choices", "Other"),
    "vi": QT_TRANSLATE_NOOP("Choices", "Vietnamese"),
    "en": QT_TRANSLATE_NOOP("Choices", "English"),
    "th": QT_TRANSLATE_NOOP("Choices", "Thai"),
    "fr": QT_TRANSLATE_NOOP("Choices", "French"),
    "omit": QT_TRANSLATE_NOOP("Choices", "Leave drafts out"),
    "mark": QT_TRANSLATE_NOOP("Choices", "Include drafts, marked as drafts"),
}

_LEVELS = {
    "Public": QT_TRANSLATE_NOOP("Levels", "Public"),
    "Internal": QT_TRANSLATE_NOOP("Levels", "Internal"),
    "Confidential": QT_TRANSLATE_NOOP("Levels", "Confidential"),
    "Secret": QT_TRANSLATE_NOOP("Levels", "Secret"),
}


def kind_label(kind: str, plural: bool = False) -> str:
    pair = _KINDS.get(kind)
    return QCoreApplication.translate("Kinds", pair[1 if plural else 0]) if pair else kind


def field_label(kind: str, field: str) -> str:
    text = _FIELD_OVERRIDES.get((kind, field)) or _FIELDS.get(field)
    return QCoreApplication.translate("Fields", text) if text else field.replace("_", " ").capitalize()


def choice_label(value: str) -> str:
    text = _CHOICES.get(value)
    return QCoreApplication.translate("Choices", text) if text else value


def level_label(level: str) -> str:
    """A classification level as the user reads it; levels a library invented stay as named."""
    text = _LEVELS.get(level)
    return QCoreApplication.translate("Levels", text) if text else level


def untitled() -> str:
    return QCoreApplication.translate("Kinds", "(untitled)")


def display_name(record: object) -> str:
    """A record's name for lists, with the core's English placeholders translated, and each bidi
    control shown as ``<U+202E>`` (as the tables and the preflight show it): a pasted title's
    U+202E read "eltit live" in the composer's tree, the sidebar and the pickers."""
    name = str(getattr(record, "display_name", "") or "")
    if name in ("(untitled)", "(empty)", ""):
        return untitled()
    if getattr(record, "KIND", "") == "statement":  # (its name is read as text by the core)
        from briefbook.ui.dates import localise_dates  # a statement's name holds its date

        name = localise_dates(name)
    name = visible_controls(name)
    return name.replace("(speaker)", QCoreApplication.translate("Kinds", "(no speaker)"))
