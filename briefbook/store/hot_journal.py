"""A hot rollback journal: a change a stopped program left half-done, undone safely.

SQLite undoes such a change (plays the ``-journal`` back into the file) the
first time the file is opened for writing. The journal is as untrusted as the
file: it could put triggers into the schema. So the undo is first done on a
private copy of both files, which is checked like any library (damage, schema);
only when the result is a healthy library is the original rolled back, which is
exactly what SQLite would do. Otherwise the file is refused and left as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefbook.errors import HostileLibraryError, LibraryFileError
from briefbook.store.guard import harden
from briefbook.store.schema_check import file_problems

SIDE_FILES = ("-wal", "-journal")  # never -shm: SQLite rebuilds it from the -wal


@contextmanager
def private_copy(path: Path) -> Iterator[Path]:
    """A copy of the library and its side files in a temporary folder, removed afterwards.

    Read with plain file reads: only call this while SQLite does not have ``path`` open
    in this process (see :mod:`briefbook.store.database` on POSIX locks).
    """
    with tempfile.TemporaryDirectory(prefix="briefbook-copy-") as tmp:
        copy = Path(tmp) / "library.briefbook"
        shutil.copyfile(path, copy)
        for suffix in SIDE_FILES:
            side = Path(f"{path}{suffix}")
            if side.is_file():
                shutil.copyfile(side, f"{copy}{suffix}")
        yield copy


def roll_back_hot_journal(path: Path) -> None:
    """Undo the unfinished change in ``path``-journal, once a copy shows the result is a healthy library."""
    journal = Path(f"{path}-journal")
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise LibraryFileError(
            f"The library {path} was left half-changed by a program that stopped (its unfinished "
            f"change is in {journal.name}), and BriefBook cannot undo that change here because it may "
            "not write to the file. Copy both files to a folder where you can write, and open the "
            "copy. Nothing has been changed."
        )
    with private_copy(path) as copy:
        conn = harden(sqlite3.connect(copy))
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]  # plays the journal back
            _, problems = file_problems(conn) if check == "ok" else ([], [])
        except (sqlite3.DatabaseError, UnicodeDecodeError):  # (a damaged schema's message, not UTF-8)
            check = "unreadable"
        finally:
            conn.close()
    if check != "ok":
        raise LibraryFileError(
            f"The library {path} was left half-changed by a program that stopped, and undoing that "
            f"change (kept in {journal.name}) would not give a readable library. Neither file has "
            "been changed; restore a backup (briefbook backups)."
        )
    if problems:
        raise HostileLibraryError(
            path, [*problems, f"once the unfinished change in {journal.name} is undone"]
        )
    conn = harden(sqlite3.connect(path))
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # SQLite plays it back
    finally:
        conn.close()
