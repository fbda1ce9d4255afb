"""The fingerprint of what an export of a book is made from: equal fingerprints, same version.

A book's version counts the exports that held something new (see
:meth:`briefbook.library.sync.SyncMixin.record_export`). Hashing the document model
itself would say it best, but costs a quarter of a second at 500 meetings (its repr is
15 MB); everything the document is made of costs about a millisecond to read:

- each item the export included, in the order it printed them, with the hash of its
  stored text and its level (what :func:`briefbook.exchange.changes.included` records);
- the book's own fields (title, cover lines, sections and their choices, template...);
- the export's choices (ceiling, for sharing, drafts, language);
- the links between the event's items that are not fields of an item: participants and
  their roles and order, the delegation, the topics of each meeting and statement;
- each included person's photo (its size and shape: the pixels are re-encoded on input);
- the classification levels and their labels (the banner's words).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import TYPE_CHECKING

from briefbook.library.records import Book

if TYPE_CHECKING:
    from briefbook.library.api import Library

_NOT_CONTENT = {"id", "created_at", "updated_at", "version", "last_export_at"}


def export_fingerprint(
    library: Library, book: Book, included: Iterable[tuple[str, str, str]], choices: dict[str, object]
) -> str:
    """``included``: (item id, hash of its text, level) in the document's order; ``choices``: the
    export's ceiling, sharing, drafts and language as used."""
    digest = hashlib.blake2b(digest_size=16)

    def add(part: object) -> None:
        digest.update(json.dumps(part, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8"))
        digest.update(b"\x1e")

    rows = [list(entry) for entry in included]
    ids = [row[0] for row in rows]
    add(rows)
    add({k: v for k, v in asdict(book).items() if k not in _NOT_CONTENT})
    add(choices)
    in_event = "SELECT id FROM meetings WHERE event_id = ?"
    queries = [
        (
            f"SELECT meeting_id, person_id, role, position FROM meeting_participants WHERE meeting_id IN "
            f"({in_event}) ORDER BY meeting_id, person_id",
            [book.event_id],
        ),
        (
            "SELECT person_id, role, position FROM event_delegation WHERE event_id = ? ORDER BY person_id",
            [book.event_id],
        ),
        (
            f"SELECT meeting_id, topic_id, position FROM meeting_topics WHERE meeting_id IN ({in_event}) "
            "ORDER BY meeting_id, topic_id",
            [book.event_id],
        ),
        (
            "SELECT statement_id, topic_id FROM statement_topics WHERE statement_id IN "
            "(SELECT value FROM json_each(?)) ORDER BY statement_id, topic_id",
            [json.dumps(ids)],
        ),
        (
            "SELECT person_id, length(data), format, width, height FROM photos WHERE person_id IN "
            "(SELECT value FROM json_each(?)) ORDER BY person_id",
            [json.dumps(ids)],
        ),
        ("SELECT * FROM classification_levels ORDER BY rank", []),
    ]
    for sql, params in queries:
        add([list(row) for row in library.db.execute(sql, params).fetchall()])
    return digest.hexdigest()
