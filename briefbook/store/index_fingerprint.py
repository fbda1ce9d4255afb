"""A fingerprint on every search index entry, so that ``check`` need not fold the whole library again.

The index keeps each item's title and text (``search_docs``) and their folded
copies (``search_words``, ``search_trigrams``). Telling whether those still say
what the item says used to mean recomputing every entry in Python: reading every
item, naming it, folding its text (seconds on 100,000 items). Folding is Python,
so SQL cannot do it; but SQL can tell whether anything changed since BriefBook
wrote an entry. When an entry is written, its fingerprint is computed over

* the item's own fields that its title and text are made of (its *sources*),
* the entry's title and text, and the word and Thai index rows of the same rowid,

by one SQL statement (:func:`fingerprint_select`), and stored in
``search_docs.fingerprint``. ``check`` runs the same statement over every entry
and compares: an item edited without its entry (a stale index), an entry or an
index row changed or lost (damage, a hand edit), an entry of another kind, all
change the fingerprint. Only the entries whose fingerprint differs (or is
missing: written by an earlier version) are compared exactly, in Python, which
names what differs. The fingerprint is a plain hash (BLAKE2b, 16 bytes), not a
secret: it finds damage and mistakes, and the exact comparison of a random sample
on every check is what a forged one would have to get past.

One function hashes, registered on every connection as ``index_fingerprint``:
the values come from SQLite as the bytes it stores (``CAST(... AS BLOB)``), so
nothing is decoded, and writing and checking share the same SQL text.
"""

from __future__ import annotations

import hashlib
import sqlite3

from briefbook.shared_methods import dataclass

FUNCTION = "index_fingerprint"


def fingerprint(*parts: bytes) -> bytes:
    """The hash of ``parts`` in order, joined by NUL (the SQL side passes NULL as ``X'FF'``).

    NUL is never in a stored text (:func:`briefbook.text.clean` removes it) and a lone
    ``\\xff`` is not UTF-8, so two different rows never join to the same bytes; the
    function is as small as it can be, because ``check`` calls it once per entry.
    """
    return hashlib.blake2b(b"\x00".join(parts), digest_size=16).digest()


def register(conn: sqlite3.Connection) -> None:
    """Make ``index_fingerprint(...)`` callable from SQL on ``conn`` (writes and ``check`` use it)."""
    conn.create_function(FUNCTION, -1, fingerprint, deterministic=True)


@dataclass(frozen=True)
class Sources:
    """What one kind's index entries are made of: its table, kind name and the SQL of each source.

    ``columns`` are SQL expressions over the item's row ``i`` (and ``p``, the row of
    ``join``, for a statement's linked speaker); ``join`` is an extra ``LEFT JOIN``.
    """

    table: str
    kind: str
    columns: tuple[str, ...]
    join: str = ""


def _blob(expression: str) -> str:
    return f"ifnull(CAST({expression} AS BLOB), X'FF')"  # the stored bytes: nothing decoded


# The index rows are read from the tables FTS5 keeps them in (``search_words_content``:
# c0 the title, c1 the text; ``search_trigrams_content``: c0), joined by rowid: that is
# what FTS5's own integrity check compares its index with, and a join on the virtual
# tables costs twice as much (a cursor per row). Their shape is part of the schema check.
_INDEX_PARTS = ("d.title", "d.body", "w.c0", "w.c1", "t.c0")


def fingerprint_expression(sources: Sources) -> str:
    """The SQL that computes an entry's fingerprint, over ``i`` (item), ``d``, ``w`` and ``t`` (index)."""
    parts = ["d.kind", "d.item_id", *sources.columns, *_INDEX_PARTS]
    return f"{FUNCTION}({', '.join(_blob(p) for p in parts)})"


def joined(sources: Sources) -> str:
    """``FROM`` every item of the kind, with its index entry and index rows (missing ones as NULL)."""
    return (
        f"FROM {sources.table} i LEFT JOIN search_docs d ON d.item_id = i.id "
        "LEFT JOIN search_words_content w ON w.id = d.rowid "
        f"LEFT JOIN search_trigrams_content t ON t.id = d.rowid {sources.join}"
    )


def store_fingerprints(conn: sqlite3.Connection, sources: Sources, rowid: int | None = None) -> None:
    """Write the fingerprint of the entry ``rowid`` (of every entry of the kind when ``None``).

    Called right after the entry is written, in the same transaction.
    """
    where, params = ("WHERE d.rowid = ?", [rowid]) if rowid is not None else ("", [])
    select = f"SELECT d.rowid, {fingerprint_expression(sources)} {joined(sources)} {where}"
    rows = [row for row in conn.execute(select, params).fetchall() if row[0] is not None]
    conn.executemany("UPDATE search_docs SET fingerprint = ? WHERE rowid = ?", [(fp, r) for r, fp in rows])


def differing(conn: sqlite3.Connection, sources: Sources) -> list[str]:
    """Ids of the kind's items whose entry is missing, has no fingerprint, or a different one."""
    sql = (
        f"SELECT i.id {joined(sources)} "
        f"WHERE d.fingerprint IS NULL OR d.fingerprint IS NOT {fingerprint_expression(sources)}"
    )
    return [row[0] for row in conn.execute(sql)]
