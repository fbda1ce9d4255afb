"""What "New item" creates in each collection: a record with its required fields filled in."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from PySide6.QtCore import QCoreApplication

from briefbook.errors import BriefBookError
from briefbook.library import (
    Book,
    Event,
    Meeting,
    Organisation,
    Person,
    Record,
    Statement,
    TalkingPoint,
    Topic,
)
from briefbook.ui.context import UiContext


def _first_id(context: UiContext, kind: str, message: str) -> str:
    first = context.library.list(kind, limit=1)
    if not first:
        raise BriefBookError(message)
    return first[0].id


def new_record(context: UiContext, kind: str, where: dict[str, Any], current: Record | None = None) -> Record:
    """A new item of ``kind``, placed in what is in view: the chosen event or topic, else the open item's.

    ``current`` is the item open in the editor: a new talking point goes in its
    topic, a new meeting or book in its event (not the library's first one).
    """
    where = dict(where)
    for field in ("topic_id", "event_id"):
        if not where.get(field) and current is not None and getattr(current, field, None):
            where[field] = getattr(current, field)
    if kind == "event":
        return Event(title=QCoreApplication.translate("NewItems", "New event"))
    if kind == "meeting":
        event_id = where.get("event_id") or _first_id(
            context,
            "event",
            QCoreApplication.translate(
                "NewItems", "Create an event first: every meeting belongs to an event."
            ),
        )
        return Meeting(event_id=event_id, title=QCoreApplication.translate("NewItems", "New meeting"))
    if kind == "person":
        return Person(name=QCoreApplication.translate("NewItems", "New person"))
    if kind == "organisation":
        return Organisation(name=QCoreApplication.translate("NewItems", "New organisation"))
    if kind == "topic":
        return Topic(title=QCoreApplication.translate("NewItems", "New topic"))
    if kind == "talking_point":
        topic_id = where.get("topic_id") or _first_id(
            context,
            "topic",
            QCoreApplication.translate(
                "NewItems", "Create a topic first: every talking point belongs to a topic."
            ),
        )
        extra = {k: v for k, v in where.items() if k in ("kind", "status", "classification")}
        return TalkingPoint(
            topic_id=topic_id,
            text=QCoreApplication.translate("NewItems", "New talking point"),
            drafted_by=context.settings.drafted_by,
            **extra,
        )
    if kind == "statement":
        return Statement(
            text=QCoreApplication.translate("NewItems", "New statement"), date=dt.date.today().isoformat()
        )
    if kind == "book":
        event_id = where.get("event_id") or _first_id(
            context,
            "event",
            QCoreApplication.translate(
                "NewItems", "Create an event first: every briefing book belongs to an event."
            ),
        )
        language = context.settings.book_language
        from briefbook.library.books import default_sections  # (uuid and the books' code: on first use)

        sections = json.dumps([s.to_dict() for s in default_sections(language)], ensure_ascii=False)
        return Book(
            event_id=event_id,
            title=QCoreApplication.translate("NewItems", "New briefing book"),
            language=language,
            sections=sections,
        )
    raise BriefBookError(QCoreApplication.translate("NewItems", "Items of this kind cannot be created here."))
