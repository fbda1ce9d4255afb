"""Keyset pages: read page after page, a list is the same rows in the same order as ``list``."""

from __future__ import annotations

import random

import pytest

from briefbook.library import Library, Person, Statement, TalkingPoint, Topic
from briefbook.library.records import RECORD_TYPES

WORDS = ["Đà", "da", "Ăn", "ân", "An 2", "An 10", "ພາສາ", "ไทย", "Zê", "ơn", "ư", "Bình"]


@pytest.fixture
def busy(library: Library) -> Library:
    """Many ties (the same text, the same topic, the same date) and empty values."""
    rng = random.Random(7)
    topics = [library.add(Topic(title=rng.choice(WORDS))) for _ in range(5)]
    people = [
        library.add(Person(name=rng.choice(WORDS), position=rng.choice(["", *WORDS]))) for _ in range(6)
    ]
    with library.transaction():
        for _ in range(60):
            library.add(
                TalkingPoint(
                    topic_id=rng.choice(topics).id,
                    text=rng.choice(WORDS),
                    status=rng.choice(["draft", "cleared"]),
                    classification=rng.choice(["Public", "Internal"]),
                )
            )
        for _ in range(25):
            person = rng.choice([None, *people])
            library.add(
                Statement(
                    speaker_id=person.id if person else None,
                    speaker_name="" if person and rng.random() < 0.5 else rng.choice(WORDS),
                    date=rng.choice(["", "2025-01-02", "2024-05-06"]),
                    text=rng.choice(WORDS),
                    occasion=rng.choice(["", *WORDS]),
                )
            )
    return library


def _all_pages(library: Library, kind: str, size: int, **how) -> list[str]:
    ids, cursor = [], None
    while True:
        page = library.page(kind, limit=size, after=cursor, **how)
        if not page.records:
            return ids
        ids += [r.id for r in page.records]
        cursor = page.cursor


@pytest.mark.parametrize("kind", ["talking_point", "statement", "person", "topic"])
def test_page_after_page_is_the_list_in_every_order(busy: Library, kind: str) -> None:
    cls = RECORD_TYPES[kind]
    for field in cls.field_names():
        for descending in (False, True):
            expected = [r.id for r in busy.list(kind, order_by=field, descending=descending)]
            for size in (1, 7):
                got = _all_pages(busy, kind, size, order_by=field, descending=descending)
                assert got == expected, (field, descending, size)


def test_pages_of_a_filtered_list(busy: Library) -> None:
    topic = busy.list("topic")[0]
    where = {"topic_id": topic.id, "status": "draft"}
    for field in ("text", "position", "topic_id", "classification"):
        expected = [r.id for r in busy.list("talking_point", where=where, order_by=field)]
        assert _all_pages(busy, "talking_point", 3, where=where, order_by=field) == expected


def test_the_next_page_of_a_stored_key_starts_in_the_index(busy: Library) -> None:
    first = busy.page("talking_point", order_by="text", limit=5)
    plan = " ".join(
        str(row[-1])
        for row in busy.db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM talking_points "
            "WHERE text_sort_key >= ? AND (text_sort_key, sort_key(text), talking_points.rowid) > (?, ?, ?) "
            "ORDER BY text_sort_key, sort_key(text), talking_points.rowid LIMIT 5",
            [first.cursor[0], *first.cursor],
        ).fetchall()
    )
    assert "SEARCH talking_points USING INDEX talking_points_text_sort_key" in plan


def test_a_cursor_of_another_order_is_refused(busy: Library) -> None:
    cursor = busy.page("talking_point", order_by="topic_id", limit=2).cursor
    with pytest.raises(ValueError):
        busy.page("talking_point", order_by="text", after=cursor)


def test_point_numbers_are_the_topics_order(busy: Library) -> None:
    """Read with a page: each point's number in its topic, as the topic lists them (ties by rowid)."""
    points = busy.list("talking_point")
    busy.db.execute("UPDATE talking_points SET position = 1 WHERE id = ?", [points[3].id])  # a tie
    expected = {}
    for topic in busy.list("topic"):
        ids = busy.ids("talking_point", where={"topic_id": topic.id}, order_by="position")
        expected |= {item_id: i for i, item_id in enumerate(ids, start=1)}
    assert busy.point_numbers([p.id for p in points]) == expected
    assert busy.point_numbers([]) == {}


def test_point_numbers_of_any_few_points_are_their_numbers_in_the_whole_topic(busy: Library) -> None:
    """A page holds some points of a topic, not always the first ones nor next to each other:
    each one's number still counts every point before it in its topic (ties in position by rowid,
    negative positions, an id asked twice, an id that is not a talking point)."""
    points = busy.list("talking_point")
    rng = random.Random(11)
    for point in points[::4]:
        busy.db.execute(
            "UPDATE talking_points SET position = ? WHERE id = ?", [rng.choice([-3, 0, 1, 1]), point.id]
        )
    expected = {}
    for topic in busy.list("topic"):
        ids = busy.ids("talking_point", where={"topic_id": topic.id}, order_by="position")
        expected |= {item_id: i for i, item_id in enumerate(ids, start=1)}
    for size in (1, 2, 7, 30):
        for _ in range(10):
            asked = [p.id for p in rng.sample(points, size)]
            numbers = busy.point_numbers([*asked, asked[0], "no-such-point"])
            assert numbers == {item_id: expected[item_id] for item_id in asked}


def test_numbering_a_topics_points_reads_its_index_about_once(library: Library) -> None:
    """Counted in SQLite's steps, never timed: the first page of 50,000 points counted every
    point's predecessors from its topic's start (about 100,000 index entries for 200 points)."""
    topic = library.add(Topic(title="Công ước Hà Nội"))
    with library.transaction():
        for i in range(400):
            library.add(TalkingPoint(topic_id=topic.id, text=f"Điểm {i}", position=i))
    ids = library.ids("talking_point", where={"topic_id": topic.id}, order_by="position")
    steps = []
    library.db.conn.set_progress_handler(lambda: steps.append(1), 100)
    try:
        numbers = library.point_numbers(ids)
    finally:
        library.db.conn.set_progress_handler(None, 0)
    assert numbers == {item_id: i for i, item_id in enumerate(ids, start=1)}
    # about 170 SQLite steps a point (67,200 for the 400: their own reads, sorts and counts);
    # counting each point's predecessors from the topic's start took 1,131,600
    assert len(steps) * 100 < 400 * 400, len(steps) * 100


def test_pages_by_topic_name_read_from_the_first_topics_are_the_whole_orders_pages(library: Library) -> None:
    """Pages by topic read only the first topics' points when those fill them: the same pages as
    the whole order, for topics of 0 to 9 points, names alike and unlike, and points whose
    topic is gone (a file written without its foreign keys): those come first, as before."""
    rng = random.Random(5)
    topics = [library.add(Topic(title=rng.choice(WORDS))) for _ in range(12)]
    with library.transaction():
        for topic in topics:
            for _ in range(rng.choice([0, 1, 2, 9])):
                library.add(
                    TalkingPoint(topic_id=topic.id, text=rng.choice(WORDS), position=rng.choice([0, 1]))
                )
    library.db.execute("PRAGMA foreign_keys = OFF")
    first_two = "SELECT rowid FROM talking_points LIMIT 2"
    library.db.execute(f"UPDATE talking_points SET topic_id = 'gone' WHERE rowid IN ({first_two})")
    whole = [p.id for p in library.list("talking_point", order_by="topic_id")]
    for limit in (1, 2, 3, 5, 8, 200):
        seen, after = [], None
        while True:
            page = library.page("talking_point", order_by="topic_id", limit=limit, after=after)
            if not page.records:
                break
            seen += [p.id for p in page.records]
            after = page.cursor
        assert seen == whole, limit
    one_topic = library.page("talking_point", where={"topic_id": topics[0].id}, order_by="topic_id", limit=3)
    assert [p.id for p in one_topic.records] == library.ids(
        "talking_point", where={"topic_id": topics[0].id}
    )[:3]


def test_the_first_page_by_topic_name_sorts_only_the_first_topics_points(library: Library) -> None:
    """Counted in SQLite's steps, never timed: the first page sorted every point of the library."""
    topics = [library.add(Topic(title=f"Chủ đề {i:02}")) for i in range(10)]
    with library.transaction():
        for topic in topics:
            for i in range(300):
                library.add(TalkingPoint(topic_id=topic.id, text=f"Điểm {i}", position=i))
    steps = []
    library.db.conn.set_progress_handler(lambda: steps.append(1), 100)
    try:
        page = library.page("talking_point", order_by="topic_id", limit=200)
    finally:
        library.db.conn.set_progress_handler(None, 0)
    assert {p.topic_id for p in page.records} == {topics[0].id}
    # 13,600 steps (the 300 points of the first topic, sorted); the whole order took 73,000
    assert len(steps) * 100 < 3000 * 10, len(steps) * 100
