"""Short labels for what the composer lists: meetings, talking points, statements, any item
under a section, and where such an item comes from."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from briefbook.library import Meeting, Record, Statement, TalkingPoint
from briefbook.text import one_line
from briefbook.ui.cell_text import plain_summary
from briefbook.ui.editors.fields import display_date
from briefbook.ui.labels import choice_label, display_name

MAX_CHARS = 140


def meeting_label(meeting: Meeting) -> str:
    """ "17/12/2025 09:00 · Opening session"."""
    when = display_date(meeting.starts_at) if meeting.starts_at else ""
    return f"{when} · {display_name(meeting)}" if when else display_name(meeting)


def point_label(point: TalkingPoint) -> str:
    """ "[Key message · Draft] Viet Nam …"."""
    tags = [choice_label(point.kind)]
    if point.status != "cleared":
        tags.append(choice_label(point.status))
    return f"[{' · '.join(tags)}] {one_line(display_name(point), MAX_CHARS)}"


def statement_label(statement: Statement) -> str:
    """ "Lê Anh Tuấn, 17/12/2025: …"."""
    when = display_date(statement.date) if statement.date else ""
    # A speaker who is a person of the library is named through the person (the Library
    # sets ``speaker_label`` when it reads the statement), a free-text one as typed.
    who = statement.speaker_name or statement.speaker_label
    source = ", ".join(x for x in (who, when) if x)
    quote = one_line(plain_summary(statement.text, limit=MAX_CHARS), MAX_CHARS)
    return f"{source}: {quote}" if source else quote


def belongs_text(belongs: str) -> str:
    """Where an item under a section comes from, for a marker after its name ("" for the event's own)."""
    if belongs == "other":
        return QCoreApplication.translate("SectionTreeModel", "another event")
    if belongs == "none":
        return QCoreApplication.translate("SectionTreeModel", "no event")
    return ""


def above_text() -> str:
    """The marker of an item above the book's ceiling, which the book leaves out."""
    return QCoreApplication.translate("SectionTreeModel", "above the ceiling")


def item_label(item: Record) -> str:
    if isinstance(item, Meeting):
        return meeting_label(item)
    if isinstance(item, Statement):
        return statement_label(item)
    return display_name(item)
