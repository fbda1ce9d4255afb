"""Two processes on one library. The choice (see briefbook.store.database): both work.

WAL lets readers and a writer run at once; writers take turns (``BEGIN IMMEDIATE``
plus the busy timeout). A writer that waits longer than the timeout gets a plain
message; a "database is locked" traceback never reaches anyone.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from briefbook.library import Library, TalkingPoint, Topic

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the children are driven over pipes")


def test_two_processes_write_at_once_and_both_succeed(spawn, library_path: Path) -> None:
    Library.create(library_path).close()
    n = 120
    children = [spawn("writer", library_path, n) for _ in range(2)]
    for child in children:
        child.expect("ready")
    for child in children:  # both start together
        child.send("go")
    reported = []
    for child in children:
        lines = child.finish()
        assert child.proc.returncode == 0, child.stderr()
        errors = child.stderr()
        assert "Traceback" not in errors and "locked" not in errors, errors
        assert lines[-1] == "finished"
        reported += [line for line in lines if line not in ("ready", "finished")]
    assert len(reported) == 2 * n
    with Library.open(library_path, backup=False) as lib:
        assert lib.check() == []
        points = {p.id: p.text for p in lib.list(TalkingPoint)}
        assert set(reported) == set(points)
        assert all(text.endswith("đã sửa") for text in points.values())
        assert lib.count(Topic) == 2


def test_a_writer_that_waits_too_long_gets_a_plain_message(spawn, library_path: Path) -> None:
    Library.create(library_path).close()
    holder = spawn("hold", library_path)
    holder.expect("holding")
    other = spawn("try-write", library_path, 300)
    assert other.expect("opened") == "opened 0"  # it opens and reads while the other writes
    outcome = other.expect("refused")
    assert outcome.endswith(
        "The library is busy in another BriefBook window. Your change was not saved; try again."
    )
    # It waited out the busy timeout before giving up: SQLite's busy handler was set to 300 ms
    # on the connection refused, and SQLite says SQLITE_BUSY only once that handler gives up
    # (read from the child, not timed: a loaded machine cannot change either).
    assert outcome.split()[1:3] == ["SQLITE_BUSY", "busy_timeout=300"]
    other.finish()
    assert other.proc.returncode == 0 and "Traceback" not in other.stderr()
    # It closed without taking the holder's WAL with it (see test_a_window_keeps_its_locks).
    assert Path(f"{library_path}-wal").exists() and Path(f"{library_path}-shm").exists()

    cli = spawn("cli", 300, "--library", library_path, "add", "topic", "--set", "title=Từ dòng lệnh")
    cli.finish()
    errors = cli.stderr()
    assert cli.proc.returncode == 1
    assert (
        errors.startswith("Error: The library is busy in another BriefBook window.")
        and "Traceback" not in errors
    )

    holder.send("release")
    holder.expect("released")
    holder.finish()
    with Library.open(library_path, backup=False) as lib:
        assert [t.title for t in lib.list(Topic)] == ["Giữ khóa"]  # the holder's change, nothing half-done
        lib.add(Topic(title="Sau đó"))  # and the library is free again


def test_a_window_keeps_its_locks_through_second_connections_and_backups(
    spawn, library: Library, library_path: Path
) -> None:
    """Python must never open the live file itself: closing that handle would drop every POSIX
    lock of the process on it, and another process closing its connection would then think it
    was the last one and delete the WAL under the window's feet (SQLite's "how to corrupt" 2.2)."""
    library.add(Topic(title="Một"))
    with library.transaction():
        library.add(Topic(title="Hai"))
        second = Library.open(library_path)  # the search thread's connection, with its open-time backup
        second.backup_now()
        second.close()
        cli = spawn("cli", 300, "--library", library_path, "list", "topic")  # opens, reads, closes
        cli.finish()
        assert cli.proc.returncode == 0, cli.stderr()
        assert Path(f"{library_path}-wal").exists(), "another process deleted the live WAL"
    with Library.open(library_path, backup=False) as fresh:
        assert sorted(t.title for t in fresh.list(Topic)) == ["Hai", "Một"]
        assert fresh.check() == []
