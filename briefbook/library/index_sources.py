"""Which fields of an item its search index entry is made of (the sources of its fingerprint).

An entry's title is the item's ``display_name`` and its text is ``index_body``; both
read only these fields (a statement also reads its linked speaker's name). The
fingerprint (:mod:`briefbook.store.index_fingerprint`) covers them, so an item
changed without its entry is found by ``check``. A test changes every field of
every kind and asserts that each field that changes the entry is listed here.
"""

from __future__ import annotations

from functools import cache

from briefbook.library.records import Record, Statement
from briefbook.store.index_fingerprint import Sources


@cache
def sources_of(cls: type[Record]) -> Sources:
    """The fingerprint's sources for the kind ``cls``: its title and search fields, in field order."""
    used = set(cls.TITLE_FIELDS) | set(cls.SEARCH_FIELDS)
    columns = tuple(f"i.{name}" for name in cls.field_names() if name in used)
    if cls is Statement:  # named after the linked person (speakers.py): the person's name counts
        return Sources(
            cls.TABLE,
            cls.KIND,
            (*columns, "i.speaker_id", "p.name", "p.name_romanised"),
            "LEFT JOIN people p ON p.id = i.speaker_id",
        )
    return Sources(cls.TABLE, cls.KIND, columns)
