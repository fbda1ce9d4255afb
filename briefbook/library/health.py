"""``Library.check()``: is the file healthy, in shape, and does its search index say what its items say?

Counts are not enough: an index with the right number of rows can still hold
another text (a file someone edited by hand, or a bug), and then search finds
what is not there and misses what is. So every item is compared with its
entry in all three tables (``search_docs``, the word index, the Thai trigram
index), and the schema with the one BriefBook makes
(:mod:`briefbook.store.schema_check`).

Recomputing every entry (reading every item, naming it, folding its text in
Python) cost seconds on 100,000 items, several times SQLite's own checks. So the
comparison is in SQL, by each entry's fingerprint (what the item and the entry
held when BriefBook wrote it, :mod:`briefbook.store.index_fingerprint`); only the
entries whose fingerprint differs, and a random sample of the others, are
recomputed in Python, and those name what differs.

The check never hangs: SQLite's progress handler interrupts any statement once
the time limit has passed, and the Python loops look at the clock too; the
answer then says the check did not finish.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import time
from typing import TYPE_CHECKING

from briefbook.invisible import invisible_characters, visible_controls
from briefbook.library.index_sources import sources_of
from briefbook.library.levels import fold_level
from briefbook.library.records import RECORD_TYPES, Record
from briefbook.store import search as fts
from briefbook.store.index_fingerprint import differing, store_fingerprints
from briefbook.store.schema_check import file_problems

if TYPE_CHECKING:
    from briefbook.library.api import Library
    from briefbook.store.connection import Database

_RANK = "bm25(10.0, 1.0)"
MAX_LISTED = 20  # index differences named one by one; the rest are counted
_BATCH = 2000  # items folded together (fold_many): fast, and the clock is looked at between batches
_CHUNK = 500  # ids in one "IN (...)": under SQLite's limit of variables
SAMPLE = 1000  # entries compared exactly on every check, whatever their fingerprint says


class _OutOfTime(Exception):
    pass


def check_library(lib: Library, *, rebuild_index: bool, time_limit: float) -> list[str]:
    """The problems found (empty when healthy), each in words: the check itself never raises on a
    bad file (damage found on the way, bytes that are not text, a file gone or unreadable since
    it was opened), and stops when ``time_limit`` seconds have passed."""
    deadline = time.monotonic() + time_limit
    conn = lib.db.conn

    def too_long() -> int:
        return 1 if time.monotonic() > deadline else 0

    conn.set_progress_handler(too_long, 10_000)
    try:
        moved = _file_moved(lib)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [f"broken link in {r[0]}" for r in conn.execute("PRAGMA foreign_key_check")]
        except sqlite3.DatabaseError as exc:
            if _interrupted(exc):
                raise
            return [*moved, _damaged(exc)]
        problems = moved + problems
        _applied, differences = file_problems(conn)
        problems += [f"schema: {d}" for d in differences]
        if not differences:
            problems += level_problems(conn)
        if rebuild_index:
            lib.rebuild_index()
        elif not differences:
            try:
                problems += _index_problems(lib, deadline)
            except sqlite3.DatabaseError as exc:
                if _interrupted(exc):
                    raise
                problems += [
                    f"the search index is damaged ({exc}); 'briefbook check --rebuild-index' rebuilds it"
                ]
    except _OutOfTime:
        problems = [_out_of_time(time_limit)]
    except sqlite3.DatabaseError as exc:  # met past the integrity check: the schema, the rebuild
        problems = [_out_of_time(time_limit) if _interrupted(exc) else _damaged(exc)]
    except UnicodeDecodeError:
        problems = [_damaged(None)]
    except OSError as exc:
        problems = [
            f"the file could not be read ({exc.strerror or exc}); restore a backup (briefbook backups)"
        ]
    finally:
        conn.set_progress_handler(None, 0)
    return problems


def level_problems(conn: sqlite3.Connection) -> list[str]:
    """Level names and labels that a reader could take for another level, or that hide characters.

    The levels commands refuse both, but a library file edited elsewhere may hold them: two
    levels whose words are the same once case and Unicode form are set aside (a book would
    print them alike, and a level typed could mean either; books print such a label as the
    level's name), or a label with an invisible character (U+202E reverses the banner's text).
    """
    rows = conn.execute("SELECT name, labels FROM classification_levels ORDER BY rank").fetchall()
    words: list[tuple[str, str, str]] = []  # (level, language or "" for its name, the words)
    for name, labels in rows:
        name = str(name or "")
        words.append((name, "", name))
        try:
            found = json.loads(labels or "{}")
        except ValueError:
            found = {}
        if isinstance(found, dict):
            words += [(name, str(lang), str(text)) for lang, text in sorted(found.items())]
    problems = []
    for level, language, text in words:
        hidden = invisible_characters(text)
        if hidden:
            what = f"its {language} label" if language else "its name"
            problems.append(
                f"the classification level '{visible_controls(level)}': {what} "
                f"'{visible_controls(text)}' contains an invisible character ({', '.join(hidden)}); "
                "set it again with 'briefbook levels label' or 'briefbook levels rename'"
            )
    seen: dict[str, str] = {}
    for level, _language, text in words:
        folded = fold_level(text)
        other = seen.setdefault(folded, level) if folded else level
        if other != level:
            problems.append(
                f"the classification levels '{visible_controls(other)}' and '{visible_controls(level)}' "
                f"are both called '{visible_controls(text)}' (case and spelling aside): a reader cannot "
                "tell them apart; give one another label with 'briefbook levels label'"
            )
            seen[folded] = level  # one line per pair
    return list(dict.fromkeys(problems))


def _interrupted(exc: sqlite3.DatabaseError) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "interrupt" in str(exc).lower()


def _out_of_time(time_limit: float) -> str:
    return f"the check did not finish within {time_limit:g} seconds (the file may be very large)"


def _damaged(exc: sqlite3.DatabaseError | None) -> str:
    """Damage in words: SQLite's own few words, or, for text that is not UTF-8 (whose message
    quotes the garbled text itself), that it holds bytes that are not text."""
    said = str(exc) if exc is not None else ""
    if exc is None or "decode" in said.lower() or len(said) > 80:
        said = "it holds bytes that are not text"
    return f"the file is damaged ({said}); restore a backup (briefbook backups)"


def _file_moved(lib: Library) -> list[str]:
    """The file is no longer where it was opened (deleted or replaced meanwhile): what is checked
    is the open copy, which nothing will find again once it is closed."""
    path = lib.path
    if path is None:
        return []
    try:
        if os.path.samefile(path, _open_file(lib)):
            return []
    except OSError:
        pass
    else:
        return []
    return [f"the library file is no longer at {path} (it was moved, replaced or deleted while open)"]


def _open_file(lib: Library) -> str:
    """The file the connection has open (SQLite's own name of it)."""
    row = lib.db.conn.execute("PRAGMA database_list").fetchone()
    return row[2] if row and row[2] else str(lib.path)


def _index_problems(lib: Library, deadline: float) -> list[str]:
    """What differs between the items and their search index entries (empty when they agree).

    In SQL, over every entry: its fingerprint (:mod:`briefbook.store.index_fingerprint`),
    entries of no item and index rows of no entry. In Python, exactly, as indexing would
    make them: the entries whose fingerprint differs or is missing, and a random sample
    of the others (:data:`SAMPLE`), so that a fingerprint which was itself forged or
    made by a mistaken writer is found too when it is more than a few.
    """
    db = lib.db
    conn = db.conn
    suspects: dict[type[Record], set[str]] = {}
    for cls in RECORD_TYPES.values():
        suspects[cls] = set(differing(conn, sources_of(cls)))
        if time.monotonic() > deadline:
            raise _OutOfTime
    kinds = {cls.KIND: cls for cls in RECORD_TYPES.values()}
    for kind, item_id in _sample(db, SAMPLE):
        if kind in kinds:
            suspects[kinds[kind]].add(item_id)
    wrong: list[str] = []
    for cls, ids in suspects.items():
        wrong += [message for _id, message in _compare_exactly(lib, cls, sorted(ids), deadline)]
    # Entries of no item: counted first (cheap), named only when there are some.
    of_items = sum(
        db.execute(f"SELECT count(*) FROM {cls.TABLE} i JOIN search_docs d ON d.item_id = i.id").fetchone()[0]
        for cls in RECORD_TYPES.values()
    )
    if db.execute("SELECT count(*) FROM search_docs").fetchone()[0] != of_items:
        ghosts = [row[0] for row in db.execute(f"SELECT item_id FROM search_docs d WHERE {_OF_NO_ITEM}")]
        wrong += [f"the search index holds an item that is not in the library ({i})" for i in ghosts]
    stray = 0  # index rows of no entry (FTS5 keeps its rows in the table's _content table)
    for table in ("search_words_content", "search_trigrams_content"):
        sql = f"SELECT count(*) FROM {table} WHERE id NOT IN (SELECT rowid FROM search_docs)"
        stray += db.execute(sql).fetchone()[0]
    if stray:
        wrong.append(f"the word or Thai index holds {stray} entries of no item")
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


# An entry whose item is in none of the item tables (ids are unique across kinds).
_OF_NO_ITEM = " AND ".join(
    f"NOT EXISTS (SELECT 1 FROM {cls.TABLE} WHERE id = d.item_id)" for cls in RECORD_TYPES.values()
)


def _sample(db: Database, size: int) -> list[tuple[str, str]]:
    """(kind, item id) of up to ``size`` index entries chosen at random."""
    rowids = [row[0] for row in db.execute("SELECT rowid FROM search_docs")]
    chosen = random.sample(rowids, min(size, len(rowids)))
    found: list[tuple[str, str]] = []
    for start in range(0, len(chosen), _CHUNK):
        chunk = chosen[start : start + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        found += db.execute(
            f"SELECT kind, item_id FROM search_docs WHERE rowid IN ({marks})", chunk
        ).fetchall()
    return found


def _compare_exactly(
    lib: Library, cls: type[Record], ids: list[str], deadline: float
) -> list[tuple[str, str]]:
    """Each of these items against its index entry as indexing it now would make it: (id, what differs)."""
    from briefbook.library.search_index import index_body

    wrong: list[tuple[str, str]] = []
    for start in range(0, len(ids), _BATCH):
        if time.monotonic() > deadline:
            raise _OutOfTime
        chunk = ids[start : start + _BATCH]
        records = lib.get_many(cls, chunk)
        entries = {
            row[0]: row[1:]
            for part in _chunks(chunk)
            for row in lib.db.execute(
                "SELECT d.item_id, d.kind, d.title, d.body, w.title, w.body, t.text FROM search_docs d "
                "LEFT JOIN search_words w ON w.rowid = d.rowid "
                "LEFT JOIN search_trigrams t ON t.rowid = d.rowid "
                f"WHERE d.item_id IN ({', '.join('?' for _ in part)})",
                part,
            )
        }
        batch = [(r, r.display_name, index_body(r)) for r in records]
        folded = fts.indexed_texts_many([(title, body) for _r, title, body in batch])
        for (record, want_title, want_body), (folded_title, folded_body, unspaced) in zip(
            batch, folded, strict=True
        ):
            label = f"{cls.LABEL.lower()} {record.id}"
            entry = entries.get(record.id)
            if entry is None:
                wrong.append((record.id, f"the search index does not hold the {label}"))
                continue
            kind, title, body, words_title, words_body, trigrams = entry
            if (kind, title, body) != (record.KIND, want_title, want_body):
                wrong.append((record.id, f"the search index holds another text for the {label}"))
            elif (words_title, words_body) != (folded_title, folded_body):
                wrong.append((record.id, f"the word index holds another text for the {label}"))
            elif trigrams != (unspaced or None):  # a Thai row only where there is Thai
                wrong.append((record.id, f"the Thai index holds another text for the {label}"))
    return wrong


def _chunks(ids: list[str]) -> list[list[str]]:
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def fingerprint_old_index(lib: Library) -> bool:
    """Give every entry of an index made before fingerprints its fingerprint; ``False`` if it cannot.

    Cheaper than a rebuild, and it leaves the word index as it is (deleting every row of
    an FTS5 table and writing them again doubles its size until FTS5 merges it): each
    entry is compared exactly, an item whose entry differs is indexed again, and then
    every entry's fingerprint is written. An index with entries of no item, or rows of
    no entry, is left to a rebuild (``False``). Runs inside the caller's transaction.
    """
    deadline = time.monotonic() + 3600.0
    db = lib.db
    if db.execute(f"SELECT 1 FROM search_docs d WHERE {_OF_NO_ITEM} LIMIT 1").fetchone():
        return False
    for table in ("search_words", "search_trigrams"):
        if db.execute(f"SELECT 1 FROM {table} WHERE rowid NOT IN (SELECT rowid FROM search_docs)").fetchone():
            return False
    for cls in RECORD_TYPES.values():
        ids = [row[0] for row in db.execute(f"SELECT id FROM {cls.TABLE}")]
        for item_id in dict.fromkeys(i for i, _message in _compare_exactly(lib, cls, ids, deadline)):
            lib._index(lib.get(cls, item_id))
        store_fingerprints(db.conn, sources_of(cls))
    return True
