"""Stored sort keys: the Vietnamese order read from an index, kept up to date on every write."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefbook.collation import sort_key, sorted_vi
from briefbook.library import Library, Person, TalkingPoint, Topic
from briefbook.store.sort_keys import KEYED, STORED_BYTES, key_column, stored_key

FIXTURES = Path(__file__).parents[1] / "fixtures"
TEXTS = ["Đà Nẵng", "da nang", "Dà", "Ăn", "ân", "An 10", "An 2", "ພາສາລາວ", "ไทย", "Zebra", "ơn", "ư", ""]


def _plan(library: Library, sql: str) -> str:
    return " ".join(str(row[-1]) for row in library.db.execute("EXPLAIN QUERY PLAN " + sql).fetchall())


def _points(library: Library) -> Topic:
    topic = library.add(Topic(title="Chủ đề"))
    for text in TEXTS:
        library.add(TalkingPoint(topic_id=topic.id, text=text or "-"))
    return topic


def test_sorting_by_text_reads_the_stored_keys_in_vietnamese_order(library: Library) -> None:
    _points(library)
    for descending in (False, True):
        listed = [p.text for p in library.list("talking_point", order_by="text", descending=descending)]
        assert listed == sorted_vi(listed, key=lambda t: t)[:: -1 if descending else 1]
    stored = library.db.execute("SELECT text, text_sort_key FROM talking_points").fetchall()
    assert all(key == sort_key(text)[:STORED_BYTES] for text, key in stored)


def test_the_order_comes_from_the_index_and_only_ties_are_keyed_whole(library: Library) -> None:
    _points(library)
    topic = library.list("topic")[0]
    long = "Việt Nam đánh giá cao vai trò của Công ước Hà Nội trong hợp tác "  # longer than the prefix
    for ending in ("ước", "ưu", "ua", "Ua", "ùa"):
        library.add(TalkingPoint(topic_id=topic.id, text=long + ending))
    seen: list[str] = []
    library.db.conn.create_function(
        "sort_key", 1, lambda t: seen.append(t) or sort_key(t), deterministic=True
    )
    first = library.list("talking_point", order_by="text", limit=3)
    assert len(seen) < 10  # the old ORDER BY sort_key(text) called it once a row (18 here)
    assert [p.text for p in first] == sorted_vi([p.text for p in library.list("talking_point")])[:3]
    listed = [p.text for p in library.list("talking_point", order_by="text")]
    assert listed == sorted_vi(listed)
    assert [t for t in listed if t.startswith(long)] == [long + e for e in ("ua", "Ua", "ùa", "ước", "ưu")]
    plan = _plan(
        library, "SELECT id FROM talking_points ORDER BY text_sort_key, sort_key(text), rowid LIMIT 5"
    )
    assert "talking_points_text_sort_key" in plan


def test_an_edited_text_moves_to_its_new_place(library: Library) -> None:
    topic = library.add(Topic(title="T"))
    first = library.add(TalkingPoint(topic_id=topic.id, text="An"))
    library.add(TalkingPoint(topic_id=topic.id, text="Bình"))
    library.update("talking_point", first.id, text="Ước")
    assert [p.text for p in library.list("talking_point", order_by="text")] == ["Bình", "Ước"]
    person = library.add(Person(name="Zoé"))
    library.add(Person(name="Anh"))
    library.update("person", person.id, name="Ân")
    assert [p.name for p in library.list("person", order_by="name")] == ["Anh", "Ân"]


def test_rows_written_without_keys_are_still_listed_in_order(library: Library) -> None:
    """A bulk insert that bypasses the Library leaves NULL keys: the list computes them instead."""
    topic = _points(library)
    library.db["talking_points"].insert_all(
        {"id": f"raw{i}", "topic_id": topic.id, "text": text, "created_at": "", "updated_at": ""}
        for i, text in enumerate(["Ă", "B", "a"])
    )
    listed = [p.text for p in library.list("talking_point", order_by="text")]
    assert len(listed) == len(TEXTS) + 3
    assert listed == sorted_vi(listed, key=lambda t: t)


def test_the_migration_computes_the_keys_of_an_older_library(tmp_path: Path) -> None:
    copy = tmp_path / "old.briefbook"
    shutil.copy(FIXTURES / "library-0007_search_index_fingerprints.briefbook", copy)
    with Library.open(copy, backup=False) as library:
        for table, names in KEYED.items():
            for field in names:
                rows = library.db.execute(f"SELECT {field}, {key_column(field)} FROM {table}").fetchall()
                assert all(key == stored_key(text) for text, key in rows), (table, field)
        assert (
            library.db.execute("SELECT count(*) FROM talking_points WHERE text_sort_key IS NULL").fetchone()[
                0
            ]
            == 0
        )
        assert library.list("talking_point", order_by="text")


def test_keys_stored_whole_by_the_first_0008_are_cut_to_their_prefix(tmp_path: Path) -> None:
    """The 0008 fixture holds whole keys (1.8 KB for a long text): 0009 cuts them."""
    copy = tmp_path / "whole.briefbook"
    shutil.copy(FIXTURES / "library-0008_stored_sort_keys.briefbook", copy)
    with Library.open(copy, backup=False) as library:
        rows = library.db.execute("SELECT text, text_sort_key FROM talking_points").fetchall()
        assert rows and all(key == sort_key(text)[:STORED_BYTES] for text, key in rows)
        longest = library.db.execute("SELECT max(length(title_sort_key)) FROM events").fetchone()[0]
        assert longest <= STORED_BYTES
