"""Real instances of the store's messages (opening a library, backups, restores), made as a user meets them.

Registered into :data:`tests.ui.core_message_cases.CASES`. The tests run as root here, so
a folder or a file cannot be made read-only for real: where a case needs that, it
patches ``os.access`` the way ``export_to_read_only_places`` does, and says so.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from briefbook.library import Library
from briefbook.store import backup, database, hot_journal, sqlite_copy
from briefbook.store.backup import backup_library
from briefbook.store.restore import restore_backup
from tests.ui.core_message_cases import Ctx, Shown, case, refused

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _copy_of(c: Ctx, source: Path, name: str) -> Path:
    path = c.tmp / name
    shutil.copyfile(source, path)
    c.data.update({str(path), path.name, str(path.parent)})
    return path


def _saved(c: Ctx, name: str = "sổ tay.briefbook") -> Path:
    """A healthy library file of this version, closed."""
    path = c.tmp / name
    Library.create(path).close()
    c.data.update({str(path), path.name})
    return path


def _newer(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('briefbook', '9999_future', 'x')"
        )
    conn.close()
    return path


def _half_changed(path: Path) -> None:
    """Leave the file as a program killed mid-change does: its change half-written, the journal beside it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA cache_size = 1")  # the change spills to the file before COMMIT
    conn.execute("BEGIN")
    conn.execute("UPDATE topics SET title = 'Nửa chừng'")
    conn.execute("INSERT INTO settings VALUES ('filler', ?)", ["x" * 200_000])
    saved = path.with_suffix(".saved")
    shutil.copyfile(path, saved)
    shutil.copyfile(f"{path}-journal", f"{saved}-journal")
    conn.execute("ROLLBACK")
    conn.close()
    shutil.move(saved, path)
    shutil.move(f"{saved}-journal", f"{path}-journal")


@case
def libraries_that_cannot_be_opened(c: Ctx) -> list[Shown]:
    newer = _newer(_saved(c, "năm sau.briefbook"))
    c.data.update({str(c.tmp / "không có.briefbook"), str(c.tmp / "thư mục mất")})
    return [
        refused(lambda: Library.open(c.tmp / "không có.briefbook")),
        refused(lambda: Library.create(c.tmp / "thư mục mất" / "mới.briefbook")),
        refused(lambda: Library.open(newer)),
    ]


@case
def an_old_library_that_cannot_be_backed_up_before_its_upgrade(c: Ctx) -> list[Shown]:
    """An old library whose backups folder cannot be made (a file has its name)."""
    old = _copy_of(c, FIXTURES / "library-0001_initial.briefbook", "cũ.briefbook")
    blocker = c.file("cũ.backups", "một tệp mang tên thư mục sao lưu")
    c.data.update({str(blocker)})
    return [refused(lambda: Library.open(old))]


@case
def an_old_library_on_a_read_only_disk(c: Ctx) -> list[Shown]:
    """As root nothing is read-only: os.access says what a read-only file says."""
    old = _copy_of(c, FIXTURES / "library-0001_initial.briefbook", "cũ chỉ đọc.briefbook")
    c.monkeypatch.setattr(database.os, "access", lambda path, mode: Path(path) != old)
    return [refused(lambda: Library.open(old))]


@case
def a_library_left_half_changed(c: Ctx) -> list[Shown]:
    """A program stopped mid-change: on a read-only disk the change cannot be undone; a damaged
    journal would not give a readable library."""
    locked = _saved(c, "dở dang.briefbook")
    _half_changed(locked)
    access = os.access
    c.monkeypatch.setattr(hot_journal.os, "access", lambda path, mode: Path(path) != locked)
    out = [refused(lambda: Library.open(locked))]
    c.monkeypatch.setattr(hot_journal.os, "access", access)
    broken = _saved(c, "dở dang hỏng.briefbook")
    _half_changed(broken)
    _break_a_page_the_journal_does_not_hold(broken)
    out.append(refused(lambda: Library.open(broken)))
    return out


def _break_a_page_the_journal_does_not_hold(path: Path) -> None:
    """Garbage over a table's root page that the journal has no copy of: undoing the change
    leaves it garbage. (Garbage in the journal itself proved nothing: SQLite ends a journal's
    playback at the first record whose checksum fails, and whether the half-written file then
    reads as damaged depended on where that library's pages happened to lie.)"""
    journal = Path(f"{path}-journal").read_bytes()
    sector, page_size = int.from_bytes(journal[20:24], "big"), int.from_bytes(journal[24:28], "big")
    held = {
        int.from_bytes(journal[at : at + 4], "big")
        for at in range(sector, len(journal) - page_size - 8 + 1, page_size + 8)
    }
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    roots = [r[0] for r in conn.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table'")]
    conn.close()
    page = next(r for r in roots if r > 1 and r not in held)
    with path.open("r+b") as fh:
        fh.seek((page - 1) * page_size)
        fh.write(b"\xff" * page_size)


@case
def recent_changes_on_a_read_only_disk(c: Ctx) -> list[Shown]:
    """A library on a write-protected stick, with changes still in its -wal file beside it."""
    path = _saved(c, "usb.briefbook")
    Path(f"{path}-wal").write_bytes(b"\x00" * 4096)
    c.monkeypatch.setattr(database, "on_read_only_media", lambda p: True)
    return [refused(lambda: Library.open(path))]


@case
def backups_that_cannot_be_made(c: Ctx) -> list[Shown]:
    lib = c.library
    plain = c.tmp / "danh bạ.sqlite"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    junk = c.file("ghi chú.briefbook", "Không phải thư viện. " * 100)
    damaged = _saved(c, "hỏng.briefbook")
    data = bytearray(damaged.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)  # the first page's tables are garbage
    damaged.write_bytes(bytes(data))
    blocker = c.file("một tệp", "x")
    folder = c.tmp / "sao lưu"
    c.data.update({str(plain), str(folder), str(c.tmp / "không có.briefbook"), str(blocker / "sao lưu")})
    out = [
        refused(lambda: backup_library(plain, folder), "backup"),
        refused(lambda: backup_library(junk, folder), "backup"),
        refused(lambda: backup_library(damaged, folder), "backup"),
        refused(lambda: backup_library(c.tmp / "không có.briefbook", folder), "backup"),
        refused(lambda: backup_library(lib, blocker / "sao lưu"), "backup"),
    ]

    def full(*args: object) -> None:  # a backup into a folder on a full disk
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    c.monkeypatch.setattr(backup.os, "replace", full)
    out.append(refused(lambda: backup_library(lib, folder), "backup"))
    return out


@case
def backups_that_cannot_be_restored(c: Ctx) -> list[Shown]:
    lib = c.library
    good = backup_library(lib, c.tmp / "sao lưu")
    newer = _newer(_copy_of(c, good, "bản năm sau.briefbook"))
    junk = c.file("không phải bản sao lưu.briefbook", "Không phải thư viện.")
    folder = c.tmp / "một thư mục.briefbook"
    folder.mkdir()
    c.data.update({str(good), str(folder), str(c.tmp / "không có"), str(c.tmp / "mất" / "sổ.briefbook")})
    return [
        refused(lambda: restore_backup(lib.path, c.tmp / "không có"), "backup"),
        refused(lambda: restore_backup(lib.path, lib.path), "backup"),
        refused(lambda: restore_backup(lib.path, newer), "backup"),
        refused(lambda: restore_backup(lib.path, junk), "backup"),
        refused(lambda: restore_backup(c.tmp / "mất" / "sổ.briefbook", good), "backup"),
        refused(lambda: restore_backup(folder, good), "backup"),
    ]


def _damaged_inside(c: Ctx, name: str) -> Path:
    """A library whose first page reads but whose last pages are garbage (a bad sector, a cut copy)."""
    path = _saved(c, name)
    data = bytearray(path.read_bytes())
    data[-8192:] = b"\x5a" * 8192
    path.write_bytes(bytes(data))
    return path


@case
def cleaned_copies_that_cannot_be_made(c: Ctx) -> list[Shown]:
    """File → Open of a library with code of its own offers a cleaned copy; some files have none."""
    from briefbook.store.cleaned_copy import make_cleaned_copy

    plain = c.tmp / "danh bạ.sqlite"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    newer = _newer(_saved(c, "năm sau.briefbook"))
    gap = _saved(c, "thiếu bước.briefbook")
    with sqlite3.connect(gap) as conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE name LIKE '0002%'")
    conn.close()
    damaged = _damaged_inside(c, "hỏng bên trong.briefbook")
    c.data.update({str(plain)})
    return [
        refused(lambda: make_cleaned_copy(damaged, c.tmp / "sạch 1.briefbook")),
        refused(lambda: make_cleaned_copy(plain, c.tmp / "sạch 2.briefbook")),
        refused(lambda: make_cleaned_copy(newer, c.tmp / "sạch 3.briefbook")),
        refused(lambda: make_cleaned_copy(gap, c.tmp / "sạch 4.briefbook")),
    ]


@case
def a_library_locked_by_another_program(c: Ctx) -> list[Shown]:
    """Another program holds the library's lock while it writes: opening it and backing it up are
    refused once the busy timeout is over (lowered here from 5 s, so that the case does not wait)."""
    path = _saved(c, "đang bận.briefbook")
    c.monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    c.monkeypatch.setattr(sqlite_copy, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("UPDATE settings SET value = value")
        c.data.update({str(c.tmp / "sao lưu")})
        return [
            refused(lambda: Library.open(path)),
            refused(lambda: backup_library(path, c.tmp / "sao lưu"), "backup"),
        ]
    finally:
        other.execute("ROLLBACK")
        other.close()
