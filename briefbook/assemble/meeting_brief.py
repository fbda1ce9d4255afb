"""One meeting brief, in the standard government order: the steer (who, when, where,
why), our objectives, points to make, their likely positions and asks with our
response, press line, background, previous contacts, who's who, and the sign-off.

Each item is printed once in the book: a background, a statement or a biography
printed elsewhere (a topic brief, the statements annex, the biographies annex,
or an earlier brief) is a :class:`Reference` here, a live link with its page.
The points (:mod:`.talking_points`), statements (:mod:`.statements`) and people
(:mod:`.profiles`) read here as they do everywhere else in the book.
"""

from __future__ import annotations

from briefbook.assemble.context import Assembly
from briefbook.assemble.lookups import lookup
from briefbook.assemble.profiles import person_line, short_line
from briefbook.assemble.provenance import stamp
from briefbook.assemble.statements import chosen_statements, credit, statement_blocks
from briefbook.assemble.talking_points import chosen_points, point_items
from briefbook.assemble.words import format_date, format_time
from briefbook.document.model import Block, Heading, ListBlock, ListItem, Origin, Paragraph, Reference, Run
from briefbook.library import Event, Meeting, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import MeetingChoice


def meeting_brief(
    a: Assembly, meeting: Meeting, choice: MeetingChoice | None, number: int = 0, total: int = 0
) -> list[Block]:
    """The meeting's brief (number ``number`` of ``total``); all its text is at least the meeting's level."""
    with a.source(a.origin(meeting)) as origin:
        return stamp(_meeting_brief(a, meeting, choice, number, total), origin)


def _meeting_brief(
    a: Assembly, meeting: Meeting, choice: MeetingChoice | None, number: int, total: int
) -> list[Block]:
    w = a.words
    anchor = a.anchor(meeting.title)
    a.briefs[anchor] = meeting  # what a reference to this brief names (and at its level)
    out: list[Block] = [Heading(2, meeting.title, anchor)]
    kind = w.get(meeting.kind if meeting.kind != "session" else "session_kind", meeting.kind)
    facts = [w["brief_number"].format(n=number, total=total)] if total else []
    out.append(Paragraph([Run(" · ".join([*facts, kind]))], "note"))

    counterparts, ours = [], []
    for p in a.participants(meeting.id):
        if a.admit(p.person):
            a.mention(p.person)
            # One of our delegation is ours in any role (the minister speaking at a press
            # conference was named as the one we meet, under "Their side").
            ours_too = p.role == "delegation" or p.person.id in a.scope.delegation_ids
            (ours if ours_too else counterparts).append(p)
    topics = [t for t in a.meeting_topics(meeting.id) if a.admit(t)]
    points = chosen_points(a, topics, choice)
    if not points:
        a.warn("meeting_without_points", f"The meeting “{meeting.title}” has no talking points.", meeting)
    for p in points:
        a.used_points.setdefault(p.id, anchor)

    # 1. The steer: who, when and where, why -- two or three lines, then the purpose.
    lines = steer(a, meeting, [p.person for p in counterparts])
    if lines:  # a meeting created from nothing has no steer yet: no empty heading
        out += [Heading(3, w["steer"], a.anchor("steer-" + meeting.title)), *lines]
    # 2. Our objectives. 3. Points to make.
    if meeting.objectives:
        out += [
            Heading(3, w["our_objectives"], a.anchor("obj-" + meeting.title)),
            *a.blocks(meeting.objectives),
        ]
    out += _point_group(a, points, ("key_message", "proactive"), w["points_to_make"], meeting, ordered=True)
    # 4. Their likely positions and asks, and our response (if raised; questions and answers).
    positions = a.blocks(meeting.their_positions)
    reactive = point_items(a, [p for p in points if p.kind == "reactive"])
    qa = point_items(a, [p for p in points if p.kind == "qa"])
    if positions or reactive or qa:
        out.append(Heading(3, w["their_positions"], a.anchor("pos-" + meeting.title)))
        out += positions
        if reactive:
            if positions:
                out.append(Heading(4, w["our_response"], a.anchor("resp-" + meeting.title)))
            out.append(ListBlock(reactive))
        if qa:
            out += [Heading(4, w["qa"], a.anchor("qa-" + meeting.title)), ListBlock(qa)]
    # 5. Press line.
    out += _point_group(a, points, ("press_line",), w["press_line"], meeting)
    # 6. Background: short, and pointing at where the full text is printed.
    out += _background(a, meeting, topics, chosen_statements(a, topics, choice), anchor)
    # 7. Previous contacts. 8. Who's who.
    out += _previous_contacts(a, meeting, [p.person for p in counterparts])
    out += _whos_who(a, meeting, counterparts, ours)
    out += _sign_off(a, points)
    return out


def steer(
    a: Assembly, meeting: Meeting, counterparts: list[Person], *, whole_purpose: bool = True
) -> list[Block]:
    """Who, when and where, why: a line each; then the rest of the purpose (the brief), or
    nothing more (a card, which has room for the first paragraph of the purpose only)."""
    w = a.words
    out: list[Block] = []
    if counterparts:
        names = "; ".join(short_line(a, p, len(counterparts) == 1) for p in counterparts)
        out.append(Paragraph([Run(w["with"] + " ", bold=True), Run(names)]))
    where = ", ".join(x for x in (format_time(meeting.starts_at, a.language), meeting.venue) if x)
    if where:
        out.append(Paragraph([Run(w["when_where"] + " ", bold=True), Run(where)]))
    purpose = a.blocks(meeting.purpose)
    if purpose and isinstance(purpose[0], Paragraph) and purpose[0].style == "body":
        first, *purpose = purpose
        out.append(Paragraph([Run(w["why"] + " ", bold=True), *first.runs], origin=first.origin))
    elif purpose:
        out.append(Paragraph([Run(w["why"], bold=True)]))
        if not whole_purpose:
            out.append(purpose[0])
    return out + purpose if whole_purpose else out


def _point_group(
    a: Assembly,
    points: list[TalkingPoint],
    kinds: tuple[str, ...],
    title: str,
    meeting: Meeting,
    ordered=False,
) -> list[Block]:
    items = point_items(a, [p for p in points if p.kind in kinds])
    if not items:
        return []
    return [Heading(3, title, a.anchor(kinds[0] + "-" + meeting.title)), ListBlock(items, ordered=ordered)]


def _background(
    a: Assembly, meeting: Meeting, topics: list[Topic], statements: list[Statement], anchor: str
) -> list[Block]:
    """Each topic's background and each statement printed once: here if nowhere else yet
    (and then this brief is their home), else a reference to where they are."""
    w = a.words
    out: list[Block] = []
    for t in topics:
        if not t.background:
            continue
        origin = a.origin(t, meeting)
        home = a.homes.get(("topic", t.id))
        if home:
            brief = a.briefs.get(home)
            text = (
                w["in_brief"].format(title=brief.title) if brief else w["topic_brief"].format(title=t.title)
            )
            out.append(Reference([Run(text)], home, origin=a.origin(t, meeting, brief)))
            continue
        a.homes["topic", t.id] = anchor
        out += [Heading(4, t.title, a.anchor("bg-" + t.title), origin=origin)]
        out += a.blocks(t.background, origin=origin)
    for s in statements:
        home = a.homes.get(("statement", s.id))
        origin = a.origin(s, meeting)
        if home:
            before, after = w["statement_ref"].split("{who}", 1)
            runs = [Run(before), *credit(a, s, origin), Run(after)]
            out.append(Reference([r for r in runs if r.text], home, origin=origin))
            continue
        a.homes["statement", s.id] = anchor
        out += statement_blocks(a, s)
    return [Heading(3, w["background"], a.anchor("bg-" + meeting.title)), *out] if out else []


def _previous_contacts(a: Assembly, meeting: Meeting, people: list[Person]) -> list[Block]:
    """Each counterpart's earlier meetings in the library: date and one line each."""
    items: list[ListItem] = []
    here = a.origin(meeting)
    for person in people:
        for m, date, origin, event in _contacts_of(a, person):
            if m.id == meeting.id or (meeting.starts_at and m.starts_at >= meeting.starts_at):
                continue
            origin = a.raised(origin, here)
            a.highest_rank = max(a.highest_rank, a.rank(origin.level))
            line = [Run(date, bold=True), Run(m.title)]
            if m.event_id != meeting.event_id:
                if event is None:  # deleted since (the preflight names it each time, as before)
                    event = lookup(a, Event, m.event_id)
                if event is not None and a.rank(a.level_of(event)) <= a.ceiling_rank:
                    line.append(Run(f" ({event.title})", origin=a.origin(event, origin)))
            if len(people) > 1:
                line.append(Run(f" · {person.display_name}"))
            items.append(ListItem(line, origin=origin))
    if not items:
        return []
    return [Heading(3, a.words["previous_contacts"], a.anchor("prev-" + meeting.title)), ListBlock(items)]


def _contacts_of(a: Assembly, person: Person) -> list[tuple[Meeting, str, Origin, Event | None]]:
    """The person's dated meetings at or under the ceiling, oldest first, each with its date
    as printed, its origin with the person's, and its event: worked out once per person and
    book (at every brief the person is a counterpart in, each of their meetings was checked
    again). Keyed by the person's values, so a record read again with others gets its own."""
    key = (person.id, a.origin(person))
    found = a.contacts.get(key)
    if found is None:
        found = []
        for m in a.meetings_of(person.id):
            if not m.starts_at or a.rank(a.level_of(m)) > a.ceiling_rank:
                continue
            event = a.event_of(m.event_id)
            found.append((m, format_date(m.starts_at[:10], a.language) + " — ", a.origin(m, person), event))
        a.contacts[key] = found
    return found


def _whos_who(a: Assembly, meeting: Meeting, counterparts, ours) -> list[Block]:
    """One line per person; the biography is in the annex, referred to with its page."""
    w = a.words
    out: list[Block] = []
    for heading, group in ((w["their_side"], counterparts), (w["our_delegation"], ours)):
        lines: list[Block] = []
        for p in group:
            origin = a.origin(p.person, meeting)
            runs = person_line(a, p.person, w.get(p.role, p.role) if p.role != "delegation" else "")
            home = a.homes.get(("person", p.person.id))
            if home:
                lines.append(Reference(runs, home, origin=origin))
            else:
                lines.append(Paragraph(runs, origin=origin))
        if lines:
            out += [Heading(4, heading, a.anchor("who-" + heading + meeting.title)), *lines]
    return [Heading(3, w["whos_who"], a.anchor("who-" + meeting.title)), *out] if out else []


def _sign_off(a: Assembly, points: list[TalkingPoint]) -> list[Block]:
    """Drafted by, cleared by and date: the points' own, else the book's."""
    w = a.words
    parts: list[Run] = []
    for key, field_name in (("drafted_by", "drafted_by"), ("cleared_by", "cleared_by")):
        seen: set[str] = set()
        runs: list[Run] = []
        for p in points:
            value = getattr(p, field_name)
            if value and value not in seen:
                seen.add(value)
                runs += [Run(", ")] if runs else []
                runs.append(Run(value, origin=a.origin(p, a.current)))
        if not runs and getattr(a.book, field_name):
            runs = [Run(getattr(a.book, field_name), origin=a.origin(None, a.current))]
        if runs:
            parts += ([Run(" · ")] if parts else []) + [Run(w[key] + ": ", bold=True), *runs]
    dated = sorted(p.cleared_on for p in points if p.cleared_on)
    date = dated[-1] if dated else a.book.issue_date
    if date:
        parts += ([Run(" · ")] if parts else []) + [
            Run(w["date"] + ": ", bold=True),
            Run(format_date(date, a.language)),
        ]
    return [Paragraph(parts, "note")] if parts else []
