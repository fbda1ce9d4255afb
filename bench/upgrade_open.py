"""The first open of an old library in the window: how long, and how long the window waits.

    python bench/upgrade_open.py --library OLD.briefbook [--old-code DIR] [--rounds 2]

OLD is a library written by an earlier BriefBook, with schema steps or a search index
version to take (say 100,000 items made by ``bench/search.py --keep`` in a checkout of
``4e7cded``: schema 0012 and index version 7, so the open backs it up, applies 0013 and
indexes again the entries that differ, for index version 8; a library already at this
checkout's schema and index measures a plain open). Each round copies it afresh (the copy
is not timed) and opens the copy in a fresh process, interleaved:

- ``ours``: this checkout's main window, offscreen, shown, then ``open_library``;
- ``old``: the same in ``--old-code`` (another checkout, such as the one that wrote OLD);
- ``floor``: ``Library.open`` of the copy in a bare process, no window: the update's own work.

For the windows, a 5 ms heartbeat timer records the longest gap between its ticks
from just before the open until ``open_library`` returns ("worst GUI wait"; it includes
filling the first view once the library is open), the longest while the update itself
runs ("while updating"), and whether the "Updating your library" window was shown. Medians over the rounds,
with the machine's load before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD_WINDOW = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from briefbook.ui.main_window import MainWindow
from briefbook.ui.settings import Settings
window = MainWindow(Settings(Path(sys.argv[2])))
window.show()
app.processEvents()
try:
    from briefbook.ui.upgrade_progress import in_progress
except ImportError:  # the old code has no progress window
    in_progress = lambda: False
gaps, during, last, shown = [0.0], [0.0], [time.perf_counter()], [False]
def tick():
    now = time.perf_counter()
    gaps[0] = max(gaps[0], now - last[0])
    if in_progress():
        during[0] = max(during[0], now - last[0])
    last[0] = now
    if any(w.objectName() == "upgradeProgress" and w.isVisible() for w in app.topLevelWidgets()):
        shown[0] = True
beat = QTimer(); beat.timeout.connect(tick); beat.start(5)
start = time.perf_counter(); last[0] = start
ok = window.open_library(Path(sys.argv[1]))
opened = time.perf_counter() - start
tick()
print(json.dumps({"ok": ok, "open_s": opened, "worst_wait_s": gaps[0], "worst_wait_updating_s": during[0],
                  "progress_shown": shown[0]}))
"""

CHILD_FLOOR = r"""
import json, sys, time
from pathlib import Path
start = time.perf_counter()
from briefbook.library import Library
Library.open(Path(sys.argv[1])).close()
print(json.dumps({"ok": True, "open_s": time.perf_counter() - start, "worst_wait_s": None}))
"""


def run(code_root: Path, child: str, library: Path, work: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(code_root), QT_QPA_PLATFORM="offscreen")
    env["BRIEFBOOK_DATA_DIR"] = str(work / "data")
    out = subprocess.run(
        [sys.executable, "-c", child, str(library), str(work / "settings.ini")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=work,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--old-code", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    cases = [("ours", ROOT, CHILD_WINDOW), ("floor", ROOT, CHILD_FLOOR)]
    if args.old_code:
        cases.insert(1, ("old", args.old_code, CHILD_WINDOW))
    print(f"load before: {load()}")
    results: dict[str, list[dict]] = {name: [] for name, _, _ in cases}
    for round_ in range(args.rounds):
        for name, root, child in cases:
            with tempfile.TemporaryDirectory(dir=args.library.parent) as tmp:
                work = Path(tmp)
                copy = work / "old.briefbook"
                shutil.copyfile(args.library, copy)
                time.sleep(0.5)
                result = run(root, child, copy, work)
                results[name].append(result)
                print(f"round {round_ + 1} {name}: {json.dumps(result)}", flush=True)
    print(f"load after: {load()}")
    print("| case | open (median) | worst GUI wait (median) | while updating (median) | progress window |")
    print("|---|---|---|---|---|")
    for name, rows in results.items():
        opened = statistics.median(r["open_s"] for r in rows)
        waits = [r["worst_wait_s"] for r in rows if r["worst_wait_s"] is not None]
        wait = f"{statistics.median(waits) * 1000:.0f} ms" if waits else "-"
        updating = [r["worst_wait_updating_s"] for r in rows if r.get("worst_wait_updating_s")]
        during = f"{statistics.median(updating) * 1000:.0f} ms" if updating else "-"
        shown = ", ".join(str(r.get("progress_shown", "-")) for r in rows)
        print(f"| {name} | {opened:.2f} s | {wait} | {during} | {shown} |")


if __name__ == "__main__":
    main()
