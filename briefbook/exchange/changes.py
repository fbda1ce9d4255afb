"""What changed in a book since its last export: items added, edited (word by word), removed.

Each export records what it included: every item whose text reached the
document (found by the origins the document model carries), with a hash of
all its text there and the text itself, less passages not for release (so a
later diff can never print one). Comparing that record with the book as it
would be exported now gives the changes, which ``briefbook book changes``
lists and an export can print as a "changes since version N" page, so a
principal who read yesterday's book reads only what is new. Which record a copy is compared
with (the last copy of its kind) is :mod:`briefbook.exchange.copy_changes`.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import field, fields
from typing import Any

from briefbook.document.model import (
    RUN_FIELDS,
    Document,
    Origin,
    Run,
    node_fields,
    plain_run,
)
from briefbook.exchange.diff_words import FIELDS, literal, reading, word_diff
from briefbook.exchange.release import internal_only, without_restricted
from briefbook.library import Library, Record, Statement, TalkingPoint
from briefbook.library.records import RECORD_TYPES
from briefbook.shared_methods import dataclass

_NOT_TEXT = {"anchor", "style", "link", "data", "photo", "widths"}
# Of a run's fields only its text names an item here (bold and italic are flags, the link is
# not text, the origin is read with it): read inline while Run has exactly these fields.
_RUN_TEXT_ONLY = node_fields(Run) == RUN_FIELDS


@dataclass
class Included:
    """An item an export included: its kind, name and level, and a hash and the text of its fields."""

    kind: str
    name: str
    level: str
    hash: str = ""
    text: str = ""  # the item's text, less passages not for release
    internal: bool = False  # a one-line field is marked: the item is internal only
    read: str = ""  # with passages not for release: a hash of what a reader finds in all its text


def included(
    document: Document, library: Library, known: dict[str, Record] | None = None
) -> dict[str, Included]:
    """Item id -> the item whose text the document holds, with a hash and the text of its fields.

    Which items: those named by the origins of the document's text (so a left-out
    item is not included). Their text: the item's own fields as stored (title,
    one-line fields, Markdown), so that BriefBook's own words (section titles,
    labels) never count as an edit; passages not for release are kept out of the
    recorded text, and only their hash says they changed.

    ``known``: item id -> the record the document was assembled from (``assemble(...,
    records=)``); those are not read again (a thousand records at 100 meetings). Any other
    item, or one of another kind than its origin says, is read from the library.
    """
    seen: dict[str, Origin] = {}
    kinds = TEXT_KINDS

    def visit(value: Any, origin: Origin | None) -> None:
        # Texts, plain runs and fields holding no text are read inline, in the loops over a
        # list's items and a node's fields (a call for each of a book's values was most of
        # this walk); anything else (a str subclass, a node of another kind) comes back here.
        if isinstance(value, str):
            if value.strip() and origin is not None and origin.item_id and origin.kind in kinds:
                seen.setdefault(origin.item_id, origin)
        elif isinstance(value, list | tuple):
            for v in value:
                cls = v.__class__
                if cls is Run and _RUN_TEXT_ONLY and plain_run(v):  # as the walk reads it, inline
                    own = v.origin or origin
                    if (
                        own is not None
                        and own.item_id
                        and own.kind in kinds
                        and own.item_id not in seen
                        and v.text.strip()
                    ):
                        seen[own.item_id] = own
                elif cls is str:
                    if (
                        origin is not None
                        and origin.item_id
                        and origin.kind in kinds
                        and origin.item_id not in seen
                        and v.strip()
                    ):
                        seen[origin.item_id] = origin
                elif v is not None and cls not in _NO_TEXT:
                    visit(v, origin)
        elif isinstance(value, dict):
            for v in value.values():
                visit(v, origin)
        elif (names := _text_fields(type(value))) is not None:
            own = getattr(value, "origin", None) or origin
            per_field = getattr(value, "origins", None)
            if not isinstance(per_field, dict):
                per_field = None
            for name in names:
                v = getattr(value, name)
                cls = v.__class__
                if v is None or cls in _NO_TEXT or (cls is list and not v):  # what visit() passes by
                    continue
                o = own if per_field is None else per_field.get(name, own)
                if cls is str:
                    if (
                        o is not None
                        and o.item_id
                        and o.kind in kinds
                        and o.item_id not in seen
                        and v.strip()
                    ):
                        seen[o.item_id] = o
                else:
                    visit(v, o)

    visit(document.blocks, None)
    # The items, one query per kind (an exists and a get each was two queries per item).
    known = known or {}
    records: dict[str, Record] = {}
    by_kind: dict[str, list[str]] = {}
    # Items whose origin the assembly worked out from the very record it hands over (``known``):
    # an origin not for release is one of an item restricted by its one-line fields (or a
    # point's topic's), or raised to it by what holds it, never cleared, so an origin that may
    # be released says the record's one-line fields start with no marker (internal_only: False),
    # which is then not asked again of each of a book's thousand items.
    from_assembly: set[str] = set()
    for item_id, origin in seen.items():
        record = known.get(item_id)
        if record is not None and type(record) is RECORD_TYPES[origin.kind]:
            records[item_id] = record
            from_assembly.add(item_id)
        else:
            by_kind.setdefault(origin.kind, []).append(item_id)
    for kind, ids in by_kind.items():
        records.update((r.id, r) for r in library.get_many(RECORD_TYPES[kind], ids))
    found: dict[str, Included] = {}
    for item_id, origin in seen.items():
        record = records.get(item_id)
        if record is None:  # no longer in the library
            continue
        full, shown, whole = _texts(record)
        found[item_id] = Included(
            origin.kind,
            recorded_name(record),
            origin.level,
            hashlib.sha256(full.encode("utf-8")).hexdigest()[:32],
            shown,
            internal=(origin.not_for_release or item_id not in from_assembly) and internal_only(record),
            read=_read_hash(whole, shown),
        )
    return found


TEXT_KINDS = ("event", "meeting", "topic", "talking_point", "statement", "person", "organisation")
# Values that hold no text whatever field they are in (exactly these types): flags, levels, widths.
_NO_TEXT = frozenset({bool, int, float})


def recorded_name(record: Record) -> str:
    """An item's name as an export records it, safe to print in any later copy: its display
    name, except that a talking point or statement, named by its text, is named from its text
    less passages not for release, and a statement without its linked speaker (a person has a
    level of their own; the changes page adds the name where that level may be printed)."""
    if isinstance(record, TalkingPoint):
        if record.question.strip():
            return record.display_name  # a one-line field: a marked one makes the point internal
        kept = without_restricted(record.text)
        return record.display_name if kept is record.text else TalkingPoint(text=kept).display_name
    if isinstance(record, Statement):
        # Its first line read as text (markdown_plain, as its display name is): the raw line
        # named it by its Markdown ('**Thái Lan** … [hợp tác](https://…)').
        kept = without_restricted(record.text).strip()
        quote = Statement(text=kept).quote if kept else ""
        # A linked speaker is named through the person (as the book does, assemble.statements.
        # credit), never through the copy of the name the statement may keep.
        who = "" if record.speaker_id else record.speaker_name
        when = ", ".join(x for x in (who, record.date) if x)
        return f"{when}: {quote}" if when else quote
    return record.display_name


def item_text(record: Record) -> tuple[str, str]:
    """(all of an item's text, the text a diff may show: without passages not for release).

    The first, whitespace-collapsed, is what the item's hash is of. The second keeps each
    field's lines, fields apart (:data:`~briefbook.exchange.diff_words.FIELDS`, read apart:
    two fields that are lists would read as one list a blank line apart), one-line fields
    written to read as their characters (:func:`~briefbook.exchange.diff_words.literal`): the
    diff reads it as the book does, a list with its numbers and bullets (collapsed to one
    line, a numbered item read "-").
    """
    full, shown, _whole = _texts(record)
    return full, shown


def _texts(record: Record) -> tuple[str, str, str]:
    """:func:`item_text`'s two texts, and the third :func:`_read_hash` reads: all of the item's
    text as the second writes it (each field's lines, one-line fields as their characters),
    passages not for release kept. One pass over the fields: each one-line field written as its
    characters once (it was again for the third, a regular expression's call per punctuation
    mark), each Markdown field stripped once (its text is the second's where it has no passage
    not for release)."""
    full, shown, whole = [], [], []
    for name, markdown in _record_text_fields(type(record)):
        value = getattr(record, name)
        if not isinstance(value, str) or not value.strip():
            continue
        full.append(value)
        if markdown:
            written = value.strip("\n")
            kept = without_restricted(value)
            kept = written if kept is value else kept.strip("\n")
        else:
            written = kept = literal(value)
        whole.append(written)
        if kept.strip():
            shown.append(kept)
    return " ".join(" ".join(full).split()), FIELDS.join(shown), FIELDS.join(whole)


def _read_hash(whole: str, shown: str) -> str:
    """A hash of what the book's reader finds in ``whole`` (all of an item's text, :func:`_texts`),
    where passages not for release are left out of the text recorded (``shown``); else "" (that
    text is all of it, and is read when the item's hash changes: ``_edited``). Reading every
    item at every export cost a parse of each Markdown field again (0.3 s in a 100-meeting book)."""
    if whole == shown:
        return ""
    return hashlib.sha256(reading(whole).encode("utf-8")).hexdigest()[:32]


@functools.cache
def _text_fields(cls: type) -> tuple[str, ...] | None:
    """The fields of a model node that may hold an item's text (None: not a node), once per type."""
    names = node_fields(cls)
    return None if names is None else tuple(n for n in names if n not in _NOT_TEXT | {"origin", "origins"})


@functools.cache
def _record_text_fields(cls: type[Record]) -> tuple[tuple[str, bool], ...]:
    """(name, is Markdown) of the fields of a record type that hold its text, in order
    (worked out once per type: an export reads every item it includes)."""
    return tuple(
        (f.name, f.name in cls.MARKDOWN)
        for f in fields(cls)
        if f.name not in _SKIP_FIELDS
        and not f.name.endswith("_id")
        and f.name not in cls.CHOICES
        and f.name not in NOT_RECORDED.get(cls.KIND, ())
    )


# Fields a book never prints at the item's own level: a person's internal notes (no book
# prints them) and sensitivities (printed only at Confidential and above, whatever the
# profile's level). Their words never reach what an export records, so no "changes" page,
# in a later copy at any ceiling, can print them, and an edit of them alone is no change.
NOT_RECORDED: dict[str, frozenset[str]] = {"person": frozenset({"notes", "sensitivities"})}


_SKIP_FIELDS = {
    "id",
    "created_at",
    "updated_at",
    "classification",
    "sections",
    "last_export_at",
    "cleared_on",
}


def record(
    library: Library,
    book_id: str,
    items: dict[str, Included],
    ceiling: str,
    for_sharing: bool,
    content_hash: str = "",
    language: str = "",
) -> int:
    """Record what an export included (``included(document)``) and the language it was made in;
    returns its version number (the last one's again when ``content_hash`` is the last
    export's: nothing new)."""
    data = {
        i: {
            "kind": e.kind,
            "name": e.name,
            "level": e.level,
            "hash": e.hash,
            "text": e.text,
            "internal": e.internal,
            "read": e.read,
            # Recorded by this rule (NOT_RECORDED, recorded_name): an older record's text and
            # name may hold words no copy may print, so its diff and name are not shown.
            "printed": 1,
            # The text keeps its lines (item_text); an older record's is on one line.
            "lines": 1,
        }
        for i, e in items.items()
    }
    return library.record_export(book_id, ceiling, for_sharing, data, content_hash, language)


@dataclass
class Edited:
    """An item whose text changed since the last export, with the words removed and added."""

    item_id: str
    kind: str
    name: str
    diff: list[tuple[str, str]]  # (op, words): op is "=", "+" or "-"
    level: str = ""
    internal: bool = False
    old_level: str = ""  # the level it had when the last export recorded its text


@dataclass
class Changes:
    """What changed since an export: items added, edited and removed."""

    since_version: int | None
    since: str = ""
    added: list[tuple[str, Included]] = field(default_factory=list)
    edited: list[Edited] = field(default_factory=list)
    removed: list[tuple[str, dict]] = field(default_factory=list)
    ceiling: str = ""  # the kind of copy compared (changes_since_copy): its ceiling,
    for_sharing: bool = False  # and whether it is made for sharing

    @property
    def empty(self) -> bool:
        return not (self.added or self.edited or self.removed)


def compare(last: dict | None, now: dict[str, Included]) -> Changes:
    """The changes from an export record to what a document includes (``included``)."""
    if last is None:
        return Changes(None, added=list(now.items()))
    before = last["items"]
    changes = Changes(last["version"], last["exported_at"])
    for item_id, entry in now.items():
        old = before.get(item_id)
        if old is None:
            changes.added.append((item_id, entry))
        elif _edited(old, entry):
            trusted = old.get("printed") or entry.kind not in NOT_RECORDED
            changes.edited.append(
                Edited(
                    item_id,
                    entry.kind,
                    entry.name,
                    word_diff(old["text"], _as_recorded(entry.text, old)) if trusted else [],
                    entry.level,
                    entry.internal or bool(old.get("internal")),
                    str(old.get("level") or ""),
                )
            )
    changes.removed = [(i, old) for i, old in before.items() if i not in now]
    return changes


def _edited(old: dict, entry: Included) -> bool:
    """The item's text reads otherwise than when ``old`` was recorded. Its hash is of the
    text as spelled, and the editor's writer respells what it saves ("_x_" as "*x*"): where
    the hash changed, the texts are read (``diff_words.reading``), all of each where one has
    passages not for release (their reading's hash: their words are never recorded). A
    record of an older BriefBook, its text on one line, is compared by the hash."""
    if old["hash"] == entry.hash:
        return False
    if not old.get("lines"):
        return True
    if old.get("read") or entry.read:
        return old.get("read") != entry.read
    return reading(old["text"]) != reading(entry.text)


def _as_recorded(text: str, old: dict) -> str:
    """``text`` as ``old``'s record keeps it: an older BriefBook recorded an item's text on one
    line, so its diff is read on one line on both sides (else every list's shape would differ)."""
    return text if old.get("lines") else " ".join(text.split())


def shortened(diff: list[tuple[str, str]], context: int = 6) -> list[tuple[str, str]]:
    """Unchanged stretches cut to a few words either side of a change ("…")."""
    out = []
    for n, (op, text) in enumerate(diff):
        words = text.split()
        if op == "=" and len(words) > 2 * context:
            head = " ".join(words[:context]) if n > 0 else ""
            tail = " ".join(words[-context:]) if n < len(diff) - 1 else ""
            text = " … ".join(x for x in (head, tail) if x) or "…"
        out.append((op, text))
    return out
