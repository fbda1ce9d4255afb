"""Carrying out an import's plan (:mod:`briefbook.exchange.merge`) in one transaction.

What was added, updated or deleted in the package is written; a conflict keeps their
version whole beside ours (with their photo's bytes, so that "take theirs" takes it
too) until the user settles it (:mod:`briefbook.exchange.resolve`).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from briefbook.exchange.content import (
    DELETED,
    KIND_ORDER,
    Content,
    content_hash,
    item_content,
    write_fields,
    write_links,
)
from briefbook.exchange.levels import rank
from briefbook.exchange.merge import ADD, CONFLICT, DELETE, SAME, UPDATE, Change, MergePlan, stored_content
from briefbook.exchange.versions import commit_pending
from briefbook.library import Library
from briefbook.library.records import RECORD_TYPES


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts: int = 0


def apply_plan(library: Library, plan: MergePlan) -> ImportResult:
    """Carry out a plan in one transaction (all or nothing)."""
    package = plan.package
    result = ImportResult()
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    writes = sorted(plan.of(ADD) + plan.of(UPDATE), key=lambda c: order[c.kind])
    with library.transaction():
        for c in plan.changes:
            commit_pending(library, c.local)
        for c in writes:
            assert c.theirs is not None
            write_fields(library, c.theirs, new=c.action == ADD and c.local.content is None)
            write_photo(library, c.theirs, package.photos)
        keep = _above(library, package.ceiling)
        for c in writes:
            write_links(library, c.theirs, keep)  # type: ignore[arg-type]
        for c in sorted(plan.of(DELETE), key=lambda c: -order[c.kind]):
            library.delete(c.kind, c.item_id)
        for c in plan.changes:
            _record(library, c)
            _drop_settled(library, c.item_id)
            if c.action in (ADD, UPDATE):
                for fname, value, created_at in c.revisions:
                    library.add_revision(c.kind, c.item_id, fname, value, created_at)
        result.added, result.updated = len(plan.of(ADD)), len(plan.of(UPDATE))
        result.deleted = len(plan.of(DELETE))
        for c in plan.of(CONFLICT):
            their_vids = [v for v, _ in c.their_versions]
            older = [k.their_vid for k in library.conflicts(c.item_id) if k.their_vid in their_vids]
            library.remove_conflicts(c.item_id, [v for v in older if v != c.their_vid])
            kept = with_photo(c.theirs, package.photos)
            if library.add_conflict(
                c.kind, c.item_id, c.their_vid, c.their_hash, kept, c.their_versions, package.name
            ):
                result.conflicts += 1
            if c.theirs is not None:
                withheld = package.withheld.get(c.kind, ())  # ours (merge.keep_withheld): no revision
                for fname in (f for f in RECORD_TYPES[c.kind].MARKDOWN if f not in withheld):
                    library.add_revision(
                        c.kind, c.item_id, fname, c.theirs["fields"].get(fname, ""), c.theirs["updated_at"]
                    )
    return result


def _record(library: Library, c: Change) -> None:
    """Remember the versions both now know; after taking theirs, their version is ours as stored here."""
    known = c.local.vids
    if c.action in (ADD, UPDATE, DELETE):
        theirs = [tuple(v) for v in c.their_versions]
        stored_hash = hash_here(library, c.kind, c.item_id)
        library.record_versions(c.kind, c.item_id, [v for v in theirs[:-1] if v[0] not in known]
                                + [(theirs[-1][0], stored_hash)])  # fmt: skip
    elif c.action == SAME and not c.reason:
        missing = [tuple(v) for v in c.their_versions if v[0] not in known]
        if missing:
            current = [c.local.current] if c.local.current else []
            library.record_versions(c.kind, c.item_id, missing + current)  # type: ignore[operator]


def _drop_settled(library: Library, item_id: str) -> None:
    """A conflict whose other version is now among ours (a later version settled it) goes."""
    pending = library.conflicts(item_id)
    if pending:
        known = {v for v, _ in library.item_versions(item_id)}
        library.remove_conflicts(item_id, [c.their_vid for c in pending if c.their_vid in known])


def hash_here(library: Library, kind: str, item_id: str) -> str:
    content = stored_content(library, kind, item_id)
    return content_hash(content) if content is not None else DELETED


def write_photo(library: Library, content: Content, photos: dict[str, bytes]) -> None:
    if content["kind"] != "person":
        return
    if content["photo"] is None:
        if library.photo(content["id"]) is not None:
            library.remove_photo(content["id"])
        return
    here = item_content(library, library.get("person", content["id"]))["photo"]
    if here != content["photo"] and content["id"] in photos:  # a conflict kept before: no bytes
        library.set_photo(content["id"], photos[content["id"]])


# A conflict keeps their photo's bytes beside their content (outside the hashed keys), so
# that "take theirs" takes their photo too; before, it kept their texts and not their photo.
_PHOTO_BYTES = "photo_bytes"


def with_photo(theirs: Content | None, photos: dict[str, bytes]) -> Content:
    if not theirs:
        return {}
    data = photos.get(theirs["id"]) if theirs.get("photo") else None
    return {**theirs, _PHOTO_BYTES: base64.b64encode(data).decode("ascii")} if data else theirs


def kept_photo(theirs: Content) -> dict[str, bytes]:
    kept = theirs.get(_PHOTO_BYTES)
    return {theirs["id"]: base64.b64decode(kept)} if kept else {}


def _above(library: Library, ceiling: str) -> set[str]:
    """Ids of items here above the package's ceiling: it could not carry their links, so they stay."""
    levels = library.levels()
    limit = rank(levels, ceiling)
    out: set[str] = set()
    for kind in ("person", "topic"):
        for record in library.list(kind):
            if rank(levels, record.classification) > limit:
                out.add(record.id)
    return out
