"""The columns of each collection's table: the fields it shows, and named constants for them.

:data:`FIELDS` lists each kind's fields, in their columns' order; fields ending in ``_id``
show the linked item's name. The named constants are an ``IntEnum`` per kind
(``TalkingPointColumn.STATUS`` is the column of ``status``), made when a module first
names one (the module's ``__getattr__``): making an enum class costs about 0.7 M
instructions, and the window's first screen, which shows one table, needs none.
"""

from __future__ import annotations

from enum import IntEnum

from briefbook.library import records
from briefbook.ui.html_text import escape

FIELDS: dict[str, tuple[str, ...]] = {
    "event": ("title", "start_date", "end_date", "city", "country", "classification"),
    "meeting": ("title", "kind", "starts_at", "venue", "event_id", "classification"),
    "person": ("name", "name_romanised", "position", "organisation_id", "country", "classification"),
    "organisation": ("name", "acronym", "kind", "country"),
    "topic": ("title", "classification", "updated_at"),
    "talking_point": ("position", "text", "topic_id", "kind", "status", "classification", "language"),
    "statement": ("speaker_name", "date", "text", "occasion", "language", "classification"),
    "book": ("title", "event_id", "template", "language", "version", "last_export_at"),
}

# The named constants, an IntEnum per kind: made when first named (see the module's text).
_ENUMS = {
    "EventColumn": "event",
    "MeetingColumn": "meeting",
    "PersonColumn": "person",
    "OrganisationColumn": "organisation",
    "TopicColumn": "topic",
    "TalkingPointColumn": "talking_point",
    "StatementColumn": "statement",
    "BookColumn": "book",
}


def __getattr__(name: str) -> type[IntEnum]:
    kind = _ENUMS.get(name)
    if kind is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    made = IntEnum(
        name, [(field.upper(), i) for i, field in enumerate(FIELDS[kind])], module=__name__, qualname=name
    )
    globals()[name] = made
    return made


# Linked fields and the kind of item they name.
REFERENCES = records.REFERENCES  # a ``*_id`` field shows the name of the item it points at

# Columns drawn as coloured badges (colour + text).
BADGE_FIELDS = ("kind", "status", "classification")
CHOICE_FIELDS = ("kind", "status", "language", "drafts")


def wrapped_tooltip(text: str) -> str:
    """``text`` as a rich-text tooltip: Qt word-wraps those (about 80 characters wide)."""
    return "<p>" + escape(text, quote=False).replace("\n", "<br/>") + "</p>"
