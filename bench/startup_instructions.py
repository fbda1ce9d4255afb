"""Start-up in instructions: ours to the first table filled, next to the bare floors, under callgrind.

    python bench/startup_instructions.py [--points 50000] [--skip-big] [--baseline OTHER_CHECKOUT]

Wall times on a shared, loaded machine move by 2x from run to run (``bench/startup.py``
prints them, with medians and the machine's load); the instructions a start executes do
not (about 0.1% between runs). Each case runs once in a fresh process under
``valgrind --tool=callgrind`` (offscreen platform, bytecode written as an installed
BriefBook has it: a first, unmeasured run of each case compiles it), and the child calls
``os.getppid()`` at each step, which callgrind (``--dump-before=getppid``) takes as the end
of a part, so each step is counted on its own:

- ``PySide+app``: Python starting, PySide's QtCore, QtGui and QtWidgets imported and the
  ``QApplication`` made: the same in every case (the child of ``bench/startup.py`` does it too);
- then, for ``bare``, an empty ``QMainWindow`` shown, to the first turn of the event loop;
  for ``bare table``, the same window with a ``QTableView`` over a ``QStandardItemModel`` of
  the first 200 talking points read with ``sqlite3`` (``bench/startup.py``'s floors, the same
  code), to the first turn at which the table holds rows;
- for ours: ``import`` (``briefbook.ui.app``), then ``main`` to the first turn at which the
  first table holds rows ("filled", as ``bench/startup.py`` counts it).

``--baseline OTHER_CHECKOUT`` adds each of our cases run with another checkout's code (say,
``main`` before a change), its rows marked "base".
"× bare" is the whole child's count over the bare window's (the target: 2x); "own" is the
count after ``PySide+app``. Figures in millions of instructions (``Ir``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import os, sys
mode = sys.argv[1]
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1] if mode != "app" else [sys.argv[0], sys.argv[2]])
os.getppid()  # end of "PySide+app"
state = {"shown": False}

def ready():
    if mode == "bare":
        os.getppid()
        return stop()
    if mode == "app":
        window = next((w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"), None)
        view = window.current_view() if window is not None else None
        if view is None or not hasattr(view, "model") or view.model.rowCount() == 0:
            return
    elif table.model() is None or table.model().rowCount() == 0:
        return
    os.getppid()  # end of the last part: the first table holds rows
    stop()

def stop():  # and the process ends as a start that is closed does (what follows is not counted)
    poll.stop()
    app.quit()

poll = QTimer()
poll.setInterval(0)
poll.timeout.connect(ready)
if mode == "bare":
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
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
        conn.close()
        model = QStandardItemModel(len(rows), 4)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                model.setItem(r, c, QStandardItem(value))
        table.setModel(model)
    QTimer.singleShot(0, fill)
else:
    import briefbook.ui.app
    os.getppid()  # end of "import"
poll.start()
if mode == "app":
    briefbook.ui.app.main([sys.argv[0], sys.argv[2]])
else:
    app.exec()
"""

PARTS = {
    "bare": ("PySide+app", "shown"),
    "table": ("PySide+app", "filled"),
    "app": ("PySide+app", "import", "main"),
}


def measure(mode: str, library: Path | None, folder: Path, data_dir: Path, root: Path = ROOT) -> list[int]:
    """The instructions of each part of one run of the child with the code in ``root`` (callgrind)."""
    out = folder / f"callgrind-{mode}"
    for old in folder.glob(f"callgrind-{mode}*"):
        old.unlink()
    if library is not None:  # as a process that ended would leave it: no side files
        for suffix in ("-wal", "-shm"):
            Path(f"{library}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFBOOK_DATA_DIR": str(data_dir)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(root) + os.pathsep + env.get("PYTHONPATH", "")
    args = [sys.executable, "-c", CHILD, mode] + ([str(library)] if library else [])
    valgrind = ["valgrind", "--tool=callgrind", "--dump-before=getppid", f"--callgrind-out-file={out}.%p"]
    result = subprocess.run(valgrind + args, env=env, capture_output=True, text=True, cwd=root, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{result.stderr[-3000:]}")
    parts = sorted(folder.glob(f"callgrind-{mode}.*.*"), key=lambda p: int(p.name.rsplit(".", 1)[1]))
    counts = []
    for part in parts:
        text = part.read_text(errors="replace")
        found = re.search(r"^(?:summary|totals): (\d+)", text, re.M)
        counts.append(int(found.group(1)) if found else 0)
    return counts[: len(PARTS[mode])]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--points", type=int, default=50_000)
    parser.add_argument("--skip-big", action="store_true", help="The demo only (no 50k library).")
    parser.add_argument("--baseline", type=Path, help="Another checkout: our cases run with its code too.")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    sys.path.insert(0, str(ROOT))
    from briefbook.demo.loader import create_demo_library
    from tests.ui.big_library import build_big_library

    with tempfile.TemporaryDirectory(prefix="briefbook-instructions-") as tmp:
        folder = Path(tmp)
        demo = create_demo_library(folder / "demo.briefbook")
        big = None if args.skip_big else build_big_library(folder / "big.briefbook", points=args.points)
        k = f"{args.points // 1000}k"
        cases = {"bare": ("bare", None), "bare table": ("table", big or demo), "demo": ("app", demo)}
        if big is not None:
            cases[k] = ("app", big)
        roots = {name: ROOT for name in cases}
        if args.baseline:
            for name, case in list(cases.items()):
                if case[0] == "app":
                    cases[f"{name} base"] = case
                    roots[f"{name} base"] = args.baseline.resolve()
        results = {}
        for name, (mode, library) in cases.items():
            data_dir = folder / f"data-{name}"
            measure(mode, library, folder, data_dir, roots[name])  # writes the bytecode, the first backup
            results[name] = (mode, measure(mode, library, folder, data_dir, roots[name]))
        bare = sum(results["bare"][1])
        print(f"\nmillions of instructions (callgrind, offscreen, Python {sys.version.split()[0]})")
        print(f"{'case':<12}{'PySide+app':>12}{'import':>9}{'main':>9}{'own':>9}{'total':>9}{'× bare':>8}")
        for name, (mode, counts) in results.items():
            named = dict(zip(PARTS[mode], counts, strict=True))
            own = sum(counts) - named["PySide+app"]
            importing = named.get("import")
            rest = named.get("main", named.get("shown", named.get("filled", 0)))
            print(
                f"{name:<12}{named['PySide+app'] / 1e6:>12.1f}"
                f"{'' if importing is None else f'{importing / 1e6:.1f}':>9}{rest / 1e6:>9.1f}"
                f"{own / 1e6:>9.1f}{sum(counts) / 1e6:>9.1f}{sum(counts) / bare:>7.2f}×"
            )


if __name__ == "__main__":
    main()
