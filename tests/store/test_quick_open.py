"""The look at a library file before it loads is taken only where the full open would just open it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from briefbook.library import Library, Topic
from briefbook.store import quick_open
from briefbook.store.schema import known_migrations

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_it_knows_this_versions_migrations() -> None:
    """A migration added to store/schema.py reaches quick_open.CURRENT_MIGRATIONS (through the
    regenerated schema snapshot): else every start waits for the full open (safe, but the first
    table is shown about 70 ms later)."""
    assert list(quick_open.CURRENT_MIGRATIONS) == known_migrations()


@pytest.fixture
def current(tmp_path: Path) -> Path:
    path = tmp_path / "thư viện.briefbook"
    with Library.create(path) as lib:
        lib.add(Topic(title="การหลอกลวงทางออนไลน์"))
    return path


def _side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name) and p != path)


def test_a_current_library_is_read_and_left_as_it_was(current: Path) -> None:
    before = current.read_bytes()
    conn = quick_open.open_current(current)
    assert conn is not None
    assert conn.execute("SELECT title FROM topics").fetchall() == [("การหลอกลวงทางออนไลน์",)]
    assert conn.execute("SELECT sort_key('a') < sort_key('b')").fetchone() == (1,)
    with pytest.raises(sqlite3.Error):
        conn.execute("DELETE FROM topics")
    quick_open.close(conn, current)
    assert current.read_bytes() == before and _side_files(current) == []


def _newer(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('briefbook', '9999_future', 'x')"
        )
    conn.close()


def _older(path: Path) -> None:
    shutil.copy(FIXTURES / "library-0008_stored_sort_keys.briefbook", path)


def _trigger(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TRIGGER t AFTER INSERT ON topics BEGIN SELECT 1; END")
    conn.close()


def _view(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE VIEW v AS SELECT 1")
    conn.close()


def _other_set(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('plugin', '0001', 'x')"
        )
    conn.close()


def _wal_beside(path: Path) -> None:
    Path(f"{path}-wal").write_bytes(b"")


def _journal_beside(path: Path) -> None:
    Path(f"{path}-journal").write_bytes(b"x" * 512)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _not_a_library(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (text)")
    conn.close()


def _not_sqlite(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04 a zip file, not a library" * 100)


def _damaged(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for at in range(2 * page, len(data) - page, page):  # the b-tree pages past the schema
        data[at : at + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))


def _no_break_space(path: Path) -> None:
    """A column that reads as ours but is not (SQLite reads "TEXT NOT\u00a0NULL" as a type name)."""
    conn = sqlite3.connect(path)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'topics'").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = ? WHERE name = 'topics'",
        [sql.replace("title TEXT NOT NULL", "title TEXT NOT\u00a0NULL", 1)],
    )
    conn.commit()
    conn.close()


def _table_of_its_own(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute('CREATE TABLE "topics\u00a0" (title)')
    conn.close()


@pytest.mark.parametrize(
    "spoil",
    [
        _no_break_space,
        _table_of_its_own,
        _newer,
        _older,
        _trigger,
        _view,
        _other_set,
        _wal_beside,
        _journal_beside,
        _empty,
        _not_a_library,
        _not_sqlite,
        _damaged,
    ],
)
def test_where_the_full_open_could_refuse_back_up_or_migrate_nothing_is_read(current: Path, spoil) -> None:
    spoil(current)
    side_before = _side_files(current)
    before = current.read_bytes()
    assert quick_open.open_current(current) is None
    assert current.read_bytes() == before and _side_files(current) == side_before


def test_a_missing_file_or_a_folder_is_not_read(tmp_path: Path) -> None:
    assert quick_open.open_current(tmp_path / "none.briefbook") is None
    assert quick_open.open_current(tmp_path) is None
