"""Search latency: the Library API against a bare FTS5 query on the same file.

    python bench/search.py [--items 100000] [--keep PATH]

Builds a library of mixed Vietnamese/English items (talking points, statements,
people, topics), then times a set of queries as a user types them: through
``Library.search`` (folding, ranking, snippets) and as a bare
``SELECT rowid ... MATCH ... ORDER BY rank LIMIT 50`` on the same index. Prints
the median of each and their ratio. Targets: median ≤ 20 ms, ≤ 2× the bare query.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import unicodedata
from pathlib import Path

from briefbook.library import Library, Person, Statement, TalkingPoint, Topic
from briefbook.store.search import query_terms

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", type=Path, default=None, help="Build (or reuse) the library here.")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    path = args.keep or folder / "bench.briefbook"
    if not path.exists():
        start = time.perf_counter()
        build(path, args.items)
        took = time.perf_counter() - start
        print(f"built {args.items:,} items in {took:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
    with Library.open(path) as lib:
        lib.search("warm up")
        print(
            f"{'query':22} {'api':>7} {'bare':>7} {'+snip':>7} {'ratio':>6} {'ratio+':>6} {'hits':>5}  (ms)"
        )
        rows = []
        for q in QUERIES:
            words, unspaced = query_terms(q)
            if words:
                match = " AND ".join([f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*'])
                bare_sql = "SELECT rowid FROM search_words WHERE search_words MATCH ? ORDER BY rank LIMIT 50"
                snip_sql = (
                    "SELECT d.kind, d.item_id, d.title, snippet(search_words, 1, '[', ']', '…', 24) "
                    "FROM search_words JOIN search_docs d ON d.rowid = search_words.rowid "
                    "WHERE search_words MATCH ? ORDER BY rank LIMIT 50"
                )
            else:
                match = " AND ".join(f'"{t}"' for t in unspaced)
                bare_sql = "SELECT rowid FROM search_trigrams WHERE search_trigrams MATCH ? LIMIT 50"
                snip_sql = (
                    "SELECT d.kind, d.item_id, d.title, snippet(search_trigrams, 0, '[', ']', '…', 24) "
                    "FROM search_trigrams JOIN search_docs d ON d.rowid = search_trigrams.rowid "
                    "WHERE search_trigrams MATCH ? LIMIT 50"
                )
            api = time_it(lambda q=q: lib.search(q), args.repeat)
            bare = time_it(lambda sql=bare_sql, m=match: lib.db.execute(sql, [m]).fetchall(), args.repeat)
            snip = time_it(lambda sql=snip_sql, m=match: lib.db.execute(sql, [m]).fetchall(), args.repeat)
            rows.append((api, bare, snip))
            hits = len(lib.search(q))
            print(
                f"{q:22} {api * 1e3:7.2f} {bare * 1e3:7.2f} {snip * 1e3:7.2f} "
                f"{api / bare:6.2f} {api / snip:6.2f} {hits:5d}"
            )
        med = [statistics.median(col) for col in zip(*rows, strict=True)]
        print(f"\nmedian latency: api {med[0] * 1e3:.2f} ms (target <= 20 ms)")
        to_bare = statistics.median(r[0] / r[1] for r in rows)
        to_snippet = statistics.median(r[0] / r[2] for r in rows)
        print(f"median of per-query ratios: api / bare rowid query {to_bare:.2f}, ", end="")
        print(f"api / bare query with FTS5 snippet() {to_snippet:.2f} (target <= 2x)")


if __name__ == "__main__":
    main()
