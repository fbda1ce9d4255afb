"""What belongs to an event: the items a book about that event includes unless told otherwise.

A book is about its event. Its topic briefs, statements annex and biographies
come from the event, not from the whole library (a new book for a Vientiane
meeting must not pull in the Bangkok conference's Confidential points):

- topics: those raised in the event's meetings (in meeting order, then the
  order each meeting lists them);
- people: our delegation, then everyone taking part in its meetings;
- statements: those on the event's topics or made by its people, newest first.

:func:`events_of` answers the other way round (which events an item belongs
to), so that the preflight can warn when a book includes something that
belongs only to another event.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import field
from typing import TypeVar

from briefbook.errors import NotFound, ValidationError
from briefbook.library.api import Library
from briefbook.library.books import Section
from briefbook.library.queries import _to_record
from briefbook.library.records import Meeting, Person, Record, Statement, Topic
from briefbook.library.speakers import name_speakers
from briefbook.shared_methods import dataclass

R = TypeVar("R", bound=Record)

# The book sections whose items come from the event (a meeting-briefs section
# lists the event's meetings; it is not chosen from the library).
SCOPED_SECTIONS = {"topics": Topic, "statements": Statement, "biographies": Person}


@dataclass
class EventScope:
    """What belongs to one event: its meetings, their topics and people, and the statements on those."""

    event_id: str
    meetings: list[Meeting] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    # Our delegation's people: on our side in each of its meetings, whatever their role there.
    delegation_ids: set[str] = field(default_factory=set)

    def items(self, section_kind: str) -> list[Record]:
        """The event's own items for a section of this kind ("topics", "statements", "biographies")."""
        return list(
            {"topics": self.topics, "statements": self.statements, "biographies": self.people}[section_kind]
        )

    def ids(self, section_kind: str) -> set[str]:
        return {item.id for item in self.items(section_kind)}


def event_scope(
    library: Library,
    event_id: str,
    meeting_kept: Callable[[Meeting], bool] | None = None,
    *,
    meetings: list[Meeting] | None = None,
) -> EventScope:
    """Everything that belongs to the event (see the module's docstring for the rule).

    ``meeting_kept``: a book's rule for which meetings it prints. The topics, people and
    statements that reach the event only through a meeting it leaves out are left out
    with it (a Public book must not list a Confidential meeting's counterpart or brief
    its topics); ``meetings`` still lists every meeting, so that each one left out is named.

    A handful of queries whatever the event's size (the composer asks on every
    change: a 500-meeting book must not stall the window).

    ``meetings``: the event's meetings by start time as ``Library.list`` gives them, if the
    caller has read them already (a book's assembly lists them for its programme and briefs:
    each meeting was read, all its text, and built as a record twice). Kept, not copied.
    """
    scope = EventScope(event_id)
    if meetings is None:
        meetings = library.list(Meeting, where={"event_id": event_id}, order_by="starts_at")
    scope.meetings = meetings
    in_order = "m.starts_at COLLATE NOCASE, m.rowid"  # the meetings' order, as listed above
    # The meetings that count, as one JSON parameter (any number of them, one placeholder).
    kept = [m.id for m in scope.meetings if meeting_kept is None or meeting_kept(m)]
    only_kept = "m.id IN (SELECT value FROM json_each(?))"
    kept_json = json.dumps(kept)
    scope.topics = _unique(
        _records(
            library,
            Topic,
            "FROM meeting_topics x JOIN meetings m ON m.id = x.meeting_id JOIN topics t ON t.id = x.topic_id "
            f"WHERE m.event_id = ? AND {only_kept} ORDER BY {in_order}, x.position, x.rowid",
            [event_id, kept_json],
        )
    )
    delegation = _records(
        library,
        Person,
        "FROM event_delegation x JOIN people t ON t.id = x.person_id "
        "WHERE x.event_id = ? ORDER BY x.position, x.rowid",
        [event_id],
    )
    participants = _records(
        library,
        Person,
        "FROM meeting_participants x JOIN meetings m ON m.id = x.meeting_id "
        "JOIN people t ON t.id = x.person_id "
        f"WHERE m.event_id = ? AND {only_kept} ORDER BY {in_order}, x.position, x.rowid",
        [event_id, kept_json],
    )
    scope.people = _unique(delegation + participants)
    scope.delegation_ids = {person.id for person in delegation}
    on_topics = _records(
        library,
        Statement,
        "FROM statements t WHERE t.id IN (SELECT x.statement_id FROM statement_topics x "
        "JOIN meeting_topics mt ON mt.topic_id = x.topic_id JOIN meetings m ON m.id = mt.meeting_id "
        f"WHERE m.event_id = ? AND {only_kept}) "
        "OR t.speaker_id IN (SELECT person_id FROM event_delegation WHERE event_id = ? "
        "UNION SELECT p.person_id FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id "
        f"WHERE m.event_id = ? AND {only_kept})",
        [event_id, kept_json, event_id, event_id, kept_json],
    )
    scope.statements = sorted(on_topics, key=lambda s: s.date, reverse=True)
    return scope


def _records(library: Library, cls: type[R], rest: str, params: list[str]) -> list[R]:
    """Records of ``cls`` from ``SELECT t.<its columns> <rest>`` (``t`` is the record's table)."""
    columns = cls.field_names()
    sql = f"SELECT {', '.join('t.' + c for c in columns)} {rest}"
    return [_to_record(cls, row, columns) for row in library.db.execute(sql, params)]


def _unique(items: list[R]) -> list[R]:
    """Each item once, where it first appears."""
    seen: dict[str, R] = {}
    for item in items:
        seen.setdefault(item.id, item)
    return list(seen.values())


def candidates(library: Library, scope: EventScope, section_kind: str) -> list[tuple[Record, bool]]:
    """What a section can hold: the event's own items (True) first, then the rest of the library (False)."""
    own = scope.items(section_kind)
    own_ids = {item.id for item in own}
    cls = SCOPED_SECTIONS[section_kind]
    others = [item for item in library.list(cls) if item.id not in own_ids]
    return [(item, True) for item in own] + [(item, False) for item in others]


@dataclass
class Choice:
    """One row of a section's choice: the item, whether the book includes it, whose it is.

    ``belongs``: "event" (this book's event), "other" (only other events), "none" (no event).
    """

    item: Record
    ticked: bool
    belongs: str


def section_choices(
    library: Library, scope: EventScope, section: Section, *, everything: bool = False
) -> list[Choice]:
    """What a topics, statements or biographies section holds and can hold, as the composer shows it.

    The event's own items, then any other item the user chose; with
    ``everything``, the rest of the library too (unticked). By default
    (``items is None``) the event's own items are ticked; once the user has
    chosen, the chosen ones come first, in their order.
    """
    own = scope.items(section.kind)
    own_ids = {item.id for item in own}
    cls = SCOPED_SECTIONS[section.kind]
    if section.items is None:
        rows = [(item, True) for item in own]
    else:
        chosen = []
        for item_id in dict.fromkeys(section.items):
            found = next((i for i in own if i.id == item_id), None)
            if found is None:
                try:
                    found = library.get(cls, item_id)
                except NotFound:  # chosen once, deleted since: the preflight says so
                    continue
            chosen.append(found)
        chosen_ids = {item.id for item in chosen}
        rows = [(item, True) for item in chosen] + [
            (item, False) for item in own if item.id not in chosen_ids
        ]
    if everything:
        shown = {item.id for item, _ in rows}
        rows += [(item, False) for item in library.list(cls) if item.id not in shown]
    # A statement of a linked speaker is named through the person, as the Library's own reads
    # name it (the scope's reads do not: assembly names speakers its own way): the section's
    # list read "(speaker), 2025-11-06: …".
    name_speakers(library.db, [item for item, _ in rows])
    out = []
    for item, ticked in rows:
        belongs = "event" if item.id in own_ids else ("other" if events_of(library, item) else "none")
        out.append(Choice(item, ticked, belongs))
    return out


def choose_item(
    library: Library, scope: EventScope, section: Section, item_id: str, ticked: bool
) -> list[str] | None:
    """The section's ``items`` after ticking (or unticking) one item; ``None`` when that is the default.

    The ticked items keep the order shown; the event's own items, all ticked
    and nothing else, is the default again (so a new item of the event shows up
    without editing the book).
    """
    rows = section_choices(library, scope, section)
    ids = [r.item.id for r in rows if (ticked if r.item.id == item_id else r.ticked)]
    if item_id not in {r.item.id for r in rows}:
        try:
            library.get(SCOPED_SECTIONS[section.kind], item_id)
        except NotFound:
            raise ValidationError(f"There is no item {item_id} to choose in this section.") from None
        if ticked:
            ids.append(item_id)
    return None if ids == [item.id for item in scope.items(section.kind)] else ids


def events_of(library: Library, item: Record) -> set[str]:
    """The ids of the events an item belongs to by the same rule (empty: no event in particular)."""
    if isinstance(item, Topic):
        return _column(
            library,
            "SELECT DISTINCT m.event_id FROM meeting_topics mt JOIN meetings m ON m.id = mt.meeting_id "
            "WHERE mt.topic_id = ?",
            item.id,
        )
    if isinstance(item, Person):
        return _column(
            library,
            "SELECT event_id FROM event_delegation WHERE person_id = ? UNION "
            "SELECT m.event_id FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id "
            "WHERE mp.person_id = ?",
            item.id,
            item.id,
        )
    if isinstance(item, Statement):
        found: set[str] = set()
        for topic in library.statement_topics(item.id):
            found |= events_of(library, topic)
        if item.speaker_id:
            found |= events_of(library, library.get(Person, item.speaker_id))
        return found
    if isinstance(item, Meeting):
        return {item.event_id}
    return set()


def _column(library: Library, sql: str, *params: str) -> set[str]:
    return {row[0] for row in library.db.execute(sql, list(params))}
