"""What an import proposes, before anything is written: items to accept, edit or drop.

Every importer (Word talking points, news articles, contact lists) turns a
file into a :class:`Proposal`. The CLI prints it (``--dry-run`` stops there),
the window shows it in a preview where each item can be accepted, edited or
dropped; :func:`apply_proposal` then writes what was accepted, in one
transaction, through the Library API. An item that matches one already in the
library is "existing" and writes nothing, so importing a file twice creates
nothing new; a probable duplicate (same folded name and organisation, other
details differing) is offered for merging: its empty fields are filled, none
overwritten.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, fields, replace
from typing import Any

from briefbook.errors import ValidationError
from briefbook.library import Library, Record, Topic
from briefbook.library.validation import no_such_field

NEW, EXISTING, MERGE = "new", "existing", "merge"

# What each kind may refer to among the proposed items (kept in step when an item is dropped).
_REFS = {"talking_point": "topic_id", "statement": "speaker_id", "person": "organisation_id"}


@dataclass
class Proposed:
    """One item an import would write. ``record`` has a fresh id; ``match_id`` the existing one."""

    record: Record
    action: str = NEW
    match_id: str | None = None
    note: str = ""
    accepted: bool = True
    links: list[str] = field(default_factory=list)  # topic ids a statement is linked to

    @property
    def kind(self) -> str:
        return self.record.KIND


@dataclass
class Proposal:
    """What importing one file would do; ``questions`` the importer still needs answered."""

    source: str
    kind: str  # "talking-points", "statements", "people"
    items: list[Proposed] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # for the user: mapping shown, things skipped
    questions: dict[str, str] = field(default_factory=dict)  # name -> default offered ("year", "source")
    context: dict[str, Any] = field(default_factory=dict)  # what an importer keeps for its answers

    def add(self, record: Record, **kw: Any) -> Proposed:
        if not record.id:
            record = replace(record, id=str(uuid.uuid4()))
        item = Proposed(record, **kw)
        self.items.append(item)
        return item

    def counts(self) -> dict[str, int]:
        out = {NEW: 0, EXISTING: 0, MERGE: 0, "dropped": 0}
        for item in self.items:
            out["dropped" if not item.accepted else item.action] += 1
        return out

    def edit(self, item: Proposed, **changes: Any) -> None:
        """Change a proposed item's fields (the preview's Edit); unknown fields are refused."""
        unknown = set(changes) - set(item.record.data_fields())
        if unknown:
            raise ValidationError(no_such_field(type(item.record), sorted(unknown)[0]))
        item.record = replace(item.record, **changes)


def apply_proposal(library: Library, proposal: Proposal) -> dict[str, int]:
    """Write the accepted items (one transaction); returns counts of what was written."""
    order = {"organisation": 0, "person": 1, "topic": 2, "talking_point": 3, "statement": 4}
    by_id = {item.record.id: item for item in proposal.items}
    written = {"added": 0, "merged": 0, "unchanged": 0, "dropped": 0}
    final_id: dict[str, str | None] = {}
    for item in proposal.items:  # what each proposed id becomes: itself, the existing item, or nothing
        if not item.accepted:
            final_id[item.record.id] = None
        elif item.action in (EXISTING, MERGE):
            final_id[item.record.id] = item.match_id
        else:
            final_id[item.record.id] = item.record.id
    with library.transaction():
        for item in sorted(proposal.items, key=lambda i: order.get(i.kind, 9)):
            if not item.accepted:
                written["dropped"] += 1
                continue
            record = _resolved(item.record, by_id, final_id)
            if record is None:
                written["dropped"] += 1
                proposal.messages.append(
                    f"{item.record.LABEL} “{item.record.display_name[:60]}” was not imported: "
                    "what it belongs to was dropped."
                )
                continue
            if item.action == EXISTING:
                written["unchanged"] += 1
            elif item.action == MERGE and item.match_id:
                _merge(library, item.match_id, record)
                written["merged"] += 1
            else:
                library.add(record)
                written["added"] += 1
            target = final_id[item.record.id]
            for topic_id in item.links:
                topic = final_id.get(topic_id, topic_id)
                if target and topic and library.exists(Topic, topic):
                    library.link_topic(target, topic)
    return written


def _resolved(record: Record, by_id: dict[str, Proposed], final_id: dict[str, str | None]) -> Record | None:
    """The record with references to proposed items replaced by what they became."""
    name = _REFS.get(record.KIND)
    if not name:
        return record
    ref = getattr(record, name)
    if ref and ref in by_id:
        target = final_id[ref]
        if target is None:
            if name == "topic_id":
                return None  # a point cannot exist without its topic
            return replace(record, **{name: None})
        return replace(record, **{name: target})
    return record


def _merge(library: Library, existing_id: str, record: Record) -> None:
    """Fill the existing item's empty fields from the proposed one; never overwrite."""
    current = library.get(type(record), existing_id)
    changes = {}
    for f in fields(record):
        if f.name in ("id", "created_at", "updated_at"):
            continue
        new, old = getattr(record, f.name), getattr(current, f.name)
        if new and not old:
            changes[f.name] = new
        elif f.name == "notes" and new and old:
            from briefbook.exchange.contacts import new_lines

            added = new_lines(old, new)
            if added:
                changes[f.name] = old.rstrip() + "\n" + "\n".join(added)
    if changes:
        library.update(type(record), existing_id, **changes)
