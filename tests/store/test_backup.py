"""Backups: made with the online backup API, verified, listed, rotated, restored; and when they happen."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefbook.errors import BriefBookError
from briefbook.library import Library, Topic
from briefbook.store import backup as backups
from briefbook.store.backup import (
    BackupInfo,
    backup_folder,
    backup_library,
    cleanup_partial_backups,
    list_backups,
    newest_good_backup,
    rotate,
)
from briefbook.store.restore import restore_backup


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _titles(path: Path) -> list[str]:
    with Library.open(path, backup=False) as lib:
        return sorted(t.title for t in lib.list(Topic))


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def saved(library_path: Path) -> Path:
    """A closed library with two topics."""
    with Library.create(library_path) as lib:
        lib.add(Topic(title="Công ước Hà Nội"))
        lib.add(Topic(title="Bảo hộ công dân"))
    return library_path


def test_a_backup_is_one_verified_library_file_in_the_backups_folder(saved: Path) -> None:
    path = backup_library(saved, reason="manual")
    assert path.parent == saved.parent / "test.backups" == backup_folder(saved)
    assert path.name.startswith("test.") and path.name.endswith(".manual.briefbook")
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no -wal, no temp file
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert _titles(path) == ["Bảo hộ công dân", "Công ước Hà Nội"]
    [info] = list_backups(saved)
    assert info == BackupInfo(path, info.created, path.stat().st_size, "manual")
    assert abs(info.created - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    assert newest_good_backup(saved) == path


def test_a_live_library_is_backed_up_with_its_committed_changes_only(library: Library, library_path) -> None:
    library.add(Topic(title="Đã lưu"))  # committed, still in the -wal
    with Library.open(library_path, backup=False) as other, other.transaction():
        other.add(Topic(title="Chưa lưu"))  # not committed while the backups run
        for source in (library, library.db, library_path):  # a Library, a Database or a path
            path = backup_library(source)
            assert _titles(path) == ["Đã lưu"]
    assert len(list_backups(library_path)) == 3


def test_a_damaged_library_is_not_backed_up(saved: Path) -> None:
    data = saved.read_bytes()
    for page in range(1, 8):  # some pages hold blobs a check cannot judge: hit the b-trees for sure
        start = page * 4096 + 8
        data = data[:start] + b"\xa5" * 3000 + data[start + 3000 :]
    saved.write_bytes(data)
    with pytest.raises(BriefBookError, match="damaged"):
        backup_library(saved)
    assert list(backup_folder(saved).iterdir()) == []
    assert list_backups(saved) == []


def test_only_libraries_are_backed_up(tmp_path: Path) -> None:
    other = tmp_path / "notes.briefbook"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(BriefBookError, match="not a BriefBook library"):
        backup_library(other)
    text = tmp_path / "text.briefbook"
    text.write_text("hello")
    with pytest.raises(BriefBookError, match="not a BriefBook library"):
        backup_library(text)
    with pytest.raises(BriefBookError, match="no library at"):
        backup_library(tmp_path / "missing.briefbook")


def test_partial_backups_are_never_listed_and_are_cleaned_up(saved: Path) -> None:
    folder = backup_folder(saved)
    folder.mkdir()
    good = backup_library(saved)
    dead = folder / f".test.2026-01-01T00-00-00.000000Z.auto.briefbook.{_dead_pid()}.partial"
    shutil.copy(good, dead)
    Path(f"{dead}-journal").write_bytes(b"x")
    alive = folder / f".test.2026-01-01T00-00-01.000000Z.auto.briefbook.{os.getppid()}.partial"
    alive.write_bytes(b"SQLite format 3\x00")
    old_alive = folder / f".test.2026-01-01T00-00-02.000000Z.auto.briefbook.{os.getppid()}.partial"
    old_alive.write_bytes(b"")
    os.utime(old_alive, (time.time() - 7200, time.time() - 7200))
    unrelated = folder / "notes.txt"
    unrelated.write_text("mine")
    assert [b.path for b in list_backups(saved)] == [good]
    assert newest_good_backup(saved) == good

    second = backup_library(saved)
    assert not dead.exists() and not Path(f"{dead}-journal").exists() and not old_alive.exists()
    assert alive.exists(), "another living process may be writing it"
    assert unrelated.read_text() == "mine"
    assert [b.path for b in list_backups(saved)] == [second, good]
    assert cleanup_partial_backups(folder) == []


def _fake_backups(folder: Path, template: Path, stamps: list[tuple[dt.datetime, str]]) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for when, reason in stamps:
        path = folder / f"test.{when.strftime('%Y-%m-%dT%H-%M-%S.%fZ')}.{reason}.briefbook"
        shutil.copy(template, path)
        paths.append(path)
    return paths


def test_rotation_keeps_the_last_ten_and_one_a_day_for_thirty_days(saved: Path, tmp_path: Path) -> None:
    template = backup_library(saved, tmp_path / "template")
    now = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)
    today = [(now - dt.timedelta(minutes=10 * i), "auto") for i in range(15)]  # 15 today
    daily = [(now - dt.timedelta(days=d, hours=h), "open") for d in range(1, 40) for h in (1, 5)]
    pinned = [(now - dt.timedelta(days=3, hours=3), "manual"), (now - dt.timedelta(days=45), "manual")]
    folder = backup_folder(saved)
    _fake_backups(folder, template, today + daily + pinned)
    (folder / "README.txt").write_text("not a backup")

    deleted = rotate(folder, now=now)
    kept = list_backups(saved)
    kept_times = {b.created for b in kept}
    assert {when for when, _ in today[:10]} <= kept_times  # the last ten
    assert not {when for when, _ in today[10:]} & kept_times  # today's older ones: today has one already
    for d in range(1, 30):  # the newest of each of the last 30 days
        assert now - dt.timedelta(days=d, hours=1) in kept_times
        assert now - dt.timedelta(days=d, hours=5) not in kept_times
    assert now - dt.timedelta(days=3, hours=3) in kept_times  # a manual one, within 30 days
    assert all(b.created >= now - dt.timedelta(days=30) for b in kept)
    assert len(kept) == 10 + 29 + 1
    assert len(deleted) == len(today + daily + pinned) - len(kept)
    assert (folder / "README.txt").exists()


def test_backups_are_rotated_as_they_are_made(saved: Path) -> None:
    for _ in range(13):
        backup_library(saved, reason="auto")
    assert len(list_backups(saved)) == 10  # all made today: the last ten (today's newest among them)


def test_restore_brings_the_backup_back_and_keeps_the_current_file(saved: Path) -> None:
    first = backup_library(saved)
    with Library.open(saved, backup=False) as lib:
        lib.add(Topic(title="Sau sao lưu"))
    previous = restore_backup(saved, first)
    assert _titles(saved) == ["Bảo hộ công dân", "Công ước Hà Nội"]
    assert previous is not None and previous.name.endswith(".before-restore.briefbook")
    assert "Sau sao lưu" in _titles(previous)
    assert previous in [b.path for b in list_backups(saved)]
    with Library.open(saved) as lib:
        assert lib.check() == []
        assert lib.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_restore_reaches_a_connection_that_is_still_open(saved: Path) -> None:
    """Through the backup API, not a file copy: another open connection sees the restored state."""
    first = backup_library(saved)
    other = Library.open(saved, backup=False)
    try:
        other.add(Topic(title="Mới"))
        restore_backup(saved, first)
        assert sorted(t.title for t in other.list(Topic)) == ["Bảo hộ công dân", "Công ước Hà Nội"]
        assert other.check() == []
    finally:
        other.close()


def test_restore_over_a_damaged_file_sets_it_aside_untouched(saved: Path) -> None:
    good = backup_library(saved)
    saved.write_bytes(saved.read_bytes()[:5000])
    damaged = _digest(saved)
    previous = restore_backup(saved, good)
    assert previous is not None and ".damaged." in previous.name
    assert _digest(previous) == damaged
    assert previous not in [b.path for b in list_backups(saved)]  # never offered as a backup
    assert _titles(saved) == ["Bảo hộ công dân", "Công ước Hà Nội"]


def test_restore_when_the_file_is_gone_and_a_stale_wal_remains(saved: Path) -> None:
    good = backup_library(saved)
    with Library.open(saved, backup=False) as lib:
        lib.add(Topic(title="Đã mất"))
    saved.unlink()
    Path(f"{saved}-wal").write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 60)  # a -wal of the lost file
    restore_backup(saved, good)
    assert _titles(saved) == ["Bảo hộ công dân", "Công ước Hà Nội"]
    with Library.open(saved, backup=False) as lib:
        assert lib.check() == []


@pytest.mark.parametrize("kind", ["damaged", "text", "newer"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(saved: Path, tmp_path: Path, kind: str) -> None:
    bad = tmp_path / "bad.briefbook"
    if kind == "damaged":
        bad.write_bytes(saved.read_bytes()[:9000])
    elif kind == "text":
        bad.write_text("not a library")
    else:
        shutil.copy(saved, bad)
        with sqlite3.connect(bad) as conn:
            conn.execute(
                "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                "VALUES ('briefbook', '9999_future', 'x')"
            )
        conn.close()
    before = _digest(saved)
    with pytest.raises(BriefBookError, match="newer version" if kind == "newer" else "damaged or not"):
        restore_backup(saved, bad)
    assert _digest(saved) == before
    assert list_backups(saved) == []
    with pytest.raises(BriefBookError, match="There is no backup"):
        restore_backup(saved, tmp_path / "missing.briefbook")
    with pytest.raises(BriefBookError, match="library file itself"):
        restore_backup(saved, saved)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The wall clock backups are named and scheduled by, moved on by the test (seconds added)."""
    offset = [0.0]
    real = time.time
    monkeypatch.setattr(backups.backup_catalog, "clock", lambda: real() + offset[0])
    return offset


def test_reading_never_backs_up(saved: Path, clock: list[float]) -> None:
    clock[0] += 3600  # long past the interval, and the library changed since it was made
    for _ in range(3):
        with Library.open(saved) as lib:
            assert [t.title for t in lib.list(Topic)] and lib.search("cong uoc")
            lib.check()
    assert list_backups(saved) == []


def test_the_window_backs_up_on_open_once_until_the_library_changes(saved: Path, clock: list[float]) -> None:
    with Library.open(saved) as lib:
        assert lib.backup_if_due() is None  # made a moment ago: not due yet
    clock[0] += 601
    with Library.open(saved) as lib:
        first = lib.backup_if_due()
        assert first is not None and first.name.endswith(".open.briefbook") and lib.last_backup == first
    for _ in range(3):
        clock[0] += 3600
        with Library.open(saved) as lib:
            assert lib.backup_if_due() is None  # nothing changed: no new backup
    assert len(list_backups(saved)) == 1
    with Library.open(saved, backup=False) as lib:  # another process, which makes no backups
        lib.add(Topic(title="Mới"))
    with Library.open(saved) as lib:
        made = lib.backup_if_due()
        assert made is not None and made != first
        assert "Mới" in _titles(made)
    assert len(list_backups(saved)) == 2


def test_a_new_library_is_not_backed_up_on_creation(library: Library, library_path: Path) -> None:
    assert library.last_backup is None and list_backups(library_path) == []


def test_edits_are_backed_up_at_most_every_interval(saved: Path, clock: list[float]) -> None:
    with Library.open(saved) as lib:
        assert lib.backup_interval == 600
        for minute in range(25):  # an edit a minute for 25 minutes
            lib.add(Topic(title=f"Phút {minute}"))
            clock[0] += 60
        auto = [b for b in list_backups(saved) if b.reason == "auto"]
        assert len(auto) == 2  # 10 and 20 minutes after the library was made
        assert len(list_backups(saved)) == 2
        assert sum(t.startswith("Phút") for t in _titles(auto[0].path)) == 21

    with Library.open(saved) as lib:
        lib.backup_interval = 0  # tests: after every commit
        before = len(list_backups(saved))
        with lib.transaction():  # one user action, however many writes: one backup
            lib.add(Topic(title="a"))
            lib.add(Topic(title="b"))
        assert len(list_backups(saved)) == before + 1
        lib.list(Topic)
        with lib.transaction():  # nothing written: nothing changed, no backup
            lib.list(Topic)
        assert len(list_backups(saved)) == before + 1


def test_the_interval_is_shared_by_every_process_that_writes(saved: Path, clock: list[float]) -> None:
    """A script of many ``briefbook add`` calls (a process each) backs up like one long session."""
    for minute in range(25):
        with Library.open(saved) as lib:  # a new process each minute: no clock kept in memory
            lib.add(Topic(title=f"Lệnh {minute}"))
        clock[0] += 60
    assert [b.reason for b in list_backups(saved)] == ["auto", "auto"]


def test_a_failing_automatic_backup_never_stops_an_edit(saved: Path) -> None:
    backup_folder(saved).write_text("a file where the backups folder should be")
    with Library.open(saved) as lib:
        assert lib.backup_problem is None  # opening never backs up
        lib.backup_interval = 0
        lib.add(Topic(title="Vẫn lưu được"))
        assert lib.backup_problem and "backups folder" in lib.backup_problem
        assert "Vẫn lưu được" in [t.title for t in lib.list(Topic)]
        with pytest.raises(BriefBookError, match="Cannot make the backups folder"):
            lib.backup_now()


def test_another_window_is_told_to_refresh(library: Library, library_path: Path) -> None:
    assert library.changed_elsewhere() is False
    library.add(Topic(title="Mine"))
    assert library.changed_elsewhere() is False  # our own commits do not count
    with Library.open(library_path, backup=False) as other:
        other.add(Topic(title="Theirs"))
    assert library.changed_elsewhere() is True
    assert library.changed_elsewhere() is False


def test_backup_reasons_are_checked() -> None:
    with pytest.raises(ValueError):
        backup_library(Path("x.briefbook"), reason="whenever")
    assert backups.REASONS[:2] == ("open", "auto")


def test_a_restore_killed_half_way_is_cleaned_up_by_the_next(saved: Path) -> None:
    good = backup_library(saved)
    leftover = saved.parent / f".{saved.name}.{_dead_pid()}.restoring"
    leftover.write_bytes(b"SQLite format 3\x00 half a copy")
    someone_elses = saved.parent / f".notes.{_dead_pid()}.partial"
    someone_elses.write_text("not ours")
    restore_backup(saved, good)
    assert not leftover.exists()
    assert someone_elses.exists(), "only this library's own restore files are touched in its folder"


def _can_mount_read_only() -> bool:
    if not sys.platform.startswith("linux") or not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _can_mount_read_only(), reason="needs a private read-only mount (root on Linux)")
def test_a_backup_into_a_read_only_backups_folder_says_the_disk_is_read_only(
    saved: Path, tmp_path: Path
) -> None:
    """The backups folder is there but on a read-only disk (a write-protected stick): the message says
    so, as the folder it could not make does; SQLite alone said 'could not be copied (unable to open
    database file)', about the library."""
    folder = tmp_path / "bản sao lưu"
    folder.mkdir()
    script = (
        "from briefbook.store.backup import backup_library\n"
        "from briefbook.errors import BriefBookError\n"
        "try:\n"
        f"    backup_library({str(saved)!r}, {str(folder)!r})\n"
        "except BriefBookError as exc:\n"
        "    print(exc)\n"
    )
    read_only = f"mount --bind '{folder}' '{folder}' && mount -o remount,bind,ro '{folder}'"
    shell = f'{read_only} && {sys.executable} -c "$S"'
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", shell], capture_output=True, text=True, env={**os.environ, "S": script}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Could not back up {saved} into {folder}: the disk is read-only.", (
        result.stdout
    )
    assert list(folder.iterdir()) == []
