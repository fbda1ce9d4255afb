"""Duplicating items: a copy of one item, or "the same conference, next year".

A mixin of :class:`~briefbook.library.api.Library`. One call is one transaction:
a copy of an event brings its meetings (with their participants and topics),
its delegation and its books along, or nothing at all is written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from briefbook.errors import ValidationError
from briefbook.library.records import Book, Event, Meeting, Person, Record, Statement, TalkingPoint, Topic
from briefbook.library.validation import no_such_field

if TYPE_CHECKING:
    from briefbook.store.connection import Database

# Fields holding a date or a date and time (ISO text), moved by ``years``.
DATE_FIELDS = ("start_date", "end_date", "starts_at", "ends_at", "issue_date")


def shift_years(value: str, years: int) -> str:
    """An ISO date (``2025-12-17``, ``2025-12-17T09:00``) ``years`` later; other text unchanged.

    29 February becomes 28 February in a year that has none.
    """
    if not years or not value or len(value) < 10:
        return value
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return value
    try:
        moved = day.replace(year=day.year + years)
    except ValueError:
        moved = day.replace(year=day.year + years, day=28)
    return moved.isoformat() + value[10:]


def _next_year_title(title: str, year: int | None, years: int) -> str:
    """ "ASEAN 2025" → "ASEAN 2026" when the event moves from 2025 to 2026."""
    if not years or year is None:
        return title
    return re.sub(rf"(?<!\d){year}(?!\d)", str(year + years), title)


class DuplicatesMixin:
    db: Database

    def duplicate(self, item_id: str, *, years: int = 0, **changes: Any) -> Record:
        """A copy of any item (new id); ``changes`` are fields of the copy (e.g. its title).

        * a talking point goes right after the original in its topic;
        * a topic brings copies of its talking points; a meeting, its participants
          and topics; a statement, its topics; a person, their photo;
        * an event brings its delegation, its meetings and its books (their
          choices pointing at the new meetings); ``years`` moves every date on by
          that many years, and a year in the titles with it ("…2025" → "…2026").
        """
        if not isinstance(years, int) or abs(years) > 100:
            raise ValidationError("Move the dates by a whole number of years (at most 100).", "years")
        with self.transaction():  # type: ignore[attr-defined]
            original = self.find(item_id)  # type: ignore[attr-defined]
            if isinstance(original, Event):
                return self._duplicate_event(original, years, changes)
            copy = self._copy(original, years, changes)
            if isinstance(original, TalkingPoint):
                self._place_after(original, copy)
            elif isinstance(original, Topic):
                for point in self.list(TalkingPoint, where={"topic_id": original.id}, order_by="position"):  # type: ignore[attr-defined]
                    self._copy(point, 0, {"topic_id": copy.id, "position": point.position})
            elif isinstance(original, Meeting):
                self._copy_meeting_links(original.id, copy.id)
            elif isinstance(original, Statement):
                self._copy_rows("statement_topics", "statement_id", original.id, copy.id)
            elif isinstance(original, Person):
                self._copy_rows("photos", "person_id", original.id, copy.id)
            elif isinstance(original, Book):
                self._renew_sections(copy, {})
            return self.get(type(copy), copy.id)  # type: ignore[attr-defined]

    # -- internals ---------------------------------------------------------------------

    def _copy(self, record: Record, years: int, changes: dict[str, Any]) -> Record:
        values = {k: v for k, v in asdict(record).items() if k not in ("id", "created_at", "updated_at")}
        for name in DATE_FIELDS:
            if name in values:
                values[name] = shift_years(values[name], years)
        if isinstance(record, Book):
            values.update(version=0, last_export_at="")
        unknown = set(changes) - set(values)
        if unknown:
            name = sorted(unknown)[0]
            raise ValidationError(no_such_field(type(record), name), field=name)
        values.update(changes)
        return self.add(type(record)(**values))  # type: ignore[attr-defined]

    def _place_after(self, original: TalkingPoint, copy: Record) -> None:
        order = [
            p.id for p in self.list(TalkingPoint, where={"topic_id": original.topic_id}, order_by="position")
        ]  # type: ignore[attr-defined]
        order.remove(copy.id)
        order.insert(order.index(original.id) + 1, copy.id)
        self.reorder_talking_points(original.topic_id, order)  # type: ignore[attr-defined]

    def _copy_rows(self, table: str, column: str, old_id: str, new_id: str) -> None:
        rows = [dict(r) for r in self.db[table].rows_where(f"{column} = ?", [old_id])]
        for row in rows:
            row[column] = new_id
        if rows:
            self.db[table].insert_all(rows)

    def _copy_meeting_links(self, old_id: str, new_id: str) -> None:
        self._copy_rows("meeting_participants", "meeting_id", old_id, new_id)
        self._copy_rows("meeting_topics", "meeting_id", old_id, new_id)

    def _duplicate_event(self, event: Event, years: int, changes: dict[str, Any]) -> Event:
        year = int(event.start_date[:4]) if event.start_date[:4].isdigit() else None
        changes = {"title": _next_year_title(event.title, year, years), **changes}
        copy = self._copy(event, years, changes)
        assert isinstance(copy, Event)
        self._copy_rows("event_delegation", "event_id", event.id, copy.id)
        meetings: dict[str, str] = {}
        for meeting in self.list(Meeting, where={"event_id": event.id}, order_by="position"):  # type: ignore[attr-defined]
            title = _next_year_title(meeting.title, year, years)
            new = self._copy(meeting, years, {"event_id": copy.id, "title": title})
            self._copy_meeting_links(meeting.id, new.id)
            meetings[meeting.id] = new.id
        for book in self.list(Book, where={"event_id": event.id}, order_by="title"):  # type: ignore[attr-defined]
            title = _next_year_title(book.title.replace(event.title, copy.title), year, years)
            issue = shift_years(book.issue_date, years)
            new_book = self._copy(book, 0, {"event_id": copy.id, "title": title, "issue_date": issue})
            self._renew_sections(new_book, meetings)
        return self.get(Event, copy.id)  # type: ignore[attr-defined]

    def _renew_sections(self, book: Record, meetings: dict[str, str]) -> None:
        """New section ids for a copied book; choices of the old meetings point at the new ones."""
        try:
            sections = json.loads(book.sections or "[]")  # type: ignore[attr-defined]
        except json.JSONDecodeError:
            return  # damaged: the copy keeps them as they are, the composer explains
        if not isinstance(sections, list):
            return
        for section in sections:
            if not isinstance(section, dict):
                continue
            section.pop("id", None)  # Section.from_dict gives each a new one
            if section.get("kind") == "meetings" and meetings:
                if isinstance(section.get("items"), list):
                    section["items"] = [meetings.get(i, i) for i in section["items"]]
                if isinstance(section.get("choices"), dict):
                    section["choices"] = {meetings.get(k, k): v for k, v in section["choices"].items()}
        from briefbook.library.books import Section  # books imports the Library: only here

        renewed = [Section.from_dict(s).to_dict() for s in sections if isinstance(s, dict)]
        self.db["books"].update(book.id, {"sections": json.dumps(renewed, ensure_ascii=False)})
