"""One meeting brief: purpose, who we meet, points to make, if raised, press
lines, Q&A, prior statements, background — the order a principal reads in."""

from __future__ import annotations

from briefbook.assemble import markdown
from briefbook.assemble.context import SENSITIVITIES_LEVEL_RANK, Assembly
from briefbook.assemble.provenance import stamp
from briefbook.assemble.words import format_date, format_time
from briefbook.document.model import Block, Heading, ListBlock, ListItem, Origin, Paragraph, Profile, Run
from briefbook.errors import NotFound
from briefbook.library import Meeting, Organisation, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import MeetingChoice

POINT_GROUPS = (
    ("points_to_make", ("key_message", "proactive")),
    ("if_raised", ("reactive",)),
    ("press_lines", ("press_line",)),
    ("qa", ("qa",)),
)


def label(text: str) -> Paragraph:
    return Paragraph([Run(text, bold=True)], "label")


def meeting_brief(a: Assembly, meeting: Meeting, choice: MeetingChoice | None) -> list[Block]:
    """The meeting's brief; all its text is at least the meeting's level."""
    with a.source(a.origin(meeting)) as origin:
        return stamp(_meeting_brief(a, meeting, choice), origin)


def _meeting_brief(a: Assembly, meeting: Meeting, choice: MeetingChoice | None) -> list[Block]:
    w = a.words
    out: list[Block] = [Heading(2, meeting.title, a.anchor(meeting.title))]
    facts = [w.get(meeting.kind if meeting.kind != "session" else "session_kind", meeting.kind)]
    if meeting.starts_at:
        facts.append(format_time(meeting.starts_at, a.language))
    if meeting.venue:
        facts.append(meeting.venue)
    out.append(Paragraph([Run(" · ".join(facts))], "note"))
    for key in ("purpose", "objectives"):
        text = getattr(meeting, key)
        if text:
            out += [label(w[key]), *a.blocks(text)]

    counterparts, ours = [], []
    for p in a.library.participants(meeting.id):
        if a.admit(p.person):
            a.mention(p.person)
            (ours if p.role == "delegation" else counterparts).append(p)
    if counterparts:
        out.append(label(w["who_we_meet"]))
        out += [
            profile(a, p.person, role=w.get(p.role, p.role), short=True, within=meeting) for p in counterparts
        ]
    if ours:
        out.append(label(w["our_delegation"]))
        items = [ListItem([Run(_person_line(a, p.person))], origin=a.origin(p.person, meeting)) for p in ours]
        out.append(ListBlock(items))

    topics = [t for t in a.library.meeting_topics(meeting.id) if a.admit(t)]
    points = chosen_points(a, topics, choice)
    if not points:
        a.warn("meeting_without_points", f"The meeting “{meeting.title}” has no talking points.", meeting)
    out += talking_points(a, points)
    statements = chosen_statements(a, topics, choice)
    if statements:
        out.append(label(w["statements"]))
        for s in statements:
            out += statement_blocks(a, s)
    backgrounds = [t for t in topics if t.background]
    if backgrounds:
        out.append(label(w["background"]))
        for t in backgrounds:
            origin = a.origin(t, meeting)
            out.append(Paragraph([Run(t.title, italic=True)], origin=origin))
            out += a.blocks(t.background, origin=origin)
    return out


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
    """Points grouped under the headings a principal expects, drafts marked."""
    out: list[Block] = []
    for key, kinds in POINT_GROUPS:
        group = [p for p in points if p.kind in kinds]
        items = []
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
            items += [ListItem(runs + first.runs, first.children, first.origin), *rest]
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
            runs = markdown.flat_runs(b)
            if runs:
                out.append(Paragraph(runs))
    return out


def _list_paragraphs(block: ListBlock, depth: int) -> list[Paragraph]:
    out: list[Paragraph] = []
    for n, item in enumerate(block.items, start=1):
        out.append(Paragraph([Run("\u2003" * depth + markdown.marker(block.ordered, depth, n)), *item.runs]))
        if item.children:
            out += _list_paragraphs(item.children, depth + 1)
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


def _person_line(a: Assembly, person: Person) -> str:
    name = f"{person.honorific} {person.name}" if person.honorific else person.name
    position = _person_position(a, person)
    return f"{name} — {position}" if position else name


def _get(a: Assembly, cls, item_id: str):
    try:
        return a.library.get(cls, item_id)
    except NotFound:  # an item chosen once and deleted since: skip it
        a.warn("missing_item", f"An item chosen for this book no longer exists ({item_id}).")
        return None
