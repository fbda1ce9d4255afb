"""One meeting brief, in the standard government order: the steer (who, when, where,
why), our objectives, points to make, their likely positions and asks with our
response, press line, background, previous contacts, who's who, and the sign-off.

Each item is printed once in the book: a background, a statement or a biography
printed elsewhere (a topic brief, the statements annex, the biographies annex,
or an earlier brief) is a :class:`Reference` here, a live link with its page.
"""

from __future__ import annotations

from briefbook.assemble.context import SENSITIVITIES_LEVEL_RANK, Assembly
from briefbook.assemble.gone import missing_warning
from briefbook.assemble.markdown_flat import flat_runs, marker
from briefbook.assemble.provenance import stamp
from briefbook.assemble.words import format_date, format_time
from briefbook.document.model import (
    Block,
    Heading,
    ListBlock,
    ListItem,
    Origin,
    Paragraph,
    Profile,
    Reference,
    Run,
)
from briefbook.errors import NotFound
from briefbook.library import Event, Meeting, Organisation, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import MeetingChoice

POINT_GROUPS = (
    ("points_to_make", ("key_message", "proactive")),
    ("if_raised", ("reactive",)),
    ("press_lines", ("press_line",)),
    ("qa", ("qa",)),
)


def label(text: str) -> Paragraph:
    return Paragraph([Run(text, bold=True)], "label")


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
    for p in a.library.participants(meeting.id):
        if a.admit(p.person):
            a.mention(p.person)
            (ours if p.role == "delegation" else counterparts).append(p)
    topics = [t for t in a.library.meeting_topics(meeting.id) if a.admit(t)]
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
    reactive = _point_items(a, [p for p in points if p.kind == "reactive"])
    qa = _point_items(a, [p for p in points if p.kind == "qa"])
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
        names = "; ".join(_short_line(a, p, len(counterparts) == 1) for p in counterparts)
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


def person_line(a: Assembly, person: Person, role: str = "") -> list[Run]:
    """Who's who: one line (name as written and romanised, position, how to address)."""
    return _person_runs(a, person, role)


def point_items(a: Assembly, group: list[TalkingPoint]) -> list[ListItem]:
    """The points as list items, drafts marked, a question before its answer."""
    return _point_items(a, group)


def _point_items(a: Assembly, group: list[TalkingPoint]) -> list[ListItem]:
    items: list[ListItem] = []
    for p in group:
        origin = a.origin(p, a.current)
        body = a.items(p.text, origin=origin)
        if not body:  # the whole point is marked not for release
            continue
        runs = [Run(f"[{a.words['draft']}] ", bold=True)] if p.status != "cleared" else []
        if p.kind == "qa" and p.question:
            question = a.runs(p.question, origin=origin)
            runs += [Run(a.words["question"] + " ", bold=True), *question, Run("\n")]
            runs += [Run(a.words["answer"] + " ", bold=True)]
        first, *rest = body
        items += [ListItem(runs + first.runs, first.children, first.origin, first.more), *rest]
    return items


def _point_group(
    a: Assembly,
    points: list[TalkingPoint],
    kinds: tuple[str, ...],
    title: str,
    meeting: Meeting,
    ordered=False,
) -> list[Block]:
    items = _point_items(a, [p for p in points if p.kind in kinds])
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
            who = ", ".join(x for x in (_speaker(a, s), format_date(s.date, a.language), s.occasion) if x)
            out.append(Reference([Run(w["statement_ref"].format(who=who))], home, origin=origin))
            continue
        a.homes["statement", s.id] = anchor
        out += statement_blocks(a, s)
    return [Heading(3, w["background"], a.anchor("bg-" + meeting.title)), *out] if out else []


def _speaker(a: Assembly, s: Statement) -> str:
    if s.speaker_id:
        person = _get(a, Person, s.speaker_id)
        if person is not None and a.rank(a.level_of(person)) <= a.ceiling_rank:
            return person.display_name
        return ""
    return s.speaker_name


def _previous_contacts(a: Assembly, meeting: Meeting, people: list[Person]) -> list[Block]:
    """Each counterpart's earlier meetings in the library: date and one line each."""
    items: list[ListItem] = []
    for person in people:
        earlier = [
            m
            for m in a.meetings_of(person.id)
            if m.id != meeting.id
            and m.starts_at
            and (not meeting.starts_at or m.starts_at < meeting.starts_at)
            and a.rank(a.level_of(m)) <= a.ceiling_rank
        ]
        for m in earlier:
            origin = a.origin(m, person, meeting)
            a.highest_rank = max(a.highest_rank, a.rank(origin.level))
            line = [Run(format_date(m.starts_at[:10], a.language) + " — ", bold=True), Run(m.title)]
            if m.event_id != meeting.event_id:
                event = _get(a, Event, m.event_id)
                if event is not None and a.rank(a.level_of(event)) <= a.ceiling_rank:
                    line.append(Run(f" ({event.title})", origin=a.origin(event, origin)))
            if len(people) > 1:
                line.append(Run(f" · {person.display_name}"))
            items.append(ListItem(line, origin=origin))
    if not items:
        return []
    return [Heading(3, a.words["previous_contacts"], a.anchor("prev-" + meeting.title)), ListBlock(items)]


def _whos_who(a: Assembly, meeting: Meeting, counterparts, ours) -> list[Block]:
    """One line per person; the biography is in the annex, referred to with its page."""
    w = a.words
    out: list[Block] = []
    for heading, group in ((w["their_side"], counterparts), (w["our_delegation"], ours)):
        lines: list[Block] = []
        for p in group:
            origin = a.origin(p.person, meeting)
            runs = _person_runs(a, p.person, w.get(p.role, p.role) if group is counterparts else "")
            home = a.homes.get(("person", p.person.id))
            if home:
                lines.append(Reference(runs, home, origin=origin))
            else:
                lines.append(Paragraph(runs, origin=origin))
        if lines:
            out += [Heading(4, heading, a.anchor("who-" + heading + meeting.title)), *lines]
    return [Heading(3, w["whos_who"], a.anchor("who-" + meeting.title)), *out] if out else []


def _person_runs(a: Assembly, person: Person, role: str) -> list[Run]:
    """Name as written and romanised, position, how to address: one line."""
    runs = [Run(person.name, bold=True)]
    if person.name_romanised and person.name_romanised != person.name:
        runs.append(Run(f" ({person.name_romanised})"))
    position = _person_position(a, person)
    if position:
        runs.append(Run(" — " + position))
    if role:
        runs.append(Run(f" [{role}]"))
    if person.form_of_address:
        runs.append(Run(f"; {a.words['address_as']}: {person.form_of_address}", italic=True))
    return runs


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


def chosen_points(a: Assembly, topics: list[Topic], choice: MeetingChoice | None) -> list[TalkingPoint]:
    if choice and choice.talking_points is not None:
        candidates = [_get(a, TalkingPoint, i) for i in choice.talking_points]
        for point in candidates:
            if point is not None:
                a.warn_if_other_event(point)  # hand-picked: the same rule as a section's items
    else:
        candidates = [p for t in topics for p in a.library.list(TalkingPoint, where={"topic_id": t.id})]
    return [p for p in candidates if p is not None and a.admit(p)]


def chosen_statements(a: Assembly, topics: list[Topic], choice: MeetingChoice | None) -> list[Statement]:
    if choice and choice.statements is not None:
        candidates = [_get(a, Statement, i) for i in choice.statements]
        for statement in candidates:
            if statement is not None:
                a.warn_if_other_event(statement)
    else:
        seen: dict[str, Statement] = {}
        for t in topics:
            for s in a.library.statements_on(t.id):
                seen.setdefault(s.id, s)
        candidates = sorted(seen.values(), key=lambda s: s.date, reverse=True)
    return [s for s in candidates if s is not None and a.admit(s)]


def talking_points(a: Assembly, points: list[TalkingPoint]) -> list[Block]:
    """Points grouped under the labels a principal expects, drafts marked (topic briefs)."""
    out: list[Block] = []
    for key, kinds in POINT_GROUPS:
        items = _point_items(a, [p for p in points if p.kind in kinds])
        if items:
            out += [label(a.words[key]), ListBlock(items, ordered=key == "points_to_make")]
    return out


def statement_blocks(a: Assembly, s: Statement) -> list[Block]:
    """A quoted statement and its citation, all of the statement's level.

    A speaker who is a person in the library is named through the person, at the
    person's level (never through a copy of the name kept on the statement); a
    free-text speaker is text of the statement itself.
    """
    origin = a.origin(s, a.current)
    speaker: list[Run] = []
    if s.speaker_id:
        person = _get(a, Person, s.speaker_id)
        if person is not None and a.admit(person):
            a.mention(person)
            speaker = [Run(person.display_name, origin=a.origin(person, origin))]
    elif s.speaker_name:
        speaker = [Run(s.speaker_name, origin=origin)]
    rest = ", ".join(x for x in (format_date(s.date, a.language), s.occasion) if x)
    cite = [Run("— "), *speaker, Run((", " if speaker and rest else "") + rest)]
    if s.source:
        cite.append(Run(f" ({a.words['source']}: {s.source})"))
    if s.link:
        cite.append(Run(" " + s.link, link=s.link if s.link.startswith(("http://", "https://")) else None))
    quote = a.blocks(s.text, "quote", origin=origin)
    return [*quote, Paragraph(cite, "note", origin=origin)] if quote else []


def profile(
    a: Assembly, person: Person, *, role: str = "", short: bool = False, within: Meeting | None = None
) -> Profile:
    """A person as a principal needs them: name, position, how to address; the full bio in the annex.

    Everything in it is of the person's level (and at least ``within``'s, the meeting shown in).
    """
    origin = a.origin(person, within)
    with a.source(origin):
        return _profile(a, person, origin, role, short)


def _profile(a: Assembly, person: Person, origin: Origin, role: str, short: bool) -> Profile:
    w = a.words
    lines: list[Paragraph] = []
    if person.name_romanised and person.name_romanised != person.name:
        lines.append(Paragraph([Run(person.name_romanised, italic=True)]))
    position = _person_position(a, person)
    if position:
        lines.append(Paragraph([Run(position)]))
    if role:
        lines.append(Paragraph([Run(f"{w['role']}: ", bold=True), Run(role)], "note"))
    if person.honorific:
        lines.insert(0, Paragraph([Run(person.honorific)], "note"))
    for key in ("form_of_address", "pronunciation", "languages"):
        value = getattr(person, key)
        if value:
            lines.append(Paragraph([Run(f"{w[key]}: ", bold=True), Run(value)], "note"))
    if not short and person.biography:
        lines += as_paragraphs(a.blocks(person.biography))
    if person.interests:
        lines.append(Paragraph([Run(f"{w['interests']}: ", bold=True), *a.runs(person.interests)], "note"))
    rank = min(max(SENSITIVITIES_LEVEL_RANK, a.rank(origin.level)), len(a.levels) - 1)
    if person.sensitivities and a.admit_level(rank):
        sensitive = a.origin(person, Origin(a.levels[rank]))
        runs = a.runs(person.sensitivities, origin=sensitive)
        lines.append(Paragraph([Run(f"{w['sensitivities']}: ", bold=True), *runs], "note", origin=sensitive))
    photo = a.library.photo(person.id)
    if not photo:
        a.warn("person_without_photo", f"{person.display_name} has no photo.", person)
    if not person.position:
        a.warn("person_without_position", f"{person.display_name} has no position.", person)
    return Profile(person.name, photo, stamp(lines, origin), origin=origin)  # type: ignore[arg-type]


def as_paragraphs(blocks: list[Block]) -> list[Paragraph]:
    """Blocks flattened to paragraphs, in order (a profile's text column holds only
    paragraphs): list items keep their numbers and indents, table rows become lines."""
    out: list[Paragraph] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append(b)
        elif isinstance(b, ListBlock):
            out += _list_paragraphs(b, 0)
        else:
            runs = flat_runs(b)
            if runs:
                out.append(Paragraph(runs))
    return out


def _list_paragraphs(block: ListBlock, depth: int) -> list[Paragraph]:
    out: list[Paragraph] = []
    for n, item in enumerate(block.items, start=1):
        out.append(Paragraph([Run("\u2003" * depth + marker(block.ordered, depth, n)), *item.runs]))
        if item.children:
            out += _list_paragraphs(item.children, depth + 1)
        for part in item.more:
            if isinstance(part, ListBlock):
                out += _list_paragraphs(part, depth + 1)
            else:
                out.append(Paragraph([Run("\u2003" * (depth + 1)), *part.runs], part.style, part.origin))
    return out


def _person_position(a: Assembly, person: Person) -> str:
    parts = [person.position]
    if person.organisation_id:
        org = _get(a, Organisation, person.organisation_id)
        if org is not None:
            parts.append(org.display_name)
    if person.country and person.country not in " ".join(parts):
        parts.append(person.country)
    return ", ".join(p for p in parts if p)


def _short_line(a: Assembly, person: Person, with_position: bool = True) -> str:
    """For the steer's first line: "Ngài Sihasak Phuangketkeow, Bộ trưởng Ngoại giao", or the
    name alone when several people share the line (who's who has the rest)."""
    name = person.name_romanised or person.name
    name = f"{person.honorific} {name}" if person.honorific else name
    return f"{name}, {person.position}" if person.position and with_position else name


def _get(a: Assembly, cls, item_id: str):
    try:
        return a.library.get(cls, item_id)
    except NotFound:  # an item chosen once and deleted since: skip it
        missing_warning(a, item_id)
        return None
