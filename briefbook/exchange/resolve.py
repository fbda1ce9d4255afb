"""Settling a conflict an import left: keep mine, take theirs, or an edited version of mine."""

from __future__ import annotations

from briefbook.errors import BriefBookError, ValidationError
from briefbook.exchange.content import write_fields, write_links
from briefbook.exchange.merge_apply import hash_here, kept_photo, write_photo
from briefbook.exchange.versions import commit_pending, local_state, next_vid
from briefbook.library import Library
from briefbook.library.records import RECORD_TYPES

KEEP_MINE, TAKE_THEIRS, EDIT = "mine", "theirs", "edit"


def resolve(library: Library, item_id: str, choice: str, edited: dict | None = None) -> None:
    """Settle an item's conflict: keep mine, take theirs, or store an edited version of mine.

    The result is a new version made from both, so the other library takes it
    when it imports the next package from here (and does the same if it chose
    the same content).
    """
    pending = library.conflicts(item_id)
    if not pending:
        raise BriefBookError(f"There is no conflict to resolve for the item {item_id}.")
    if choice not in (KEEP_MINE, TAKE_THEIRS, EDIT):
        raise ValidationError("Choose to keep mine, take theirs or edit.")
    conflict = pending[-1]
    with library.transaction():
        local = local_state(library, conflict.kind, item_id)
        commit_pending(library, local)
        assert local.current is not None
        l_vid, l_hash = local.current
        theirs = conflict.item or None
        if choice == TAKE_THEIRS:
            if theirs is None:
                if local.content is not None:
                    library.delete(conflict.kind, item_id)
            else:  # their fields, links and photo (kept with the conflict)
                write_fields(library, theirs, new=local.content is None)
                write_links(library, theirs)
                write_photo(library, theirs, kept_photo(theirs))
            chosen = conflict.their_hash
        elif choice == EDIT:
            if local.content is None:
                raise BriefBookError("This item was deleted here; keep mine or take theirs.")
            cls = RECORD_TYPES[conflict.kind]
            library.update(cls, item_id, **(edited or {}))
            chosen = hash_here(library, conflict.kind, item_id)
        else:
            chosen = l_hash
        vid = next_vid([l_vid, conflict.their_vid], chosen)
        known = local.vids
        theirs_versions = [tuple(v) for v in conflict.history if v[0] not in known]
        here = hash_here(library, conflict.kind, item_id)
        library.record_versions(conflict.kind, item_id, [*theirs_versions, (vid, here)])
        library.remove_conflicts(item_id)
