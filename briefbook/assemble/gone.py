"""Nothing a book showed disappears without a word: the preflight names what was deleted.

Deleting a person takes them out of the meetings, so a book that printed their
biography yesterday would simply no longer print it. The preflight says so, by
name: every item the book's last export included that is no longer in the
library, every item of the book's event deleted since then, and every item chosen
for the book by hand that was deleted (the library remembers the title of what it
deleted, and what went with it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefbook.assemble.context import PreflightWarning
from briefbook.library.records import RECORD_TYPES
from briefbook.library.uses import deleted_from_event, deleted_names, gone_since_last_export

if TYPE_CHECKING:
    from briefbook.assemble.context import Assembly


def _label(kind: str) -> str:
    cls = RECORD_TYPES.get(kind)
    return cls.LABEL if cls is not None else kind.replace("_", " ").capitalize()


def _deleted(a: Assembly, item_id: str, kind: str, name: str) -> None:
    """Once per item; the warning names no item id (a deleted item cannot be opened)."""
    if item_id in a.gone:
        return
    a.gone.add(item_id)
    a.warnings.append(
        PreflightWarning(
            "deleted_item",
            f"{_label(kind)} “{name}” was in this book and has been deleted; it is left out "
            "(briefbook deleted lists it).",
            kind,
        )
    )


def missing_warning(a: Assembly, item_id: str) -> None:
    """An item chosen by hand is gone: by its name when the library remembers its delete."""
    named = deleted_names(a.library, [item_id]).get(item_id)
    if named is None:
        a.warn("missing_item", f"An item chosen for this book no longer exists ({item_id}).")
    else:
        _deleted(a, item_id, *named)


def gone_warnings(a: Assembly) -> None:
    """What the book showed and has been deleted since, once each, by name: what its last export
    included, and what belonged to its event and was deleted after that export (or, for a book
    never exported, after the book was made: the composer showed it)."""
    exported_at, gone = gone_since_last_export(a.library, a.book.id)
    since = exported_at or a.book.created_at
    for item_id, kind, name in gone + deleted_from_event(a.library, a.book.event_id, since):
        _deleted(a, item_id, kind, name)
