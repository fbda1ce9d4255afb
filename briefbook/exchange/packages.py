"""Exchange packages, end to end: export items to a file; import (plan, then apply) a file.

The CLI (``briefbook package ...``) and the window both call these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from briefbook.exchange.content import content_hash
from briefbook.exchange.merge import MergePlan, plan_import
from briefbook.exchange.merge_apply import ImportResult, apply_plan
from briefbook.exchange.package_file import Package, PackageItem, read_package, write_package
from briefbook.exchange.scope import Selection, select
from briefbook.exchange.versions import (
    commit_pending,
    local_state,
    record_deletions,
    released_vid,
    tombstones,
)
from briefbook.library import Library


@dataclass
class ExportReport:
    path: Path
    items: int
    deleted: int
    photos: int
    left_out: list[str] = field(default_factory=list)


def export_package(
    library: Library,
    roots: list[str],
    target: str | Path,
    *,
    ceiling: str | None = None,
    for_sharing: bool = False,
) -> ExportReport:
    """Write the items (events, books or any items) and what they need to one package file.

    The ceiling is parsed like a book's (an unknown level is refused). An item
    whose exported form differs from the stored one (a link to a left-out item
    cut, a passage not for release removed) travels as a version of its own,
    made from the earlier ones: a library that gets it back sees a conflict,
    never a silent loss of what was cut.
    """
    levels = library.classification_levels()
    top = library.parse_level(ceiling, what="ceiling") if ceiling else levels[-1]
    selection = select(library, roots, ceiling=top, for_sharing=for_sharing)
    full = top == levels[-1] and not for_sharing
    items: list[PackageItem] = []
    photos: dict[str, bytes] = {}
    with library.transaction():
        record_deletions(library)
        for item_id, content in selection.contents.items():
            state = local_state(library, content["kind"], item_id)
            commit_pending(library, state)
            versions = state.history()
            exported = content_hash(content)
            if item_id in selection.changed:
                versions = [*versions[:-1], [released_vid(versions[-1][0], exported), exported]]
            else:
                versions[-1][1] = exported
            revisions = (
                [list(r) for r in library.all_revisions(content["kind"], item_id)][-500:]
                if full and item_id not in selection.changed
                else []
            )
            items.append(PackageItem(content, exported, versions, revisions))
            if content["photo"]:
                data = library.photo(item_id)
                if data is not None:
                    photos[item_id] = data
        deleted = [(s.kind, s.item_id, s.history()) for s in tombstones(library)]
    package = Package(
        created_at=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        ceiling=top,
        for_sharing=for_sharing,
        levels=levels,
        roots=list(roots),
        items=items,
        deleted=deleted,
        photos=photos,
        withheld={kind: list(names) for kind, names in selection.withheld.items()},
    )
    path = write_package(package, target)
    said = withheld_lines(selection, levels)
    return ExportReport(path, len(items), len(deleted), len(photos), [*said, *selection.left_out])


def withheld_lines(selection: Selection, levels: list[str]) -> list[str]:
    """What the summary says of the fields a package left out whole (nothing silently missing),
    one sentence per field that held something."""
    from briefbook.assemble.context import SENSITIVITIES_LEVEL_RANK

    out = []
    for (kind, name), n in sorted(selection.blanked.items()):
        if kind == "person" and name == "notes":
            out.append(
                f"The internal notes of {n} {'person' if n == 1 else 'people'} are left out of this "
                "package for sharing: no book prints them, and a library that imports it keeps its own."
            )
        elif kind == "person" and name == "sensitivities":
            at = levels[min(SENSITIVITIES_LEVEL_RANK, len(levels) - 1)]
            out.append(
                f"The sensitivities of {n} {'person' if n == 1 else 'people'} are left out of this "
                f"package at {selection.ceiling}: no book below {at} prints them, and a library that "
                "imports it keeps its own."
            )
        elif kind == "organisation" and name == "description":
            out.append(
                f"The descriptions of {n} {'organisation' if n == 1 else 'organisations'} are left out "
                "of this package for sharing: no book prints them, and a library that imports it keeps "
                "its own."
            )
    return out


def preview_import(library: Library, path: str | Path) -> MergePlan:
    """Read a package and say what importing it would do (nothing is written)."""
    return plan_import(library, read_package(path))


def import_package(library: Library, path: str | Path) -> tuple[MergePlan, ImportResult]:
    """Import a package: plan, then apply in one transaction."""
    plan = preview_import(library, path)
    return plan, apply_plan(library, plan)
