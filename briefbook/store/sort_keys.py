"""Stored Vietnamese sort keys: an indexed column beside each text field a table is sorted by.

Why: ``ORDER BY sort_key(text)`` calls :func:`briefbook.collation.sort_key` (Python)
once for every row before SQLite can return the first 200; on 75,000 talking points
a click on the "Text" header took 6.7-8.2 s. A key stored beside the text, in an
index, lets SQLite read the first rows in order straight from the index, and read
the next page from where the last one ended (keyset pagination).

SQLite cannot compute the key itself (an expression index or a generated column
would have to call our Python function from the schema, which ``trusted_schema=OFF``
forbids), so the key is written by the Library with the search index entry, on every
write (:func:`store_keys`). A row written by something else (a test's bulk insert, an
older BriefBook copying rows) has ``NULL``: :func:`keys_complete` then says so and the
list falls back to computing the keys, so the order is never wrong, only slower.

What is stored is the key's first ``STORED_BYTES`` bytes (about 32 characters' letters):
the whole key of a 200-character talking point is 1.8 KB, and in its column and its
index it made a 260 MB library of 100,000 items 1.08 GB. A prefix of a key keeps the
order (two texts in one order have their prefixes in that order or equal), so lists
are sorted by the stored prefix, then by ``sort_key`` itself, which SQLite computes
only for the rows whose prefixes are equal, in the few groups a page reaches.

If :mod:`briefbook.collation` ever changes its order, a new migration must compute the
stored keys again (as :func:`add_key_columns` does).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefbook.collation import sort_key
from briefbook.markdown_plain import may_act, sort_text

if TYPE_CHECKING:
    from briefbook.store.connection import Database

STORED_BYTES = 96  # 32 primary weights of 3 bytes: the letters of the first 32 characters

# table -> the text fields whose key is stored (the ones the window's tables sort by).
KEYED: dict[str, tuple[str, ...]] = {
    "talking_points": ("text",),
    "statements": ("text", "occasion"),
    "people": ("name", "position"),
    "organisations": ("name",),
    "topics": ("title",),
    "meetings": ("title", "venue"),
    "events": ("title", "city"),
    "books": ("title",),
}


# The keyed fields that hold Markdown (a talking point's and a statement's text): sorted by
# the text a reader sees (:func:`briefbook.markdown_plain.sort_text`), not by its markup, so
# that "**Thái Lan**" sorts under T, not before every letter. The stored key (its first
# letters as read) decides the order; texts whose stored keys tie are ordered by their whole
# key as written (``sort_key``): reading every tied text again was 0.4 ms a row, and SQLite's
# sorter computes that term for every row it sorts (a CLI list of 5,000 points: 0.8 -> 3.2 s).
# ``markdown_sort_prefix`` in SQL is the stored key itself, for a table whose keys are not
# all stored (:func:`markdown_sort_prefix`): the same order, computed.
READ_AS_TEXT: dict[str, tuple[str, ...]] = {"talking_points": ("text",), "statements": ("text",)}


def markdown_sort_key(text: str | None) -> bytes:
    """The sort key of a Markdown text: of what it reads as."""
    return sort_key(sort_text(text or ""))


def markdown_sort_prefix(text: str | None) -> bytes:
    """The stored key of a Markdown text (``markdown_sort_prefix`` in SQL)."""
    return markdown_sort_key(text)[:STORED_BYTES]


def stored_key(text: str | None, *, markdown: bool = False) -> bytes:
    """The part of ``text``'s sort key that is stored (a prefix: the same order, or a tie)."""
    return (markdown_sort_key(text) if markdown else sort_key(text))[:STORED_BYTES]


def prefix_function(table: str, field: str) -> str | None:
    """The SQL function that computes ``field``'s stored key where it is not stored: ``None`` for
    a name (its whole ``sort_key`` orders it), ``markdown_sort_prefix`` for a Markdown text."""
    return "markdown_sort_prefix" if field in READ_AS_TEXT.get(table, ()) else None


def _is_markdown(table: str, field: str) -> bool:
    return field in READ_AS_TEXT.get(table, ())


def key_column(field: str) -> str:
    """The column that holds ``field``'s sort key."""
    return f"{field}_sort_key"


def is_keyed(table: str, field: str) -> bool:
    return field in KEYED.get(table, ())


def add_key_columns(db: Database) -> None:
    """The migration's work: the columns, their keys computed once, and an index on each."""
    for table, names in KEYED.items():
        for field in names:
            column = key_column(field)
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} BLOB")
            # Keys computed here, not by SQL's sort_key(): the schema check builds a reference
            # library through these migrations on a connection without our functions.
            rows = db.execute(f"SELECT rowid, {field} FROM {table}").fetchall()
            db.conn.executemany(
                f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
                [(stored_key(v, markdown=_is_markdown(table, field)), r) for r, v in rows],
            )
            db.execute(f"CREATE INDEX {table}_{column} ON {table}({column})")


def with_keys(table: str, values: dict) -> dict:
    """``values`` of a new row with its sort keys (a new row is written whole, in one ``INSERT``)."""
    keys = {
        key_column(f): stored_key(values.get(f), markdown=_is_markdown(table, f))
        for f in KEYED.get(table, ())
        if f in values
    }
    return {**values, **keys}


def shorten_keys(db: Database) -> None:
    """Cut keys stored whole (by the first version of ``0008_stored_sort_keys``) to their prefix."""
    for table, names in KEYED.items():
        for field in names:
            column = key_column(field)
            db.execute(
                f"UPDATE {table} SET {column} = substr({column}, 1, ?) WHERE length({column}) > ?",
                [STORED_BYTES, STORED_BYTES],
            )


def read_markdown_keys(db: Database) -> None:
    """Step ``0012``'s work: the stored keys of the Markdown fields computed again from what they
    read as. Only a text with a character Markdown could act on can change (most have none)."""
    for table, names in READ_AS_TEXT.items():
        for field in names:
            column = key_column(field)
            rows = db.execute(f"SELECT rowid, {field}, {column} FROM {table}").fetchall()
            changed = []
            for rowid, text, old in rows:
                if text and may_act(text):
                    key = stored_key(text, markdown=True)
                    if key != old:
                        changed.append((key, rowid))
            db.conn.executemany(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", changed)


def store_keys(db: Database, table: str, item_id: str) -> None:
    """Compute the stored keys of one row again from its text (after any write of it).

    The row is written only when a key differs: an item whose text did not change (or a
    new one, written with :func:`with_keys`) costs one read.
    """
    names = KEYED.get(table, ())
    if not names:
        return
    stored = ", ".join(key_column(f) for f in names)
    row = db.execute(f"SELECT {', '.join(names)}, {stored} FROM {table} WHERE id = ?", [item_id]).fetchone()
    if row is None:
        return
    keys = [stored_key(v, markdown=_is_markdown(table, f)) for f, v in zip(names, row, strict=False)]
    if keys == list(row[len(names) :]):
        return  # not even prepared: an UPDATE is checked by the guard against the table's triggers
    sets = ", ".join(f"{key_column(f)} = ?" for f in names)
    db.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*keys, item_id])


def keys_complete(db: Database, table: str, field: str) -> bool:
    """Whether every row of ``table`` has its stored key for ``field`` (one index probe)."""
    if not is_keyed(table, field):
        return False
    column = key_column(field)
    if column not in _columns(db, table):  # a library not migrated yet (never the case once open)
        return False
    return db.execute(f"SELECT 1 FROM {table} WHERE {column} IS NULL LIMIT 1").fetchone() is None


def _columns(db: Database, table: str) -> set[str]:
    return {row[1] for row in db.execute(f"PRAGMA table_info('{table}')").fetchall()}
