"""Cases for the tests that edit every field of every kind, generated from the record definitions.

Nothing here names a field: the cases come from ``RECORD_TYPES`` and each
record's ``data_fields()``, and a new value is made from what the record says
about the field (a reference, a choice, a level, a date, a number, Markdown, a
line). A field added to a record later is edited by the same tests with no
new test code; a field whose kind of value this module cannot make fails loudly.
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from briefbook.library import Library
from briefbook.library.books import default_sections, new_book
from briefbook.library.records import (
    DATE_FIELDS,
    DATETIME_FIELDS,
    RECORD_TYPES,
    REFERENCES,
    Event,
    Meeting,
    Organisation,
    Person,
    Record,
    Statement,
    TalkingPoint,
    Topic,
)
from briefbook.render.template import available_templates

LAO = "ກອງປະຊຸມລັດຖະມົນຕີອາຊຽນ ວຽງຈັນ"  # "ASEAN ministerial meeting, Vientiane"

CASES: list[tuple[str, str]] = [
    (kind, name) for kind, cls in RECORD_TYPES.items() for name in cls.data_fields()
]


def case_id(case: tuple[str, str]) -> str:
    return f"{case[0]}.{case[1]}"


def seed(library: Library) -> dict[str, Record]:
    """One item of each kind (the one edited), and a second of each to point references at."""
    made: dict[str, Record] = {}
    for suffix in ("", "_other"):
        event = library.add(Event(title=f"Hội nghị Bộ trưởng ASEAN {LAO}{suffix}", city="Viêng Chăn"))
        topic = library.add(Topic(title=f"An ninh mạng{suffix}"))
        made["event" + suffix] = event
        made["topic" + suffix] = topic
        made["organisation" + suffix] = library.add(Organisation(name=f"Bộ Ngoại giao Lào{suffix}"))
        made["person" + suffix] = library.add(Person(name=f"ສອນໄຊ ສີພັນດອນ{suffix}"))
        made["meeting" + suffix] = library.add(Meeting(event_id=event.id, title=f"Gặp song phương{suffix}"))
        made["talking_point" + suffix] = library.add(TalkingPoint(topic_id=topic.id, text=f"Điểm {suffix}"))
        made["statement" + suffix] = library.add(Statement(text=f"Phát biểu{suffix}"))
        made["book" + suffix] = new_book(library, event.id, title=f"Tài liệu{suffix}", ceiling="Public")
    return made


def new_value(library: Library, made: dict[str, Record], kind: str, name: str) -> Any:
    """A valid value for ``kind.name`` that differs from the one stored in ``made[kind]``."""
    cls = RECORD_TYPES[kind]
    current = getattr(made[kind], name)
    types = {f.name: f.type for f in fields(cls)}
    if name in REFERENCES:
        return made[REFERENCES[name] + "_other"].id
    if name in cls.CHOICES:
        return next(option for option in cls.CHOICES[name] if option != current)
    if name in ("classification", "ceiling"):
        return next(level for level in reversed(library.classification_levels()) if level != current)
    if name in DATE_FIELDS:
        return "2026-07-24"
    if name in DATETIME_FIELDS:
        return "2026-07-24T09:30"
    if types[name] in ("int", int):
        return int(current or 0) + 3
    if name == "template":  # a choice among the templates installed, not a fixed list
        return next(t for t in available_templates() if t != current)
    if name == "sections":  # a book's sections: JSON, as the composer writes it
        parts = default_sections("en")
        parts[0].title = f"Bìa {LAO}"
        return json.dumps([s.to_dict() for s in parts], ensure_ascii=False)
    if name in cls.MARKDOWN:
        return f"ສະບາຍດີ **{name}** Viêng Chăn"
    if types[name] in ("str", str):
        return f"{LAO} {name}"
    raise AssertionError(f"field_cases cannot make a value for {kind}.{name} ({types[name]}): teach it")
