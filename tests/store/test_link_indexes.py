"""Every foreign key column has an index (step ``0011_link_indexes``), in a new library and in
an old one after its upgrade: the reads a user's actions make by the link's other end (a
topic's statements, a person's meetings, what a delete takes with it) seek, never scan."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from briefbook.library import Event, Library, Meeting, Person, Statement, Topic
from briefbook.store.backup import list_backups
from briefbook.store.migrate import schema_version
from briefbook.store.schema import known_migrations

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _unindexed_foreign_keys(library: Library) -> list[str]:
    """Each foreign key column that no index starts with, as ``table.column``."""
    db = library.db
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    missing = []
    for table in tables:
        leading = set()
        for index in db.execute(f"PRAGMA index_list('{table}')").fetchall():
            columns = db.execute(f"PRAGMA index_info('{index[1]}')").fetchall()
            if columns:
                leading.add(columns[0][2])
        for fk in db.execute(f"PRAGMA foreign_key_list('{table}')").fetchall():
            if fk[3] not in leading:
                missing.append(f"{table}.{fk[3]}")
    return missing


def _plans(library: Library, sql: str, params: list) -> str:
    return " ".join(row[-1] for row in library.db.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def _check_reads_seek(library: Library) -> None:
    assert _unindexed_foreign_keys(library) == []
    # The Library's own reads by a link's second column: a topic's statements, a person's meetings.
    topic_plan = _plans(
        library,
        "SELECT topic_id, statement_id FROM statement_topics "
        "WHERE topic_id IN (SELECT value FROM json_each(?)) ORDER BY rowid",
        ['["x"]'],
    )
    assert "SCAN statement_topics" not in topic_plan and "statement_topics_topic" in topic_plan
    person_plan = _plans(
        library,
        "SELECT m.id, p.role FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id "
        "WHERE p.person_id = ?",
        ["x"],
    )
    assert "SCAN p" not in person_plan and "meeting_participants_person" in person_plan


def test_a_new_library_indexes_every_foreign_key(library: Library) -> None:
    _check_reads_seek(library)


def test_an_old_library_gets_the_indexes_with_a_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "old.briefbook"
    shutil.copy(FIXTURES / "library-0010_versions_count_exports.briefbook", path)
    with Library.open(path) as library:
        assert schema_version(library.db) == known_migrations()[-1]
        assert "0011_link_indexes" in known_migrations()
        _check_reads_seek(library)
        assert library.check() == []
        topic = library.list(Topic)[0]
        person = library.list(Person)[0]
        statement = library.add(Statement(text="Việt Nam ủng hộ Công ước.", speaker_id=person.id))
        library.link_topic(statement.id, topic.id)
        assert [s.id for s in library.statements_on(topic.id)] == [statement.id]
        assert [m.title for m, _role in library.meetings_of(person.id)] == ["Phiên khai mạc"]
    backups = list_backups(path)
    assert backups, "the upgrade saved a copy of the library first"
    saved = sqlite3.connect(backups[0].path)
    try:
        steps = [r[0] for r in saved.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    finally:
        saved.close()
    assert steps[-1] == "0010_versions_count_exports"  # the copy is the library as it was


def test_deleting_a_person_or_topic_still_takes_their_links(library: Library) -> None:
    event = library.add(Event(title="Hội nghị Viêng Chăn"))
    meeting = library.add(Meeting(event_id=event.id, title="Gặp song phương"))
    person = library.add(Person(name="ສົມພອນ ແກ້ວ"))
    topic = library.add(Topic(title="Lừa đảo trực tuyến"))
    statement = library.add(Statement(text="…", speaker_id=person.id))
    library.set_participant(meeting.id, person.id, "counterpart")
    library.link_topic(statement.id, topic.id)
    library.link_topic(meeting.id, topic.id)
    library.delete(Person, person.id)
    library.delete(Topic, topic.id)
    assert library.participants(meeting.id) == [] and library.meeting_topics(meeting.id) == []
    assert library.statement_topics(statement.id) == []
    assert library.get(Statement, statement.id).speaker_id is None
