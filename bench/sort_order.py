"""What Vietnamese order costs: ``Library.list`` sorted by name through ``sort_key``.

    python bench/sort_order.py [--people 50000]

Fills a library with people named from Vietnamese syllables, then times the
first page (200 rows) of the people list sorted by name: with the key cache
cold (as after opening the library), warm, and the same query with SQLite's
``COLLATE NOCASE`` (the order before Vietnamese collation, for comparison).
Also prints the throughput of :func:`briefbook.collation.sort_key` alone.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefbook.collation import sort_key
from briefbook.library import Library

SYLLABLES = (
    "an anh ba bình chí công đà đảo hà hội lừa mạng nam ngoại giao quốc tế trực tuyến việt xã ơn ưng".split()
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50_000)
    args = parser.parse_args()
    rng = random.Random(1)
    names = [" ".join(rng.choice(SYLLABLES).capitalize() for _ in range(4)) for _ in range(args.people)]
    path = Path(tempfile.mkdtemp(prefix="briefbook-sort-")) / "sort.briefbook"
    library = Library.create(path)
    with library.transaction():
        library.db["people"].insert_all(
            {"id": f"p{i}", "name": name, "created_at": "", "updated_at": ""} for i, name in enumerate(names)
        )
    sort_key.cache_clear()
    start = time.perf_counter()
    library.list("person", order_by="name", limit=200)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    library.list("person", order_by="name", limit=200)
    warm = time.perf_counter() - start
    start = time.perf_counter()
    library.db.execute("SELECT * FROM people ORDER BY name COLLATE NOCASE, rowid LIMIT 200").fetchall()
    nocase = time.perf_counter() - start
    sort_key.cache_clear()
    start = time.perf_counter()
    for name in names:
        sort_key(name)
    per_key = (time.perf_counter() - start) / len(names)
    print(f"{args.people:,} people, first 200 by name in Vietnamese order:")
    print(f"  cold key cache {cold * 1000:.0f} ms, warm {warm * 1000:.0f} ms")
    print(f"  COLLATE NOCASE (not Vietnamese order) {nocase * 1000:.0f} ms")
    print(f"  sort_key alone: {per_key * 1e6:.1f} µs a name ({len(set(names)):,} different names)")
    library.close()


if __name__ == "__main__":
    main()
