"""Ids as users paste them: without what e-mail, chat and Word add to them.

An id copied from ``list``, ``show`` or the window's "Copy link" may come back holding a
zero-width space, a direction mark or a tab, or in capitals; such an id read "There is no
item with id ..." though the item was there, and the message looked right.
"""

from __future__ import annotations

import unicodedata

_HEX = frozenset("0123456789abcdef")


def _is_uuid(text: str) -> bool:
    """In the shape BriefBook's ids have (``str(uuid.uuid4())``: 8-4-4-4-12 lower-case hex)."""
    parts = text.split("-")
    return [len(p) for p in parts] == [8, 4, 4, 4, 12] and all(c in _HEX for p in parts for c in p)


def _invisible(c: str) -> bool:
    return c.isspace() or unicodedata.category(c) in ("Cf", "Cc")


def _unlinked(kept: str) -> str:
    """An id without the link around it: ``briefbook:ID``, or ``<briefbook://item/ID>`` as a
    mail program or Word writes a pasted link (the forms the window's search field opens)."""
    if kept.startswith("<") and kept.endswith(">"):
        kept = kept[1:-1]
    for prefix in ("briefbook://item/", "briefbook:"):
        if kept.startswith(prefix):
            return kept[len(prefix) :]
    return kept


def as_typed_id(item_id: str) -> str:
    """The id a user most likely meant: without spaces and invisible characters (a zero-width
    space or a direction mark), without a copied link's ``briefbook:``, in lower case as
    BriefBook writes its ids. Looked up only when the id as given is not found (an id someone
    chose, in capitals, is still found as it is)."""
    kept = "".join(c for c in item_id if not _invisible(c))
    return _unlinked(kept).lower()


def typed_id(item_id: str) -> str:
    """The id for a lookup: without spaces, invisible characters and ``briefbook:``; an id in
    BriefBook's own shape (a UUID) in lower case; another (chosen in a JSON file) as typed."""
    kept = visible_id(item_id)
    return kept.lower() if _is_uuid(kept.lower()) else kept


def visible_id(item_id: str) -> str:
    """The id without spaces, invisible characters and ``briefbook:``, in the case typed (what
    a record's reference to another item is stored as: its case is the item's own)."""
    return _unlinked("".join(c for c in item_id if not _invisible(c)))


def shown_id(item_id: object) -> str:
    """An id for a message, its invisible characters made visible (``\\u200b``), so that a
    user who pasted one can see why it was not found."""
    return "".join(c if c == " " or not _invisible(c) else f"\\u{ord(c):04x}" for c in str(item_id))
