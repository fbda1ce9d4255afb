"""Search latency: the Library API against a bare FTS5 query on the same file, as the window asks.

    python bench/search.py [--items 100000] [--keep PATH] [--repeat 5]

Builds (or reuses, with ``--keep``) a library of 100,000 mixed Vietnamese/English
items with a Zipf vocabulary (talking points, statements, people, topics; a Thai
name among them), then times each query the way a user types it: every prefix,
one key at a time ("l", "lu", "lua", "lua ", "lua d", ...), in two cases the window
uses (``briefbook/ui/search_service.py``):

- ``search``: the search view, ``Library.search(text, limit=200)`` with snippets.
  Floor: the bare FTS5 query for the same terms (every word, the last as a prefix;
  Thai through the trigram index) with FTS5's own ``snippet()``, joined to the
  titles, ``ORDER BY rank LIMIT 200``.
- ``filter``: a table's text filter, ``Library.search(text, limit=500,
  kinds=("talking_point",), snippets=False)``. Floor: the bare FTS5 rowid query
  joined to the kind, ``ORDER BY rank LIMIT 500``.

Each (query, prefix) is timed first on a fresh connection ("cold": SQLite's page
cache empty, the OS cache warm) and then ``--repeat`` times warm, ours and the floor
alternating. Printed: per query, the median over its prefixes; then the median,
the 90th percentile and the worst of every prefix's ratio, naming the worst one
(a median of ratios alone would hide an outlier). Where a query matches more than
``store.search.RANKED_UP_TO`` items our search orders by recency rather than rank
(a one-letter prefix), so it can be cheaper than the ranked floor: such prefixes
are flagged ``*``. Targets: median <= 20 ms, <= 2x the floor.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
import unicodedata
from pathlib import Path

from briefbook.library import Library, Person, Statement, TalkingPoint, Topic
from briefbook.store.search import RANKED_UP_TO, query_terms

WORDS_VI = (
    "lừa đảo trực tuyến tội phạm mạng hợp tác quốc tế công ước Hà Nội bảo hộ công dân chia sẻ thông tin "
    "bằng chứng điện tử Đông Nam Á ASEAN thực thi pháp luật truy tố bảo vệ nạn nhân công nghệ trí tuệ "
    "nhân tạo an ninh mạng viễn thông Bộ Ngoại giao đại sứ quán Thái Lan Myanmar Việt Nam hội nghị "
    "đối tác toàn cầu tuyên bố chung cam kết tập thể phòng ngừa điều tra"
).split()
WORDS_EN = (
    "online scams cybercrime international cooperation convention protection of citizens information "
    "sharing electronic evidence law enforcement prosecution victims technology artificial intelligence "
    "security telecommunications ministry embassy partnership declaration commitment prevention"
).split()
NAMES = [
    "Lê Anh Tuấn",
    "Phạm Thu Hằng",
    "สีหศักดิ์ พวงเกตุแก้ว",
    "Delphine Schantz",
    "António Guterres",
    "Volker Türk",
]

QUERIES = [
    "lua dao",
    "tuan",
    "Dong Nam A",
    "Guter",
    "cong uoc ha noi",
    "bằng chứng điện tử",
    "พวงเกตุ",
    "electronic evidence",
    "bao ho cong dan",
    "thuc thi phap luat",
    "cyber",
    "hop tac quoc te",
]


ONSETS = "b c ch d đ g gi h k kh l m n ng nh p ph qu r s t th tr v x".split()
RHYMES = (
    "a ai am an ang anh ao au ay e em en eo i ia im in inh iu o oa oai oan oc oi om on ong u ua ui um un ung"
)
RHYMES = [*RHYMES.split(), "uy"]
TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    """Words ranked by frequency: the domain's words spread among synthetic Vietnamese ones.

    A real library has thousands of distinct words with a Zipf distribution; a
    vocabulary of a few dozen would make every query match half the library.
    """
    synthetic = set()
    while len(synthetic) < size:
        syllables = [
            rng.choice(ONSETS) + rng.choice(RHYMES) + rng.choice(TONES) for _ in range(rng.choice((1, 2)))
        ]
        synthetic.add(unicodedata.normalize("NFC", " ".join(syllables)))
    words = sorted(synthetic)
    rng.shuffle(words)
    for i, word in enumerate(WORDS_VI + WORDS_EN):
        words.insert(20 + i * 37, word)  # common, but not the commonest
    return words


PHRASES = [
    "lừa đảo trực tuyến",
    "Công ước Hà Nội",
    "bảo hộ công dân",
    "thực thi pháp luật",
    "hợp tác quốc tế",
    "bằng chứng điện tử",
    "Đông Nam Á",
    "electronic evidence",
    "cybercrime",
]


def sentence(rng: random.Random, vocab: list[str], weights: list[float], n: int) -> str:
    """Zipf-distributed words, with a domain phrase now and then (phrases co-occur in real text)."""
    words = rng.choices(vocab, weights, k=n)
    for _ in range(rng.choice((0, 0, 1, 2))):
        words.insert(rng.randrange(len(words) + 1), rng.choice(PHRASES))
    return " ".join(words).capitalize() + "."


def build(path: Path, items: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(vocab))]

    def text(n: int) -> str:
        return sentence(rng, vocab, weights, n)

    with Library.create(path) as lib, lib.transaction():
        topics = [lib.add(Topic(title=text(4), background=text(40))) for _ in range(200)]
        for name in NAMES:
            lib.add(Person(name=name, position=text(5), biography=text(60)))
        for i in range(items - len(topics) - len(NAMES)):
            if i % 4 == 0:
                lib.add(Statement(speaker_name=rng.choice(NAMES), date="2025-11-06", text=text(50)))
            else:
                lib.add(TalkingPoint(topic_id=rng.choice(topics).id, text=text(30)))


def time_it(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def prefixes(query: str) -> list[str]:
    """What the search field holds after each key press (a space alone is not searched)."""
    return [query[:n] for n in range(1, len(query) + 1) if query[:n].strip()]


def floor_sql(text: str, case: str) -> tuple[str, str, str] | None:
    """The bare FTS5 query that answers ``text`` for the case, its MATCH expression and table."""
    words, unspaced = query_terms(text)
    if words:
        match = " AND ".join([f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*'])
        table, column = "search_words", 1
    elif unspaced:
        match = " AND ".join(f'"{t}"' for t in unspaced if len(t) >= 3)
        if not match:
            return None
        table, column = "search_trigrams", 0
    else:
        return None
    if case == "search":
        sql = (
            f"SELECT d.kind, d.item_id, d.title, snippet({table}, {column}, '[', ']', '…', 24) "
            f"FROM {table} JOIN search_docs d ON d.rowid = {table}.rowid "
            f"WHERE {table} MATCH ? ORDER BY rank LIMIT 200"
        )
    else:
        sql = (
            f"SELECT {table}.rowid FROM {table} JOIN search_docs d ON d.rowid = {table}.rowid "
            f"WHERE {table} MATCH ? AND d.kind = 'talking_point' ORDER BY rank LIMIT 500"
        )
    return sql, match, table


CASES = {
    "search": lambda lib, text: lib.search(text, limit=200),
    "filter": lambda lib, text: lib.search(text, limit=500, kinds=("talking_point",), snippets=False),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, default=None, help="Build (or reuse) the library here.")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    path = args.keep or folder / "bench.briefbook"
    if not path.exists():
        start = time.perf_counter()
        build(path, args.items)
        took = time.perf_counter() - start
        print(f"built {args.items:,} items in {took:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
    print(f"load before: {os.getloadavg()[0]:.2f}")
    for case, ours in CASES.items():
        print(f"\n{case}: {'query':20} {'ours':>7} {'floor':>7} {'ratio':>6} {'cold':>7} {'floor':>7}  (ms)")
        ratios: list[tuple[float, str]] = []
        warm_ours: list[float] = []
        for q in QUERIES:
            rows = []
            for text in prefixes(q):
                bare = floor_sql(text, case)
                if bare is None:
                    continue
                sql, match, table = bare
                with Library.open(path, backup=False) as lib:  # cold: a new connection

                    def mine(lib=lib, text=text, ours=ours) -> object:
                        return ours(lib, text)

                    def bare_query(lib=lib, sql=sql, match=match) -> object:
                        return lib.db.execute(sql, [match]).fetchall()

                    cold, cold_floor = time_it(mine, 1), time_it(bare_query, 1)
                    a, b = [], []
                    for _ in range(args.repeat):  # alternating, so load hits both alike
                        a.append(time_it(mine, 1))
                        b.append(time_it(bare_query, 1))
                    count = f"SELECT count(*) FROM {table} WHERE {table} MATCH ?"
                    many = lib.db.execute(count, [match]).fetchone()[0]
                warm, floor = statistics.median(a), statistics.median(b)
                flag = "*" if many > RANKED_UP_TO else ""
                rows.append((warm, floor, cold, cold_floor))
                ratios.append((warm / floor, f"{text!r}{flag}"))
                warm_ours.append(warm)
            if not rows:
                continue
            med = [statistics.median(col) for col in zip(*rows, strict=True)]
            print(
                f"{'':8}{q:20} {med[0] * 1e3:7.2f} {med[1] * 1e3:7.2f} {med[0] / med[1]:6.2f} "
                f"{med[2] * 1e3:7.2f} {med[3] * 1e3:7.2f}"
            )
        values = sorted(r for r, _ in ratios)
        worst = max(ratios)
        p90 = values[min(len(values) - 1, int(0.9 * len(values)))]
        print(
            f"{case}: {len(ratios)} prefixes; ours median {statistics.median(warm_ours) * 1e3:.2f} ms, "
            f"worst {max(warm_ours) * 1e3:.2f} ms; ratio to the floor: "
            f"median {statistics.median(values):.2f}, p90 {p90:.2f}, worst {worst[0]:.2f} ({worst[1]})"
        )
    print(f"\nload after: {os.getloadavg()[0]:.2f}  (* = more than {RANKED_UP_TO:,} hits: ours by recency)")


if __name__ == "__main__":
    main()
