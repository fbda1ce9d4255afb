"""The library API: typed records and the operations users need on them.

``Library`` (and with it sqlite-utils, about 40 ms) loads the first time it is
asked for: the records alone are plain dataclasses, and the window's first screen
needs them before it needs the library (:mod:`briefbook.library.first_page`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from briefbook.library.api import Library


def __getattr__(name: str) -> Any:
    if name == "Library":
        from briefbook.library.api import Library

        return Library
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
