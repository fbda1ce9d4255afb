"""``briefbook check`` on a file that is not a healthy library of this version says why in words
and exits non-zero, never with a traceback; and damage met during the check (after the open) is
a problem it names, not an exception."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.library import Library, TalkingPoint, Topic

FIXTURES = Path(__file__).parents[1] / "fixtures"
CURRENT = sorted(FIXTURES.glob("library-*.briefbook"))[-1]


def _check(path: Path, *options: str):
    _register()
    return CliRunner().invoke(cli, ["--library", str(path), *options, "check"])


def _said(result) -> str:
    assert result.exit_code != 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return " ".join(result.output.split())


def test_files_that_are_not_libraries(tmp_path: Path) -> None:
    text = tmp_path / "notes.briefbook"
    text.write_text("Họp song phương với ສປປ ລາວ")
    assert "is not a BriefBook library (it is some other kind of file)" in _said(_check(text))
    empty = tmp_path / "empty.briefbook"
    empty.write_bytes(b"")
    assert "is empty: it is not a BriefBook library" in _said(_check(empty))
    folder = tmp_path / "folder.briefbook"
    folder.mkdir()
    assert "is a folder, not a BriefBook library file" in _said(_check(folder))
    assert "There is no library at" in _said(_check(tmp_path / "none.briefbook"))
    cut = tmp_path / "cut.briefbook"
    cut.write_bytes(CURRENT.read_bytes()[:3000])
    assert "damaged" in _said(_check(cut))


def test_a_library_of_a_newer_version(tmp_path: Path) -> None:
    newer = tmp_path / "newer.briefbook"
    shutil.copy(CURRENT, newer)
    conn = sqlite3.connect(newer)
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('briefbook', '0999_from_the_future', '2030-01-01')"
        )
    conn.close()
    before = newer.read_bytes()
    assert "written by a newer version of BriefBook" in _said(_check(newer))
    assert newer.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_a_file_without_permission(tmp_path: Path) -> None:
    locked = tmp_path / "locked.briefbook"
    shutil.copy(CURRENT, locked)
    locked.chmod(0)
    try:
        assert "Permission denied" in _said(_check(locked))
    finally:
        locked.chmod(0o600)


def _opened(tmp_path: Path) -> tuple[Path, Library]:
    path = tmp_path / "lib.briefbook"
    with Library.create(path) as library:
        topic = library.add(Topic(title="Công ước Hà Nội"))
        for i in range(300):
            library.add(TalkingPoint(topic_id=topic.id, text=f"Điểm {i}: lừa đảo trực tuyến " * 5))
        library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, Library.open(path, backup=False)


def test_a_schema_damaged_after_the_open_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    path, library = _opened(tmp_path)
    data = bytearray(path.read_bytes())
    at = data.find(b"CREATE TABLE people")
    data[at + 14 : at + 16] = b"\xff\xfe"  # the schema's text is no longer UTF-8
    path.write_bytes(bytes(data))
    library.db.execute("PRAGMA shrink_memory")  # as in a big library: the page is read again
    try:
        problems = library.check()
    finally:
        library.close()
    assert problems == [
        "the file is damaged (it holds bytes that are not text); restore a backup (briefbook backups)"
    ]


def test_a_file_deleted_while_open_is_not_called_healthy(tmp_path: Path) -> None:
    path, library = _opened(tmp_path)
    path.unlink()
    try:
        problems = library.check()
    finally:
        library.close()
    assert problems == [
        f"the library file is no longer at {path} (it was moved, replaced or deleted while open)"
    ]


def test_a_healthy_library_is_still_healthy(tmp_path: Path) -> None:
    path, library = _opened(tmp_path)
    with library:
        assert library.check() == []
    result = _check(path)
    assert result.exit_code == 0 and "The library is healthy" in result.output


def _levels_edited_elsewhere(path: Path, sql: str) -> None:
    """What another program (or a hand edit) can write: the levels commands refuse both cases."""
    Library.create(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(sql)
    conn.close()


def test_check_names_two_levels_a_reader_cannot_tell_apart(tmp_path: Path) -> None:
    path = tmp_path / "lib.briefbook"
    # Secret printed "MẬT" in Vietnamese books, Confidential "Mật": alike after case-folding.
    _levels_edited_elsewhere(
        path,
        "UPDATE classification_levels SET labels = json_set(labels, '$.vi', 'MẬT') WHERE name = 'Secret'",
    )
    said = _said(_check(path))
    assert (
        "the classification levels 'Confidential' and 'Secret' are both called 'MẬT' "
        "(case and spelling aside): a reader cannot tell them apart"
    ) in said
    # NFKC too: a full-width "Ｐｕｂｌｉｃ" on Internal reads as Public's name.
    other = tmp_path / "nfkc.briefbook"
    _levels_edited_elsewhere(
        other,
        "UPDATE classification_levels SET labels = json_set(labels, '$.en', 'Ｐｕｂｌｉｃ') "
        "WHERE name = 'Internal'",
    )
    assert "'Public' and 'Internal' are both called 'Ｐｕｂｌｉｃ'" in _said(_check(other))


def test_check_names_a_level_label_with_an_invisible_character(tmp_path: Path) -> None:
    path = tmp_path / "lib.briefbook"
    _levels_edited_elsewhere(
        path,
        "UPDATE classification_levels SET labels = json_set(labels, '$.vi', 'Tối\u202e mật') "
        "WHERE name = 'Secret'",
    )
    said = _said(_check(path))
    assert (
        "the classification level 'Secret': its vi label 'Tối<U+202E> mật' contains an invisible "
        "character (U+202E)"
    ) in said
    assert "\u202e" not in said  # shown, not obeyed, on the terminal


def test_a_default_scheme_is_healthy(tmp_path: Path) -> None:
    path = tmp_path / "lib.briefbook"
    _levels_edited_elsewhere(path, "SELECT 1")
    result = _check(path)
    assert result.exit_code == 0 and "The library is healthy" in result.output
