"""Opening library files: good ones, old ones, and every kind of bad one."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from briefbook.errors import LibraryFileError, NewerVersionError
from briefbook.library import Library, TalkingPoint
from briefbook.store.database import open_database, schema_version
from briefbook.store.schema import MIGRATIONS, known_migrations

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("library-*.briefbook")), ids=lambda p: p.stem)
def test_every_schema_version_opens(fixture: Path, tmp_path: Path) -> None:
    copy = tmp_path / fixture.name
    shutil.copy(fixture, copy)
    with Library.open(copy) as lib:
        assert schema_version(lib.db) == known_migrations()[-1]
        assert lib.search("tuan")
        assert lib.count(TalkingPoint) == 1
        assert lib.check() == []


def test_fixture_exists_for_the_current_schema() -> None:
    assert (FIXTURES / f"library-{known_migrations()[-1]}.briefbook").exists(), (
        "Add a fixture for the new schema step: python tests/fixtures/make_fixtures.py"
    )


def test_new_library_uses_wal_foreign_keys_and_busy_timeout(library: Library) -> None:
    assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert library.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert library.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert library.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_an_older_library_is_backed_up_before_it_is_migrated(tmp_path: Path) -> None:
    copy = tmp_path / "old.briefbook"
    shutil.copy(FIXTURES / f"library-{known_migrations()[0]}.briefbook", copy)

    @MIGRATIONS(name="9999_test_step")
    def _step(db) -> None:
        db.execute("CREATE TABLE test_step (x)")

    try:
        with Library.open(copy) as lib:
            assert "test_step" in lib.db.table_names()
    finally:
        MIGRATIONS._migrations.pop()
    backups = list(tmp_path.glob("old.before-upgrade-*.briefbook"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert "test_step" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}


def test_a_library_from_a_newer_version_is_refused_untouched(library_path: Path) -> None:
    Library.create(library_path).close()
    with sqlite3.connect(library_path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('briefbook', '9999_future', 'x')"
        )
    conn.close()
    before = _digest(library_path)
    with pytest.raises(NewerVersionError, match="newer version of BriefBook"):
        Library.open(library_path)
    assert _digest(library_path) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"hello, I am a text file", "not a BriefBook library"),
        (b"\x00" * 4096, "not a BriefBook library"),
        (bytes(range(256)) * 64, "not a BriefBook library"),
    ],
)
def test_files_that_are_not_libraries_are_refused_untouched(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.briefbook"
    path.write_bytes(content)
    with pytest.raises(LibraryFileError, match=message):
        Library.open(path)
    assert path.read_bytes() == content


def test_another_sqlite_database_is_not_a_library(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (x)")
    conn.close()
    before = _digest(path)
    with pytest.raises(LibraryFileError, match="not a BriefBook library"):
        Library.open(path)
    assert _digest(path) == before


def test_a_truncated_library_is_refused(library_path: Path, tmp_path: Path) -> None:
    source = FIXTURES / f"library-{known_migrations()[-1]}.briefbook"
    path = tmp_path / "truncated.briefbook"
    path.write_bytes(source.read_bytes()[: 3 * 4096 + 100])
    before = _digest(path)
    with pytest.raises(LibraryFileError, match="damaged|not a BriefBook"):
        Library.open(path)
    assert _digest(path) == before


def test_missing_file_folder_and_missing_parent(tmp_path: Path) -> None:
    with pytest.raises(LibraryFileError, match="There is no BriefBook library"):
        open_database(tmp_path / "missing.briefbook")
    with pytest.raises(LibraryFileError, match="folder"):
        open_database(tmp_path)
    with pytest.raises(LibraryFileError, match="does not exist"):
        open_database(tmp_path / "no" / "such" / "x.briefbook", create=True)


def test_a_committed_edit_is_visible_to_a_second_connection(library: Library, library_path: Path) -> None:
    from briefbook.library import Topic

    library.add(Topic(title="Bảo hộ công dân"))
    with Library.open(library_path) as other:
        assert other.search("bao ho")
