"""Opening library files: good ones, old ones, and every kind of bad one."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from briefbook.errors import BriefBookError, LibraryFileError, NewerVersionError
from briefbook.library import Library, TalkingPoint, Topic
from briefbook.store import database
from briefbook.store.backup import backup_library, list_backups
from briefbook.store.database import DamagedLibraryError, open_database
from briefbook.store.migrate import schema_version
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
    backups = [b for b in list_backups(copy) if b.reason == "before-upgrade"]
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0].path)
    assert "test_step" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


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
    before = _listing(tmp_path)
    with pytest.raises(LibraryFileError, match=message):
        Library.open(path)
    assert path.read_bytes() == content
    assert _listing(tmp_path) == before  # no -wal, -shm, journal or backups folder either


def _listing(folder: Path) -> dict[str, str]:
    return {p.name: _digest(p) for p in folder.rglob("*") if p.is_file()}


def _current_fixture() -> bytes:
    return (FIXTURES / f"library-{known_migrations()[-1]}.briefbook").read_bytes()


def _damage_pages(data: bytes, page: int = 5) -> bytes:
    """Overwrite the middle of four pages from ``page`` on: the header stays right, the rest is garbage."""
    for p in range(page, page + 4):
        start = p * 4096 + 8
        data = data[:start] + bytes((i * 37 + 11) % 256 for i in range(3000)) + data[start + 3000 :]
    return data


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda data: b"", "is empty"),
        (lambda data: data[:60], "cut short"),
        (lambda data: data[:100], "damaged|not a BriefBook"),
        (lambda data: data[: 3 * 4096 + 100], "damaged|not a BriefBook"),
        (lambda data: data[: len(data) // 2], "damaged|not a BriefBook"),
        (_damage_pages, "damaged"),
        (lambda data: b"SQLite format 3\x00" + bytes(range(256)) * 40, "damaged|not a BriefBook"),
    ],
    ids=["empty", "60 bytes", "header only", "3 pages", "half", "garbage page", "random after header"],
)
def test_damaged_files_are_refused_untouched_with_no_side_files(tmp_path: Path, damage, message: str) -> None:
    path = tmp_path / "damaged.briefbook"
    path.write_bytes(damage(_current_fixture()))
    before = _listing(tmp_path)
    with pytest.raises(DamagedLibraryError, match=message) as caught:
        Library.open(path)
    assert caught.value.backup is None and "backup" not in str(caught.value)
    assert _listing(tmp_path) == before


def test_a_damaged_library_is_refused_with_the_offer_of_its_newest_good_backup(tmp_path: Path) -> None:
    path = tmp_path / "Bangkok.briefbook"
    with Library.create(path) as lib:
        lib.add(Topic(title="Công ước Hà Nội"))
    older = backup_library(path, reason="manual")
    newest = backup_library(path, reason="manual")
    # The newest backup is itself damaged later (a bad disk sector): the one before is offered.
    newest.write_bytes(_damage_pages(newest.read_bytes(), page=2))
    path.write_bytes(path.read_bytes()[:8192])
    before = _listing(tmp_path)
    with pytest.raises(DamagedLibraryError) as caught:
        Library.open(path)
    message = str(caught.value)
    assert "damaged" in message and "It has not been changed" in message
    assert "A good backup from" in message and f'restore "{older}"' in message
    assert caught.value.backup == older
    assert _listing(tmp_path) == before


def test_a_newer_library_is_not_offered_a_backup(library_path: Path) -> None:
    Library.create(library_path).close()
    backup_library(library_path)
    with sqlite3.connect(library_path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('briefbook', '9999_future', 'x')"
        )
    conn.close()
    with pytest.raises(NewerVersionError) as caught:
        Library.open(library_path)
    assert "backup" not in str(caught.value)


def test_read_only_opening_reads_and_refuses_writes_plainly(library_path: Path) -> None:
    with Library.create(library_path) as lib:
        lib.add(Topic(title="Bảo hộ công dân"))
    before = _digest(library_path)
    with Library.open(library_path, read_only=True, backup=False) as lib:
        assert lib.read_only
        assert lib.search("bao ho")
        with pytest.raises(BriefBookError, match="read-only; changes cannot be saved"):
            lib.add(Topic(title="x"))
        assert lib.count(Topic) == 1
    assert _digest(library_path) == before
    with Library.open(library_path, backup=False) as lib:
        assert not lib.read_only


def test_a_second_writer_gets_a_plain_message_when_the_wait_runs_out(
    library: Library, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    other = Library.open(library_path, backup=False)
    try:
        with library.transaction():
            library.add(Topic(title="Đang sửa"))
            assert other.count(Topic) == 0  # a reader never waits (WAL) and sees the last commit
            with pytest.raises(BriefBookError, match="busy in another BriefBook window"):
                other.add(Topic(title="Cùng lúc"))
        assert other.count(Topic) == 1
        other.add(Topic(title="Sau đó"))  # once the first is done, the second writes
        assert library.count(Topic) == 2
    finally:
        other.close()


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


def _pages_of(path: Path, table: str) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return [
            r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", [table])
        ]
    finally:
        conn.close()


def _spoil(path: Path, page: int) -> None:
    data = bytearray(path.read_bytes())
    start = (page - 1) * 4096
    data[start : start + 4096] = bytes((i * 37 + 11) % 256 for i in range(4096))
    path.write_bytes(bytes(data))


def _big_library(path: Path) -> None:
    with Library.create(path) as lib, lib.transaction():
        topic = lib.add(Topic(title="Công ước Hà Nội"))
        for i in range(400):
            lib.add(TalkingPoint(topic_id=topic.id, text=f"Điểm nói chuyện số {i}. " * 20))


def test_a_big_library_opens_with_cheap_checks_and_check_finds_the_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a big file, open checks the schema and the small tables; ``check`` and backups check it all."""
    monkeypatch.setattr(database, "FULL_CHECK_UP_TO", 0)  # every file is "big" here
    path = tmp_path / "big.briefbook"
    _big_library(path)
    _spoil(path, _pages_of(path, "talking_points")[-1])
    with Library.open(path, backup=False) as lib:  # the damage is in a page this open never reads
        assert lib.count(Topic) == 1
        assert lib.check() != []
        with pytest.raises(BriefBookError, match="damaged"):
            lib.backup_now()  # a backup is verified: a damaged copy is never kept
    assert list_backups(path) == []


def test_damage_in_what_every_command_reads_is_refused_on_open(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(database, "FULL_CHECK_UP_TO", 0)
    path = tmp_path / "big.briefbook"
    _big_library(path)
    _spoil(path, _pages_of(path, "settings")[0])
    with pytest.raises(DamagedLibraryError, match="damaged"):
        Library.open(path)


def test_the_command_line_reports_damage_a_query_reaches_in_plain_words(tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from briefbook.cli.main import _register, cli

    _register()
    monkeypatch.setattr(database, "FULL_CHECK_UP_TO", 0)
    path = tmp_path / "big.briefbook"
    _big_library(path)
    for page in _pages_of(path, "talking_points")[1:]:
        _spoil(path, page)
    runner = CliRunner()
    listed = runner.invoke(cli, ["--library", str(path), "list", "talking_point"])
    assert listed.exit_code == 1 and "damaged" in listed.output and "Traceback" not in listed.output
    checked = runner.invoke(cli, ["--library", str(path), "check"])
    assert checked.exit_code == 1 and "Problem:" in checked.output
