"""Items a book names by their id: chosen by hand for a section or a brief, a statement's
speaker, a person's organisation, an earlier meeting's event.

One deleted since is left out and named in the preflight (:mod:`.gone`); one chosen by
hand that belongs only to other events is said too: the book is about its event, and
the item may have been ticked by mistake.
"""

from __future__ import annotations

from typing import TypeVar

from briefbook.assemble.context import Assembly
from briefbook.errors import NotFound
from briefbook.library import Record

R = TypeVar("R", bound=Record)


def lookup(a: Assembly, cls: type[R], item_id: str) -> R | None:
    """The item with this id, or None (and the preflight's word on it) if it was deleted since.

    Read once per book: a speaker quoted in many briefs, an organisation of many people."""
    found = a.known(cls, item_id)
    if found is not None:
        return found
    try:
        found = a.library.get(cls, item_id)
    except NotFound:  # an item chosen once and deleted since: skip it
        from briefbook.assemble.gone import missing_warning  # (only then: the library's deletes)

        missing_warning(a, item_id)
        return None
    a.remember([found])
    return found


def chosen_item(a: Assembly, cls: type[R], item_id: str) -> R | None:
    """An item the user chose by hand: None if it is gone, and a warning if it is another event's."""
    item = lookup(a, cls, item_id)
    if item is not None:
        a.warn_if_other_event(item)
    return item
