"""Typed records: one dataclass per kind of thing the library holds.

Each class says, in class variables, what the generic operations of
:class:`~briefbook.library.api.Library` need to know about it: its table, which
fields are required, which hold Markdown, which take a
value from a fixed list, and which make up its title and its searchable text.
"""

from __future__ import annotations

import functools
from dataclasses import fields
from typing import ClassVar

from briefbook.markdown_plain import markdown_name
from briefbook.shared_methods import dataclass

TALKING_POINT_KINDS = ("key_message", "proactive", "reactive", "press_line", "qa")
TALKING_POINT_STATUSES = ("draft", "for_clearance", "cleared")
MEETING_KINDS = ("plenary", "bilateral", "side_event", "call", "press", "session")
PARTICIPANT_ROLES = ("counterpart", "delegation", "speaker", "chair")
ORGANISATION_KINDS = ("government", "international", "private", "ngo", "academic", "other")
LANGUAGES = ("vi", "en", "th", "fr", "other")

# Fields that hold a date (ISO 2025-12-17) or a date and time (2025-12-17T09:00),
# and fields that point at another kind of item: what an editor needs to offer
# the right input, and what a test that edits every field needs to make a value.
DATE_FIELDS = frozenset({"start_date", "end_date", "date", "cleared_on", "issue_date"})
DATETIME_FIELDS = frozenset({"starts_at", "ends_at"})
REFERENCES = {
    "topic_id": "topic",
    "event_id": "event",
    "organisation_id": "organisation",
    "speaker_id": "person",
}

# Longest value accepted in a one-line field; Markdown fields take up to 1 MB.
MAX_LINE = 300
MAX_TEXT = 1_000_000


@dataclass
class Record:
    """What every item has: a stable text id (a UUID, so packages merge) and when it was made and changed."""

    TABLE: ClassVar[str] = ""
    KIND: ClassVar[str] = ""
    LABEL: ClassVar[str] = ""
    REQUIRED: ClassVar[tuple[str, ...]] = ()
    MARKDOWN: ClassVar[tuple[str, ...]] = ()
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {}
    TITLE_FIELDS: ClassVar[tuple[str, ...]] = ()
    SEARCH_FIELDS: ClassVar[tuple[str, ...]] = ()

    id: str = ""
    created_at: str = ""
    updated_at: str = ""

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    @classmethod
    def data_fields(cls) -> list[str]:
        """The fields a user edits (not id or timestamps)."""
        return [n for n in cls.field_names() if n not in ("id", "created_at", "updated_at")]

    @property
    def display_name(self) -> str:
        """How the item is named in lists, search results and pickers."""
        parts = [str(getattr(self, f)) for f in self.TITLE_FIELDS if getattr(self, f)]
        return " — ".join(parts) if parts else "(untitled)"


@dataclass
class Organisation(Record):
    """A government, international organisation, company or NGO that people belong to."""

    TABLE = "organisations"
    KIND = "organisation"
    LABEL = "Organisation"
    REQUIRED = ("name",)
    MARKDOWN = ("description",)
    CHOICES = {"kind": ORGANISATION_KINDS}
    TITLE_FIELDS = ("name",)
    SEARCH_FIELDS = ("acronym", "country", "description")

    name: str = ""
    acronym: str = ""
    country: str = ""
    kind: str = "government"
    description: str = ""

    @property
    def display_name(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


@dataclass
class Person(Record):
    """A counterpart profile: the name as written in its own script and romanised, position, biography."""

    TABLE = "people"
    KIND = "person"
    LABEL = "Person"
    REQUIRED = ("name",)
    MARKDOWN = ("biography", "interests", "sensitivities", "notes")
    TITLE_FIELDS = ("name",)
    SEARCH_FIELDS = (
        "name_romanised",
        "honorific",
        "position",
        "country",
        "biography",
        "interests",
        "notes",
    )

    name: str = ""
    name_romanised: str = ""
    honorific: str = ""
    position: str = ""
    organisation_id: str | None = None
    country: str = ""
    biography: str = ""
    languages: str = ""
    pronunciation: str = ""
    form_of_address: str = ""
    interests: str = ""
    sensitivities: str = ""
    notes: str = ""
    classification: str = "Public"

    @property
    def display_name(self) -> str:
        if self.name_romanised and self.name_romanised != self.name:
            return f"{self.name} ({self.name_romanised})"
        return self.name


@dataclass
class Event(Record):
    """A conference or visit: its title, dates and place, scene-setter and objectives."""

    TABLE = "events"
    KIND = "event"
    LABEL = "Event"
    REQUIRED = ("title",)
    MARKDOWN = ("scene_setter", "objectives")
    TITLE_FIELDS = ("title",)
    SEARCH_FIELDS = ("city", "country", "hosts", "scene_setter", "objectives")

    title: str = ""
    start_date: str = ""
    end_date: str = ""
    city: str = ""
    country: str = ""
    hosts: str = ""
    scene_setter: str = ""
    objectives: str = ""
    classification: str = "Public"


@dataclass
class Meeting(Record):
    """One meeting of an event: its kind, time, venue, purpose and objectives."""

    TABLE = "meetings"
    KIND = "meeting"
    LABEL = "Meeting"
    REQUIRED = ("event_id", "title")
    MARKDOWN = ("purpose", "objectives", "their_positions")
    CHOICES = {"kind": MEETING_KINDS}
    TITLE_FIELDS = ("title",)
    SEARCH_FIELDS = ("venue", "purpose", "objectives", "their_positions")

    event_id: str = ""
    title: str = ""
    kind: str = "plenary"
    starts_at: str = ""
    ends_at: str = ""
    venue: str = ""
    purpose: str = ""
    objectives: str = ""
    their_positions: str = ""  # their likely positions and asks (the brief answers them)
    classification: str = "Public"
    position: int = 0


@dataclass
class Topic(Record):
    """An issue area with its background; talking points and statements belong to topics."""

    TABLE = "topics"
    KIND = "topic"
    LABEL = "Topic"
    REQUIRED = ("title",)
    MARKDOWN = ("background",)
    TITLE_FIELDS = ("title",)
    SEARCH_FIELDS = ("background",)

    title: str = ""
    background: str = ""
    classification: str = "Public"


@dataclass
class TalkingPoint(Record):
    """A line to take on a topic: its kind, text, status of clearance and classification."""

    TABLE = "talking_points"
    KIND = "talking_point"
    LABEL = "Talking point"
    REQUIRED = ("topic_id", "text")
    MARKDOWN = ("text", "question")
    CHOICES = {"kind": TALKING_POINT_KINDS, "status": TALKING_POINT_STATUSES, "language": LANGUAGES}
    TITLE_FIELDS = ("text",)
    SEARCH_FIELDS = ("question", "text", "drafted_by", "cleared_by")

    topic_id: str = ""
    kind: str = "key_message"
    question: str = ""
    text: str = ""
    language: str = "vi"
    status: str = "draft"
    drafted_by: str = ""
    cleared_by: str = ""
    cleared_on: str = ""
    classification: str = "Public"
    position: int = 0

    @property
    def display_name(self) -> str:
        first = markdown_name(self.question.strip() or self.text.strip())
        return first[:120] + ("…" if len(first) > 120 else "") if first else "(empty)"


@dataclass
class Statement(Record):
    """Something said before: who said it, when and where, its source and its text."""

    TABLE = "statements"
    KIND = "statement"
    LABEL = "Prior statement"
    REQUIRED = ("text",)
    MARKDOWN = ("text",)
    CHOICES = {"language": LANGUAGES}
    TITLE_FIELDS = ("speaker_name", "date")
    SEARCH_FIELDS = ("speaker_name", "occasion", "source", "text")

    speaker_id: str | None = None
    speaker_name: str = ""
    date: str = ""
    occasion: str = ""
    source: str = ""
    link: str = ""
    text: str = ""
    language: str = "vi"
    classification: str = "Public"

    # The linked person's name, set by the Library when it reads the statement (not a
    # stored field: the record alone cannot look the person up). The release gate wants
    # a linked speaker shown through the person, so ``speaker_name`` is then empty.
    speaker_label = ""

    @property
    def quote(self) -> str:
        """The first line of the text read as text, cut for a name (the end of :attr:`display_name`)."""
        first = markdown_name(self.text)
        return first[:90] + ("…" if len(first) > 90 else "")

    @property
    def display_name(self) -> str:
        quote = self.quote
        who = self.speaker_name or self.speaker_label or "(speaker)"
        return f"{who}, {self.date}: {quote}" if self.date else f"{who}: {quote}"


@dataclass
class Book(Record):
    """An event's briefing book: title, template, classification ceiling and sections."""

    TABLE = "books"
    KIND = "book"
    LABEL = "Book"
    REQUIRED = ("event_id", "title")
    CHOICES = {"drafts": ("omit", "mark"), "language": ("vi", "en")}
    TITLE_FIELDS = ("title",)
    SEARCH_FIELDS = ("subtitle", "recipient")

    event_id: str = ""
    title: str = ""
    subtitle: str = ""
    template: str = "formal-a4"
    ceiling: str = ""
    drafts: str = "mark"
    language: str = "vi"
    recipient: str = ""
    copy_number: str = ""
    author: str = ""
    drafted_by: str = ""
    cleared_by: str = ""
    issue_date: str = ""
    sections: str = "[]"  # JSON: see briefbook.library.books
    version: int = 0  # the version of its last export, 0 before the first (Library.record_export)
    last_export_at: str = ""


RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls for cls in (Organisation, Person, Event, Meeting, Topic, TalkingPoint, Statement, Book)
}


@functools.cache
def one_line_fields(cls: type[Record]) -> tuple[str, ...]:
    """The fields of a record type that are not Markdown (a title, a name): a marker at the start
    of one makes the whole item internal only (asked for every origin a book stamps)."""
    return tuple(f.name for f in fields(cls) if f.name not in cls.MARKDOWN)


def revised_fields(cls: type[Record]) -> frozenset[str]:
    """The fields whose earlier values are kept as revisions: every text a user types, one-line
    fields too (not ids, timestamps or the book's sections JSON)."""
    return frozenset(
        f.name
        for f in fields(cls)
        if f.type in ("str", "str | None")
        and not f.name.endswith("_id")
        and f.name not in ("id", "created_at", "updated_at", "sections", "last_export_at")
    )


def record_type(kind: str | type[Record]) -> type[Record]:
    """The record class for a kind name ("person") or the class itself."""
    if isinstance(kind, type):
        return kind
    from briefbook.errors import ValidationError

    try:
        return RECORD_TYPES[kind.replace("-", "_")]
    except KeyError:
        known = ", ".join(RECORD_TYPES)
        raise ValidationError(f"There is no kind of item called '{kind}'. Kinds: {known}.") from None


@dataclass
class Revision:
    """An earlier value of one Markdown field, kept so an edit can be undone after a restart."""

    id: int
    kind: str
    item_id: str
    field: str
    value: str
    created_at: str


@dataclass
class SearchHit:
    """One search result. ``snippet`` marks matched words with [ and ] (see MARK)."""

    kind: str
    id: str
    title: str
    snippet: str
    rank: float = 0.0


@dataclass
class Participant:
    """A person at a meeting (or in the delegation), with their role there."""

    person: Person
    role: str
