"""``Library.check()``: is the file healthy, in shape, and does its search index say what its items say?

Counts are not enough: an index with the right number of rows can still hold
another text (a file someone edited by hand, or a bug), and then search finds
what is not there and misses what is. So every item's indexed title and text
are compared with what indexing it now would store, in all three tables
(``search_docs``, the word index, the Thai trigram index), and the schema is
compared with the one BriefBook makes (:mod:`briefbook.store.schema_check`).

The check never hangs: SQLite's progress handler interrupts any statement once
the time limit has passed, and the Python loops look at the clock too; the
answer then says the check did not finish.
"""

from __future__ import annotations

import sqlite3
import time
from typing import TYPE_CHECKING

from briefbook.library.records import RECORD_TYPES
from briefbook.store import search as fts
from briefbook.store.schema_check import file_problems

if TYPE_CHECKING:
    from briefbook.library.api import Library

_RANK = "bm25(10.0, 1.0)"
MAX_LISTED = 20  # index differences named one by one; the rest are counted
_BATCH = 2000  # items folded together (fold_many): fast, and the clock is looked at between batches


class _OutOfTime(Exception):
    pass


def check_library(lib: Library, *, rebuild_index: bool, time_limit: float) -> list[str]:
    deadline = time.monotonic() + time_limit
    conn = lib.db.conn

    def too_long() -> int:
        return 1 if time.monotonic() > deadline else 0

    conn.set_progress_handler(too_long, 10_000)
    try:
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [f"broken link in {r[0]}" for r in conn.execute("PRAGMA foreign_key_check")]
        except sqlite3.DatabaseError as exc:
            if "interrupt" in str(exc).lower():
                raise
            return [f"the file is damaged ({exc}); restore a backup (briefbook backups)"]
        _applied, differences = file_problems(conn)
        problems += [f"schema: {d}" for d in differences]
        if rebuild_index:
            lib.rebuild_index()
        elif not differences:
            try:
                problems += _index_problems(lib, deadline)
            except sqlite3.DatabaseError as exc:
                if "interrupt" in str(exc).lower():
                    raise
                problems += [
                    f"the search index is damaged ({exc}); 'briefbook check --rebuild-index' rebuilds it"
                ]
    except (sqlite3.OperationalError, _OutOfTime) as exc:
        if isinstance(exc, sqlite3.OperationalError) and "interrupt" not in str(exc).lower():
            raise
        problems = [f"the check did not finish within {time_limit:g} seconds (the file may be very large)"]
    finally:
        conn.set_progress_handler(None, 0)
    return problems


def _index_problems(lib: Library, deadline: float) -> list[str]:
    from briefbook.library.api import index_body

    db = lib.db
    docs = {
        item_id: (rowid, kind, title, body)
        for rowid, kind, item_id, title, body in db.execute(
            "SELECT rowid, kind, item_id, title, body FROM search_docs"
        )
    }
    words = {r[0]: (r[1], r[2]) for r in db.execute("SELECT rowid, title, body FROM search_words")}
    trigrams = {r[0]: r[1] for r in db.execute("SELECT rowid, text FROM search_trigrams")}
    wrong: list[str] = []
    seen_rowids: set[int] = set()
    for cls in RECORD_TYPES.values():
        records = lib.list(cls)
        for start in range(0, len(records), _BATCH):
            if time.monotonic() > deadline:
                raise _OutOfTime
            batch = [(r, r.display_name, index_body(r)) for r in records[start : start + _BATCH]]
            folded = fts.indexed_texts_many([(title, body) for _r, title, body in batch])
            for (record, want_title, want_body), (folded_title, folded_body, unspaced) in zip(
                batch, folded, strict=True
            ):
                label = f"{cls.LABEL.lower()} {record.id}"
                entry = docs.pop(record.id, None)
                if entry is None:
                    wrong.append(f"the search index does not hold the {label}")
                    continue
                rowid, kind, title, body = entry
                seen_rowids.add(rowid)
                if (kind, title, body) != (record.KIND, want_title, want_body):
                    wrong.append(f"the search index holds another text for the {label}")
                elif words.get(rowid) != (folded_title, folded_body):
                    wrong.append(f"the word index holds another text for the {label}")
                elif trigrams.get(rowid, "") != unspaced:
                    wrong.append(f"the Thai index holds another text for the {label}")
    wrong += [f"the search index holds an item that is not in the library ({i})" for i in docs]
    stray = (set(words) | set(trigrams)) - seen_rowids - {e[0] for e in docs.values()}
    if stray:
        wrong.append(f"the word or Thai index holds {len(stray)} entries of no item")
    config = dict(db.execute("SELECT k, v FROM search_words_config").fetchall())
    if config.get("rank") != _RANK:
        wrong.append("the search index's ranking setting was changed")
    if not lib.read_only:
        for table in ("search_words", "search_trigrams"):
            try:  # FTS5's own check: its index agrees with the text it holds
                db.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                if "interrupt" in str(exc).lower():
                    raise
                wrong.append(f"the search index '{table}' is damaged ({exc})")
    if len(wrong) > MAX_LISTED:
        wrong = [*wrong[:MAX_LISTED], f"and {len(wrong) - MAX_LISTED} more differences in the search index"]
    if wrong:
        wrong.append("'briefbook check --rebuild-index' rebuilds the index from the items")
    return wrong
