"""Which side changed an item since two libraries last agreed, without a common clock.

Every version of an item has a version id: the hash of the version(s) it was
made from and of its content, like a commit id. A library records each version
it sees (when it exports or imports a package, the current content of the
items involved is compared with the last recorded version; a difference is a
new local version). A package carries, per item, every version id its library
knows. Then, for one item with our current version ``l`` and theirs ``r``:

- ``l == r`` or the same content: nothing to do;
- ``r`` among our versions: we are ahead (or equal); leave ours;
- ``l`` among theirs: they are ahead; take theirs;
- neither: both changed since they last agreed: a conflict.

A version a package sent cut (links to items above its ceiling, passages not for release)
is one of its own, made from the sender's (:func:`released_vid`), which the sender never
records: back unchanged, it is the sender's version as sent (ours is ahead), and the
receiver's copy as it came is behind any later version of the sender's.

Identical content reached by different roads keeps distinct version ids, so an
edit followed by its undo is still "an edit" and is never mistaken for the
older version it looks like.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from briefbook.exchange.content import DELETED, Content, content_hash, item_content, stored_record
from briefbook.library import Library


def next_vid(parents: list[str], content_hash_: str) -> str:
    """The id of a version made from ``parents`` with this content (deterministic on every side)."""
    text = "|".join(sorted(parents)) + "#" + content_hash_
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:32]


@dataclass
class LocalState:
    """One item as this library has it now: its content (None if deleted) and its known versions."""

    kind: str
    item_id: str
    content: Content | None
    versions: list[tuple[str, str]] = field(default_factory=list)  # recorded, oldest first
    pending: tuple[str, str] | None = None  # a version made here since the last record, not yet written

    @property
    def current(self) -> tuple[str, str] | None:
        if self.pending:
            return self.pending
        return self.versions[-1] if self.versions else None

    @property
    def vids(self) -> set[str]:
        known = {v for v, _ in self.versions}
        if self.pending:
            known.add(self.pending[0])
        return known

    def history(self) -> list[list[str]]:
        out = [[v, h] for v, h in self.versions]
        if self.pending:
            out.append(list(self.pending))
        return out


def local_state(library: Library, kind: str, item_id: str) -> LocalState:
    """The item now, with a pending version if it changed since its last recorded one (nothing written)."""
    record = stored_record(library, kind, item_id)
    content = item_content(library, record) if record is not None else None
    state = LocalState(kind, item_id, content, library.item_versions(item_id))
    now_hash = content_hash(content) if content is not None else DELETED
    last = state.versions[-1] if state.versions else None
    if last is None:
        if content is not None:
            state.pending = (next_vid([], now_hash), now_hash)
    elif last[1] != now_hash:
        state.pending = (next_vid([last[0]], now_hash), now_hash)
    return state


def released_vid(vid: str, exported_hash: str) -> str:
    """The version id of an item as a package sent it with something cut (a link to an item above
    its ceiling, a passage not for release): made from ``vid``, ours, and never recorded here."""
    return next_vid(["released", vid], exported_hash)


def sent_from_here(their_vid: str, their_hash: str, ours: set[str]) -> bool:
    """Whether their version is one this library sent cut and they kept as it was: ours holds all
    of it and more, so ours is the newer (sent back unchanged, it was a conflict of a meeting the
    colleague never touched, and taking theirs cut our links to what was left out)."""
    return any(released_vid(vid, their_hash) == their_vid for vid in ours)


def commit_pending(library: Library, state: LocalState) -> None:
    """Record the version the item has now, if it is new."""
    if state.pending:
        library.record_versions(state.kind, state.item_id, [state.pending])
        state.versions.append(state.pending)
        state.pending = None


def record_deletions(library: Library) -> list[LocalState]:
    """Tombstones for items with recorded versions that are no longer in the library (written)."""
    states = []
    for item_id, (kind, _vid, current_hash) in library.versioned_items().items():
        if current_hash == DELETED or stored_record(library, kind, item_id) is not None:
            continue
        state = local_state(library, kind, item_id)
        commit_pending(library, state)
        states.append(state)
    return states


def tombstones(library: Library) -> list[LocalState]:
    """Every item recorded as deleted, with its versions (a package carries them: deletions travel)."""
    out = []
    for item_id, (kind, _vid, current_hash) in library.versioned_items().items():
        if current_hash == DELETED:
            out.append(LocalState(kind, item_id, None, library.item_versions(item_id)))
    return out
