"""``upgrade_due`` reads a change a crash left in the ``-wal``: after an upgrade whose process
was killed before it folded its log into the file, the next open has nothing left to do, and
the window's "Updating your library" must not flash for it (about 60 ms, last note)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from briefbook.library import Library
from briefbook.library.upgrade import upgrade_due

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _crashed_after_upgrade(tmp_path: Path) -> Path:
    """An old library upgraded by a process that died (os._exit) before it closed the library:
    its last changes are in the -wal, not yet folded into the file."""
    crashed = tmp_path / "crashed.briefbook"
    shutil.copy(FIXTURES / "library-0006_meeting_their_positions.briefbook", crashed)
    code = (
        "import os, sys\n"
        "from briefbook.library import Library\n"
        "Library.open(sys.argv[1], backup=False)\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(crashed)], check=True, timeout=120)
    wal = Path(f"{crashed}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    return crashed


def test_an_upgrade_left_in_the_log_is_not_due_again(tmp_path: Path) -> None:
    crashed = _crashed_after_upgrade(tmp_path)
    before = {s: Path(f"{crashed}{s}").read_bytes() for s in ("", "-wal")}
    assert not upgrade_due(crashed)
    assert {s: Path(f"{crashed}{s}").read_bytes() for s in ("", "-wal")} == before  # read only
    with Library.open(crashed, backup=False):  # and the open has nothing to do
        pass


def test_an_old_library_with_a_log_of_its_own_is_still_due(tmp_path: Path) -> None:
    path = tmp_path / "old.briefbook"
    shutil.copy(FIXTURES / "library-0006_meeting_their_positions.briefbook", path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
    conn.commit()
    keep = sqlite3.connect(path)
    keep.execute("SELECT 1").fetchone()
    conn.close()
    assert upgrade_due(path)
    keep.close()
