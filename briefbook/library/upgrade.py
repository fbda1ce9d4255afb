"""The first open of a library after BriefBook was updated: is there work to do, and what it is.

Such an open backs the file up, applies the new schema steps (each in a transaction of
its own, with its record, so that a step cut short by a crash or a closed laptop
leaves the library at the step before, never half-changed) and may compare the search
index with the items. On 100,000 items that takes seconds, so the window and the
command line ask :func:`upgrade_due` first and say what is happening while it runs
(``Library.open(progress=...)`` reports the stages named in :data:`STAGES`).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from briefbook.library.search_index import INDEX_VERSION, INDEX_VERSION_KEY
from briefbook.store.guard import connect
from briefbook.store.schema_check import MIGRATIONS_TABLE, known_migrations

# stage -> what it is, in the words the command line prints (the window has its own)
STAGES = {
    "backup": "saving a copy of it first",
    "migrate": "step {step} of {total}",
    "index": "bringing its search index up to date",
}


def upgrade_due(path: str | Path) -> bool:
    """True if opening ``path`` will update it (new schema steps, or an index made by an earlier
    version). Reads only, on a read-only connection; False for anything it cannot read (the open
    itself then says what is wrong) and for a file that is not writable (it is not updated)."""
    path = Path(path)
    try:
        if not path.is_file() or path.stat().st_size == 0 or not os.access(path, os.W_OK):
            return False
        wal = Path(f"{path}-wal")
        if wal.is_file() and wal.stat().st_size > 0:
            # A log not folded into the file (a process that crashed, or one still open) may hold
            # the upgrade itself: read through it, or the window showed "Updating your library"
            # for an open with nothing left to do (a flash of about 60 ms after a crash).
            try:
                return _due(connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1))
            except sqlite3.Error:
                pass  # (a log without its -shm beside a file that cannot be read so): as below
        # immutable: no -wal or -shm is made beside the file (a refused file keeps no side files).
        return _due(connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, timeout=1))
    except (OSError, sqlite3.Error):
        return False


def _due(conn: sqlite3.Connection) -> bool:
    """Whether the library read by ``conn`` has schema steps or an index version to take; closes it."""
    try:
        applied = {
            row[0]
            for row in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = 'briefbook'")
        }
        if set(known_migrations()) - applied:
            return True
        row = conn.execute("SELECT value FROM settings WHERE key = ?", [INDEX_VERSION_KEY]).fetchone()
        return row is None or row[0] != INDEX_VERSION
    finally:
        conn.close()


def describe(stage: str, done: int, total: int) -> str:
    """One line for the command line ("" once the steps are done): "Updating your library to this
    version of BriefBook: step 2 of 3…"."""
    if stage == "migrate" and done >= total:
        return ""
    what = STAGES.get(stage, stage).format(step=done + 1, total=total)
    return f"Updating your library to this version of BriefBook: {what}…"
