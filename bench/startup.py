"""Start-up: the window shown and its first table filled, next to two bare PySide6 windows.

    python bench/startup.py [--runs 5] [--points 50000] [--baseline OTHER_CHECKOUT]

Each run is a fresh process (offscreen platform). Times run from just before the
process is started to the first turn of Qt's event loop after the window was shown
("shown") and to the first turn at which the first table holds rows ("filled"); the
memory is the child's peak resident set once the composer has loaded too (VmHWM on
Linux). Cases, interleaved run by run (ours and the floors side by side):

- ``bare``: the floor for "shown": ``QApplication`` and an empty ``QMainWindow``;
- ``bare table``: the floor for "filled": the same window with a ``QTableView`` over
  a ``QStandardItemModel`` holding the first 200 talking points of the 50k library,
  read with ``sqlite3`` (what showing the first table must do, nothing else);
- ``demo``: ``briefbook.ui.app.main`` on the demo library;
- ``50k``: on a library of 50,000 talking points, opened as it is given on the
  command line (the child passes it to ``main``);
- ``50k+backup``: the same library, changed by another process and with no backup
  younger than 10 minutes before every run, so that the window's backup on open is
  due each time: every run pays it (it runs off the GUI thread).

The children may write bytecode (``PYTHONDONTWRITEBYTECODE`` is removed from their
environment): an installed BriefBook has its ``.pyc`` files, and a machine that
compiles every module on every start (this one sets the variable) would time the
compiler. Every run counts (no round is dropped: the first run pays a cold disk cache, as a
user's first start does); the figures are medians, with the worst run beside them.
"CPU filled" is the child's own CPU time (user + system, from its start) at that turn:
on a loaded machine it shows the work, where the wall times show the queue too.
"filled" counts the first turn at which the first table holds rows, whether they were
read before the library opened (:mod:`briefbook.ui.first_page`: the same rows, read with
``sqlite3`` while sqlite-utils has not loaded yet) or after; "open" is the first turn at
which, besides, the library is open (the rows can be chosen and edited). For the bare
floors the two are the same.
``--baseline OTHER_CHECKOUT`` adds each app case run with the code of another checkout
(say, ``main`` before a change), in the same rounds, so that a before and an after are
measured side by side on the same load.

Every round runs each case once, ours, the baseline's and the bare floors, and the order
alternates: forward in even rounds, backward in odd ones, so that neither ours nor the
baseline always runs first (after the other has warmed the disk cache) or last.
"idle" is the machine's noise in that case's runs: right before each run the bench times
a fixed calibration loop (200,000 steps of pure Python); the column is the
median of those times over the quietest one of the whole bench (1.00: as quiet as it
got; 1.5: the runs of that row had a third less of a core). The bare window's spread
(fastest and slowest "shown") is printed under the table: a ratio closer to 1 than that
spread is noise.
"paired" is the median over the rounds of the row's "filled" over the bare window's "shown"
in the same round: a load that changes from round to round weighs on both.
Target: the first table filled within 2x the bare window.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

times = {}

def peak_mib():
    # Linux keeps ru_maxrss across exec (it would report the parent's peak): VmHWM is this process's
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def shown():
    times["shown_at"] = time.time()
    times["shown_cpu"] = time.process_time()

def ready():
    # filled: the first table holds its first page (read before the library opened, or after);
    # open: the library is open too and the table holds the rows it read (usable: editing works)
    window = next((w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"), None)
    if mode == "app":
        view = window.current_view() if window is not None else None
        if view is None or not hasattr(view, "model") or view.model.rowCount() == 0:
            return
    elif mode == "table" and table.model().rowCount() == 0:
        return
    times.setdefault("ready_at", time.time())
    times.setdefault("ready_cpu", time.process_time())
    if mode == "app" and not window.model.is_open:
        return
    times.setdefault("open_at", time.time())
    if mode == "app" and not window._extensions_installed:
        return  # memory is read once the composer has loaded too
    if mode == "app":
        backup = getattr(window, "open_backup", None)
        if backup is not None and backup.is_alive():
            return  # and once the backup on open, if one was due, is done
    times["peak_mib"] = peak_mib()
    print(json.dumps(times), flush=True)
    poll.stop()
    QApplication.instance().quit()

mode = sys.argv[1]
app = QApplication(sys.argv[:1] if mode != "app" else [sys.argv[0], sys.argv[2]])
QTimer.singleShot(0, shown)  # the first turn of the event loop, after show()
poll = QTimer()
poll.setInterval(1)
poll.timeout.connect(ready)
poll.start()
if mode == "bare":
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    app.exec()
elif mode == "table":
    import sqlite3
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView
    window = QMainWindow()
    window.resize(1280, 800)
    table = QTableView()
    window.setCentralWidget(table)
    window.show()
    def fill():
        conn = sqlite3.connect(sys.argv[2])
        rows = conn.execute(
            "SELECT t.title, p.text, p.kind, p.status FROM talking_points p "
            "JOIN topics t ON t.id = p.topic_id ORDER BY t.title, p.position LIMIT 200"
        ).fetchall()
        model = QStandardItemModel(len(rows), 4)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                model.setItem(r, c, QStandardItem(value))
        table.setModel(model)
    QTimer.singleShot(0, fill)
    app.exec()
else:
    from briefbook.ui.app import main
    main([sys.argv[0], sys.argv[2]])
"""


def run_once(
    mode: str, library: Path | None, data_dir: Path, root: Path = ROOT
) -> tuple[float, float, float, float, float]:
    """(seconds to the window shown, to the first table filled, peak MiB, CPU seconds to filled,
    seconds to the library open with the first table filled), with the code in ``root``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFBOOK_DATA_DIR": str(data_dir)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed BriefBook has its bytecode compiled
    env["PYTHONPATH"] = str(root) + os.pathsep + env.get("PYTHONPATH", "")
    args = [sys.executable, "-c", CHILD, mode] + ([str(library)] if library else [])
    started = time.time()
    # ``-c`` puts the working folder first on sys.path: run in ``root`` so its code is the one timed
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, cwd=root)
    if result.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{result.stderr}")
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("{"))
    data = json.loads(line)
    ready = data.get("ready_at", data["shown_at"])
    return (
        data["shown_at"] - started,
        ready - started,
        data["peak_mib"],
        data.get("ready_cpu", data["shown_cpu"]),
        data.get("open_at", ready) - started,
    )


CALIBRATION_STEPS = 200_000  # a fixed amount of pure Python work: its time says how busy the machine is


def calibration_ms() -> float:
    """The time of a fixed loop of pure Python work now: how much of a core the machine leaves us."""
    started = time.perf_counter()
    total = 0
    for i in range(CALIBRATION_STEPS):
        total += i * i % 7
    return (time.perf_counter() - started) * 1000


def round_order(names: list[str], round_number: int) -> list[str]:
    """The cases in the order one round runs them: forward, then backward in the next round."""
    return names if round_number % 2 == 0 else names[::-1]


def make_backup_due(library: Path) -> None:
    """Another process changes the library, and it has no backup: the next open's backup is due."""
    shutil.rmtree(library.parent / f"{library.stem}.backups", ignore_errors=True)
    conn = sqlite3.connect(library)
    with conn:
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('bench', ?)", [str(time.time())])
        conn.execute("UPDATE settings SET value = CAST(value AS INTEGER) + 1 WHERE key = 'changes'")
    conn.close()


def backups_of(library: Path) -> int:
    folder = library.parent / f"{library.stem}.backups"
    return len(list(folder.glob("*.briefbook"))) if folder.is_dir() else 0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--points", type=int, default=50_000)
    parser.add_argument(
        "--skip-big",
        action="store_true",
        help="Only the bare windows and the demo (not the app on the big library).",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        help="Another checkout: each app case runs with its code too, in the same rounds.",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from briefbook.demo.loader import create_demo_library
    from tests.ui.big_library import build_big_library

    with tempfile.TemporaryDirectory(prefix="briefbook-bench-") as tmp:
        folder = Path(tmp)
        demo = create_demo_library(folder / "demo.briefbook")
        started = time.perf_counter()
        big = build_big_library(folder / "big.briefbook", points=args.points)
        due = folder / "due.briefbook"
        shutil.copy(big, due)
        conn = sqlite3.connect(due)  # made long ago: a backup can be due (the interval is 10 minutes)
        with conn:
            conn.execute("UPDATE _sqlite_migrations SET applied_at = '2020-01-01 00:00:00+00:00'")
        conn.close()
        print(f"built a library of {args.points:,} talking points in {time.perf_counter() - started:.1f} s")
        print(f"load before: {os.getloadavg()}")
        k = f"{args.points // 1000}k"
        cases = {"bare": ("bare", None), "bare table": ("table", big), "demo": ("app", demo)}
        cases |= {k: ("app", big), f"{k}+backup": ("app", due)}
        if args.skip_big:
            cases = {n: c for n, c in cases.items() if c[0] != "app" or c[1] == demo}
        roots = {name: ROOT for name in cases}
        if args.baseline:  # each app case right after its own, so both see the same load
            paired: dict[str, tuple[str, Path | None]] = {}
            for name, case in cases.items():
                paired[name] = case
                if case[0] == "app":
                    paired[f"{name} base"] = case
                    roots[f"{name} base"] = args.baseline.resolve()
            cases = paired
        results: dict[str, list[tuple[float, float, float, float, float]]] = {name: [] for name in cases}
        idle: dict[str, list[float]] = {name: [] for name in cases}
        paid = 0
        for round_number in range(args.runs):
            for name in round_order(list(cases), round_number):
                mode, library = cases[name]
                data_dir = folder / f"data-{name}"  # settings persist between runs, as for a user
                if library == due:
                    make_backup_due(due)
                idle[name].append(calibration_ms())
                results[name].append(run_once(mode, library, data_dir, roots[name]))
                if library == due:
                    paid += backups_of(due)
        made = args.runs * (2 if args.baseline else 1)
        print(f"load after: {os.getloadavg()}; runs of {k}+backup that made a backup: {paid} of {made}")
        bare = statistics.median(r[0] for r in results["bare"])
        table = statistics.median(r[1] for r in results["bare table"])
        bare_cpu = statistics.median(r[3] for r in results["bare"])
        print(
            f"\nmedian (worst) of {args.runs} runs "
            f"(offscreen, {sys.platform}, Python {sys.version.split()[0]})"
        )
        print(
            f"{'case':<16}{'shown':>9}{'× bare':>8}{'filled':>16}{'× bare':>8}"
            f"{'× bare table':>14}{'peak RSS':>10}{'CPU filled':>12}{'× bare':>8}{'open':>9}{'× bare':>8}"
            f"{'idle':>7}{'paired':>8}"
        )
        quietest = min(min(times) for times in idle.values())
        for name, runs in results.items():
            shown, ready, memory, cpu, opened = (statistics.median(r[i] for r in runs) for i in range(5))
            worst = max(r[1] for r in runs)
            print(
                f"{name:<16}{shown * 1000:>6.0f} ms{shown / bare:>7.2f}×"
                f"{ready * 1000:>6.0f} ({worst * 1000:>4.0f}) ms{ready / bare:>7.2f}×{ready / table:>13.2f}×"
                f"{memory:>7.0f} MiB{cpu * 1000:>9.0f} ms{cpu / bare_cpu:>7.2f}×"
                f"{opened * 1000:>6.0f} ms{opened / bare:>7.2f}×"
                f"{statistics.median(idle[name]) / quietest:>6.2f}×"
                f"{statistics.median(r[1] / b[0] for r, b in zip(runs, results['bare'], strict=True)):>7.2f}×"
            )
        shown_bare = [r[0] for r in results["bare"]]
        print(
            f"\nbare window shown: fastest {min(shown_bare) * 1000:.0f} ms, "
            f"slowest {max(shown_bare) * 1000:.0f} ms "
            f"({max(shown_bare) / min(shown_bare):.2f}×); calibration loop: quietest {quietest:.1f} ms"
        )


if __name__ == "__main__":
    main()
