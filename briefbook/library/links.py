"""Links between items: meeting participants, an event's delegation, topics of
meetings and statements, and the order of a topic's talking points.

A mixin of :class:`~briefbook.library.api.Library`, kept apart so that each
module holds one subject; it uses the Library's ``get``, ``transaction`` and ``db``.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import TYPE_CHECKING

from briefbook.errors import ValidationError
from briefbook.library.queries import _order_clause, _to_record
from briefbook.library.records import (
    PARTICIPANT_ROLES,
    RECORD_TYPES,
    Meeting,
    Participant,
    Person,
    Statement,
    TalkingPoint,
    Topic,
)
from briefbook.library.validation import article, as_choice
from briefbook.store.sort_keys import keys_complete
from briefbook.text import clean_line

if TYPE_CHECKING:
    from briefbook.store.connection import Database


# A person's meetings, oldest first, undated last; ties in the order the links were made.
_CONTACTS_ORDER = "m.starts_at = '', m.starts_at, m.title, p.rowid"


class LinksMixin:
    db: Database

    def participants(self, meeting_id: str) -> list[Participant]:
        return self._people_in("meeting_participants", "meeting_id", meeting_id)

    def participants_of(self, meeting_ids: Collection[str]) -> dict[str, list[Participant]]:
        """meeting id -> its participants as :meth:`participants` lists them (every id given has
        a list): two queries for all of a book's meetings, where that is two per meeting."""
        rows = self.db.execute(
            "SELECT meeting_id, person_id, role FROM meeting_participants "
            "WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY meeting_id, position, rowid",
            [json.dumps(list(meeting_ids))],
        ).fetchall()
        people = {p.id: p for p in self.get_many(Person, list(dict.fromkeys(row[1] for row in rows)))}
        found: dict[str, list[Participant]] = {mid: [] for mid in meeting_ids}
        for mid, pid, role in rows:
            found[mid].append(Participant(people.get(pid) or self.get(Person, pid), role))
        return found

    def meetings_of(self, person_id: str) -> list[tuple[Meeting, str]]:
        """Every meeting the person took part in, with their role, oldest first (undated last):
        the person's history of contacts with us, for the person editor and a brief's
        "previous contacts"."""
        rows = self.db.execute(
            "SELECT m.id, p.role FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id "
            f"WHERE p.person_id = ? ORDER BY {_CONTACTS_ORDER}",
            [person_id],
        ).fetchall()
        # One query for the meetings (a get each was 25 queries per counterpart per brief).
        meetings = {m.id: m for m in self.get_many(Meeting, [mid for mid, _role in rows])}
        return [(meetings.get(mid) or self.get(Meeting, mid), role) for mid, role in rows]

    def meetings_of_people(self, person_ids: Collection[str]) -> dict[str, list[tuple[Meeting, str]]]:
        """person id -> :meth:`meetings_of` that person (every id given has a list), in two
        queries for all of a book's counterparts, where that is two per person."""
        rows = self.db.execute(
            "SELECT p.person_id, m.id, p.role FROM meeting_participants p JOIN meetings m "
            "ON m.id = p.meeting_id WHERE p.person_id IN (SELECT value FROM json_each(?)) "
            f"ORDER BY p.person_id, {_CONTACTS_ORDER}",
            [json.dumps(list(person_ids))],
        ).fetchall()
        meetings = {m.id: m for m in self.get_many(Meeting, list(dict.fromkeys(row[1] for row in rows)))}
        found: dict[str, list[tuple[Meeting, str]]] = {pid: [] for pid in person_ids}
        for pid, mid, role in rows:
            found[pid].append((meetings.get(mid) or self.get(Meeting, mid), role))
        return found

    def set_participant(self, meeting_id: str, person_id: str, role: str = "counterpart") -> None:
        role = as_choice(role, PARTICIPANT_ROLES)
        if role not in PARTICIPANT_ROLES:
            raise ValidationError(
                f"A participant's role must be one of {', '.join(PARTICIPANT_ROLES)}.", "role"
            )
        self._link("meeting_participants", "meeting_id", meeting_id, person_id, role)

    def remove_participant(self, meeting_id: str, person_id: str) -> None:
        self._unlink("meeting_participants", "meeting_id", meeting_id, "person_id", person_id)

    def delegation(self, event_id: str) -> list[Participant]:
        return self._people_in("event_delegation", "event_id", event_id)

    def set_delegate(self, event_id: str, person_id: str, role: str = "") -> None:
        self._link("event_delegation", "event_id", event_id, person_id, clean_line(role))

    def remove_delegate(self, event_id: str, person_id: str) -> None:
        self._unlink("event_delegation", "event_id", event_id, "person_id", person_id)

    def meeting_topics(self, meeting_id: str) -> list[Topic]:
        return self._linked_topics("meeting_topics", "meeting_id", meeting_id, "position")

    def topics_of_meetings(self, meeting_ids: Collection[str]) -> dict[str, list[Topic]]:
        """meeting id -> :meth:`meeting_topics` of that meeting (every id given has a list), in
        one query for all of a book's meetings."""
        columns = Topic.field_names()
        rows = self.db.execute(
            f"SELECT meeting_topics.meeting_id, {', '.join('topics.' + c for c in columns)} "
            "FROM meeting_topics JOIN topics ON topics.id = meeting_topics.topic_id "
            "WHERE meeting_topics.meeting_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY meeting_topics.meeting_id, position, meeting_topics.topic_id",
            [json.dumps(list(meeting_ids))],
        ).fetchall()
        found: dict[str, list[Topic]] = {mid: [] for mid in meeting_ids}
        for mid, *row in rows:
            found[mid].append(Topic(**dict(zip(columns, row, strict=True))))
        return found

    def statement_topics(self, statement_id: str) -> list[Topic]:
        return self._linked_topics("statement_topics", "statement_id", statement_id, "topics.title")

    def link_topic(self, item_id: str, topic_id: str) -> None:
        """Link a meeting (a topic to raise) or a statement (what it is about) to a topic."""
        table, column = self._topic_link_table(item_id)
        with self.transaction():
            self.get(Topic, topic_id)
            values = {column: item_id, "topic_id": topic_id}
            if table == "meeting_topics":
                values["position"] = self._count_links(table, column, item_id)
            self.db[table].insert(values, ignore=True)

    def unlink_topic(self, item_id: str, topic_id: str) -> None:
        table, column = self._topic_link_table(item_id)
        self._unlink(table, column, item_id, "topic_id", topic_id)

    def topics_of_statements(self, statement_ids: Collection[str]) -> dict[str, list[str]]:
        """statement id -> ids of the topics it is linked to, for those of ``statement_ids`` that have any.

        One query however many ids (a JSON parameter), where ``statement_topics`` is one per statement.
        """
        found: dict[str, list[str]] = {}
        if not statement_ids:
            return found
        rows = self.db.execute(
            "SELECT statement_id, topic_id FROM statement_topics "
            "WHERE statement_id IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(statement_ids))],
        )
        for statement_id, topic_id in rows:
            found.setdefault(statement_id, []).append(topic_id)
        return found

    def statements_on(self, topic_id: str) -> list[Statement]:
        """The topic's statements, newest first (those of one date in the order they were linked)."""
        return self.statements_on_topics([topic_id])[topic_id]

    def statements_on_topics(self, topic_ids: Collection[str]) -> dict[str, list[Statement]]:
        """topic id -> :meth:`statements_on` that topic (every id given has a list), in two
        queries however many topics (a book's briefs each asked for theirs)."""
        rows = self.db.execute(
            "SELECT topic_id, statement_id FROM statement_topics "
            "WHERE topic_id IN (SELECT value FROM json_each(?)) ORDER BY rowid",
            [json.dumps(list(topic_ids))],
        ).fetchall()
        # One query for the statements (a get each was two queries per statement per brief).
        found = {s.id: s for s in self.get_many(Statement, list(dict.fromkeys(row[1] for row in rows)))}
        linked: dict[str, list[Statement]] = {tid: [] for tid in topic_ids}
        for tid, sid in rows:
            linked[tid].append(found.get(sid) or self.get(Statement, sid))
        return {tid: sorted(records, key=lambda s: s.date, reverse=True) for tid, records in linked.items()}

    def points_of_topics(self, topic_ids: Collection[str]) -> dict[str, list[TalkingPoint]]:
        """topic id -> its talking points in their order, as ``list(TalkingPoint, where=
        {"topic_id": ...})`` gives them (every id given has a list), in one query."""
        cls = TalkingPoint
        sql, params = self._select(cls, None)
        order = _order_clause(cls, "position", False, stored=keys_complete(self.db, cls.TABLE, "position"))
        sql += f" WHERE topic_id IN (SELECT value FROM json_each(?)) ORDER BY {order}"
        columns = self._columns(cls)
        found: dict[str, list[TalkingPoint]] = {tid: [] for tid in topic_ids}
        for row in self.db.execute(sql, [*params, json.dumps(list(topic_ids))]).fetchall():
            point = _to_record(cls, row, columns)
            found[point.topic_id].append(point)
        return found

    def reorder_talking_points(self, topic_id: str, ordered_ids: list[str]) -> None:
        """Put a topic's talking points in the given order (the rest keep theirs, after)."""
        with self.transaction():
            current = [
                p.id for p in self.list(TalkingPoint, where={"topic_id": topic_id}, order_by="position")
            ]
            missing = [i for i in ordered_ids if i not in current]
            if missing:
                raise ValidationError(f"Talking point {missing[0]} does not belong to this topic.")
            order = list(ordered_ids) + [i for i in current if i not in ordered_ids]
            for position, item_id in enumerate(order, start=1):
                self.db.execute("UPDATE talking_points SET position = ? WHERE id = ?", [position, item_id])

    def _people_in(self, table: str, column: str, owner_id: str) -> list[Participant]:
        rows = self.db.execute(
            f"SELECT person_id, role FROM {table} WHERE {column} = ? ORDER BY position, rowid", [owner_id]
        ).fetchall()
        people = {p.id: p for p in self.get_many(Person, [pid for pid, _role in rows])}
        return [Participant(people.get(pid) or self.get(Person, pid), role) for pid, role in rows]

    def _link(self, table: str, column: str, owner_id: str, person_id: str, role: str) -> None:
        owner_cls = RECORD_TYPES["meeting" if column == "meeting_id" else "event"]
        with self.transaction():
            self.get(owner_cls, owner_id)
            self.get(Person, person_id)
            existing = self.db.execute(
                f"SELECT position FROM {table} WHERE {column} = ? AND person_id = ?", [owner_id, person_id]
            ).fetchone()
            position = existing[0] if existing else self._count_links(table, column, owner_id)
            self.db[table].upsert(
                {column: owner_id, "person_id": person_id, "role": role, "position": position},
                pk=(column, "person_id"),
            )

    def _unlink(self, table: str, column: str, owner_id: str, other_column: str, other_id: str) -> None:
        with self.transaction():
            self.db.execute(
                f"DELETE FROM {table} WHERE {column} = ? AND {other_column} = ?", [owner_id, other_id]
            )

    def _count_links(self, table: str, column: str, owner_id: str) -> int:
        return self.db.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", [owner_id]).fetchone()[0]

    def _linked_topics(self, table: str, column: str, owner_id: str, order: str) -> list[Topic]:
        columns = Topic.field_names()
        rows = self.db.execute(
            f"SELECT {', '.join('topics.' + c for c in columns)} FROM {table} "
            f"JOIN topics ON topics.id = {table}.topic_id WHERE {column} = ? ORDER BY {order}, "
            f"{table}.topic_id",  # ties as the primary key's index gives them, stated
            [owner_id],
        ).fetchall()
        return [Topic(**dict(zip(columns, row, strict=True))) for row in rows]

    def _topic_link_table(self, item_id: str) -> tuple[str, str]:
        record = self.find(item_id)
        if record.KIND == "meeting":
            return "meeting_topics", "meeting_id"
        if record.KIND == "statement":
            return "statement_topics", "statement_id"
        label = record.LABEL.lower()
        raise ValidationError(f"{article(label).capitalize()} {label} cannot be linked to a topic.")
