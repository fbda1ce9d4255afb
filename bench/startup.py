"""Start-up time and peak memory of the window, next to a bare PySide6 window.

    python bench/startup.py [--runs 5] [--points 50000]

Each run is a fresh process (offscreen platform). The time is from just before
the process is started to the first turn of Qt's event loop after the main
window was shown; the memory is the child's peak resident set
(after the composer has loaded too; VmHWM on Linux, where ``getrusage`` would include the parent's peak
from before ``exec``; ``resource.getrusage`` elsewhere). Three cases, interleaved run by run:

- bare: ``QApplication`` + an empty ``QMainWindow``, shown;
- demo: ``briefbook.ui.app.main`` on the demo library;
- 50k: ``briefbook.ui.app.main`` on a library of 50,000 talking points.

The figures printed are medians; the target is BriefBook ≤ 2× the bare window.
"""

from __future__ import annotations

import argparse
import json
import os
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

def ready():
    # usable: the library is open and the first table holds its first page
    window = next((w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"), None)
    if mode != "bare":
        view = window.current_view() if window is not None and window.model.is_open else None
        if view is None or not hasattr(view, "model") or view.model.rowCount() == 0:
            return
    times.setdefault("ready_at", time.time())
    if mode != "bare" and not window._extensions_installed:
        return  # memory is read once the composer has loaded too
    times["peak_mib"] = peak_mib()
    print(json.dumps(times), flush=True)
    poll.stop()
    QApplication.instance().quit()

mode = sys.argv[1]
app = QApplication(sys.argv[:1])
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
else:
    from briefbook.ui.app import main
    main([sys.argv[0], sys.argv[2]])
"""


def run_once(mode: str, library: Path | None, data_dir: Path) -> tuple[float, float, float]:
    """(seconds to the window shown, seconds to the first table filled, peak MiB) of one process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFBOOK_DATA_DIR": str(data_dir)}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    args = [sys.executable, "-c", CHILD, mode] + ([str(library)] if library else [])
    started = time.time()
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{result.stderr}")
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("{"))
    data = json.loads(line)
    return data["shown_at"] - started, data["ready_at"] - started, data["peak_mib"]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--points", type=int, default=50_000)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from briefbook.demo.loader import create_demo_library
    from tests.ui.big_library import build_big_library

    with tempfile.TemporaryDirectory(prefix="briefbook-bench-") as tmp:
        folder = Path(tmp)
        demo = create_demo_library(folder / "demo.briefbook")
        started = time.perf_counter()
        big = build_big_library(folder / "big.briefbook", points=args.points)
        print(f"built a library of {args.points:,} talking points in {time.perf_counter() - started:.1f} s")
        cases = {"bare": None, "demo": demo, f"{args.points // 1000}k": big}
        results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in cases}
        for _ in range(args.runs + 1):  # the first round warms the disk cache and is dropped
            for name, library in cases.items():
                data_dir = folder / f"data-{name}"  # settings persist between runs, as for a user
                results[name].append(run_once(name if library is None else "app", library, data_dir))
        bare = statistics.median(r[0] for r in results["bare"][1:])
        print(f"\nmedian of {args.runs} runs (offscreen, {sys.platform}, Python {sys.version.split()[0]})")
        print(
            f"{'case':<6}{'window shown':>14}{'× bare':>8}{'table filled':>14}{'× bare':>8}{'peak RSS':>10}"
        )
        for name, runs in results.items():
            shown, ready, memory = (statistics.median(r[i] for r in runs[1:]) for i in range(3))
            print(
                f"{name:<6}{shown * 1000:>11.0f} ms{shown / bare:>7.2f}×"
                f"{ready * 1000:>11.0f} ms{ready / bare:>7.2f}×{memory:>7.0f} MiB"
            )


if __name__ == "__main__":
    main()
