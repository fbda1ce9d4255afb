"""Cards for the car: one page per meeting with what a principal needs on the way in --
the steer, the points to make, the counterparts' one-liners and the press line.

A card is a summary of its brief (the book has the rest), built from the same
library items under the same ceiling, drafts rule and release gate as the book.
"""

from __future__ import annotations

from briefbook.assemble.book import start_assembly
from briefbook.assemble.context import Assembly
from briefbook.assemble.meeting_brief import steer
from briefbook.assemble.profiles import person_line
from briefbook.assemble.provenance import stamp
from briefbook.assemble.sections import meetings_in
from briefbook.assemble.talking_points import chosen_points, point_items
from briefbook.assemble.titles import book_metadata
from briefbook.document.model import (
    Block,
    Document,
    Heading,
    ListBlock,
    PageBreak,
    Paragraph,
    Run,
)
from briefbook.library import Book, Library, Meeting
from briefbook.library.books import Section, sections


def assemble_cards(
    library: Library,
    book: Book | str,
    *,
    ceiling: str | None = None,
    drafts: str | None = None,
    language: str | None = None,
    releasable: bool = False,
) -> Document:
    """The book's meetings as cards (in the order and with the choices of its briefs section)."""
    a, event, event_shown = start_assembly(library, book, ceiling, drafts, language, releasable)
    book = a.book
    section = next((s for s in sections(book) if s.kind == "meetings" and s.include), Section("meetings", ""))
    meetings = meetings_in(a, section, event if event_shown else None)
    blocks: list[Block] = []
    for number, meeting in enumerate(meetings, start=1):
        if blocks:
            blocks.append(PageBreak())
        with a.source(a.origin(meeting)) as origin:
            blocks += stamp(card(a, meeting, section, number, len(meetings)), origin)
    meta = book_metadata(a, book, event, event_shown)
    return Document(meta, blocks)


def card(a: Assembly, meeting: Meeting, section: Section, number: int, total: int) -> list[Block]:
    w = a.words
    kind = w.get(meeting.kind if meeting.kind != "session" else "session_kind", meeting.kind)
    out: list[Block] = [
        Heading(2, meeting.title, a.anchor(meeting.title)),
        Paragraph([Run(" · ".join([w["brief_number"].format(n=number, total=total), kind]))], "note"),
    ]
    ours = a.scope.delegation_ids  # (ours in any role, as in the brief)
    counterparts = [
        p
        for p in a.participants(meeting.id)
        if p.role != "delegation" and p.person.id not in ours and a.admit(p.person)
    ]
    out += steer(a, meeting, [p.person for p in counterparts], whole_purpose=False)
    topics = [t for t in a.meeting_topics(meeting.id) if a.admit(t)]
    points = chosen_points(a, topics, section.choices.get(meeting.id))
    make = point_items(a, [p for p in points if p.kind in ("key_message", "proactive")])
    if make:
        out += [_heading(a, w["points_to_make"], meeting), ListBlock(make, ordered=True)]
    if counterparts:
        out.append(_heading(a, w["their_side"], meeting))
        for p in counterparts:
            runs = person_line(a, p.person, w.get(p.role, p.role))
            out.append(Paragraph(runs, origin=a.origin(p.person, meeting)))
    press = point_items(a, [p for p in points if p.kind == "press_line"])
    if press:
        out += [_heading(a, w["press_line"], meeting), ListBlock(press)]
    return out


def _heading(a: Assembly, text: str, meeting: Meeting) -> Heading:
    return Heading(3, text, a.anchor(text + "-" + meeting.title))
