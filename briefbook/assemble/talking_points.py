"""Talking points in a book: which a meeting's brief holds, and how they read as list items.

A brief holds the points the user chose for it, in their order, or else every point of
its topics; each passes the ceiling and the drafts rule (:meth:`Assembly.admit`). Drafts
are marked, a question comes before its answer, and a topic brief groups its points
under the labels a principal expects.
"""

from __future__ import annotations

from briefbook.assemble.context import Assembly
from briefbook.assemble.lookups import chosen_item
from briefbook.assemble.words import label
from briefbook.document.model import Block, ListBlock, ListItem, Run
from briefbook.library import TalkingPoint, Topic
from briefbook.library.books import MeetingChoice

POINT_GROUPS = (
    ("points_to_make", ("key_message", "proactive")),
    ("if_raised", ("reactive",)),
    ("press_lines", ("press_line",)),
    ("qa", ("qa",)),
)


def point_items(a: Assembly, group: list[TalkingPoint]) -> list[ListItem]:
    """The points as list items, drafts marked, a question before its answer."""
    items: list[ListItem] = []
    for p in group:
        origin = a.origin(p, a.current)
        # Whatever the kind: every point has the field, is named by it, and keeps it when
        # its kind changes (a Q&A made "if raised" lost its question from the book).
        asked, draft = bool(p.question.strip()), p.status != "cleared"
        body = a.items(p.text, origin=origin, whole=asked or draft)
        if not body:  # the whole point is marked not for release
            continue
        runs = [Run(f"[{a.words['draft']}] ", bold=True)] if draft else []
        if asked:
            question = a.runs(p.question, origin=origin)
            runs += [Run(a.words["question"] + " ", bold=True), *question, Run("\n")]
            runs += [Run(a.words["answer"] + " ", bold=True)]
        first, *rest = body
        items += [ListItem(runs + first.runs, first.children, first.origin, first.more), *rest]
    return items


def talking_points(a: Assembly, points: list[TalkingPoint]) -> list[Block]:
    """Points grouped under the labels a principal expects, drafts marked (topic briefs)."""
    out: list[Block] = []
    for key, kinds in POINT_GROUPS:
        items = point_items(a, [p for p in points if p.kind in kinds])
        if items:
            out += [label(a.words[key]), ListBlock(items, ordered=key == "points_to_make")]
    return out


def chosen_points(a: Assembly, topics: list[Topic], choice: MeetingChoice | None) -> list[TalkingPoint]:
    """The points a meeting's brief holds: those chosen for it, else every point of its topics."""
    if choice and choice.talking_points is not None:
        candidates = [chosen_item(a, TalkingPoint, i) for i in choice.talking_points]
    else:
        candidates = [p for t in topics for p in a.points_of(t.id)]
    return [p for p in candidates if p is not None and a.admit(p)]
