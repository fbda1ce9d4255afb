"""Which meetings, delegations and books use an item: what a delete must name before it goes.

"1 participant link" means nothing to a desk officer the night before a meeting;
"takes part in the meeting “Bilateral with Thailand”; the book “Briefing book:
Bangkok” shows their biography" does. The question is asked before a delete (the
window's confirmation, the CLI's refusal without ``--force``), so it must be cheap:
a few queries, never an assembly of every book.

A book uses an item when

- one of its included sections lists the item by hand (its ``items`` or a meeting's
  choice of points and statements), or
- the item belongs to the book's event (:func:`briefbook.library.scope.events_of`:
  a participant, a delegate, a topic raised there, a statement on its topics or by
  its people, a meeting of it) and the book includes a section that shows such items
  by default, or
- the book's last export printed it (its export record names every item whose text
  reached the file), so a book that was handed out is named even when a rule above
  misses a way the item reached it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from briefbook.errors import NotFound
from briefbook.library.api import Library
from briefbook.library.books import sections
from briefbook.library.records import RECORD_TYPES, Book, Event, Meeting, Person, Record, TalkingPoint, Topic
from briefbook.library.scope import events_of

# The sections that show an item of each kind when the book leaves its choice to the event.
_SHOWN_IN = {
    "person": ("biographies", "delegation", "meetings"),
    "meeting": ("meetings", "programme", "delegation"),
    "talking_point": ("meetings", "topics"),
    "statement": ("statements", "meetings"),
    "topic": ("meetings", "topics", "statements"),
}


@dataclass
class Uses:
    """What uses an item, by title: (meeting title, event title), event titles, book titles."""

    meetings: list[tuple[str, str]] = field(default_factory=list)  # it takes part in / is raised in
    delegations: list[str] = field(default_factory=list)  # a member of the delegation to these events
    books: list[str] = field(default_factory=list)  # books that show it (and would no longer)
    kind: str = ""  # the item's kind: a person takes part in a meeting, a topic is raised there
    statements: int = 0  # prior statements the person made: they stay, the speaker's name as text

    def __bool__(self) -> bool:
        return bool(self.meetings or self.delegations or self.books or self.statements)

    def sentences(self) -> list[str]:
        """The uses in English words (the CLI's; the window says the same in its language)."""
        if self.kind == "person":
            out = [f"they take part in the meeting “{m}” ({e})" for m, e in self.meetings]
            out += [f"they are in the delegation to “{e}”" for e in self.delegations]
            out += [
                f"the book “{b}” shows them (biography, participants) and will no longer" for b in self.books
            ]
            if self.statements:
                said = "1 prior statement" if self.statements == 1 else f"{self.statements} prior statements"
                out.append(f"they made {said}: kept, no longer linked")
        elif self.kind == "event":
            out = [f"its book “{b}” is deleted with it" for b in self.books]
        else:
            out = [f"it is raised in the meeting “{m}” ({e})" for m, e in self.meetings]
            out += [f"the book “{b}” includes it and will no longer" for b in self.books]
        return out


def delete_summary(library: Library, kind: str, item_id: str) -> tuple[Uses, list[str]]:
    """What deleting the item means: its uses by title, and the counts of the rest that goes.

    The participant and delegation links that :attr:`Uses.meetings` and
    :attr:`Uses.delegations` name are not counted again ("1 participant link").
    """
    from briefbook.library.deleted import describe
    from briefbook.library.records import record_type
    from briefbook.library.snapshots import snapshot_rows

    uses = uses_of(library, kind, item_id)
    named = set()
    if uses.meetings:
        named |= {"meeting_participants", "meeting_topics"}
    if uses.delegations:
        named.add("event_delegation")
    if uses.kind == "event" and uses.books:
        named.add("books")
    snapshot = snapshot_rows(library.db, record_type(kind).TABLE, item_id)
    uses.statements = sum(1 for t, _, c, _ in snapshot.nulled if (t, c) == ("statements", "speaker_id"))
    if uses.statements:
        named.add("statements.speaker_id")
    return uses, describe(snapshot, asked_only=True, named=frozenset(named))


def uses_of(library: Library, kind: str, item_id: str) -> Uses:
    """The meetings, delegations and books that use the item (see the module's rule)."""
    item = library.get(kind, item_id)
    uses = Uses(kind=item.KIND)
    if isinstance(item, Person):
        uses.meetings = _titles(
            library,
            "SELECT m.title, e.title FROM meeting_participants x JOIN meetings m ON m.id = x.meeting_id "
            "JOIN events e ON e.id = m.event_id WHERE x.person_id = ? ORDER BY m.starts_at, m.rowid",
            item.id,
        )
        uses.delegations = [
            e
            for e, _ in _titles(
                library,
                "SELECT e.title, '' FROM event_delegation x JOIN events e ON e.id = x.event_id "
                "WHERE x.person_id = ? ORDER BY e.start_date, e.rowid",
                item.id,
            )
        ]
    elif isinstance(item, Topic):
        uses.meetings = _titles(
            library,
            "SELECT m.title, e.title FROM meeting_topics x JOIN meetings m ON m.id = x.meeting_id "
            "JOIN events e ON e.id = m.event_id WHERE x.topic_id = ? ORDER BY m.starts_at, m.rowid",
            item.id,
        )
    if isinstance(item, Event):  # its books go with it: named, so that none goes unnoticed
        uses.books = [b.title for b in library.list(Book, where={"event_id": item.id}, order_by="title")]
    elif not isinstance(item, Book):
        uses.books = [b.title for b in books_using(library, item)]
    return uses


def books_using(library: Library, item: Record) -> list[Book]:
    """The books that show ``item`` (an event's own books are deleted with it, not listed here)."""
    events = _events(library, item)
    shown_in = _SHOWN_IN.get(item.KIND, ())
    exported = _last_exports_naming(library, item.id)
    out = []
    for book in library.list(Book, order_by="title"):
        try:
            chosen = [s for s in sections(book) if s.include]
        except Exception:  # damaged sections: the book's own preflight says so
            continue
        if book.id in exported or any(_lists(s, item.id) for s in chosen):
            out.append(book)
            continue
        if book.event_id in events and any(s.kind in shown_in and _by_default(s, item) for s in chosen):
            out.append(book)
    return out


def _events(library: Library, item: Record) -> set[str]:
    if isinstance(item, TalkingPoint):
        try:
            return events_of(library, library.get(Topic, item.topic_id))
        except NotFound:
            return set()
    return events_of(library, item)


def _lists(section, item_id: str) -> bool:
    """The section names the item by hand."""
    if section.items is not None and item_id in section.items:
        return True
    return any(
        item_id in (choice.talking_points or []) or item_id in (choice.statements or [])
        for choice in section.choices.values()
    )


def _by_default(section, item: Record) -> bool:
    """The section shows the event's own items of this kind, unless it chose others by hand.

    A delegation section lists every participant and session; meeting briefs list their
    participants, topics, points and statements (a brief's own choice of points is
    checked by hand above, so a brief is counted as showing the event's items).
    """
    if section.kind == "delegation":
        return True
    if section.kind == "meetings":
        return section.items is None if isinstance(item, Meeting) else True
    return section.items is None


def _last_exports_naming(library: Library, item_id: str) -> set[str]:
    """Ids of the books whose newest export included the item."""
    rows = library.db.execute(
        "SELECT r.book_id, r.items FROM export_records r JOIN (SELECT book_id, max(version) AS v "
        "FROM export_records GROUP BY book_id) n ON n.book_id = r.book_id AND n.v = r.version "
        "WHERE instr(r.items, ?) > 0",
        [json.dumps(item_id)],
    ).fetchall()
    out = set()
    for book_id, items in rows:
        try:
            if item_id in json.loads(items):
                out.add(book_id)
        except (ValueError, TypeError):
            continue
    return out


def _titles(library: Library, sql: str, *params: str) -> list[tuple[str, str]]:
    return [(str(a), str(b)) for a, b in library.db.execute(sql, list(params)).fetchall()]


def deleted_names(library: Library, item_ids: list[str]) -> dict[str, tuple[str, str]]:
    """item id -> (kind, title) for the ids among ``item_ids`` that were deleted (newest delete)."""
    if not item_ids:
        return {}
    rows = library.db.execute(
        "SELECT item_id, kind, title FROM deleted_items WHERE item_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY id",
        [json.dumps(list(item_ids))],
    ).fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def gone_since_last_export(library: Library, book_id: str) -> tuple[str, list[tuple[str, str, str]]]:
    """(when the book was last exported, [(item id, kind, name)] of what that export included
    that is no longer in the library); ("", []) for a book never exported. Only ids, kinds and
    names are read from the record."""
    rows = library.db.execute(
        "SELECT r.exported_at, j.key, json_extract(j.value, '$.kind'), json_extract(j.value, '$.name') "
        "FROM (SELECT exported_at, items FROM export_records WHERE book_id = ? "
        "ORDER BY version DESC LIMIT 1) r, json_each(r.items) j",
        [book_id],
    ).fetchall()
    if not rows:
        return "", []
    by_kind: dict[str, list[str]] = {}
    for _, item_id, kind, _ in rows:
        by_kind.setdefault(str(kind), []).append(str(item_id))
    present: set[str] = set()
    for kind, ids in by_kind.items():
        cls = RECORD_TYPES.get(kind)
        if cls is None:
            continue
        present |= {
            r[0]
            for r in library.db.execute(
                f"SELECT id FROM {cls.TABLE} WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(ids)]
            )
        }
    gone = [
        (str(i), str(k), str(n)) for _, i, k, n in rows if str(k) in RECORD_TYPES and str(i) not in present
    ]
    return rows[0][0], gone


def deleted_from_event(library: Library, event_id: str, since: str) -> list[tuple[str, str, str]]:
    """[(item id, kind, title)] of the items deleted since ``since`` (a time stamp) that belonged
    to the event: its people (participants, delegates), its meetings, and the points and
    statements on the topics its meetings raise. Read from the deleted items' snapshots."""
    rows = library.db.execute(
        """
        SELECT d.item_id, d.kind, d.title FROM deleted_items d
        WHERE d.deleted_at >= :since AND d.kind NOT IN ('event', 'book') AND EXISTS (
            SELECT 1 FROM json_each(d.snapshot, '$.rows') r WHERE
            (json_extract(r.value, '$[0]') = 'meeting_participants'
                AND json_extract(r.value, '$[1].meeting_id') IN
                    (SELECT id FROM meetings WHERE event_id = :event))
            OR (json_extract(r.value, '$[0]') IN ('event_delegation', 'meetings')
                AND json_extract(r.value, '$[1].event_id') = :event)
            OR (json_extract(r.value, '$[0]') IN ('statement_topics', 'talking_points')
                AND json_extract(r.value, '$[1].topic_id') IN (SELECT x.topic_id FROM meeting_topics x
                    JOIN meetings m ON m.id = x.meeting_id WHERE m.event_id = :event)))
        ORDER BY d.id
        """,
        {"event": event_id, "since": since},
    ).fetchall()
    return [(str(a), str(b), str(c)) for a, b, c in rows]
