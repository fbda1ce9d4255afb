"""The library API: typed records and the operations users need on them."""

from briefbook.library.api import Library
from briefbook.library.records import (
    Book,
    Event,
    Meeting,
    Organisation,
    Participant,
    Person,
    Record,
    Revision,
    SearchHit,
    Statement,
    TalkingPoint,
    Topic,
)

__all__ = [
    "Book",
    "Event",
    "Library",
    "Meeting",
    "Organisation",
    "Participant",
    "Person",
    "Record",
    "Revision",
    "SearchHit",
    "Statement",
    "TalkingPoint",
    "Topic",
]
