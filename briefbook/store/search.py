"""The full-text index: diacritic-insensitive words, and trigrams for Thai.

We fold text ourselves (:func:`briefbook.text.fold`: lower case, accents off,
đ → d) before it reaches FTS5, because ``remove_diacritics`` alone leaves đ
alone and misses NFD input. ``search_docs`` keeps the original title and text
for snippets; ``search_words`` (unicode61) and ``search_trigrams`` (only the
runs of Thai and other unspaced scripts) share its rowid.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from briefbook.shared_methods import dataclass
from briefbook.text import fold, fold_many, fold_with_map, has_unspaced_script

if TYPE_CHECKING:
    from briefbook.store.connection import Database

MARK_START = "["
MARK_END = "]"

_UNSPACED_CHARS = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"


# Compiled on first use (a command that only writes an item, as an export does, needs at most
# the first; the three cost 2 ms to compile: big ranges are expanded one code point at a time).
@functools.cache
def _unspaced_run() -> re.Pattern[str]:
    return re.compile(f"[{_UNSPACED_CHARS}]+")


@functools.cache
def _word() -> re.Pattern[str]:
    """Thai vowel and tone marks are not \\w: a word is \\w or any unspaced-script character."""
    return re.compile(rf"[\w{_UNSPACED_CHARS}]+")


@functools.cache
def _operators() -> re.Pattern[str]:
    return re.compile(r"\b(?:AND|OR|NOT|NEAR)\b")


# Bounds that keep an absurd query (a page pasted into the search field, one word
# repeated 8,000 times) as cheap as a sensible one: repeated terms count once, a query
# searches its first MAX_TERMS different terms, and a term its first MAX_TERM_CHARS
# characters (no word or name is longer; the index matches the rest as a prefix).
MAX_TERMS = 16
MAX_TERM_CHARS = 48
MAX_QUERY_CHARS = 2000  # only this much of the input is read at all
# Ranking costs a pass over every match: beyond this many (a one-letter prefix matches
# most of a big library), the newest matches are shown instead of the best ones.
RANKED_UP_TO = 20_000


@dataclass
class Match:
    """One search hit: the item it names, its title and the text shown under it."""

    kind: str
    item_id: str
    title: str
    body: str
    rank: float


def indexed_texts(title: str, body: str) -> tuple[str, str, str]:
    """What the index holds for an item: folded title, folded body, unspaced-script runs ("" if none)."""
    # Folding works character by character, so the runs of title + body are those of
    # the folded title and body: each text is folded once.
    folded_title, folded_body = fold(title), fold(body)
    return folded_title, folded_body, _unspaced_runs(folded_title, folded_body)


def indexed_texts_many(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """:func:`indexed_texts` of many (title, body) pairs at once (faster: see ``fold_many``)."""
    folded = fold_many([text for pair in items for text in pair])
    titles, bodies = folded[0::2], folded[1::2]
    return [(t, b, _unspaced_runs(t, b)) for t, b in zip(titles, bodies, strict=True)]


def _unspaced_runs(folded_title: str, folded_body: str) -> str:
    if folded_title.isascii() and folded_body.isascii():  # a flag, not a scan: most folded text
        return ""
    return " ".join(_unspaced_run().findall(folded_title + " " + folded_body))


def index_item(db: Database, kind: str, item_id: str, title: str, body: str) -> int:
    """Put one item in the index, replacing what was there for it; returns its entry's rowid."""
    remove_item(db, item_id)
    cur = db.execute(
        "INSERT INTO search_docs (kind, item_id, title, body) VALUES (?, ?, ?, ?)",
        [kind, item_id, title, body],
    )
    rowid = cur.lastrowid
    folded_title, folded_body, unspaced = indexed_texts(title, body)
    db.execute(
        "INSERT INTO search_words (rowid, title, body) VALUES (?, ?, ?)", [rowid, folded_title, folded_body]
    )
    if unspaced:
        db.execute("INSERT INTO search_trigrams (rowid, text) VALUES (?, ?)", [rowid, unspaced])
    return rowid


def remove_item(db: Database, item_id: str) -> None:
    row = db.execute("SELECT rowid FROM search_docs WHERE item_id = ?", [item_id]).fetchone()
    if row is None:
        return
    db.execute("DELETE FROM search_words WHERE rowid = ?", [row[0]])
    db.execute("DELETE FROM search_trigrams WHERE rowid = ?", [row[0]])
    db.execute("DELETE FROM search_docs WHERE rowid = ?", [row[0]])


def clear_index(db: Database) -> None:
    """Empty the search index. The full-text tables are dropped and made again from their own
    definitions in the file, with their settings: deleting every row of an FTS5 table writes
    a delete marker per row, so a rebuilt index kept the old one's markers beside the new rows
    (the word index of 100,000 items went from 87 to 163 MB, the file from 260 to 348 MB)."""
    for table in ("search_words", "search_trigrams"):
        (sql,) = db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
        ).fetchone()
        # Its settings too (the ranking's weights): FTS5 keeps them in the table's own shadow table.
        config = db.execute(f"SELECT k, v FROM {table}_config WHERE k != 'version'").fetchall()
        db.execute(f"DROP TABLE {table}")
        db.execute(sql)
        for key, value in config:
            db.execute(f"INSERT INTO {table}({table}, rank) VALUES (?, ?)", [key, value])
    db.execute("DELETE FROM search_docs")


def query_terms(query: str) -> tuple[list[str], list[str]]:
    """Split user input into folded word terms and unspaced-script terms.

    Anything that is not a word character is a separator, so FTS5 syntax in the
    input (quotes, ``-``, ``*``, ``(``, ``AND``) can never reach the engine as syntax.
    Bounded (see :data:`MAX_TERMS`): each term once, in the order typed, except that the
    last word, the one being typed, stays last; so the cost of a query never grows with
    repetition or with the length of what was pasted.
    """
    query = query[:MAX_QUERY_CHARS]
    # People paste FTS-style queries; "AND", "OR", "NOT" in capitals are meant as glue, not words.
    stripped = _operators().sub(" ", query)
    folded = fold(stripped if stripped.strip() else query)
    words: list[str] = []
    unspaced: list[str] = []
    for token in _word().findall(folded):
        if has_unspaced_script(token):
            unspaced.extend(_unspaced_run().findall(token))
            rest = _unspaced_run().sub(" ", token).split()
            words.extend(rest)
        else:
            words.append(token)
    words = [w[:MAX_TERM_CHARS] for w in words]
    last = words[-1:]
    whole = [w for w in dict.fromkeys(words[:-1]) if w not in last][: MAX_TERMS - len(last)]
    unspaced = list(dict.fromkeys(t[:MAX_TERM_CHARS] for t in unspaced))[:MAX_TERMS]
    return whole + last, unspaced


def search(db: Database, query: str, *, limit: int = 50, kinds: tuple[str, ...] | None = None) -> list[Match]:
    """Ranked matches for ``query``: every word must match; the last one as a prefix."""
    words, unspaced = query_terms(query)
    if not words and not unspaced:
        return []
    clauses: list[str] = []
    params: list[object] = []
    # With words, the index is the outer table: name its rowid (search_docs may be joined).
    rowid = "search_words.rowid" if words else "rowid"
    for term in unspaced:
        if len(term) >= 3:
            clauses.append(f"{rowid} IN (SELECT rowid FROM search_trigrams WHERE search_trigrams MATCH ?)")
            params.append('"' + term + '"')
        else:  # the trigram index needs three characters; short Thai terms scan
            clauses.append(f"{rowid} IN (SELECT rowid FROM search_trigrams WHERE text LIKE ?)")
            params.append("%" + term.replace("%", "").replace("_", "") + "%")
    kind_join = ""
    if kinds:
        marks = ", ".join("?" for _ in kinds)
        if words:
            # A join, not "rowid IN (SELECT … kind …)": FTS5 would look that list up one rowid
            # at a time (seconds, or minutes, on 50,000 talking points).
            kind_join = " JOIN search_docs k ON k.rowid = search_words.rowid"
            clauses.append(f"k.kind IN ({marks})")
        else:
            clauses.append(f"kind IN ({marks})")
        params.extend(kinds)
    if words:
        # Every term quoted (\w+ holds no quote) and prefix-matched: input is never FTS syntax.
        # Rank and cut to the limit inside the index first; only the winners are joined to
        # their text (``rank`` is bm25 weighted title 10 : body 1, set in the schema).
        # Only the last word is still being typed: it alone matches as a prefix.
        terms = [f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*']
        match = " AND ".join(terms)
        clauses.insert(0, "search_words MATCH ?")
        params.insert(0, match)
        many = db.execute("SELECT count(*) FROM search_words WHERE search_words MATCH ?", [match]).fetchone()[
            0
        ]
        by = "search_words.rank" if many <= RANKED_UP_TO else "search_words.rowid DESC"
        inner = (
            f"SELECT search_words.rowid FROM search_words{kind_join} "
            f"WHERE {' AND '.join(clauses)} ORDER BY {by} LIMIT ?"
        )
    else:
        inner = f"SELECT rowid FROM search_docs WHERE {' AND '.join(clauses)} LIMIT ?"
    params.append(limit)
    # Two steps: the ranked rowids from the index alone (as cheap as a bare FTS5 query),
    # then the winners' text; the rank is the position in the first list.
    order = [row[0] for row in db.execute(inner, params).fetchall()]
    if not order:
        return []
    marks = ", ".join("?" for _ in order)
    docs = {
        row[0]: row[1:]
        for row in db.execute(
            f"SELECT rowid, kind, item_id, title, body FROM search_docs WHERE rowid IN ({marks})", order
        )
    }
    return [Match(*docs[rowid], float(rank)) for rank, rowid in enumerate(order) if rowid in docs]


def documents(db: Database, item_ids: list[str]) -> list[tuple[str, str, str, str]]:
    """(item id, title, text, kind) of the indexed items among ``item_ids`` (for marking extracts later)."""
    out: list[tuple[str, str, str, str]] = []
    for start in range(0, len(item_ids), 500):  # well under SQLite's limit of variables
        chunk = item_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT item_id, title, body, kind FROM search_docs WHERE item_id IN ({marks})"
        out.extend(tuple(row) for row in db.execute(sql, chunk))
    return out


class Highlighter:
    """Marks one query's matches in result texts; the pattern is built once per search."""

    def __init__(self, query: str):
        words, unspaced = query_terms(query)
        # As in the query: whole words, except the last one, which is still being typed.
        parts = [r"(?<!\w)" + re.escape(w) + r"(?!\w)" for w in words[:-1]]
        parts += [r"(?<!\w)" + re.escape(w) + r"\w*" for w in words[-1:]]
        parts += [re.escape(t) for t in unspaced]
        self.pattern = re.compile("|".join(parts)) if parts else None

    def snippet(self, text: str, *, width: int = 160) -> str:
        """A short extract of ``text`` around the first match, matched words marked."""
        folded, origin = fold_with_map(text)
        if not folded:
            return ""
        found = [(m.start(), m.end()) for m in self.pattern.finditer(folded)] if self.pattern else []
        spans = [(origin(s), origin(e - 1) + 1) for s, e in _merge(found) if e > s]
        first = spans[0][0] if spans else 0
        start = max(0, first - width // 3)
        end = min(len(text), start + width)
        if start > 0:  # begin at a word boundary
            space = text.find(" ", start, first) if first > start else -1
            start = space + 1 if space != -1 else start
        out: list[str] = ["…" if start > 0 else ""]
        pos = start
        for s, e in spans:
            if e <= start or s >= end:
                continue
            s, e = max(s, start), min(e, end)
            out.append(text[pos:s])
            out.append(MARK_START + text[s:e] + MARK_END)
            pos = e
        out.append(text[pos:end])
        if end < len(text):
            out.append("…")
        return " ".join("".join(out).split())


def snippet(text: str, query: str, *, width: int = 160) -> str:
    """A short extract of ``text`` around the first match of ``query``, matched words marked."""
    return Highlighter(query).snippet(text, width=width)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged
