"""What one book's assembly reads from the library, each thing once, most in a few queries.

A meeting brief needs its participants, its topics, their talking points and statements,
and each counterpart's earlier meetings; the biographies need photos. Asked one by one,
that was about ten queries per meeting (each with its Python records), most of a small
book's assembly. :meth:`BookReads.read_meetings` reads them for all of a section's
meetings at once, as the Library's per-item calls would give them, order included; each
answer is then kept for the rest of the book (the lists are shared: do not change them).
Only what the book shows is read: the meetings that passed the ceiling, their links.
"""

from __future__ import annotations

from typing import TypeVar

from briefbook.library import (
    Book,
    Event,
    Library,
    Meeting,
    Organisation,
    Person,
    Record,
    Statement,
    TalkingPoint,
    Topic,
)

R = TypeVar("R", bound=Record)


class BookReads:
    """The read-once caches of one assembly (a mixin of :class:`~.context.Assembly`)."""

    library: Library
    book: Book

    def _start_reads(self) -> None:
        self._meetings_of: dict[str, list[Meeting]] = {}  # person id -> their meetings
        self._participants: dict[str, list] = {}  # meeting id -> its participants
        self._meeting_topics: dict[str, list[Topic]] = {}  # meeting id -> its topics
        self._events: dict[str, Event | None] = {}
        self._points_of: dict[str, list[TalkingPoint]] = {}  # topic id -> its points
        self._statements_on: dict[str, list[Statement]] = {}  # topic id -> its statements
        self._topics: dict[str, Topic | None] = {}
        self._photos: dict[str, bytes | None] = {}  # person id -> photo
        self._records: dict[tuple[type, str], Record] = {}  # (type, id) -> a record looked up by id
        self._event_meetings: list[Meeting] | None = None

    def event_meetings(self) -> list[Meeting]:
        """The book's event's meetings by start time (``Library.list``), read once per book: the
        programme, the objectives and the briefs each list them (the list is shared)."""
        if self._event_meetings is None:
            self._event_meetings = self.library.list(
                Meeting, where={"event_id": self.book.event_id}, order_by="starts_at"
            )
        return self._event_meetings

    def read_meetings(self, meetings: list[Meeting]) -> None:
        """Read, for all of ``meetings`` at once, what their briefs ask for one by one: the
        participants, the topics, the topics' points and statements, the counterparts'
        meetings (a query or two each, not a few per meeting)."""
        ids = list(dict.fromkeys(m.id for m in meetings if m.id not in self._participants))
        if ids:
            found = self.library.participants_of(ids)
            self._participants.update(found)
            people = [p.person for rows in found.values() for p in rows]
            self.remember(people)
            self.read_records(Organisation, [p.organisation_id for p in people if p.organisation_id])
        ids = list(dict.fromkeys(m.id for m in meetings if m.id not in self._meeting_topics))
        if ids:
            self._meeting_topics.update(self.library.topics_of_meetings(ids))
        topic_ids: dict[str, None] = {}
        for m in meetings:
            for topic in self._meeting_topics[m.id]:
                self._topics.setdefault(topic.id, topic)
                topic_ids[topic.id] = None
        self.read_topics(list(topic_ids), points=True)
        people = {
            p.person.id: None
            for m in meetings
            for p in self._participants[m.id]
            if p.role != "delegation" and p.person.id not in self._meetings_of
        }
        if people:
            found = self.library.meetings_of_people(list(people))
            self._meetings_of.update((pid, [m for m, _role in rows]) for pid, rows in found.items())

    def read_topics(self, topic_ids: list[str], *, points: bool) -> None:
        """Read the statements (and the talking points, if ``points``) of these topics at once."""
        if points:
            wanted = [t for t in topic_ids if t not in self._points_of]
            if wanted:
                self._points_of.update(self.library.points_of_topics(wanted))
        wanted = [t for t in topic_ids if t not in self._statements_on]
        if wanted:
            found = self.library.statements_on_topics(wanted)
            self._statements_on.update(found)
            speakers = [s.speaker_id for rows in found.values() for s in rows if s.speaker_id]
            self.read_records(Person, speakers)

    def remember(self, records: list[Record]) -> None:
        """Keep records read with others (a meeting's participants) for :meth:`known`."""
        for record in records:
            self._records.setdefault((type(record), record.id), record)

    def read_records(self, cls: type[Record], ids: list[str]) -> None:
        """Read the items of ``cls`` with these ids that are not known yet, in one query
        (the speakers of a book's statements, its people's organisations)."""
        wanted = [i for i in dict.fromkeys(ids) if (cls, i) not in self._records]
        if wanted:
            self.remember(self.library.get_many(cls, wanted))

    def known(self, cls: type[R], item_id: str) -> R | None:
        """The item of ``cls`` with this id if this book has read it already, else None
        (:func:`~.lookups.lookup` reads it then)."""
        return self._records.get((cls, item_id))  # type: ignore[return-value]

    def meetings_of(self, person_id: str) -> list[Meeting]:
        """The person's meetings, oldest first (``Library.meetings_of``), read once per book:
        every brief the person is a counterpart in lists their previous contacts."""
        if person_id not in self._meetings_of:
            self._meetings_of[person_id] = [m for m, _role in self.library.meetings_of(person_id)]
        return self._meetings_of[person_id]

    def participants(self, meeting_id: str) -> list:
        """The meeting's participants (``Library.participants``), read once per book: the
        delegation page and the meeting's brief (or card) both list them."""
        if meeting_id not in self._participants:
            self._participants[meeting_id] = self.library.participants(meeting_id)
        return self._participants[meeting_id]

    def meeting_topics(self, meeting_id: str) -> list[Topic]:
        """The meeting's topics in their order (``Library.meeting_topics``), read once per book."""
        if meeting_id not in self._meeting_topics:
            self._meeting_topics[meeting_id] = self.library.meeting_topics(meeting_id)
        return self._meeting_topics[meeting_id]

    def points_of(self, topic_id: str) -> list[TalkingPoint]:
        """The topic's talking points in their order, read once per book: its meetings' briefs
        and its topic brief each read them (do not change the list: it is shared)."""
        if topic_id not in self._points_of:
            self._points_of[topic_id] = self.library.list(TalkingPoint, where={"topic_id": topic_id})
        return self._points_of[topic_id]

    def statements_on(self, topic_id: str) -> list[Statement]:
        """The topic's statements, newest first (``Library.statements_on``), read once per book:
        its meetings' briefs and the statements annex each read them (the list is shared)."""
        if topic_id not in self._statements_on:
            self._statements_on[topic_id] = self.library.statements_on(topic_id)
        return self._statements_on[topic_id]

    def event_of(self, event_id: str) -> Event | None:
        """An event by id, read once per book (an earlier meeting's event, in previous contacts);
        None if there is none (the caller looks it up again, for the preflight's word on it)."""
        if event_id not in self._events:
            found = self.library.get_many(Event, [event_id])
            self._events[event_id] = found[0] if found else None
        return self._events[event_id]

    def read_photos(self, person_ids: list[str]) -> None:
        """The photos of these people (the biographies), in one query."""
        wanted = [p for p in dict.fromkeys(person_ids) if p not in self._photos]
        if wanted:
            found = self.library.photos(wanted)
            self._photos.update((p, found.get(p)) for p in wanted)

    def photo(self, person_id: str) -> bytes | None:
        """The person's photo (``Library.photo``), read once per book."""
        if person_id not in self._photos:
            self._photos[person_id] = self.library.photo(person_id)
        return self._photos[person_id]

    def topics(self, topic_ids: list[str]) -> list[Topic]:
        """The topics with these ids, in the order given, those not found left out (as
        ``Library.get_many``), read once per book: the statements annex lists the topics the
        meeting briefs have read already (each was read again and built as a record twice);
        those not read yet, in one query."""
        wanted = [t for t in dict.fromkeys(topic_ids) if t not in self._topics]
        if wanted:
            found = {t.id: t for t in self.library.get_many(Topic, wanted)}
            self._topics.update((t, found.get(t)) for t in wanted)
        return [t for t in map(self._topics.__getitem__, topic_ids) if t is not None]

    def _topic(self, topic_id: str) -> Topic | None:
        if topic_id not in self._topics:
            # One query by id (a sorted list() also asked the table's columns and sort keys).
            found = self.library.get_many(Topic, [topic_id])
            self._topics[topic_id] = found[0] if found else None
        return self._topics[topic_id]
