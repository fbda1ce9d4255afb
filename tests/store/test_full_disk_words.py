"""A library on a full disk is said to be on a full disk, at the open and at a save.

Found by a user's walk (review2) on a full 600 KB disk: SQLite cannot grow the library's
shared-memory file there and says "disk I/O error" (SQLITE_IOERR_SHMSIZE), which the open
passed on as "The library … cannot be opened (disk I/O error)." and a save as a raw error.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections import namedtuple
from pathlib import Path

import pytest

from briefbook.errors import BriefBookError
from briefbook.library import Library, Topic
from briefbook.store import database

Usage = namedtuple("Usage", "total used free")


def _io_error(name: str = "SQLITE_IOERR_SHMSIZE") -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError("disk I/O error")
    exc.sqlite_errorname = name
    return exc


def test_an_io_error_on_a_full_disk_is_said_to_be_a_full_disk(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(shutil, "disk_usage", lambda p: Usage(600 * 1024, 600 * 1024 - 12, 12))
    message = str(database.explain(_io_error(), tmp_path / "lib.briefbook"))
    assert "is full" in message and "disk I/O error" not in message


def test_an_io_error_with_room_left_is_reported_as_before(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(shutil, "disk_usage", lambda p: Usage(10**12, 10**9, 10**11))
    message = str(database.explain(_io_error("SQLITE_IOERR_READ"), tmp_path / "lib.briefbook"))
    assert "cannot be opened (disk I/O error)" in message


def test_a_save_on_a_full_disk_says_so(tmp_path: Path, monkeypatch) -> None:
    library = Library.create(tmp_path / "lib.briefbook")
    monkeypatch.setattr(shutil, "disk_usage", lambda p: Usage(600 * 1024, 600 * 1024 - 12, 12))

    def failing(*args, **kwargs):
        raise _io_error("SQLITE_IOERR_WRITE")

    said = "The disk is full; your change was not saved"
    with pytest.raises(BriefBookError, match=said), library.transaction():
        failing()
    library.add(Topic(title="Vẫn lưu được"))  # nothing left half-done
