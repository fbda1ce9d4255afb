"""The columns of each collection's table: named constants, one enum per kind.

A member's name, lower-cased, is the record field it shows (``STATUS`` shows
``status``); fields ending in ``_id`` show the linked item's name.
"""

from __future__ import annotations

from enum import IntEnum

from briefbook.library import records
from briefbook.ui.html_text import escape


class EventColumn(IntEnum):
    TITLE = 0
    START_DATE = 1
    END_DATE = 2
    CITY = 3
    COUNTRY = 4
    CLASSIFICATION = 5


class MeetingColumn(IntEnum):
    TITLE = 0
    KIND = 1
    STARTS_AT = 2
    VENUE = 3
    EVENT_ID = 4
    CLASSIFICATION = 5


class PersonColumn(IntEnum):
    NAME = 0
    NAME_ROMANISED = 1
    POSITION = 2
    ORGANISATION_ID = 3
    COUNTRY = 4
    CLASSIFICATION = 5


class OrganisationColumn(IntEnum):
    NAME = 0
    ACRONYM = 1
    KIND = 2
    COUNTRY = 3


class TopicColumn(IntEnum):
    TITLE = 0
    CLASSIFICATION = 1
    UPDATED_AT = 2


class TalkingPointColumn(IntEnum):
    POSITION = 0
    TEXT = 1
    TOPIC_ID = 2
    KIND = 3
    STATUS = 4
    CLASSIFICATION = 5
    LANGUAGE = 6


class StatementColumn(IntEnum):
    SPEAKER_NAME = 0
    DATE = 1
    TEXT = 2
    OCCASION = 3
    LANGUAGE = 4
    CLASSIFICATION = 5


class BookColumn(IntEnum):
    TITLE = 0
    EVENT_ID = 1
    TEMPLATE = 2
    LANGUAGE = 3
    VERSION = 4
    LAST_EXPORT_AT = 5


COLUMNS: dict[str, type[IntEnum]] = {
    "event": EventColumn,
    "meeting": MeetingColumn,
    "person": PersonColumn,
    "organisation": OrganisationColumn,
    "topic": TopicColumn,
    "talking_point": TalkingPointColumn,
    "statement": StatementColumn,
    "book": BookColumn,
}

# Linked fields and the kind of item they name.
REFERENCES = records.REFERENCES  # a ``*_id`` field shows the name of the item it points at

# Columns drawn as coloured badges (colour + text).
BADGE_FIELDS = ("kind", "status", "classification")
CHOICE_FIELDS = ("kind", "status", "language", "drafts")


def wrapped_tooltip(text: str) -> str:
    """``text`` as a rich-text tooltip: Qt word-wraps those (about 80 characters wide)."""
    return "<p>" + escape(text, quote=False).replace("\n", "<br/>") + "</p>"
