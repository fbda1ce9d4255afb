"""The command line on a big library: what a read or a check costs, against a bare SQLite process.

    python bench/cli.py --library PATH [--runs 5] [--cases list show ...]

PATH is a big library (``python bench/search.py --keep PATH`` builds one of 100,000
items, about 260 MB); it is copied first, and the copy is the one timed. Each case
is a fresh process, from just before it is started until it has exited; ours and
its floor run side by side, alternating, and the figures are medians.

Cases and their floors:

- ``list`` (unchanged): ``briefbook list topic``; after an edit: the same, after
  another process changed the library (the case that used to pay a backup).
  Floor: a bare ``python -c`` that opens the file with ``sqlite3`` and runs the
  same ``SELECT`` on ``topics``.
- ``show``: ``briefbook show TOPIC`` (a topic with its talking points). Floor: a bare
  process reading the topic's row and its talking points.
- ``search``: ``briefbook search "lua dao"``. Floor: a bare process running the FTS5
  query (``MATCH``, ``ORDER BY rank LIMIT 20``) and reading the hits' text.
- ``preflight`` and ``export``: of a small book (one meeting, one topic with three
  points, made in the copy before timing), ``export`` to PDF. Floor for both: a bare
  process reading the book's row (what no command can avoid); their target is the
  absolute 0.4 s.
- ``check`` (unchanged, after an edit): ``briefbook check``. Floor: what a correct
  check must do, in a bare process: ``PRAGMA integrity_check``, ``PRAGMA
  foreign_key_check``, FTS5's own ``'integrity-check'`` of both search indexes (that
  each index agrees with the text it holds), and counting the index entries and the
  items. (Until December 2026 the floor left out FTS5's check, which is most of the
  cost of any correct check on this file: that flattered no one, it made the ratio
  look 3x worse than the work it compares.) Ours also checks the schema and that each
  entry says what its item says (see ``briefbook/library/health.py``).
- ``edit``: ``briefbook add topic``, which may pay an automatic backup when one is
  due (at most every 10 minutes). Floor: a bare insert of one row.

Targets: a read-only command at most 0.4 s; ``check`` at most 1.5x its floor.
"""

from __future__ import annotations

import argparse
import os
import resource
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
for t in ("search_words", "search_trigrams"):
    c.execute(f"INSERT INTO {t} ({t}) VALUES ('integrity-check')")
n = c.execute("SELECT count(*) FROM search_docs").fetchone()[0]
tables = ("topics", "talking_points", "statements", "people", "organisations", "events", "meetings", "books")
print(n, sum(c.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables))
"""

BARE_SHOW = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("SELECT * FROM topics WHERE id = ?", [sys.argv[2]]).fetchone()[:2])
points = "SELECT * FROM talking_points WHERE topic_id = ? ORDER BY position"
print(len(c.execute(points, [sys.argv[2]]).fetchall()))
"""

BARE_SEARCH = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute(
    "SELECT d.title, d.body FROM search_docs d WHERE d.rowid IN (SELECT rowid FROM search_words "
    "WHERE search_words MATCH '\\"lua\\" AND \\"dao\\"*' ORDER BY rank LIMIT 20)"
).fetchall()
print(len(rows))
"""

BARE_BOOK = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("SELECT title, sections FROM books WHERE id = ?", [sys.argv[2]]).fetchone()[0])
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


def timed(args: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one process: CPU (user + system) shows the work when the machine is loaded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(args, env=_env(), capture_output=True, text=True, cwd=ROOT)
    took = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{args} failed:\n{result.stdout}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return took, cpu


def ours(library: Path, *command: str) -> list[str]:
    return [sys.executable, "-m", "briefbook", "--library", str(library), *command]


def bare(script: str, library: Path, *args: str) -> list[str]:
    return [sys.executable, "-c", script, str(library), *args]


def small_book(library: Path) -> tuple[str, str]:
    """Make a small book in the copy (untimed): an event, one meeting, one topic of three points.

    Returns (the book's id, a big topic's id for ``show``).
    """

    def run(*command: str) -> str:
        result = subprocess.run(ours(library, *command), env=_env(), capture_output=True, text=True, cwd=ROOT)
        if result.returncode != 0:
            raise SystemExit(f"{command} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout.split()[-1]

    event = run("add", "event", "--set", "title=ກອງປະຊຸມວຽງຈັນ Vientiane talks", "--set", "city=Vientiane")
    meeting = run("add", "meeting", "--set", f"event_id={event}", "--set", "title=Song phương với Lào")
    topic = run("add", "topic", "--set", "title=Hợp tác biên giới")
    for text in ("Việt Nam coi trọng quan hệ đặc biệt.", "ສະບາຍດີ: hợp tác chống lừa đảo.", "Cảm ơn Lào."):
        run("add", "talking_point", "--set", f"topic_id={topic}", "--set", f"text={text}")
    run("link", meeting, topic)
    book = run("book", "new", event, "--ceiling", "Public")
    big_topic = subprocess.run(
        bare(
            "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("
            "'SELECT topic_id FROM talking_points GROUP BY topic_id ORDER BY count(*) DESC').fetchone()[0])",
            library,
        ),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return book, big_topic


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
    parser.add_argument("--cases", nargs="*", help="Only the cases whose name starts with one of these.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefbook-cli-bench-") as tmp:
        library = Path(tmp) / "big.briefbook"
        shutil.copy(args.library, library)
        timed(ours(library, "list", "topic"))  # the first open pays any upgrade of the copy (untimed)
        book, topic = small_book(library)
        out = Path(tmp) / "out.pdf"
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
            "show": (lambda: ours(library, "show", topic), lambda: bare(BARE_SHOW, library, topic), settle),
            "search": (
                lambda: ours(library, "search", "lua dao"),
                lambda: bare(BARE_SEARCH, library),
                settle,
            ),
            "preflight": (
                lambda: ours(library, "preflight", book),
                lambda: bare(BARE_BOOK, library, book),
                settle,
            ),
            "export (small, PDF)": (
                lambda: ours(library, "export", book, "--format", "pdf", "-o", str(out)),
                lambda: bare(BARE_BOOK, library, book),
                settle,
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
        if args.cases:
            cases = {k: v for k, v in cases.items() if any(k.startswith(c) for c in args.cases)}
        timed(ours(library, "list", "topic"))  # warm the disk cache
        results: dict[str, list[tuple[tuple[float, float], tuple[float, float]]]] = {n: [] for n in cases}
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
        print("wall: from start to exit; CPU: user + system of the process (what load does not inflate)")
        print(
            f"{'case':<24}{'ours':>10}{'floor':>10}{'ratio':>8}{'worst ours':>12}"
            f"{'CPU ours':>11}{'CPU floor':>11}{'ratio':>8}"
        )
        for name, runs in results.items():
            wall = [(a[0], b[0]) for a, b in runs]
            cpu = [(a[1], b[1]) for a, b in runs]
            print(
                f"{name:<24}{statistics.median(a for a, _ in wall) * 1000:>7.0f} ms"
                f"{statistics.median(b for _, b in wall) * 1000:>7.0f} ms"
                f"{statistics.median(a / b for a, b in wall):>7.2f}×"
                f"{max(a for a, _ in wall) * 1000:>9.0f} ms"
                f"{statistics.median(a for a, _ in cpu) * 1000:>8.0f} ms"
                f"{statistics.median(b for _, b in cpu) * 1000:>8.0f} ms"
                f"{statistics.median(a / b for a, b in cpu):>7.2f}×"
            )


if __name__ == "__main__":
    main()
