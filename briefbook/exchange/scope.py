"""Which items a package holds: the ones asked for and everything they need, under the release rules.

An event brings its meetings, their participants and topics, the topics'
talking points, the statements on those topics or by those people, the
people's organisations, the event's delegation and books; a book brings its
event; a meeting its event, participants and topics; a talking point its
topic; a statement its speaker and topics; a person their organisation.

The ceiling and the not-for-release rule apply exactly as for a book export:
an item above the ceiling is left out, and so is what cannot exist without it
(a talking point whose topic is left out, a meeting whose event is); a
person's sensitivities count as Confidential at least; a link to a left-out
item is cut. For sharing, passages marked not for release are cut from every
text, an item whose title or name starts with a marker is left out, and so are the
fields no book prints (a person's internal notes: ``release.NEVER_PRINTED``); the
export's summary says what was withheld so, and the importing library keeps its own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from briefbook.errors import ValidationError
from briefbook.exchange.content import Content, item_content
from briefbook.exchange.levels import rank
from briefbook.exchange.release import internal_only, withheld_fields, without_restricted
from briefbook.library import Book, Event, Library, Meeting, Person, Record, Statement, TalkingPoint, Topic
from briefbook.library.levels import Level
from briefbook.library.records import RECORD_TYPES


@dataclass
class Selection:
    """The items of one package, as they will be written, and what was left out and why."""

    contents: dict[str, Content] = field(default_factory=dict)  # id -> content as exported
    changed: set[str] = field(default_factory=set)  # ids whose exported content differs from the stored
    left_out: list[str] = field(default_factory=list)  # messages for the user
    ceiling: str = ""
    for_sharing: bool = False
    withheld: dict[str, tuple[str, ...]] = field(default_factory=dict)  # kind -> fields left out whole
    blanked: Counter = field(default_factory=Counter)  # (kind, field) -> items whose value was left out


def find_item(library: Library, item_id: str) -> Record:
    return library.find(item_id)


def select(
    library: Library,
    roots: list[str],
    *,
    ceiling: str | None = None,
    for_sharing: bool = False,
) -> Selection:
    """The package's items for these root ids (events, books or any items)."""
    levels = library.levels()
    top = library.parse_level(ceiling, what="ceiling") if ceiling else levels[-1].name
    limit = rank(levels, top)
    wanted: dict[str, Record] = {}
    for item_id in roots:
        record = find_item(library, item_id)
        if rank(levels, getattr(record, "classification", levels[0].name)) > limit:
            raise ValidationError(
                f"{record.LABEL} “{record.display_name}” is {record.classification}, above the ceiling "
                f"({top}): it cannot be put in this package."
            )
        _gather(library, record, wanted, root=True)
    selection = Selection(ceiling=top, for_sharing=for_sharing)
    selection.withheld = withheld_fields([level.name for level in levels], top, for_sharing)
    admitted = {i: r for i, r in wanted.items() if _admit(levels, limit, r, selection, for_sharing)}
    # What cannot exist without a left-out item goes too (a point without its topic...).
    changed = True
    while changed:
        changed = False
        for item_id, record in list(admitted.items()):
            parent = _parent(record)
            if parent and parent not in admitted:
                selection.left_out.append(
                    f"{record.LABEL} “{record.display_name}” is left out with the item it belongs to."
                )
                del admitted[item_id]
                changed = True
    for item_id, record in admitted.items():
        stored = item_content(library, record)
        exported = _released(stored, set(admitted), for_sharing, selection)
        if any(not exported["fields"].get(name) for name in record.REQUIRED):
            selection.left_out.append(
                f"{record.LABEL} “{record.display_name}” is all not for release; left out."
            )
            continue
        selection.contents[item_id] = exported
        if exported != stored:
            selection.changed.add(item_id)
    if roots and not any(item_id in selection.contents for item_id in roots):
        # (a book of an event above the ceiling goes with its event): an empty file, ready to
        # be sent, is worse than no file
        raise ValidationError(
            f"Nothing of what was chosen can go in a package at {top}: each is left out with an "
            "item above that ceiling or not for release. No file was written."
        )
    return selection


def _gather(library: Library, record: Record, wanted: dict[str, Record], *, root: bool = False) -> None:
    if record.id in wanted:
        return
    wanted[record.id] = record

    def add(kind: type[Record], item_id: str | None) -> None:
        if item_id and library.exists(kind, item_id):
            _gather(library, library.get(kind, item_id), wanted)

    if isinstance(record, Book):
        add(Event, record.event_id)
    elif isinstance(record, Event):
        for p in library.delegation(record.id):
            _gather(library, p.person, wanted)
        for meeting in library.list(Meeting, where={"event_id": record.id}):
            _gather(library, meeting, wanted, root=True)
        for book in library.list(Book, where={"event_id": record.id}):
            wanted.setdefault(book.id, book)
        for topic in [r for r in wanted.values() if isinstance(r, Topic)]:
            for point in library.list(TalkingPoint, where={"topic_id": topic.id}):
                wanted.setdefault(point.id, point)
        for person in [r for r in wanted.values() if isinstance(r, Person)]:
            for statement in library.list(Statement, where={"speaker_id": person.id}):
                _gather(library, statement, wanted)
    elif isinstance(record, Meeting):
        if record.event_id not in wanted:
            wanted[record.event_id] = library.get(Event, record.event_id)
        for p in library.participants(record.id):
            _gather(library, p.person, wanted)
        for topic in library.meeting_topics(record.id):
            _gather(library, topic, wanted, root=True)
    elif isinstance(record, Topic):
        if root:
            for point in library.list(TalkingPoint, where={"topic_id": record.id}):
                wanted.setdefault(point.id, point)
            for statement in library.statements_on(record.id):
                _gather(library, statement, wanted)
    elif isinstance(record, TalkingPoint):
        if record.topic_id not in wanted:
            wanted[record.topic_id] = library.get(Topic, record.topic_id)
    elif isinstance(record, Statement):
        add(Person, record.speaker_id)
        for topic in library.statement_topics(record.id):
            wanted.setdefault(topic.id, topic)
    elif isinstance(record, Person):
        add(RECORD_TYPES["organisation"], record.organisation_id)
        if root:
            for statement in library.list(Statement, where={"speaker_id": record.id}):
                _gather(library, statement, wanted)


def _parent(record: Record) -> str | None:
    """The item this one cannot be stored without."""
    if isinstance(record, TalkingPoint):
        return record.topic_id
    if isinstance(record, Meeting | Book):
        return record.event_id
    return None


def _admit(levels: list[Level], limit: int, record: Record, selection: Selection, for_sharing: bool) -> bool:
    level = getattr(record, "classification", levels[0].name)
    if rank(levels, level) > limit:
        selection.left_out.append(
            f"{record.LABEL} “{record.display_name}” is {level}, above the ceiling "
            f"({levels[limit].name}); left out."
        )
        return False
    if for_sharing and internal_only(record):
        selection.left_out.append(
            f"{record.LABEL} “{record.display_name}” is marked not for release; left out."
        )
        return False
    return True


def _released(content: Content, admitted: set[str], for_sharing: bool, selection: Selection) -> Content:
    """The content as it may leave: links to left-out items cut, withheld fields emptied (counted
    in ``selection.blanked``), restricted text removed."""
    out = {
        **content,
        "fields": dict(content["fields"]),
        "links": {k: list(v) for k, v in content["links"].items()},
    }
    fields, links = out["fields"], out["links"]
    for name in ("speaker_id", "organisation_id"):
        if fields.get(name) and fields[name] not in admitted:
            fields[name] = None
    for name in ("participants", "delegation"):
        if name in links:
            links[name] = [p for p in links[name] if p[0] in admitted]
    if "topics" in links:
        links["topics"] = [t for t in links["topics"] if t in admitted]
    for name in selection.withheld.get(content["kind"], ()):
        if fields.get(name):
            fields[name] = ""
            selection.blanked[content["kind"], name] += 1
    if for_sharing:
        cls = RECORD_TYPES[content["kind"]]
        for name in cls.MARKDOWN:
            if fields.get(name):
                fields[name] = without_restricted(fields[name])
    return out
