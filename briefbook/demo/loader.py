"""Loading the demo library from ``resources/demo/bangkok.json``.

The file is written by hand, so it stays readable: items refer to each other by
a ``key`` ("le-anh-tuan") instead of an id, and a long text may be a list of
lines. This module maps keys to the ids the library generates and adds every
item, link and the demo book in one transaction: a mistake in the file leaves
the library as it was. ``example`` and ``example_fields`` say what was invented
for the example; they are documentation and are not stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefbook.errors import BriefBookError, ValidationError
from briefbook.library import (
    Book,
    Event,
    Library,
    Meeting,
    Organisation,
    Person,
    Statement,
    TalkingPoint,
    Topic,
)
from briefbook.library.books import new_book
from briefbook.library.records import Record

DEMO_FILE = Path(__file__).resolve().parents[2] / "resources" / "demo" / "bangkok.json"

# Keys of an entry that are not fields of its record.
_META = ("key", "example", "example_fields")


@dataclass(frozen=True)
class _Kind:
    """One list in the demo file: the record it holds and the keys that refer to other items."""

    record: type[Record]
    references: dict[str, tuple[str, type[Record]]] = field(default_factory=dict)  # key -> (field, kind)
    links: tuple[str, ...] = ()  # lists of links made after the item is added


# In loading order: everything an entry refers to comes before it.
_KINDS = {
    "organisations": _Kind(Organisation),
    "people": _Kind(Person, {"organisation": ("organisation_id", Organisation)}),
    "topics": _Kind(Topic),
    "events": _Kind(Event, links=("delegation",)),
    "meetings": _Kind(Meeting, {"event": ("event_id", Event)}, links=("participants", "topics")),
    "statements": _Kind(Statement, {"speaker": ("speaker_id", Person)}, links=("topics",)),
    "talking_points": _Kind(TalkingPoint, {"topic": ("topic_id", Topic)}),
    "books": _Kind(Book, {"event": ("event_id", Event)}),
}


def read_demo(source: str | Path = DEMO_FILE) -> dict[str, Any]:
    """The demo file's content, checked to be a JSON object with only known lists."""
    source = Path(source)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BriefBookError(
            f"The demo library's data cannot be read from {source}: {exc.strerror}."
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(f"The demo library's data in {source} is damaged ({exc}).") from None
    if not isinstance(data, dict):
        raise ValidationError(f"The demo library's data in {source} is not a JSON object.")
    unknown = [k for k in data if not k.startswith("_") and k not in _KINDS]
    if unknown:
        raise ValidationError(f"The demo library's data has an unknown list '{unknown[0]}'.")
    return data


def load_demo(library: Library, *, source: str | Path = DEMO_FILE) -> dict[str, int]:
    """Add the demo content to ``library`` in one transaction; returns how many items of each kind."""
    data = read_demo(source)
    loader = _Loader(library)
    with library.transaction():
        for name, kind in _KINDS.items():
            entries = data.get(name, [])
            if not isinstance(entries, list):
                raise ValidationError(f"The demo library's '{name}' must be a list.")
            for index, entry in enumerate(entries):
                loader.add(kind, entry, f"{name}[{index}]")
    return loader.counts


def create_demo_library(path: str | Path) -> Path:
    """Create a new library file at ``path`` holding the demo content.

    Refuses (:class:`~briefbook.errors.Conflict`) to write over an existing,
    non-empty file. If loading fails, the half-made file is removed again.
    """
    path = Path(path)
    library = Library.create(path)
    try:
        load_demo(library)
    except BaseException:
        library.close()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    library.close()
    return path


class _Loader:
    def __init__(self, library: Library):
        self.library = library
        self.items: dict[str, Record] = {}
        self.counts = {kind.record.KIND: 0 for kind in _KINDS.values()}

    def add(self, kind: _Kind, entry: Any, where: str) -> None:
        if not isinstance(entry, dict):
            raise ValidationError(f"The demo item {where} is not a JSON object.")
        key = entry.get("key")
        where = f"'{key}'" if key else where
        if key and key in self.items:
            raise ValidationError(f"The demo library has two items with the key '{key}'.")
        values = self._fields(kind, entry, where)
        if kind.record is Book:
            event_id = values.pop("event_id", None)
            if not event_id:
                raise ValidationError(f"The demo book {where} needs an event.")
            record: Record = new_book(self.library, event_id, **values)
        else:
            if kind.record is Statement and values.get("speaker_id") and not values.get("speaker_name"):
                speaker = self.library.get(Person, values["speaker_id"])
                values["speaker_name"] = speaker.name_romanised or speaker.name
            record = self.library.add(kind.record(**values))
        if key:
            self.items[key] = record
        self._link(kind, record, entry, where)
        self.counts[record.KIND] += 1

    def _fields(self, kind: _Kind, entry: dict[str, Any], where: str) -> dict[str, Any]:
        allowed = [n for n in kind.record.data_fields() if not n.endswith("_id") and n != "sections"]
        values: dict[str, Any] = {}
        for name, value in entry.items():
            if name in _META or name in kind.links or name.startswith("_"):
                continue
            if name in kind.references:
                field_name, target = kind.references[name]
                values[field_name] = self._id(value, target, where)
            elif name in allowed:
                values[name] = _text(value, name, where)
            else:
                raise ValidationError(f"The demo item {where} has an unknown field '{name}'.", name)
        return values

    def _link(self, kind: _Kind, record: Record, entry: dict[str, Any], where: str) -> None:
        for name in kind.links:
            for link in entry.get(name, []):
                if name == "topics":
                    self.library.link_topic(record.id, self._id(link, Topic, where))
                    continue
                if not isinstance(link, dict) or "person" not in link:
                    raise ValidationError(f"Each of the {name} of the demo item {where} needs a person.")
                person_id = self._id(link["person"], Person, where)
                if name == "delegation":
                    self.library.set_delegate(record.id, person_id, link.get("role", ""))
                else:
                    self.library.set_participant(record.id, person_id, link.get("role", "counterpart"))

    def _id(self, key: Any, target: type[Record], where: str) -> str:
        record = self.items.get(key) if isinstance(key, str) else None
        if record is None:
            raise ValidationError(
                f"The demo item {where} refers to '{key}', which is not in the demo library."
            )
        if not isinstance(record, target):
            raise ValidationError(
                f"The demo item {where} refers to '{key}', which names a {record.LABEL.lower()}; "
                f"the reference needs the key of a {target.LABEL.lower()} here."
            )
        return record.id


def _text(value: Any, name: str, where: str) -> Any:
    """A field's value; a list of lines (the readable way to write long Markdown) is joined."""
    if isinstance(value, list):
        if not all(isinstance(line, str) for line in value):
            raise ValidationError(
                f"The field '{name}' of the demo item {where} mixes text and other values.", name
            )
        return "\n".join(value)
    return value
