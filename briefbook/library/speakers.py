"""A linked speaker's name on the statements the Library reads.

A statement whose speaker is a person in the library keeps ``speaker_name`` empty
(the release gate wants the speaker shown through the person, at the person's
level). The record alone cannot look the person up, so the Library does it here,
once per read, and its lists, search titles, pickers and the deleted list name the
person instead of "(speaker)". This is the library's own display inside the app;
an export names the speaker through the person's own origin (assemble).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

from briefbook.library.records import Person, Statement

if TYPE_CHECKING:
    from briefbook.store.connection import Database

R = TypeVar("R")


def name_speakers(db: Database, records: list[R]) -> list[R]:
    """Set ``speaker_label`` on the statements among ``records`` that name a person."""
    linked = [r for r in records if isinstance(r, Statement) and r.speaker_id]
    if not linked:
        return records
    names = speaker_names(db, {r.speaker_id for r in linked if r.speaker_id})
    for record in linked:
        record.speaker_label = names.get(record.speaker_id or "", "")
    return records


def speaker_names(db: Database, person_ids: Iterable[str]) -> dict[str, str]:
    """person id -> the person's display name (as lists show it)."""
    wanted = list(person_ids)
    names: dict[str, str] = {}
    for start in range(0, len(wanted), 500):  # under SQLite's limit of variables
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT id, name, name_romanised FROM people WHERE id IN ({marks})"
        for person_id, name, romanised in db.execute(sql, chunk):
            names[person_id] = Person(name=name or "", name_romanised=romanised or "").display_name
    return names
