"""The book's own sections: cover, contents, programme, delegation, objectives, the meeting
briefs and free text (one builder each; ``book.BUILDERS`` maps a section's kind to it).

The annexes (topic briefs, statements, biographies) are in :mod:`briefbook.assemble.annexes`.
"""

from __future__ import annotations

from briefbook.assemble.context import Assembly
from briefbook.assemble.meeting_brief import meeting_brief
from briefbook.assemble.provenance import stamp
from briefbook.assemble.titles import book_title, holds_title
from briefbook.assemble.words import format_date, format_range, format_time, label
from briefbook.document.model import (
    Block,
    Contents,
    Cover,
    Heading,
    PageBreak,
    Paragraph,
    Run,
    Table,
)
from briefbook.library import Event, Meeting, Person
from briefbook.library.books import Section


def cover(a: Assembly, section: Section, event: Event | None) -> list[Block]:
    b, w = a.book, a.words
    place = ", ".join(x for x in (event.city, event.country) if x) if event else ""
    dates = format_range(event.start_date, event.end_date, a.language) if event and event.start_date else ""
    the_event = a.library.get(Event, b.event_id)
    title, title_origin = book_title(a, the_event, event is not None)
    book = a.origin(None)
    fields = ("subtitle", "recipient", "issue_date", "drafted_by", "cleared_by", "copy_number", "shareable")
    origins = {"title": title_origin, "event": a.event_origin, "place_and_dates": a.event_origin}
    origins |= {name: book for name in fields}
    subtitle = b.subtitle
    if holds_title(subtitle, the_event.title):
        origins["subtitle"] = a.origin(None, a.event_origin)
        subtitle = subtitle if event is not None else ""
    return [
        Cover(
            title=title,
            subtitle=subtitle,
            event=event.title if event else "",
            place_and_dates=" · ".join(x for x in (place, dates) if x),
            recipient=b.recipient,
            issue_date=f"{w['issued']}: {format_date(b.issue_date, a.language)}" if b.issue_date else "",
            drafted_by=f"{w['drafted_by']}: {b.drafted_by}" if b.drafted_by else "",
            cleared_by=f"{w['cleared_by']}: {b.cleared_by}" if b.cleared_by else "",
            copy_number=f"{w['copy']} {b.copy_number}" if b.copy_number else "",
            shareable=w["shareable"] if a.releasable else "",
            origins=origins,
        )
    ]


def contents(a: Assembly, section: Section, event: Event | None) -> list[Block]:
    return [Contents(section.title or a.words.get("contents", "Contents"), origin=a.origin(None))]


def section_heading(a: Assembly, section: Section) -> Heading:
    return Heading(1, section.title, a.anchor(section.title), origin=a.origin(None))


def meetings_in(a: Assembly, section: Section, event: Event | None) -> list[Meeting]:
    """The section's meetings in the chosen order (all of the event's by default), within the ceiling."""
    if section.items is not None:
        found = []
        for item_id in section.items:
            rows = a.library.list(Meeting, where={"id": item_id, "event_id": a.book.event_id})
            found += rows
    else:
        found = a.event_meetings()
    admitted = [m for m in found if a.admit(m)]
    a.read_meetings(admitted)  # what their briefs hold, in a few queries for them all
    return admitted


def programme(a: Assembly, section: Section, event: Event | None) -> list[Block]:
    w = a.words
    meetings = meetings_in(a, section, event)
    if not meetings:
        return []
    rows = [
        [
            [Paragraph([Run(format_time(m.starts_at, a.language))], origin=o)],
            [Paragraph([Run(m.title, bold=True)], origin=o)],
            [Paragraph([Run(w.get(m.kind if m.kind != "session" else "session_kind", m.kind))], origin=o)],
            [Paragraph([Run(m.venue)], origin=o)],
        ]
        for m, o in ((m, a.origin(m)) for m in meetings)
    ]
    header = [[Paragraph([Run(w[k], bold=True)])] for k in ("time", "session", "kind", "venue")]
    table = Table([header], rows, widths=[1.3, 3.2, 1.2, 1.8], origin=a.origin(None))
    return [section_heading(a, section), table]


def delegation(a: Assembly, section: Section, event: Event | None) -> list[Block]:
    w = a.words
    out: list[Block] = []
    members = [p for p in a.library.delegation(a.book.event_id) if a.admit(p.person)]
    if members:
        header = [[Paragraph([Run(w[k], bold=True)])] for k in ("name", "position", "role")]
        rows = []
        for p in members:
            a.mention(p.person)
            o = a.origin(p.person)
            rows.append(
                [
                    [Paragraph([Run(p.person.name, bold=True)], origin=o)],
                    [Paragraph([Run(p.person.position)], origin=o)],
                    [Paragraph([Run(p.role)], origin=o)],
                ]
            )
        out += [label(w["our_delegation"]), Table([header], rows, widths=[2, 3, 2])]
    # Each person once, with every session they are in (not only the first).
    others: dict[str, tuple[Person, list[Meeting]]] = {}
    for m in meetings_in(a, Section("meetings", ""), event):
        for p in a.participants(m.id):
            if p.role == "delegation" or p.person.id in a.scope.delegation_ids or not a.admit(p.person):
                continue
            if p.person.id not in others:
                a.mention(p.person)
                others[p.person.id] = (p.person, [])
            if m not in others[p.person.id][1]:
                others[p.person.id][1].append(m)
    if others:
        header = [[Paragraph([Run(w[k], bold=True)])] for k in ("name", "position", "session")]
        rows = []
        for person, meetings in others.values():
            o = a.origin(person, meetings[0])
            name = [Paragraph([Run(person.name, bold=True)], origin=o)]
            if person.name_romanised:
                name.append(Paragraph([Run(person.name_romanised)], origin=o))
            sessions = [Paragraph([Run(m.title)], origin=a.origin(person, m)) for m in meetings]
            rows.append([name, [Paragraph([Run(person.position)], origin=o)], sessions])
        out += [label(w["participants"]), Table([header], rows, widths=[2.4, 3, 2])]
    return [section_heading(a, section), *stamp(out, a.origin(None))] if out else []


def objectives(a: Assembly, section: Section, event: Event | None) -> list[Block]:
    if event is None:
        return []
    out: list[Block] = []
    with a.source(a.event_origin):
        for key in ("scene_setter", "objectives"):
            text = getattr(event, key)
            if text:
                out += [label(a.words[key]), *a.blocks(text)]
        if event.hosts:
            out.insert(0, Paragraph([Run(event.hosts)], "note"))
        out = stamp(out, a.event_origin)
    return [section_heading(a, section), *out] if out else []


def meeting_briefs(a: Assembly, section: Section, event: Event | None) -> list[Block]:
    out: list[Block] = []
    meetings = meetings_in(a, section, event)
    for number, meeting in enumerate(meetings, start=1):
        if out:
            out.append(PageBreak())
        _warn_outside_event(a, meeting, event)
        out += meeting_brief(a, meeting, section.choices.get(meeting.id), number, len(meetings))
    return [section_heading(a, section), *out] if out else []


def _warn_outside_event(a: Assembly, meeting: Meeting, event: Event | None) -> None:
    """A meeting dated outside its event's days is named: a day and month typed the other
    way round ('03/04/2026' for an event in December) is printed as written, so the
    user sees it before the book leaves, not at the airport."""
    if event is None or not event.start_date or not meeting.starts_at:
        return
    day, first, last = (
        meeting.starts_at[:10],
        event.start_date[:10],
        (event.end_date or event.start_date)[:10],
    )
    if first <= day <= last:
        return
    a.warn(
        "meeting_outside_event",
        f"The meeting “{meeting.title}” is on {day}, outside its event's dates ({first} to {last}).",
        meeting,
    )


def free_text(a: Assembly, section: Section, event: Event | None) -> list[Block]:
    """A section of the book's own text: it has no level of its own, so every copy prints it;
    a copy below the book's own ceiling says so by the section's name (a note written into
    a Secret book goes into its Public copy too, unless marked not for release)."""
    body = a.blocks(section.text, origin=a.origin(None))
    if body and a.book.ceiling in a.levels and a.ceiling_rank < a.levels.index(a.book.ceiling):
        a.warn(
            "text_section_in_copy",
            f"The section “{section.title}” is the book's own text, which every copy prints whatever "
            f"its ceiling: this {a.ceiling} copy holds it too (a passage marked [NFR] is left out "
            "of a copy for sharing).",
        )
    return [section_heading(a, section), *body] if body else []
