"""An item's content as exchange packages see it: its fields, its links, its photo, and a hash.

The hash is what two libraries compare to tell whether they hold the same
version of an item, so it covers what a user edits and nothing that changes by
itself: not the times, not a book's export stamp, not a talking point's or a
meeting's place in a list (reordering is not worth a conflict). Links belong
to the item that owns them: a meeting's participants and topics, an event's
delegation, a statement's topics.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from dataclasses import fields as dataclass_fields
from typing import Any

from briefbook.library import Book, Event, Library, Meeting, Person, Record, Statement
from briefbook.library.records import RECORD_TYPES, Topic

DELETED = "deleted"  # the content hash of a deleted item (a tombstone)

# Kinds in the order they are added (what an item refers to comes first); deleted in reverse.
KIND_ORDER = ("organisation", "person", "topic", "event", "meeting", "talking_point", "statement", "book")

# Fields carried but left out of the hash.
UNHASHED = {"id", "created_at", "updated_at", "version", "last_export_at"}


def local_order(kind: str) -> set[str]:
    """The fields each library keeps for itself: an item's place in its list (the ``position``
    of a meeting or a talking point, a number). A person's ``position`` is their job title: it
    travels like every other text (it was once left out by name, so a new title never arrived)."""
    cls = RECORD_TYPES[kind]
    return {f.name for f in dataclass_fields(cls) if f.name == "position" and f.type in (int, "int")}


Content = dict[str, Any]  # {"kind", "id", "created_at", "updated_at", "fields", "links", "photo"}


def item_content(library: Library, record: Record) -> Content:
    """The full content of one stored item (the photo as its SHA-256; the bytes travel apart)."""
    data = asdict(record)
    content: Content = {
        "kind": record.KIND,
        "id": record.id,
        "created_at": data.pop("created_at"),
        "updated_at": data.pop("updated_at"),
        "fields": {k: v for k, v in data.items() if k != "id"},
        "links": links_of(library, record),
        "photo": None,
    }
    if isinstance(record, Person):
        photo = library.photo(record.id)
        content["photo"] = hashlib.sha256(photo).hexdigest() if photo else None
    return content


def links_of(library: Library, record: Record) -> dict[str, list]:
    if isinstance(record, Meeting):
        return {
            "participants": [[p.person.id, p.role] for p in library.participants(record.id)],
            "topics": [t.id for t in library.meeting_topics(record.id)],
        }
    if isinstance(record, Event):
        return {"delegation": [[p.person.id, p.role] for p in library.delegation(record.id)]}
    if isinstance(record, Statement):
        return {"topics": sorted(t.id for t in library.statement_topics(record.id))}
    return {}


def content_hash(content: Content) -> str:
    """The hash two libraries compare: the kind, the edited fields, the links, the photo."""
    skipped = UNHASHED | local_order(content["kind"])
    fields = {k: v for k, v in content["fields"].items() if k not in skipped}
    canonical = json.dumps(
        [content["kind"], fields, content.get("links") or {}, content.get("photo")],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


def references(content: Content) -> set[str]:
    """Ids of the items this content refers to (which must exist for it to be stored)."""
    f, links = content["fields"], content.get("links") or {}
    refs: set[str] = set()
    for name in ("event_id", "topic_id", "speaker_id", "organisation_id"):
        if f.get(name):
            refs.add(f[name])
    for name in ("participants", "delegation"):
        refs.update(p[0] for p in links.get(name, []))
    refs.update(links.get("topics", []))
    return refs


def record_from(content: Content) -> Record:
    """The record a content describes (for ``Library.put`` / ``update``)."""
    cls = RECORD_TYPES[content["kind"]]
    allowed = set(cls.data_fields())
    values = {k: v for k, v in content["fields"].items() if k in allowed}
    return cls(id=content["id"], created_at=content["created_at"], updated_at=content["updated_at"], **values)


def write_fields(library: Library, content: Content, *, new: bool) -> None:
    """Store a content's fields: a new item with its own id and times, or an update (keeps revisions)."""
    record = record_from(content)
    if new:
        library.put(record)
        return
    cls = type(record)
    kept = {"version", *local_order(record.KIND)}
    changes = {k: getattr(record, k) for k in cls.data_fields() if k not in kept}
    if cls is Book:
        changes.pop("last_export_at", None)
    library.update(cls, record.id, **changes)


def write_links(library: Library, content: Content, keep: set[str] | None = None) -> None:
    """Make the stored links of an item those of ``content``, in its order.

    Links to ``keep`` ids stay as they are (the package could not speak of
    them: their items are above its ceiling); links to items this library does
    not hold are skipped.
    """
    keep = keep or set()
    kind, item_id, links = content["kind"], content["id"], content.get("links") or {}
    if kind == "meeting":
        people = [(p.person.id, p.role) for p in library.participants(item_id)]
        wanted = [(p[0], p[1]) for p in links.get("participants", []) if library.exists(Person, p[0])]
        _relink(
            people,
            wanted,
            keep,
            lambda i: library.remove_participant(item_id, i[0]),
            lambda i: library.set_participant(item_id, i[0], i[1]),
        )
        topics = [(t.id,) for t in library.meeting_topics(item_id)]
        wanted_topics = [(t,) for t in links.get("topics", []) if library.exists(Topic, t)]
        _relink(
            topics,
            wanted_topics,
            keep,
            lambda i: library.unlink_topic(item_id, i[0]),
            lambda i: library.link_topic(item_id, i[0]),
        )
    elif kind == "event":
        people = [(p.person.id, p.role) for p in library.delegation(item_id)]
        wanted = [(p[0], p[1]) for p in links.get("delegation", []) if library.exists(Person, p[0])]
        _relink(
            people,
            wanted,
            keep,
            lambda i: library.remove_delegate(item_id, i[0]),
            lambda i: library.set_delegate(item_id, i[0], i[1]),
        )
    elif kind == "statement":
        topics = [(t.id,) for t in library.statement_topics(item_id)]
        wanted_topics = [(t,) for t in links.get("topics", []) if library.exists(Topic, t)]
        _relink(
            sorted(topics),
            sorted(wanted_topics),
            keep,
            lambda i: library.unlink_topic(item_id, i[0]),
            lambda i: library.link_topic(item_id, i[0]),
        )


def _relink(current: list[tuple], wanted: list[tuple], keep: set[str], remove, add) -> None:
    """Replace the links ``current`` by ``wanted`` (in order) unless they are the same already."""
    if [c for c in current if c[0] not in keep] == wanted:
        return
    for link in current:
        if link[0] not in keep:
            remove(link)
    for link in wanted:
        add(link)


def stored_record(library: Library, kind: str, item_id: str) -> Record | None:
    cls = RECORD_TYPES[kind]
    return library.get(cls, item_id) if library.exists(cls, item_id) else None
