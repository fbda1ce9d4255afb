"""The reads by a link's second column, on a big library without and with step 0011's indexes.

    python bench/link_indexes.py --library COPY [--rounds 7] [--work DIR]

COPY: a big library (``python bench/search.py --keep PATH`` builds 100,000 items). It is
read, never changed: the bench copies it into ``--work`` (two copies, about twice its
size), adds links if it has few (5,000 people, 2,000 meetings of 15 participants, 20,000
statements on 3 topics each, 200 topics without points on 20 statements and 5 meetings),
then drops step 0011's indexes in copy A and keeps them in copy B (same rows).

Each case runs the SQL the Library runs (``library/links.py``, ``uses.py``,
``snapshots.py``, and a ``DELETE`` with foreign keys on, rolled back) on A, then on B,
``--rounds`` times taking turns; it prints medians. The floor is B: the same query with
the index. Figures go in the note, never in a test.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
import uuid
from pathlib import Path

INDEXES = (
    ("statement_topics_topic", "statement_topics", "topic_id"),
    ("meeting_topics_topic", "meeting_topics", "topic_id"),
    ("meeting_participants_person", "meeting_participants", "person_id"),
    ("event_delegation_person", "event_delegation", "person_id"),
    ("statements_speaker", "statements", "speaker_id"),
    ("people_organisation", "people", "organisation_id"),
    ("books_event", "books", "event_id"),
)
NOW = "2026-12-01T00:00:00"
ORDER = "m.starts_at = '', m.starts_at, m.title, p.rowid"


def add_links(conn: sqlite3.Connection) -> None:
    """Links of a desk that has used the library for years (the demo-built big one has none)."""
    rng = random.Random(7)
    if conn.execute("SELECT count(*) FROM meeting_participants").fetchone()[0] >= 10_000:
        return
    events = [str(uuid.uuid4()) for _ in range(50)]
    conn.executemany(
        "INSERT INTO events (id, created_at, updated_at, title) VALUES (?,?,?,?)",
        [(e, NOW, NOW, f"Hội nghị {i}") for i, e in enumerate(events)],
    )
    people = [str(uuid.uuid4()) for _ in range(5000)]
    conn.executemany(
        "INSERT INTO people (id, created_at, updated_at, name) VALUES (?,?,?,?)",
        [(p, NOW, NOW, f"Người {i} ສົມພອນ") for i, p in enumerate(people)],
    )
    meetings = [str(uuid.uuid4()) for _ in range(2000)]
    conn.executemany(
        "INSERT INTO meetings (id, created_at, updated_at, event_id, title, starts_at) VALUES (?,?,?,?,?,?)",
        [
            (m, NOW, NOW, rng.choice(events), f"Cuộc gặp {i}", f"2025-{1 + i % 12:02d}-01")
            for i, m in enumerate(meetings)
        ],
    )
    conn.executemany(
        "INSERT INTO meeting_participants (meeting_id, person_id, role, position) VALUES (?,?,?,?)",
        [(m, p, "counterpart", j) for m in meetings for j, p in enumerate(rng.sample(people, 15))],
    )
    conn.executemany(
        "INSERT INTO event_delegation (event_id, person_id, role, position) VALUES (?,?,?,?)",
        [(e, p, "", j) for e in events for j, p in enumerate(rng.sample(people, 25))],
    )
    topics = [r[0] for r in conn.execute("SELECT id FROM topics")]
    conn.executemany(
        "INSERT INTO meeting_topics (meeting_id, topic_id, position) VALUES (?,?,?)",
        [(m, t, j) for m in meetings for j, t in enumerate(rng.sample(topics, 5))],
    )
    statements = [str(uuid.uuid4()) for _ in range(20000)]
    conn.executemany(
        "INSERT INTO statements (id, created_at, updated_at, speaker_id, date, text) VALUES (?,?,?,?,?,?)",
        [
            (s, NOW, NOW, rng.choice(people), f"2025-{1 + i % 12:02d}-01", f"Phát biểu {i}")
            for i, s in enumerate(statements)
        ],
    )
    conn.executemany(
        "INSERT INTO statement_topics (statement_id, topic_id) VALUES (?,?)",
        [(s, t) for s in statements for t in rng.sample(topics, 3)],
    )
    empty = [str(uuid.uuid4()) for _ in range(200)]
    conn.executemany(
        "INSERT INTO topics (id, created_at, updated_at, title) VALUES (?,?,?,?)",
        [(t, NOW, NOW, f"Chủ đề trống {i}") for i, t in enumerate(empty)],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO statement_topics VALUES (?,?)",
        [(s, t) for t in empty for s in rng.sample(statements, 20)],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO meeting_topics VALUES (?,?,?)",
        [(m, t, 9) for t in empty for m in rng.sample(meetings, 5)],
    )
    conn.commit()


def prepare(library: Path, work: Path) -> tuple[Path, Path]:
    without, with_ = work / "without.briefbook", work / "with.briefbook"
    shutil.copy(library, without)
    conn = sqlite3.connect(without)
    add_links(conn)
    for name, _table, _column in INDEXES:
        conn.execute(f"DROP INDEX IF EXISTS {name}")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.copy(without, with_)
    conn = sqlite3.connect(with_)
    for name, table, column in INDEXES:
        conn.execute(f"CREATE INDEX {name} ON {table}({column})")
    conn.commit()
    conn.close()
    return without, with_


def cases(conn: sqlite3.Connection) -> dict:
    full_topic = conn.execute(
        "SELECT topic_id FROM statement_topics GROUP BY topic_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    empty = [r[0] for r in conn.execute("SELECT id FROM topics WHERE title LIKE 'Chủ đề trống%' ORDER BY id")]
    people = [
        r[0]
        for r in conn.execute(
            "SELECT person_id FROM meeting_participants GROUP BY person_id ORDER BY person_id LIMIT 100"
        )
    ]
    events = [
        r[0]
        for r in conn.execute(
            "SELECT event_id FROM meetings GROUP BY event_id ORDER BY count(*) DESC, event_id"
        )
    ]
    return {
        "an event's statements (a book's sections, event_scope)": lambda i: (
            "SELECT t.id FROM statements t WHERE t.id IN (SELECT x.statement_id FROM statement_topics x "
            "JOIN meeting_topics mt ON mt.topic_id = x.topic_id JOIN meetings m ON m.id = mt.meeting_id "
            "WHERE m.event_id = ?) OR t.speaker_id IN "
            "(SELECT person_id FROM event_delegation WHERE event_id = ? UNION SELECT p.person_id "
            "FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id WHERE m.event_id = ?)",
            [events[i % len(events)]] * 3,
        ),
        "a topic's statements (meeting panel, package scope)": lambda i: (
            "SELECT topic_id, statement_id FROM statement_topics "
            "WHERE topic_id IN (SELECT value FROM json_each(?)) ORDER BY rowid",
            [json.dumps([full_topic])],
        ),
        "a person's meetings (person editor, a brief's contacts)": lambda i: (
            "SELECT m.id, p.role FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id "
            f"WHERE p.person_id = ? ORDER BY {ORDER}",
            [people[i]],
        ),
        "what uses a person (delete dialog)": lambda i: (
            "SELECT m.title, e.title FROM meeting_participants x JOIN meetings m ON m.id = x.meeting_id "
            "JOIN events e ON e.id = m.event_id WHERE x.person_id = ? ORDER BY m.starts_at, m.rowid",
            [people[i]],
        ),
        "what uses a topic (delete dialog)": lambda i: (
            "SELECT m.title, e.title FROM meeting_topics x JOIN meetings m ON m.id = x.meeting_id "
            "JOIN events e ON e.id = m.event_id WHERE x.topic_id = ? ORDER BY m.starts_at, m.rowid",
            [empty[i]],
        ),
        "a person's statements (delete's snapshot)": lambda i: (
            "SELECT rowid FROM statements WHERE speaker_id = ?",
            [people[i]],
        ),
        "delete a person (foreign keys, rolled back)": lambda i: (
            "DELETE FROM people WHERE id = ?",
            [people[i]],
        ),
        "delete a topic (foreign keys, rolled back)": lambda i: (
            "DELETE FROM topics WHERE id = ?",
            [empty[i]],
        ),
    }


def timed(conn: sqlite3.Connection, sql: str, params: list) -> float:
    start = time.perf_counter()
    if sql.startswith("DELETE"):
        conn.execute("BEGIN")
        conn.execute(sql, params)
        conn.execute("ROLLBACK")
    else:
        conn.execute(sql, params).fetchall()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="link-indexes-"))
    work.mkdir(parents=True, exist_ok=True)
    without, with_ = prepare(args.library, work)
    conns = {}
    for name, path in (("without", without), ("with", with_)):
        conns[name] = sqlite3.connect(path, isolation_level=None)
        conns[name].execute("PRAGMA foreign_keys = ON")
    made = cases(conns["without"])
    times: dict[tuple[str, str], list[float]] = {}
    for i in range(args.rounds):
        for name in ("without", "with"):
            for label, case in made.items():
                times.setdefault((label, name), []).append(timed(conns[name], *case(i)))
    counts = {
        t: conns["with"].execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("statement_topics", "meeting_participants", "statements")
    }
    print(f"rows: {counts}; medians of {args.rounds}, in ms")
    print(f"{'case':58} {'without':>9} {'with (floor)':>13} {'ratio':>7}")
    for label in made:
        a = statistics.median(times[(label, "without")])
        b = statistics.median(times[(label, "with")])
        print(f"{label:58} {a:9.2f} {b:13.2f} {a / b:6.1f}x")
    if args.work is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
