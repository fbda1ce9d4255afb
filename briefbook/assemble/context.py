"""What assembly knows while it builds one book: the ceiling, drafts, warnings, anchors.

Every item passes :meth:`Assembly.admit` before any of its text reaches the
document, so that the ceiling and the drafts rule are applied in one place
and every item left out is reported to the preflight.
"""

from __future__ import annotations

import functools
import re
from dataclasses import field, fields

from briefbook.assemble import markdown
from briefbook.assemble.origins import ItemOrigins
from briefbook.assemble.reads import BookReads
from briefbook.assemble.words import words
from briefbook.document.model import Block, ListItem, Origin, Run
from briefbook.errors import ValidationError
from briefbook.invisible import reordering_controls, visible_controls
from briefbook.library import Book, Event, Library, Meeting, Person, Record, Statement, TalkingPoint, Topic
from briefbook.library.records import record_type
from briefbook.library.scope import EventScope, event_scope, events_of
from briefbook.shared_methods import dataclass

# What an anchor keeps of a text: its runs of ASCII letters and digits, "-" between them.
_IN_ANCHORS = re.compile(r"[a-z0-9]+")
# A person's sensitivities are at least this sensitive, whatever the profile's own level.
SENSITIVITIES_LEVEL_RANK = 2


@dataclass(frozen=True)
class PreflightWarning:
    """Something the user should see before exporting; ``item_id`` says what it is about."""

    code: str
    message: str
    kind: str = ""
    item_id: str = ""


@dataclass
class Assembly(BookReads, ItemOrigins):
    """The state of one book's assembly: the export's choices and what has been decided so far."""

    library: Library
    book: Book
    ceiling: str
    drafts: str
    language: str
    releasable: bool = False
    levels: list[str] = field(default_factory=list)
    warnings: list[PreflightWarning] = field(default_factory=list)
    highest_rank: int = 0
    draft_included: bool = False
    people: dict[str, Person] = field(default_factory=dict)  # everyone the book mentions, in order
    _anchors: set[str] = field(default_factory=set)
    _hidden_named: set[str] = field(default_factory=set)  # items whose name's bidi controls were named
    event_origin: Origin | None = None  # set once the book's event is read
    _sources: list[Origin] = field(default_factory=list)
    _scope: EventScope | None = None
    # The event's scope with every meeting, read only when the book leaves a meeting out, and
    # the annex kinds whose items left with those meetings have been named (event_items).
    _whole_scope: EventScope | None = None
    _named_with_meetings: set[str] = field(default_factory=set)
    contacts: dict[tuple, list] = field(default_factory=dict)  # a person's previous contacts (meeting_brief)
    # (kind, item id) -> the anchor of the one place the item is printed: a topic brief,
    # a group of the statements annex, a biography, or the first brief that printed it.
    homes: dict[tuple[str, str], str] = field(default_factory=dict)
    briefs: dict[str, Meeting] = field(default_factory=dict)  # a meeting brief's anchor -> its meeting
    used_points: dict[str, str] = field(default_factory=dict)  # points to make -> the brief's anchor
    _marked: dict[tuple, bool] = field(default_factory=dict)  # (type, one-line values) -> marked
    gone: set[str] = field(default_factory=set)  # deleted items the preflight has named
    # Item id -> the record every origin naming that id was made from (None: two records of the
    # id with different values were stamped, the item changed on disk mid-export). What the
    # export records as included is read from these (exchange.changes.included).
    stamped: dict[str, Record | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._start_reads()
        self.scheme = self.library.levels()
        self.levels = [level.name for level in self.scheme]
        # The ceiling was parsed by the caller; anything else here is a fault: nothing passes it.
        self.ceiling_rank = self.levels.index(self.ceiling) if self.ceiling in self.levels else -1
        self.words = words(self.language)
        self._ranks = {name: rank for rank, name in reversed(list(enumerate(self.levels)))}
        self._origins: dict[tuple, Origin] = {}  # (type, every field's value) -> the item's own origin

    @property
    def scope(self) -> EventScope:
        """What belongs to the book's event: what its sections hold unless the user chose."""
        if self._scope is None:
            # The event's meetings, read once for the book (event_meetings, the same query).
            meetings = self.event_meetings()
            self._scope = event_scope(self.library, self.book.event_id, self._meeting_kept, meetings=meetings)
            if not all(self._meeting_kept(m) for m in meetings):
                self._whole_scope = event_scope(self.library, self.book.event_id, meetings=meetings)
            for topic in self._scope.topics:  # read with their meetings: not read again by id
                self._topics.setdefault(topic.id, topic)
        return self._scope

    def event_items(self, section_kind: str) -> list[Record]:
        """The event's own items for an annex ("topics", "statements", "biographies").

        What the event has only through meetings this book leaves out is named, once, as
        left out with them (a topic with its points): nothing leaves the book without a word."""
        kept = self.scope.items(section_kind)
        if self._whole_scope is None or section_kind in self._named_with_meetings:
            return kept
        self._named_with_meetings.add(section_kind)
        kept_ids = {item.id for item in kept}
        for item in self._whole_scope.items(section_kind):
            if item.id in kept_ids:
                continue
            self.warn(
                "left_out_with_meeting",
                f"{item.LABEL} “{short(item.display_name)}” is left out: it comes to this book "
                "only through meetings it leaves out.",
                item,
            )
            self._left_with(item)
        return kept

    def _meeting_kept(self, meeting: Meeting) -> bool:
        """A meeting the book prints, asked quietly (its brief's :meth:`admit` names one left out).
        What reaches the event only through a meeting left out goes with it (see event_scope)."""
        return self.withheld(meeting) is None

    def withheld(self, item: Record, level: str | None = None) -> str | None:
        """Why this copy may not print ``item`` (its ``level``, if known): "above_ceiling",
        "item_not_for_release" (a shareable copy), or None. The one test of the classification
        gate on whole items: :meth:`admit` says it in a warning, the event's scope asks it of
        each meeting quietly (:meth:`_meeting_kept`); two copies of it could drift apart."""
        if self.rank(self.level_of(item) if level is None else level) > self.ceiling_rank:
            return "above_ceiling"
        if self.releasable and self.restricted(item):
            return "item_not_for_release"
        return None

    def warn_if_other_event(self, item: Record) -> None:
        """A hand-picked item that belongs only to other events: say so (it may have been ticked by mistake).

        A talking point belongs where its topic does. Items of no event in
        particular (a general topic) are the user's to add without a warning.
        """
        owner = item
        if isinstance(item, TalkingPoint):
            topic = self._topic(item.topic_id)
            if topic is None:
                return
            owner = topic
        if owner.id in self.scope_ids(type(owner)):
            return
        others = events_of(self.library, owner) - {self.book.event_id}
        if not others:
            return
        titles = ", ".join(sorted(self._event_title(e) for e in others))
        self.warn(
            "other_event",
            f"{item.LABEL} “{short(item.display_name)}” belongs to another event ({titles}), "
            "not to this book's event.",
            item,
        )

    def _event_title(self, event_id: str) -> str:
        found = self.library.list(Event, where={"id": event_id})
        return short(found[0].title) if found else event_id

    def scope_ids(self, cls: type[Record]) -> set[str]:
        items = {Topic: self.scope.topics, Statement: self.scope.statements, Person: self.scope.people}
        return {item.id for item in items.get(cls, [])}

    def admit(self, item: Record) -> bool:
        """True if the item may appear; otherwise record why it was left out.

        Its level and name are read from its origin (worked out once for the item's values and
        remembered: its text is stamped with the same), not worked out again here."""
        origin = self._own_origin(item)
        level = origin.level
        reason = self.withheld(item, level)
        if reason is not None:  # (each sentence in its own warn call: the message shapes are read from them)
            if reason == "above_ceiling":
                self.warn(
                    reason,
                    f"{item.LABEL} “{short(item.display_name)}” is {level}, above the ceiling "
                    f"({self.ceiling}); it is left out.",
                    item,
                )
            else:
                self.warn(
                    reason,
                    f"{item.LABEL} “{short(item.display_name)}” is marked not for release; it is left out "
                    "of this shareable copy.",
                    item,
                )
            self._left_with(item)
            return False
        rank = self.rank(level)
        if isinstance(item, TalkingPoint) and item.status != "cleared" and not self._prints_nothing(item):
            if self.drafts == "omit":
                self.warn(
                    "draft_omitted",
                    f"Talking point “{short(item.display_name)}” is not cleared; left out.",
                    item,
                )
                return False
            self.draft_included = True
            self.warn(
                "draft_included", f"Talking point “{short(item.display_name)}” is not cleared yet.", item
            )
        self.highest_rank = max(self.highest_rank, rank)
        self._name_hidden_characters(item, origin.name)
        return True

    def _prints_nothing(self, point: TalkingPoint) -> bool:
        """This shareable copy leaves out all of ``point`` (every passage marked not for release).

        Its draft status then does not concern the copy: a draft whose whole text was "[NFR] …"
        put the DRAFT mark on every page of a shareable copy of cleared points, and a "not
        cleared yet" line beside the one saying it is left out. Parsed only for a draft in a
        shareable copy."""
        return self.releasable and not any(
            markdown.runs(value, releasable=True) for value in (point.question, point.text) if value
        )

    def _name_hidden_characters(self, item: Record, shown: str) -> None:
        """An item the book prints whose name holds a bidi control (U+202E from a pasted or
        imported name makes the rest of its line read backwards, "terceS" as "Secret"): named
        once, so the user sees it before the file leaves. The text is printed as written."""
        if item.id in self._hidden_named:
            return
        self._hidden_named.add(item.id)
        # ``shown``: its display name, as its origin holds it (a point's or statement's reads
        # its Markdown: worked out once for the item's values).
        hidden = reordering_controls(shown)
        if hidden:
            self.warn(
                "hidden_in_name",
                f"The name of {item.LABEL.lower()} “{short(shown)}” contains an invisible "
                f"character {', '.join(hidden)}, which can make the text after it read backwards.",
                item,
            )
        # Its other one-line fields too (a position, a venue, a source): each run now closes what
        # it opens, so a control reorders only its own field, but there it still reads
        # otherwise than stored ("‮terceS" prints "Secret").
        for name in _one_line_fields(type(item)):
            value = getattr(item, name, "")
            shown_in_name = isinstance(value, str) and value in shown  # (named above)
            found = reordering_controls(value) if isinstance(value, str) and not shown_in_name else []
            if found:
                self.warn(
                    "hidden_in_field",
                    f"The {name.replace('_', ' ')} of {item.LABEL.lower()} “{short(shown)}” "
                    f"contains an invisible character {', '.join(found)}, which can make it read backwards.",
                    item,
                )

    def _left_with(self, item: Record) -> None:
        """A topic left out takes its talking points with it: each is named, so that nothing
        leaves the book without a word (the preflight named the topic alone)."""
        if not isinstance(item, Topic):
            return
        for point in self.points_of(item.id):
            self.warn(
                "left_out_with_topic",
                f"Talking point “{short(point.display_name)}” is left out with its topic "
                f"“{short(item.display_name)}”.",
                point,
            )

    def admit_level(self, rank: int) -> bool:
        """For a field with its own minimum level (a person's sensitivities)."""
        if rank > self.ceiling_rank:
            return False
        self.highest_rank = max(self.highest_rank, rank)
        return True

    def blocks(self, text: str, style: str = "body", *, origin: Origin | None = None) -> list[Block]:
        """A Markdown field as blocks of ``origin`` (the current source by default); passages
        not for release are dropped from shared exports."""
        origin = origin or self.current
        self._left_out(text, origin)
        return markdown.blocks(text, style, releasable=self.releasable, origin=origin, label=self.nfr)

    def runs(self, text: str, *, origin: Origin | None = None) -> list[Run]:
        """A short Markdown text as runs, each carrying ``origin`` (the current source by default)."""
        self._left_out(text, origin or self.current)
        return markdown.runs(text, releasable=self.releasable, origin=origin or self.current, label=self.nfr)

    def run(
        self, text: str, *, bold: bool = False, italic: bool = False, origin: Origin | None = None
    ) -> Run:
        """One run of plain text from ``origin`` (the current source by default)."""
        return Run(text, bold, italic, None, origin or self.current)

    def items(self, text: str, *, origin: Origin | None = None, whole: bool = False) -> list[ListItem]:
        """A field as list items, sub-lists kept (a talking point in a list of points)."""
        self._left_out(text, origin or self.current)
        return markdown.items(
            text, releasable=self.releasable, origin=origin or self.current, label=self.nfr, whole=whole
        )

    def _left_out(self, text: str, origin: Origin) -> None:
        """In a sharing export, name each passage left out as not for release (for the preflight)."""
        if not self.releasable or not text:
            return
        passages = markdown.restricted_passages(text)
        if not passages:
            return
        self.warn("not_for_release", "Passages marked not for release are left out of this export.")
        try:
            what = record_type(origin.kind).LABEL if origin.kind else "Text"
        except ValidationError:
            what = "Text"
        for passage in passages:
            self.warnings.append(
                PreflightWarning(
                    "not_for_release_passage",
                    f"Left out of this shareable copy (not for release): {what} “{short(origin.name)}”: "
                    f"“{short(passage, 50)}”.",
                    origin.kind,
                    origin.item_id,
                )
            )

    @property
    def nfr(self) -> str:
        """The label before a passage not for release (internal exports only keep them)."""
        return "" if self.releasable else self.words.get("not_for_release", "Not for release").upper()

    def mention(self, person: Person) -> None:
        """Note a person the book names, for the biographies annex."""
        self.people.setdefault(person.id, person)

    def warn(self, code: str, message: str, item: Record | None = None) -> None:
        self.warnings.append(
            PreflightWarning(code, message, item.KIND if item else "", item.id if item else "")
        )

    def anchor(self, text: str) -> str:
        """A document-unique anchor derived from ``text`` (for bookmarks and links)."""
        base = "-".join(_IN_ANCHORS.findall(text.lower()))[:40] or "section"
        candidate, n = base, 1
        while candidate in self._anchors:
            n += 1
            candidate = f"{base}-{n}"
        self._anchors.add(candidate)
        return candidate

    @property
    def banner(self) -> str:
        """The highest level included, in the book's language (the library's label for it)."""
        return self.scheme[self.highest_rank].label(self.language).upper() if self.scheme else ""


def short(text: str, limit: int = 60) -> str:
    """An item's name (or a passage) as a preflight warning quotes it, cut to ``limit``
    characters. What it is given is already read as text (a point's or statement's name by
    markdown_plain, a passage by the book's own reading; other names are plain fields), so
    its escapes are not read again: a typed '\\[' kept as 'C:\\[Mật]' lost its backslash.
    Its bidi controls are shown as ``<U+202E>``: obeyed, they reversed the rest of the line."""
    return visible_controls(text if len(text) <= limit else text[: limit - 1] + "…")


_NOT_PRINTED_AS_TEXT = frozenset({"id", "created_at", "updated_at", "classification", "ceiling", "sections"})


@functools.cache
def _one_line_fields(cls: type[Record]) -> tuple[str, ...]:
    """The one-line text fields of a kind that a book may print, bar those its name is made of."""
    return tuple(
        f.name
        for f in fields(cls)
        if f.type in ("str", "str | None")
        and f.name not in _NOT_PRINTED_AS_TEXT
        and f.name not in cls.MARKDOWN
        and f.name not in cls.TITLE_FIELDS
        and f.name not in cls.CHOICES
        and not f.name.endswith("_id")
    )
