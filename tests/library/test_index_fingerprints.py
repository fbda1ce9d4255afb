"""``check`` finds a stale or damaged search index by each entry's fingerprint, not by folding everything.

The random sample that ``check`` compares exactly covers every entry of a small
library, so most tests here set it to 0: what they prove is found by the
fingerprints (SQL) alone.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from briefbook.library import Library, Person, Statement, TalkingPoint, Topic, health
from briefbook.library.api import INDEX_VERSION, INDEX_VERSION_KEY, index_body
from briefbook.library.index_sources import sources_of
from briefbook.library.records import RECORD_TYPES
from briefbook.store.index_fingerprint import store_fingerprints
from tests.field_cases import CASES, case_id, new_value, seed

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture
def no_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(health, "SAMPLE", 0)


def _sql(library: Library, sql: str, params: list | None = None) -> None:
    """Change the file behind the Library's back, as a hand edit or another program would."""
    conn = sqlite3.connect(library.path)
    conn.execute(sql, params or [])
    conn.commit()
    conn.close()


def test_every_entry_has_its_fingerprint(library: Library, filled: dict) -> None:
    rows = library.db.execute("SELECT count(*), count(fingerprint) FROM search_docs").fetchone()
    assert rows[0] == rows[1] == sum(library.count(cls) for cls in RECORD_TYPES.values())
    library.update(Topic, filled["topic"].id, title="Đổi tên")
    library.update(Person, filled["person"].id, name="Lê Văn Tuấn")  # renames the speaker's statement
    assert library.db.execute("SELECT count(*) FROM search_docs WHERE fingerprint IS NULL").fetchone()[0] == 0
    library.rebuild_index()
    assert library.db.execute("SELECT count(*) FROM search_docs WHERE fingerprint IS NULL").fetchone()[0] == 0


def test_a_healthy_library_is_healthy_by_fingerprints_alone(
    library: Library, filled: dict, no_sample: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[str] = []
    exact = health._compare_exactly
    monkeypatch.setattr(
        health,
        "_compare_exactly",
        lambda lib, cls, ids, deadline: compared.extend(ids) or exact(lib, cls, ids, deadline),
    )
    assert library.check() == []
    assert compared == []  # nothing recomputed in Python


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_an_item_changed_behind_the_index_is_found_by_its_fingerprint(
    library: Library, case: tuple[str, str], no_sample: None
) -> None:
    """Every field of every kind, changed in the file without the index: found iff the entry would change."""
    kind, name = case
    made = seed(library)
    item = made[kind]
    value = new_value(library, made, kind, name)
    before = (item.display_name, index_body(item))
    cls = type(item)
    _sql(library, f"UPDATE {cls.TABLE} SET {name} = ? WHERE id = ?", [value, item.id])
    after_item = library.get(cls, item.id)
    after = (after_item.display_name, index_body(after_item))
    problems = library.check()
    if after != before:
        assert any(f"another text for the {cls.LABEL.lower()} {item.id}" in p for p in problems), problems
        assert f"i.{name}" in sources_of(cls).columns or name == "speaker_id"
    else:
        assert problems == []


def test_a_renamed_speaker_behind_the_index_is_found(library: Library, no_sample: None) -> None:
    person = library.add(Person(name="Lê Anh Tuấn"))
    statement = library.add(
        Statement(speaker_id=person.id, text="Chia sẻ thông tin")
    )  # named after the person
    _sql(library, "UPDATE people SET name = 'Người khác' WHERE id = ?", [person.id])
    problems = library.check()
    assert any(f"another text for the prior statement {statement.id}" in p for p in problems), problems


@pytest.mark.parametrize(
    "damage, found",
    [
        (
            "UPDATE search_docs SET body = 'nothing to see' WHERE kind = 'topic'",
            "search index holds another text",
        ),
        ("UPDATE search_docs SET kind = 'person' WHERE kind = 'topic'", "search index holds another text"),
        (
            "UPDATE search_words SET body = 'decoy' WHERE rowid = "
            "(SELECT rowid FROM search_docs WHERE kind = 'topic')",
            "word index holds another text",
        ),
        (
            "DELETE FROM search_words WHERE rowid = "
            "(SELECT rowid FROM search_docs WHERE kind = 'talking_point')",
            "word index holds another text",
        ),
        (
            "DELETE FROM search_trigrams WHERE rowid = (SELECT rowid FROM search_docs WHERE item_id = "
            "(SELECT id FROM people WHERE name LIKE 'สีห%'))",
            "Thai index holds another text",
        ),
        ("DELETE FROM search_docs WHERE kind = 'person'", "search index does not hold the person"),
        ("UPDATE search_docs SET fingerprint = NULL", ""),  # found nothing wrong: compared exactly
        ("UPDATE search_docs SET fingerprint = x'00'", ""),
        (
            "INSERT INTO search_docs (kind, item_id, title, body) VALUES ('topic', 'ghost', 'Ma', 'ma')",
            "holds an item that is not in the library (ghost)",
        ),
        ("INSERT INTO search_trigrams (rowid, text) VALUES (424242, 'ปลอม')", "entries of no item"),
        ("INSERT INTO search_words (rowid, title, body) VALUES (424242, 'ma', 'ma')", "entries of no item"),
    ],
)
def test_damage_to_the_index_is_found_without_the_sample(
    library: Library, filled: dict, no_sample: None, damage: str, found: str
) -> None:
    _sql(library, damage)
    problems = library.check()
    if found:
        assert any(found in p for p in problems), problems
        assert "--rebuild-index" in problems[-1]
        assert library.check(rebuild_index=True) == [] and library.check() == []
    else:
        assert problems == []


def test_a_forged_fingerprint_is_found_by_the_sample(library: Library, filled: dict) -> None:
    """Someone who changes an entry and writes its fingerprint again gets past SQL, not the exact sample."""
    _sql(
        library,
        "UPDATE search_words SET body = 'decoy' WHERE rowid = "
        "(SELECT rowid FROM search_docs WHERE kind = 'topic')",
    )
    store_fingerprints(library.db.conn, sources_of(Topic))
    library.db.conn.commit()
    assert health.SAMPLE >= 10
    assert any("word index holds another text" in p for p in library.check())


def test_an_index_made_before_fingerprints_gets_them_without_a_rebuild(
    tmp_path: Path, no_sample: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index of version 3 (schema 0006) is given fingerprints on open; a stale entry is indexed again."""
    path = tmp_path / "old.briefbook"
    shutil.copy(FIXTURES / "library-0006_meeting_their_positions.briefbook", path)
    conn = sqlite3.connect(path)
    # what the last release wrote (the fixture predates the setting; its index is made as version 3 makes it)
    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, '3')", [INDEX_VERSION_KEY])
    conn.execute("UPDATE topics SET title = 'Công ước Hà Nội (sửa tay)'")  # stale: the index says otherwise
    conn.commit()
    conn.close()
    monkeypatch.setattr(Library, "rebuild_index", lambda self: pytest.fail("rebuilt"))
    with Library.open(path, backup=False) as lib:
        assert lib.setting(INDEX_VERSION_KEY) == INDEX_VERSION
        assert lib.db.execute("SELECT count(*) FROM search_docs WHERE fingerprint IS NULL").fetchone()[0] == 0
        assert lib.check() == []
        assert [h.title for h in lib.search("sua tay")] == ["Công ước Hà Nội (sửa tay)"]


def test_a_thai_statement_of_a_linked_speaker_round_trips(library: Library, no_sample: None) -> None:
    thai = library.add(Person(name="สีหศักดิ์ พวงเกตุแก้ว", name_romanised="Sihasak"))
    library.add(Statement(speaker_id=thai.id, text="ความร่วมมือ", date="2025-12-17"))
    topic = library.add(Topic(title="ສະບາຍດີ"))
    point = library.add(TalkingPoint(topic_id=topic.id, text="ນະໂຍບາຍ", question="ຖ້າ?"))
    assert library.check() == []
    library.update(TalkingPoint, point.id, question="")
    library.update(Person, thai.id, name_romanised="")
    assert library.check() == []
    assert replace(point, question="").display_name == library.get(TalkingPoint, point.id).display_name
