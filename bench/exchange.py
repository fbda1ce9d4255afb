"""Time exchange packages: export and import of the demo event and of a 500-meeting event.

    python bench/exchange.py [--meetings 500] [--runs 3]

For each event: export a package (cold: the versions table is filled on the
first export), export again (warm), import it into an empty library, and
import it again (everything unchanged). Prints the median of ``--runs`` runs,
the package size and the item count. Uses the 500-meeting library of
bench/export.py (6 talking points, 2 statements, 2 participants per meeting).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from export import build_library

from briefbook.demo.loader import create_demo_library
from briefbook.exchange.packages import export_package, import_package
from briefbook.library import Event, Library


def one_run(source: Path, folder: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    with Library.open(source, backup=False) as lib:
        lib.db.execute("DELETE FROM item_versions")  # a cold start: no versions recorded yet
        lib.db.conn.commit()
        event_id = lib.list(Event)[0].id
        t = time.perf_counter()
        report = export_package(lib, [event_id], folder / "p.bbpkg")
        out["export_cold"] = time.perf_counter() - t
        t = time.perf_counter()
        export_package(lib, [event_id], folder / "p.bbpkg")
        out["export_warm"] = time.perf_counter() - t
    target = folder / "target.briefbook"
    target.unlink(missing_ok=True)
    with Library.create(target) as other:
        other.auto_backup = False
        t = time.perf_counter()
        import_package(other, folder / "p.bbpkg")
        out["import_new"] = time.perf_counter() - t
        t = time.perf_counter()
        plan, _ = import_package(other, folder / "p.bbpkg")
        out["import_again"] = time.perf_counter() - t
        assert plan.summary()["unchanged"] == len(plan.changes)
    out["items"] = report.items
    out["size_kb"] = (folder / "p.bbpkg").stat().st_size / 1024
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        demo = folder / "demo.briefbook"
        create_demo_library(demo)
        big = folder / "big.briefbook"
        build_library(big, args.meetings)
        print("event         items  size_kB  export_cold_s  export_warm_s  import_new_s  import_again_s")
        for name, path in (("demo", demo), (f"{args.meetings} meetings", big)):
            runs = [one_run(path, folder) for _ in range(args.runs)]
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            print(
                f"{name:12}  {med['items']:5.0f}  {med['size_kb']:7.0f}  {med['export_cold']:13.2f}  "
                f"{med['export_warm']:13.2f}  {med['import_new']:12.2f}  {med['import_again']:14.2f}"
            )


if __name__ == "__main__":
    main()
