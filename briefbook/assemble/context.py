"""What assembly knows while it builds one book: the ceiling, drafts, warnings, anchors.

Every item passes :meth:`Assembly.admit` before any of its text reaches the
document, so that the ceiling and the drafts rule are applied in one place
and every item left out is reported to the preflight.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields

from briefbook.assemble import markdown, markers
from briefbook.assemble.reads import BookReads
from briefbook.assemble.words import words
from briefbook.document.model import Block, ListItem, Origin, Run
from briefbook.errors import ValidationError
from briefbook.invisible import reordering_controls, visible_controls
from briefbook.library import Book, Event, Library, Meeting, Person, Record, Statement, TalkingPoint, Topic
from briefbook.library.levels import parse_level
from briefbook.library.records import one_line_fields, record_type
from briefbook.library.scope import EventScope, event_scope, events_of

_NOT_IN_ANCHORS = re.compile(r"[^a-z0-9]+")
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
class Assembly(BookReads):
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

    def rank(self, level: str) -> int:
        """A level's rank; a name the library does not know counts as the highest level."""
        found = self._ranks.get(level) if isinstance(level, str) else None
        if found is not None:
            return found
        if level in self.levels:
            return self.levels.index(level)
        try:
            return parse_level(self.scheme, level).rank
        except ValidationError:
            return len(self.levels) - 1

    def restricted(self, item: Record) -> bool:
        """True if a one-line field of the item (a title, a name) starts with a not-for-release
        marker: then the whole item is internal only. A point is so if its topic is.

        Asked for every origin stamped (50,000 times in a 500-meeting book, mostly of the same
        items), so the answer is remembered for the one-line fields' values themselves, never
        for an item's id: a record changed on disk mid-export is read with what it now says."""
        cls = type(item)
        values = _one_line_values(cls)(item)
        try:
            marked = self._marked.get((cls, values))
        except TypeError:  # a value that cannot be a key (never a text): no memo
            marked = None
            values = tuple(v for v in values if isinstance(v, str))
        if marked is None:
            texts = [v for v in values if isinstance(v, str)]
            # A marker starts with an opening bracket: one scan of all the values finds most
            # items have none (their ids, dates, kinds and names), before each is asked.
            marked = markers.may_hold_marker("".join(texts)) and any(map(markers.starts_restricted, texts))
            self._marked[(cls, values)] = marked
        if marked:
            return True
        if isinstance(item, TalkingPoint) and item.topic_id:
            topic = self._topic(item.topic_id)
            return topic is not None and self.restricted(topic)
        return False

    def level_of(self, item: Record) -> str:
        """The item's effective level: a talking point is at least as sensitive as its topic."""
        level = getattr(item, "classification", self.levels[0])
        rank = self.rank(level)
        if isinstance(item, TalkingPoint) and item.topic_id:
            topic = self._topic(item.topic_id)
            rank = max(rank, self.rank(topic.classification) if topic else len(self.levels) - 1)
        return self.levels[rank]

    def origin(self, item: Record | None, *also: Record | Origin | None) -> Origin:
        """The origin of text from ``item`` (the book's own words when ``None``), at least as
        high as each of ``also`` (what contains or introduces it)."""
        if item is None:
            base = Origin(self.levels[0], kind="book", item_id=self.book.id, name=self.book.title)
        else:
            base = self._own_origin(item)
        return self.raised(base, *also)

    def raised(self, base: Origin, *also: Record | Origin | None) -> Origin:
        """``base`` raised to at least the level and marking of each of ``also``: what
        :meth:`origin` does after the item's own origin (for a caller holding that already)."""
        for other in also:
            if other is None:
                continue
            o = other if isinstance(other, Origin) else self._own_origin(other)
            if self.rank(o.level) > self.rank(base.level):
                base = Origin(o.level, base.not_for_release, base.kind, base.item_id, base.name)
            if o.not_for_release and not base.not_for_release:
                base = base.restricted()
        return base

    def _own_origin(self, item: Record) -> Origin:
        """The origin of text from ``item`` alone: its level, its marking, its name.

        Stamped on nearly every text of a book (50,000 times for 500 meetings, mostly for the
        same few hundred items), so it is remembered for the item's values, every field of it,
        and never for its id alone: a record read again with other values gets its own origin."""
        cls = type(item)
        try:
            key = (cls, _all_values(cls)(item))
            found = self._origins.get(key)
        except TypeError:  # a value that cannot be a key: no memo
            key = found = None
        if found is None:
            found = Origin(self.level_of(item), self.restricted(item), item.KIND, item.id, item.display_name)
            if key is not None:
                self._origins[key] = found
            # A second record of the id with other values (else the memo had answered, or its
            # values cannot be a key): then neither is the item as the document holds it.
            self.stamped[item.id] = None if item.id in self.stamped or key is None else item
        return found

    @contextmanager
    def source(self, origin: Origin) -> Iterator[Origin]:
        """Text built inside takes ``origin`` unless given another (see :meth:`blocks`)."""
        self._sources.append(origin)
        try:
            yield origin
        finally:
            self._sources.pop()

    @property
    def current(self) -> Origin:
        """The origin of the text being built; outside any source, the book's own words."""
        return self._sources[-1] if self._sources else self.origin(None)

    @property
    def scope(self) -> EventScope:
        """What belongs to the book's event: what its sections hold unless the user chose."""
        if self._scope is None:
            self._scope = event_scope(self.library, self.book.event_id)
        return self._scope

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
        """True if the item may appear; otherwise record why it was left out."""
        level = self.level_of(item)
        rank = self.rank(level)
        if rank > self.ceiling_rank:
            self.warn(
                "above_ceiling",
                f"{item.LABEL} “{short(item.display_name)}” is {level}, above the ceiling "
                f"({self.ceiling}); it is left out.",
                item,
            )
            self._left_with(item)
            return False
        if self.releasable and self.restricted(item):
            self.warn(
                "item_not_for_release",
                f"{item.LABEL} “{short(item.display_name)}” is marked not for release; "
                "it is left out of this shareable copy.",
                item,
            )
            self._left_with(item)
            return False
        if isinstance(item, TalkingPoint) and item.status != "cleared":
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
        self._name_hidden_characters(item)
        return True

    def _name_hidden_characters(self, item: Record) -> None:
        """An item the book prints whose name holds a bidi control (U+202E from a pasted or
        imported name makes the rest of its line read backwards, "terceS" as "Secret"): named
        once, so the user sees it before the file leaves. The text is printed as written."""
        if item.id in self._hidden_named:
            return
        hidden = reordering_controls(item.display_name)
        if hidden:
            self._hidden_named.add(item.id)
            self.warn(
                "hidden_in_name",
                f"The name of {item.LABEL.lower()} “{short(item.display_name)}” contains an invisible "
                f"character {', '.join(hidden)}, which can make the text after it read backwards.",
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

    def items(self, text: str, *, origin: Origin | None = None) -> list[ListItem]:
        """A field as list items, sub-lists kept (a talking point in a list of points)."""
        self._left_out(text, origin or self.current)
        return markdown.items(text, releasable=self.releasable, origin=origin or self.current, label=self.nfr)

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
        base = _NOT_IN_ANCHORS.sub("-", text.lower()).strip("-")[:40] or "section"
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


@functools.cache
def _all_values(cls: type[Record]) -> Callable[[Record], tuple]:
    """A function giving the values of all of a record's fields as a tuple (one C call)."""
    names = tuple(f.name for f in fields(cls))
    if len(names) == 1:
        name = names[0]
        return lambda item: (getattr(item, name),)
    return operator.attrgetter(*names) if names else lambda item: ()


@functools.cache
def _one_line_values(cls: type[Record]) -> Callable[[Record], tuple]:
    """A function giving the values of a record's one-line fields as a tuple (one C call)."""
    names = one_line_fields(cls)
    if len(names) == 1:
        name = names[0]
        return lambda item: (getattr(item, name),)
    return operator.attrgetter(*names) if names else lambda item: ()


def short(text: str, limit: int = 60) -> str:
    """An item's name (or a passage) as a preflight warning quotes it, cut to ``limit``
    characters. What it is given is already read as text (a point's or statement's name by
    markdown_plain, a passage by the book's own reading; other names are plain fields), so
    its escapes are not read again: a typed '\\[' kept as 'C:\\[Mật]' lost its backslash.
    Its bidi controls are shown as ``<U+202E>``: obeyed, they reversed the rest of the line."""
    return visible_controls(text if len(text) <= limit else text[: limit - 1] + "…")
