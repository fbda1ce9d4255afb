"""How the rows of the sections tree stand for a book's sections and the items under them.

A top-level row is a section (internal id :data:`ROOT`); a row under it carries its
section's row + 1. Under a meeting-briefs section the rows are the event's meetings,
the chosen ones first and in their order; a section holds ``None`` ("every meeting, in
time order") when that is what its rows say.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefbook.library import Meeting
from briefbook.library.books import Section

MIME = "application/x-briefbook-section"
ROOT = 0  # internal id of a top-level row; a meeting row carries its section's row + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # a section's id, or the id of the item under it
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # a section's kind ("meetings", "text"...), or the item's
BELONGS_ROLE = Qt.ItemDataRole.UserRole + 3  # an item under a section: "event", "other" or "none"


def checked(value: object) -> bool:
    """A check state as Qt hands it to setData (an enum, its int, or a bool) as a bool."""
    raw = getattr(value, "value", value)
    try:
        return int(raw) == Qt.CheckState.Checked.value  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return bool(value)


def meeting_rows(section: Section, meetings: list[Meeting]) -> list[tuple[Meeting, bool]]:
    """The meetings under a meeting-briefs section: the chosen ones in order, then the others, unticked."""
    if section.items is None:
        return [(m, True) for m in meetings]
    by_id = {m.id: m for m in meetings}
    chosen = [by_id[i] for i in section.items if i in by_id]
    chosen_ids = {m.id for m in chosen}
    return [(m, True) for m in chosen] + [(m, False) for m in meetings if m.id not in chosen_ids]


def meeting_items(ids: list[str], meetings: list[Meeting]) -> list[str] | None:
    """What a meeting-briefs section holds for these ticked meetings: ``None`` ("every meeting,
    in time order") when that is what they are, else their ids in order."""
    return None if ids == [m.id for m in meetings] else ids
