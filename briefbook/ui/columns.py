"""The columns of each collection's table: named constants, one enum per kind.

A member's name, lower-cased, is the record field it shows (``STATUS`` shows
``status``); fields ending in ``_id`` show the linked item's name.
"""

from __future__ import annotations

import html
import re
from enum import IntEnum

from briefbook.library import records
from briefbook.markdown_escapes import MARKDOWN_ESCAPE


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

_MARKUP = re.compile(r"(\*\*|__|\*|_|`|^#+[ \t]*|^[ \t]*[-+][ \t]+|^[ \t]*\d+[.)][ \t]+)", re.M)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _link_text(match: re.Match) -> str:
    """A link's text. (A function, not the template ``r"\\1"``: for a template, ``re`` imports
    itself again at each call, and after PySide6 every import runs PySide's Python import
    hook: 0.65 ms for 200 cells of the first page, 0.16 ms with this function.)"""
    return match[1]


# A character Markdown escapes ("\\[NFR]", "R\\&D", "a\\_b": the editor's writer escapes what
# could act) is shown as itself: held as a stand-in while the markup is taken out.
_HELD = re.compile("[\U000f0021-\U000f007e]")


def _hold(match: re.Match) -> str:
    return chr(0xF0000 + ord(match[1]))


def _release(match: re.Match) -> str:
    return chr(ord(match[0]) - 0xF0000)


def plain_summary(markdown: str, limit: int = 200) -> str:
    """The first paragraph of a Markdown text without its markup, for one table cell."""
    text = markdown or ""
    escaped = "\\" in text
    if escaped:
        text = MARKDOWN_ESCAPE.sub(_hold, text)
    text = _LINK.sub(_link_text, text)
    text = _MARKUP.sub("", text).strip()
    if escaped:
        text = _HELD.sub(_release, text)
    first = text.split("\n\n", 1)[0].replace("\n", " ")
    return first[:limit] + ("…" if len(first) > limit else "")


def wrapped_tooltip(text: str) -> str:
    """``text`` as a rich-text tooltip: Qt word-wraps those (about 80 characters wide)."""
    return "<p>" + html.escape(text, quote=False).replace("\n", "<br/>") + "</p>"
