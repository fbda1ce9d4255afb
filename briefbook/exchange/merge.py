"""Merging an exchange package into a library: the plan (nothing written), carried out in one
transaction by :mod:`briefbook.exchange.merge_apply`.

Per item (see :mod:`briefbook.exchange.versions` for how "since they last
agreed" is told): new here → added; the same version, or ours is newer →
left alone; theirs is newer → taken (a deletion too); both changed → a
conflict: ours stays current, theirs is kept whole in the conflicts table and
its texts among the item's revisions, until the user keeps mine, takes theirs
or edits (:mod:`briefbook.exchange.resolve`). A deletion that would take with it something this
library still uses (a meeting of a deleted event, a participant of a deleted
person) is a conflict too: nothing is lost by a cascade. Importing the same
package again finds every item unchanged.
"""

from __future__ import annotations

import contextlib
import itertools
from dataclasses import dataclass, field

from briefbook.errors import BriefBookError, ValidationError
from briefbook.exchange.content import (
    DELETED,
    Content,
    content_hash,
    item_content,
    references,
    stored_record,
)
from briefbook.exchange.merge_release import unmarks, withheld_notes
from briefbook.exchange.package_file import Package, PackageError
from briefbook.exchange.versions import LocalState, local_state, sent_from_here
from briefbook.library import Library
from briefbook.library.records import RECORD_TYPES, Statement
from briefbook.library.validation import validated
from briefbook.text import one_line

ADD, UPDATE, DELETE, CONFLICT, SAME = "add", "update", "delete", "conflict", "unchanged"


@dataclass
class Change:
    """What the import does to one item."""

    action: str
    kind: str
    item_id: str
    title: str
    theirs: Content | None  # None: their version is a deletion
    their_versions: list[list[str]]
    local: LocalState
    revisions: list[list[str]] = field(default_factory=list)
    reason: str = ""
    known: bool = False  # a conflict already recorded by an earlier import
    held: str = ""  # why an update that would be taken is held as a conflict (said by name)

    @property
    def their_vid(self) -> str:
        return self.their_versions[-1][0]

    @property
    def their_hash(self) -> str:
        return self.their_versions[-1][1]


@dataclass
class MergePlan:
    package: Package
    changes: list[Change]
    skipped: list[str] = field(default_factory=list)  # items that cannot be stored, and why
    notes: list[str] = field(default_factory=list)  # what else the user should know, by name

    def of(self, action: str) -> list[Change]:
        return [c for c in self.changes if c.action == action]

    def summary(self) -> dict[str, int]:
        counts = {a: len(self.of(a)) for a in (ADD, UPDATE, DELETE, CONFLICT, SAME)}
        counts["new conflicts"] = len([c for c in self.of(CONFLICT) if not c.known])
        return counts


def plan_import(library: Library, package: Package) -> MergePlan:
    """What importing the package would do; reads only."""
    _map_levels(package, library)
    changes: list[Change] = []
    entries = [
        (i.content["kind"], i.content["id"], i.content, i.versions, i.revisions) for i in package.items
    ]
    entries += [(kind, item_id, None, versions, []) for kind, item_id, versions in package.deleted]
    known_conflicts = {(c.item_id, c.their_vid) for c in library.conflicts()}
    people = _people_named(library, package)
    for kind, item_id, theirs, versions, revisions in entries:
        try:
            here = library.find(item_id)
        except BriefBookError:
            here = None
        if here is not None and kind != here.KIND:
            raise PackageError(
                f"{package.name} holds a {RECORD_TYPES[kind].LABEL.lower()} with the id of a "
                f"{here.LABEL.lower()} of this library; it cannot be imported."
            )
        local = local_state(library, kind, item_id)
        title = _title(theirs, local, people)
        change = Change(SAME, kind, item_id, title, theirs, versions, local, revisions)
        change.action = _decide(local, versions)
        keep_withheld(change, package.withheld.get(kind, ()))
        if change.action == CONFLICT:
            change.known = (item_id, change.their_vid) in known_conflicts
        changes.append(change)
    plan = MergePlan(package, changes)
    plan.notes += withheld_notes(package)
    _check_values(library, plan)
    _check_references(library, plan)
    _check_deletions(library, plan)
    _check_levels(library, plan, known_conflicts)
    _check_ceiling(library, plan)
    return plan


def _check_ceiling(library: Library, plan: MergePlan) -> None:
    """An item above the package's own ceiling (no BriefBook export writes one: it was put in by
    hand or by another program) keeps its level here; the user is told, by name, since a file
    said to hold nothing above that level may have been passed on as such."""
    levels = library.classification_levels()
    ceiling = plan.package.ceiling
    if ceiling not in levels:
        return
    for c in plan.changes:
        level = (c.theirs or {}).get("fields", {}).get("classification")
        if (
            c.action in (ADD, UPDATE, CONFLICT)
            and level in levels
            and levels.index(level) > levels.index(ceiling)
        ):
            plan.notes.append(
                f"{RECORD_TYPES[c.kind].LABEL} “{c.title}” is {level}, above the package's own ceiling "
                f"({ceiling}): it was put in by hand or by another program, and it keeps its level here."
            )


def keep_withheld(change: Change, names: tuple[str, ...] | list[str]) -> None:
    """The fields the package left out whole (a person's notes in a package for sharing) keep
    this library's values: their copy is an empty field, never an edit, so taking theirs (now, or
    later from the conflict) leaves ours as they are. A conflict that differed only there is none."""
    if not names or change.theirs is None or change.local.content is None:
        return
    mine = change.local.content["fields"]
    kept = {name: mine.get(name, "") for name in names if name in mine}
    change.theirs = {**change.theirs, "fields": {**change.theirs["fields"], **kept}}
    if change.action == CONFLICT and content_hash(change.theirs) == content_hash(change.local.content):
        change.action = SAME


def _decide(local: LocalState, theirs: list[list[str]]) -> str:
    r_vid, r_hash = theirs[-1]
    their_vids = {v for v, _ in theirs}
    mine = local.current
    if mine is None:  # never seen here
        return SAME if r_hash == DELETED else ADD
    l_vid, l_hash = mine
    if l_vid == r_vid or r_vid in local.vids or l_hash == r_hash:
        return SAME
    if sent_from_here(r_vid, r_hash, local.vids):  # theirs: ours as we sent it, cut
        return SAME
    if l_vid in their_vids or sent_from_here(l_vid, l_hash, their_vids):  # ours: theirs as sent, cut
        if r_hash == DELETED:
            return DELETE if local.content is not None else SAME
        return UPDATE if local.content is not None else ADD
    return CONFLICT


def _people_named(library: Library, package: Package) -> dict[str, str]:
    """person id -> name, for the speakers the package's statements link to: the package's
    own copy of the person first, else this library's (a preview said "(speaker)")."""
    wanted = {
        i.content["fields"].get("speaker_id")
        for i in package.items
        if i.content["kind"] == "statement" and i.content["fields"].get("speaker_id")
    }
    names = {
        i.content["id"]: str(i.content["fields"].get("name") or "")
        for i in package.items
        if i.content["kind"] == "person" and i.content["id"] in wanted
    }
    for person_id in wanted - names.keys():
        with contextlib.suppress(BriefBookError):  # not here either: the preview says "(speaker)"
            names[person_id] = library.find(person_id).display_name
    return names


def _title(theirs: Content | None, local: LocalState, people: dict[str, str]) -> str:
    content = theirs or local.content
    if content is None:
        return "(deleted item)"
    cls = RECORD_TYPES[content["kind"]]
    try:
        record = cls(**{k: v for k, v in content["fields"].items() if k in cls.data_fields()})
    except TypeError:
        return "(item)"
    if isinstance(record, Statement) and record.speaker_id:
        record.speaker_label = people.get(record.speaker_id, "")
    return record.display_name


def _map_levels(package: Package, library: Library) -> None:
    """Their level names as ours (the library's one parser); an unknown level refuses the package."""
    unknown: set[str] = set()
    levels = library.classification_levels()
    parsed: dict[str, str] = {}  # each name once: a parse reads and checks the levels (1 ms)

    def ours(name: str) -> str:
        if name in parsed:
            return parsed[name]
        try:
            parsed[name] = library.parse_level(name)
        except ValidationError:
            unknown.add(name)
            parsed[name] = name
        return parsed[name]

    package.ceiling = ours(package.ceiling) if package.ceiling else levels[-1]
    for item in package.items:
        f = item.content["fields"]
        if "classification" in f:
            f["classification"] = ours(f["classification"])
        if f.get("ceiling"):
            f["ceiling"] = ours(f["ceiling"])
    if unknown:
        raise PackageError(
            f"{package.name} uses classification levels this library does not have "
            f"({', '.join(sorted(unknown)[:5])}; here: {', '.join(levels)}). Nothing was imported."
        )
    # Their scheme in their order, as our names: a level they rank above another must rank
    # above it here too, or an item would arrive lower than its sender meant.
    theirs = []
    for name in package.levels:
        with contextlib.suppress(ValidationError):
            theirs.append(library.parse_level(name))
    ranks = [levels.index(name) for name in theirs]
    if any(a > b for a, b in itertools.pairwise(ranks)):
        raise PackageError(
            f"{package.name} ranks its classification levels in another order "
            f"(lowest first: {', '.join(package.levels[:8])}; here: {', '.join(levels)}), "
            "so a level would not mean the same here. Nothing was imported."
        )


def _final(plan: MergePlan) -> dict[str, Content | None]:
    """Each planned item's content after the import (None: gone)."""
    out: dict[str, Content | None] = {}
    for c in plan.changes:
        if c.action in (ADD, UPDATE):
            out[c.item_id] = c.theirs
        elif c.action == DELETE:
            out[c.item_id] = None
        else:
            out[c.item_id] = c.local.content
    return out


def _check_values(library: Library, plan: MergePlan) -> None:
    """An item whose values the library would refuse (a date that is none, a title too long: a
    package is anyone's file) is left out by name before anything is written, and what depends
    on it with it (:func:`_check_references`); the import stopped on the refusal, which named
    neither the package nor the item."""
    levels = library.levels()  # (read once: each read checks the levels apart, 1 ms)
    for c in plan.changes:
        if c.action not in (ADD, UPDATE) or c.theirs is None:
            continue
        cls = RECORD_TYPES[c.kind]
        try:
            validated(cls, c.theirs["fields"], lambda: levels)
        except ValidationError as exc:
            plan.skipped.append(f"{cls.LABEL} “{one_line(c.title, 120)}” is not imported: {exc}")
            c.action, c.reason = SAME, "refused"


def _check_references(library: Library, plan: MergePlan) -> None:
    """An item whose topic or event is neither here nor in the package cannot be stored: skip it."""
    final = _final(plan)
    for c in plan.changes:
        if c.action not in (ADD, UPDATE) or c.theirs is None:
            continue
        f = c.theirs["fields"]
        for name, kind in (("topic_id", "topic"), ("event_id", "event")):
            target = f.get(name)
            if target and final.get(target, "here" if library.exists(kind, target) else None) is None:
                plan.skipped.append(
                    f"{RECORD_TYPES[c.kind].LABEL} “{c.title}” is not imported: its {kind} is not in "
                    "this library or the package."
                )
                c.action, c.reason = SAME, "missing " + kind
                final[c.item_id] = c.local.content


def _check_deletions(library: Library, plan: MergePlan) -> None:
    """A deletion that would remove or change something still used here becomes a conflict."""
    final = _final(plan)
    for c in plan.of(DELETE):
        users = []
        for kind, user_id in _users(library, c.kind, c.item_id):
            content = final[user_id] if user_id in final else stored_content(library, kind, user_id)
            if content is not None and c.item_id in references(content):
                users.append(user_id)
        if users:
            c.action, c.reason = CONFLICT, "still used here"


def _check_levels(library: Library, plan: MergePlan, known: set[tuple[str, str]]) -> None:
    """An update that would lower an item's classification, raise a book's ceiling, or take a
    not-for-release marker off (:func:`unmarks`) becomes a conflict: what a copy may print
    changes only by the user's choice (take theirs), never by a file from elsewhere, which
    may have been edited by hand (as every package may)."""
    levels = library.classification_levels()

    def rank(level: object) -> int:
        return levels.index(level) if level in levels else len(levels)  # unknown: the highest

    for c in plan.of(UPDATE):
        if c.theirs is None or c.local.content is None:
            continue
        mine, theirs = c.local.content["fields"], c.theirs["fields"]
        label = RECORD_TYPES[c.kind].LABEL
        if "classification" in mine and rank(theirs.get("classification")) < rank(mine["classification"]):
            lower = theirs.get("classification")
            why = f"would lower its classification from {mine['classification']} to {lower}"
        elif c.kind == "book" and rank(theirs.get("ceiling") or levels[0]) > rank(
            mine.get("ceiling") or levels[0]
        ):
            why = (
                f"would raise its ceiling from {mine.get('ceiling') or levels[0]} to {theirs.get('ceiling')}"
            )
        elif unmarks(c.kind, mine, theirs):
            why = "would make shareable what is marked not for release here"
        else:
            continue
        c.held = f"{label} “{c.title}” {why}: it is held as a conflict, and yours is kept until you choose."
        c.action, c.reason = CONFLICT, "level"
        c.known = (c.item_id, c.their_vid) in known


def stored_content(library: Library, kind: str, item_id: str) -> Content | None:
    record = stored_record(library, kind, item_id)
    return item_content(library, record) if record is not None else None


def _users(library: Library, kind: str, item_id: str) -> list[tuple[str, str]]:
    """Items of this library that refer to the item (which its deletion would remove or change)."""
    q = library.db.execute
    sql = {
        "event": [("meeting", "SELECT id FROM meetings WHERE event_id = ?"),
                  ("book", "SELECT id FROM books WHERE event_id = ?")],
        "topic": [("talking_point", "SELECT id FROM talking_points WHERE topic_id = ?"),
                  ("meeting", "SELECT meeting_id FROM meeting_topics WHERE topic_id = ?"),
                  ("statement", "SELECT statement_id FROM statement_topics WHERE topic_id = ?")],
        "person": [("meeting", "SELECT meeting_id FROM meeting_participants WHERE person_id = ?"),
                   ("event", "SELECT event_id FROM event_delegation WHERE person_id = ?"),
                   ("statement", "SELECT id FROM statements WHERE speaker_id = ?")],
        "organisation": [("person", "SELECT id FROM people WHERE organisation_id = ?")],
    }.get(kind, [])  # fmt: skip
    return [(k, r[0]) for k, query in sql for r in q(query, [item_id])]
