"""The annexes, where an item is printed whole once: topic briefs, the statements annex and
the biographies; the meeting briefs refer to them (``Assembly.homes``).
"""

from __future__ import annotations

from briefbook.assemble.context import Assembly, short
from briefbook.assemble.lookups import chosen_item
from briefbook.assemble.profiles import profile
from briefbook.assemble.provenance import stamp
from briefbook.assemble.sections import section_heading
from briefbook.assemble.statements import statement_blocks
from briefbook.assemble.talking_points import talking_points
from briefbook.assemble.words import label
from briefbook.collation import sort_key
from briefbook.document.model import Block, Heading, Reference, Run
from briefbook.library import Event, Person, Statement, Topic
from briefbook.library.books import Section


def _section_topics(a: Assembly, section: Section, warn: bool = True) -> list[Topic]:
    """The topics a topic-briefs section lists: the chosen ones, or those of the event's meetings."""
    if section.items is not None:
        if not warn:
            found = [a.library.list(Topic, where={"id": i}) for i in section.items]
            return [t for rows in found for t in rows]
        return [t for t in (chosen_item(a, Topic, i) for i in section.items) if t is not None]
    return _by_title(a.event_items("topics") if warn else a.scope.topics)


def reserve_topic_homes(a: Assembly, chosen: list[Section]) -> None:
    """Topic briefs will print these topics' backgrounds: the briefs refer to them."""
    for section in chosen:
        if section.kind != "topics":
            continue
        for topic in _section_topics(a, section, warn=False):
            if topic.background and a.rank(a.level_of(topic)) <= a.ceiling_rank:
                a.homes.setdefault(("topic", topic.id), a.anchor("topic-" + topic.title))


def topic_briefs(a: Assembly, section: Section, event: Event | None) -> list[Block]:
    """The topics raised in the event's meetings, by title (or the chosen ones, in their order).

    A topic brief holds its background (the one place it is printed) and the points
    no meeting brief prints; points printed in a brief are referred to, not repeated.
    """
    topics = _section_topics(a, section)
    out: list[Block] = []
    for topic in topics:
        if not a.admit(topic):
            continue
        points = [p for p in a.points_of(topic.id) if a.admit(p)]
        if not points and not topic.background:  # (its title alone: nothing a reader can use)
            a.warn(
                "topic_without_content",
                f"The topic “{short(topic.display_name)}” has no talking points or background to "
                "print; it is left out.",
                topic,
            )
            continue
        with a.source(a.origin(topic)) as origin:
            home = a.homes.get(("topic", topic.id))
            own = home is not None and home not in a.briefs  # reserved for this topic brief
            anchor = home if own else a.anchor("topic-" + topic.title)
            found: list[Block] = [Heading(2, topic.title, anchor)]
            found += talking_points(a, [p for p in points if p.id not in a.used_points])
            briefs = list(dict.fromkeys(a.used_points[p.id] for p in points if p.id in a.used_points))
            for brief in briefs:  # a brief's title, at the level of its meeting
                text = a.words["points_in_brief"].format(title=a.briefs[brief].title)
                found.append(Reference([Run(text)], brief, origin=a.origin(topic, a.briefs[brief])))
            if topic.background and home and not own:
                text = a.words["in_brief"].format(title=a.briefs[home].title)
                reference = Reference([Run(text)], home, origin=a.origin(topic, a.briefs[home]))
                found += [label(a.words["background"]), reference]
            elif topic.background:
                found += [label(a.words["background"]), *a.blocks(topic.background)]
            out += stamp(found, origin)
    return [section_heading(a, section), *out] if out else []


def statements_annex(a: Assembly, section: Section, event: Event | None) -> list[Block]:
    """Prior statements by topic, newest first; statements without a topic at the end.

    By default the event's statements (on its topics or by its people); else the chosen ones.
    """
    out: list[Block] = []
    placed: set[str] = set()
    if section.items is not None:
        wanted = {s.id for s in (chosen_item(a, Statement, i) for i in section.items) if s is not None}
    else:
        wanted = {s.id for s in a.event_items("statements")}
    # Only the topics and statements of this book: a small book in a library of 25,000
    # statements read them all (0.6 s) to keep a few.
    linked = a.library.topics_of_statements(wanted)
    topic_ids = sorted({t for topics in linked.values() for t in topics})
    a.read_topics(topic_ids, points=False)
    for topic in _by_title(a.topics(topic_ids)):
        chosen = [s for s in a.statements_on(topic.id) if s.id in wanted]
        if not chosen or not a.admit(topic):
            continue
        group: list[Block] = []
        with a.source(a.origin(topic)) as origin:
            for s in chosen:
                if s.id not in placed and a.admit(s):
                    placed.add(s.id)
                    group += statement_blocks(a, s)
        if group:
            heading = Heading(2, topic.title, a.anchor("st-" + topic.title), origin=origin)
            for s in chosen:
                if s.id in placed:
                    a.homes.setdefault(("statement", s.id), heading.anchor)
            out += [heading, *stamp(group, origin)]
    loose = [
        s
        for s in a.library.list(Statement, order_by="date", descending=True, ids=wanted - set(linked))
        if s.id not in placed
    ]
    loose = [s for s in loose if a.admit(s)]
    loose_blocks = [b for s in loose for b in statement_blocks(a, s)]
    if loose_blocks:
        heading = Heading(2, a.words["statements"], a.anchor("st-other"), origin=a.origin(None))
        for s in loose:
            a.homes.setdefault(("statement", s.id), heading.anchor)
        out += [heading, *loose_blocks]
    return [section_heading(a, section), *out] if out else []


def biographies(a: Assembly, section: Section, event: Event | None) -> list[Block]:
    """The event's people (our delegation, the meetings' participants), or the chosen ones; by name."""
    if section.items is not None:
        people = [p for p in (chosen_item(a, Person, i) for i in section.items) if p is not None]
    else:
        people = a.event_items("biographies")
    people = [p for p in people if a.admit(p)]
    people.sort(key=lambda p: sort_key(p.name_romanised or p.name))  # the order of the window's lists
    a.read_photos([p.id for p in people])
    out: list[Block] = []
    for person in people:
        a.mention(person)
        block = profile(a, person)
        block.anchor = a.anchor("bio-" + (person.name_romanised or person.name))
        a.homes["person", person.id] = block.anchor
        out.append(block)
    return [section_heading(a, section), *out] if out else []


def _by_title(topics: list[Topic]) -> list[Topic]:
    """Titles in Vietnamese alphabetical order, "Chủ đề 2" before "Chủ đề 10" (as the window lists them)."""
    return sorted(topics, key=lambda topic: sort_key(topic.title))
