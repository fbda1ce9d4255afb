"""The command line on a big library: what a read or a check costs, against a bare SQLite process.

    python bench/cli.py --library PATH [--runs 5]

PATH is a big library (``python bench/search.py --keep PATH`` builds one of 100,000
items, about 260 MB); it is copied first, and the copy is the one timed. Each case
is a fresh process, from just before it is started until it has exited; ours and
its floor run side by side, alternating, and the figures are medians.

Cases and their floors:

- ``list`` (unchanged): ``briefbook list topic``; after an edit: the same, after
  another process changed the library (the case that used to pay a backup).
  Floor: a bare ``python -c`` that opens the file with ``sqlite3`` and runs the
  same ``SELECT`` on ``topics``.
- ``check`` (unchanged, after an edit): ``briefbook check``. Floor: a bare process
  running ``PRAGMA integrity_check``, ``PRAGMA foreign_key_check`` and counting the
  search index and the items (what the check must do, nothing else).
- ``edit``: ``briefbook add topic``, which may pay an automatic backup when one is
  due (at most every 10 minutes). Floor: a bare insert of one row.

Targets: a read-only command at most 0.4 s; ``check`` at most 1.5x its floor.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE_LIST = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("SELECT id, title FROM topics ORDER BY title").fetchall()
print(len(rows))
"""

BARE_CHECK = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert [r[0] for r in c.execute("PRAGMA integrity_check")] == ["ok"]
assert c.execute("PRAGMA foreign_key_check").fetchall() == []
n = c.execute("SELECT count(*) FROM search_docs").fetchone()[0]
tables = ("topics", "talking_points", "statements", "people", "organisations", "events", "meetings", "books")
print(n, sum(c.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables))
"""

BARE_EDIT = """
import sqlite3, sys, uuid
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA journal_mode = WAL")
c.execute("PRAGMA synchronous = FULL")
with c:
    c.execute(
        "INSERT INTO settings (key, value) VALUES (?, 'x')", [uuid.uuid4().hex]
    )
"""


def _env() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(args, env=_env(), capture_output=True, text=True, cwd=ROOT)
    took = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{args} failed:\n{result.stdout}\n{result.stderr}")
    return took


def ours(library: Path, *command: str) -> list[str]:
    return [sys.executable, "-m", "briefbook", "--library", str(library), *command]


def bare(script: str, library: Path) -> list[str]:
    return [sys.executable, "-c", script, str(library)]


def edit_elsewhere(library: Path) -> None:
    """Another process changes the library (as the window would): the next command sees a change."""
    subprocess.run(bare(BARE_EDIT, library), check=True, env=_env())


def settle(library: Path) -> None:
    """Unchanged means unchanged: one untimed ``list`` first pays whatever an earlier change costs."""
    timed(ours(library, "list", "topic"))


def backups(library: Path) -> int:
    folder = library.parent / f"{library.stem}.backups"
    return len([p for p in folder.glob("*.briefbook")]) if folder.is_dir() else 0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefbook-cli-bench-") as tmp:
        library = Path(tmp) / "big.briefbook"
        shutil.copy(args.library, library)
        print(f"library: {library.stat().st_size / 1e6:.0f} MB; load before: {os.getloadavg()}")
        cases = {
            "list, unchanged": (
                lambda: ours(library, "list", "topic"),
                lambda: bare(BARE_LIST, library),
                settle,
            ),
            "list, after an edit": (
                lambda: ours(library, "list", "topic"),
                lambda: bare(BARE_LIST, library),
                edit_elsewhere,
            ),
            "check, unchanged": (lambda: ours(library, "check"), lambda: bare(BARE_CHECK, library), settle),
            "check, after an edit": (
                lambda: ours(library, "check"),
                lambda: bare(BARE_CHECK, library),
                edit_elsewhere,
            ),
            "add topic": (
                lambda: ours(library, "add", "topic", "--set", "title=Bench"),
                lambda: bare(BARE_EDIT, library),
                None,
            ),
        }
        timed(ours(library, "list", "topic"))  # warm the disk cache
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        made_before = backups(library)
        for _ in range(args.runs):
            for name, (mine, floor, before) in cases.items():
                if before:
                    before(library)
                a = timed(mine())
                if before:
                    before(library)
                b = timed(floor())
                results[name].append((a, b))
        made = backups(library) - made_before
        print(f"load after: {os.getloadavg()}; backups made during the bench: {made}")
        print(f"\nmedian of {args.runs} runs, each a fresh process (Python {sys.version.split()[0]})")
        print(f"{'case':<24}{'ours':>10}{'floor':>10}{'ratio':>8}{'worst ours':>12}")
        for name, runs in results.items():
            mine = statistics.median(r[0] for r in runs)
            floor = statistics.median(r[1] for r in runs)
            ratio = statistics.median(r[0] / r[1] for r in runs)
            print(
                f"{name:<24}{mine * 1000:>7.0f} ms{floor * 1000:>7.0f} ms{ratio:>7.2f}×"
                f"{max(r[0] for r in runs) * 1000:>9.0f} ms"
            )


if __name__ == "__main__":
    main()
