"""assemble(library, book) → Document: every editorial decision of a briefing book.

Renderers only lay out what this module decides: which items appear (the
ceiling, the drafts rule), in which order, under which headings, and what the
banner says (the highest level the book actually contains).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from briefbook.assemble.context import Assembly, PreflightWarning
from briefbook.assemble.glyphs import glyph_warnings
from briefbook.assemble.gone import gone_warnings
from briefbook.assemble.lookups import chosen_item
from briefbook.assemble.meeting_brief import meeting_brief
from briefbook.assemble.profiles import profile
from briefbook.assemble.provenance import stamp
from briefbook.assemble.statements import statement_blocks
from briefbook.assemble.talking_points import talking_points
from briefbook.assemble.words import format_date, format_range, format_time, label, parse_date, words
from briefbook.collation import sort_key
from briefbook.document.model import (
    Block,
    Contents,
    Cover,
    Document,
    Heading,
    Metadata,
    Origin,
    PageBreak,
    Paragraph,
    Reference,
    Run,
    Table,
)
from briefbook.errors import ValidationError
from briefbook.library import Book, Event, Library, Meeting, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import Section, section_title, sections
from briefbook.library.levels import parse_level
from briefbook.text import fold

NO_CEILING = (
    "The book has no classification ceiling, so only what anyone may read is shown and it cannot be "
    "exported; choose its highest classification ({levels})."
)


def assemble_with_warnings(
    library: Library,
    book: Book | str,
    *,
    ceiling: str | None = None,
    drafts: str | None = None,
    language: str | None = None,
    releasable: bool = False,
) -> tuple[Document, list[PreflightWarning]]:
    """Build the book's document and its preflight warnings in one run.

    Options override the book's own settings for one export. ``releasable`` is
    for a copy that leaves the building: passages marked not for release are left out.
    """
    document, a = _build(library, book, ceiling, drafts, language, releasable)
    return document, [*a.warnings, *glyph_warnings(library, document, a.book.template)]


def assemble(
    library: Library,
    book: Book | str,
    *,
    ceiling: str | None = None,
    drafts: str | None = None,
    language: str | None = None,
    releasable: bool = False,
) -> Document:
    """The book's document (see :func:`assemble_with_warnings` for the options), without the
    preflight's warnings: an export has shown them already, and the glyph check reads every
    string of the book against every font (a twentieth of a 500-meeting export)."""
    return _build(library, book, ceiling, drafts, language, releasable)[0]


def preflight(library: Library, book: Book | str, **options: Any) -> list[PreflightWarning]:
    """What the user should know before exporting: the same run as the export, so never out of step."""
    return assemble_with_warnings(library, book, **options)[1]


def start_assembly(
    library: Library, book: Book | str, ceiling, drafts, language, releasable
) -> tuple[Assembly, Event, bool]:
    """The assembly of one export of ``book`` (the book and the cards both start here, so
    both read the ceiling with the one level parser), its event and whether that is shown."""
    if isinstance(book, str):
        book = library.get(Book, book)
    scheme = library.levels()
    chosen_ceiling = ceiling or book.ceiling
    # A preview without a ceiling shows only what anyone may read; an export is refused.
    parsed = parse_level(scheme, chosen_ceiling, what="ceiling").name if chosen_ceiling else scheme[0].name
    a = Assembly(
        library,
        book,
        ceiling=parsed,
        drafts=drafts or book.drafts,
        language=language or book.language,
        releasable=releasable,
    )
    if not chosen_ceiling:
        a.warn("no_ceiling", NO_CEILING.format(levels=", ".join(lv.name for lv in scheme)))
    event = library.get(Event, book.event_id)
    event_shown = a.admit(event)
    a.event_origin = a.origin(event)
    return a, event, event_shown


def _build(library, book, ceiling, drafts, language, releasable) -> tuple[Document, Assembly]:
    a, event, event_shown = start_assembly(library, book, ceiling, drafts, language, releasable)
    book = a.book
    # Titles not renamed by the user follow the language of this export.
    chosen = [replace(s, title=section_title(s, a.language)) for s in sections(book) if s.include]
    # Each item is printed once: the places that hold an item whole (biographies, the
    # statements annex, topic briefs) are decided first, so that the meeting briefs refer
    # to them; topic briefs are built after the briefs, whose points they do not repeat.
    _reserve_topic_homes(a, chosen)
    order = {"biographies": 0, "statements": 1, "meetings": 2, "topics": 3}
    built: dict[int, list[Block]] = {}
    for index in sorted(range(len(chosen)), key=lambda i: order.get(chosen[i].kind, 4)):
        section = chosen[index]
        built[index] = BUILDERS[section.kind](a, section, event if event_shown else None)
        if not built[index] and section.kind not in ("cover", "contents"):
            a.warn("empty_section", f"The section “{section.title}” has nothing to show.")
    blocks: list[Block] = []
    for index, section in enumerate(chosen):
        if not built[index]:
            continue
        if blocks and section.kind not in ("cover", "contents") and not isinstance(blocks[-1], PageBreak):
            blocks.append(PageBreak())
        blocks += built[index]
    gone_warnings(a)  # what the last export showed and is deleted since: never a silent loss
    a.warnings = list(dict.fromkeys(a.warnings))  # the same item met twice is one warning
    meta = book_metadata(a, book, event, event_shown)
    # The cover is built before the banner is known (the banner depends on everything included).
    for block in blocks:
        if isinstance(block, Cover):
            block.classification = a.banner
            block.draft = a.draft_included
            block.origins["classification"] = meta.origins["banner"]
    return Document(meta, blocks), a


def release_title(library: Library, book: Book | str, ceiling: str | None = None) -> str:
    """The book's title as a copy at ``ceiling`` (the book's own by default) may show it: for the
    names of files and print jobs, which leave with the copy. A title holding its event's title
    (as the default one does) gives way to a plain one when the event is above the ceiling."""
    if isinstance(book, str):
        book = library.get(Book, book)
    event = library.get(Event, book.event_id)
    if not _holds(book.title, event.title):
        return book.title
    try:
        allowed = library.level_rank(ceiling or book.ceiling)
    except ValidationError:  # no ceiling, or one not known: as if the lowest level
        allowed = 0
    try:
        rank = library.level_rank(event.classification)
    except ValidationError:
        rank = len(library.classification_levels())
    return book.title if rank <= allowed else words(book.language).get("book", "Briefing book")


def book_metadata(a: Assembly, book: Book, event: Event, event_shown: bool) -> Metadata:
    """The file's metadata, each field with the origin of the text it holds (the release gate
    reads them too); call it after everything is assembled, since the banner names the
    highest level included."""
    title, title_origin = book_title(a, event, event_shown)
    book_origin = a.origin(None)
    return Metadata(
        title=title,
        subject=event.title if event_shown else "",
        author=book.author,
        language=a.language,
        date=parse_date(book.issue_date),
        banner=a.banner,
        draft=a.draft_included,
        keywords=[],
        origins={
            "title": title_origin,
            "subject": a.event_origin,
            "author": book_origin,
            "banner": Origin(a.levels[a.highest_rank], kind="banner"),  # the banner names this level
            "keywords": book_origin,
        },
    )


def book_title(a: Assembly, event: Event, event_shown: bool) -> tuple[str, Origin]:
    """The book's title and its origin: a title that holds its event's title (as the default
    one does) is of the event's level, and is replaced by a plain one when the event is left out."""
    title = a.book.title
    if not _holds(title, event.title):
        return title, a.origin(None)
    if event_shown:
        return title, a.origin(None, a.event_origin)
    a.warn(
        "title_above_ceiling",
        "The book's title names its event, which is above the ceiling; the title is left out.",
    )
    return a.words.get("book", "Briefing book"), a.origin(None)


def _holds(text: str, part: str) -> bool:
    """True if ``part`` appears in ``text``, ignoring case, accents and spacing."""
    wanted = " ".join(fold(part).split())
    return bool(wanted) and wanted in " ".join(fold(text).split())


def _cover(a: Assembly, section: Section, event: Event | None) -> list[Block]:
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
    if _holds(subtitle, the_event.title):
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


def _contents(a: Assembly, section: Section, event: Event | None) -> list[Block]:
    return [Contents(section.title or a.words.get("contents", "Contents"), origin=a.origin(None))]


def _heading(a: Assembly, section: Section) -> Heading:
    return Heading(1, section.title, a.anchor(section.title), origin=a.origin(None))


def _meetings(a: Assembly, section: Section, event: Event | None) -> list[Meeting]:
    """The section's meetings in the chosen order (all of the event's by default), within the ceiling."""
    if section.items is not None:
        found = []
        for item_id in section.items:
            rows = a.library.list(Meeting, where={"id": item_id, "event_id": a.book.event_id})
            found += rows
    else:
        found = a.library.list(Meeting, where={"event_id": a.book.event_id}, order_by="starts_at")
    return [m for m in found if a.admit(m)]


def _programme(a: Assembly, section: Section, event: Event | None) -> list[Block]:
    w = a.words
    meetings = _meetings(a, section, event)
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
    return [_heading(a, section), table]


def _delegation(a: Assembly, section: Section, event: Event | None) -> list[Block]:
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
    for m in _meetings(a, Section("meetings", ""), event):
        for p in a.library.participants(m.id):
            if p.role == "delegation" or not a.admit(p.person):
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
    return [_heading(a, section), *stamp(out, a.origin(None))] if out else []


def _objectives(a: Assembly, section: Section, event: Event | None) -> list[Block]:
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
    return [_heading(a, section), *out] if out else []


def _meeting_briefs(a: Assembly, section: Section, event: Event | None) -> list[Block]:
    out: list[Block] = []
    meetings = _meetings(a, section, event)
    for number, meeting in enumerate(meetings, start=1):
        if out:
            out.append(PageBreak())
        out += meeting_brief(a, meeting, section.choices.get(meeting.id), number, len(meetings))
    return [_heading(a, section), *out] if out else []


def _section_topics(a: Assembly, section: Section, warn: bool = True) -> list[Topic]:
    """The topics a topic-briefs section lists: the chosen ones, or those of the event's meetings."""
    if section.items is not None:
        if not warn:
            found = [a.library.list(Topic, where={"id": i}) for i in section.items]
            return [t for rows in found for t in rows]
        return [t for t in (chosen_item(a, Topic, i) for i in section.items) if t is not None]
    return _by_title(a.scope.topics)


def _reserve_topic_homes(a: Assembly, chosen: list[Section]) -> None:
    """Topic briefs will print these topics' backgrounds: the briefs refer to them."""
    for section in chosen:
        if section.kind != "topics":
            continue
        for topic in _section_topics(a, section, warn=False):
            if topic.background and a.rank(a.level_of(topic)) <= a.ceiling_rank:
                a.homes.setdefault(("topic", topic.id), a.anchor("topic-" + topic.title))


def _topic_briefs(a: Assembly, section: Section, event: Event | None) -> list[Block]:
    """The topics raised in the event's meetings, by title (or the chosen ones, in their order).

    A topic brief holds its background (the one place it is printed) and the points
    no meeting brief prints; points printed in a brief are referred to, not repeated.
    """
    topics = _section_topics(a, section)
    out: list[Block] = []
    for topic in topics:
        if not a.admit(topic):
            continue
        points = [p for p in a.library.list(TalkingPoint, where={"topic_id": topic.id}) if a.admit(p)]
        if not points and not topic.background:
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
    return [_heading(a, section), *out] if out else []


def _statements(a: Assembly, section: Section, event: Event | None) -> list[Block]:
    """Prior statements by topic, newest first; statements without a topic at the end.

    By default the event's statements (on its topics or by its people); else the chosen ones.
    """
    out: list[Block] = []
    placed: set[str] = set()
    if section.items is not None:
        wanted = {s.id for s in (chosen_item(a, Statement, i) for i in section.items) if s is not None}
    else:
        wanted = {s.id for s in a.scope.statements}
    # Only the topics and statements of this book: a small book in a library of 25,000
    # statements read them all (0.6 s) to keep a few.
    linked = a.library.topics_of_statements(wanted)
    topic_ids = sorted({t for topics in linked.values() for t in topics})
    for topic in _by_title(a.library.get_many(Topic, topic_ids)):
        chosen = [s for s in a.library.statements_on(topic.id) if s.id in wanted]
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
    return [_heading(a, section), *out] if out else []


def _biographies(a: Assembly, section: Section, event: Event | None) -> list[Block]:
    """The event's people (our delegation, the meetings' participants), or the chosen ones; by name."""
    if section.items is not None:
        people = [p for p in (chosen_item(a, Person, i) for i in section.items) if p is not None]
    else:
        people = list(a.scope.people)
    people = [p for p in people if a.admit(p)]
    people.sort(key=lambda p: sort_key(p.name_romanised or p.name))  # the order of the window's lists
    out: list[Block] = []
    for person in people:
        a.mention(person)
        block = profile(a, person)
        block.anchor = a.anchor("bio-" + (person.name_romanised or person.name))
        a.homes["person", person.id] = block.anchor
        out.append(block)
    return [_heading(a, section), *out] if out else []


def _text(a: Assembly, section: Section, event: Event | None) -> list[Block]:
    body = a.blocks(section.text, origin=a.origin(None))
    return [_heading(a, section), *body] if body else []


def _by_title(topics: list[Topic]) -> list[Topic]:
    """Titles in Vietnamese alphabetical order, "Chủ đề 2" before "Chủ đề 10" (as the window lists them)."""
    return sorted(topics, key=lambda topic: sort_key(topic.title))


Builder = Callable[[Assembly, Section, Event | None], list[Block]]

BUILDERS: dict[str, Builder] = {
    "cover": _cover,
    "contents": _contents,
    "programme": _programme,
    "delegation": _delegation,
    "objectives": _objectives,
    "meetings": _meeting_briefs,
    "topics": _topic_briefs,
    "statements": _statements,
    "biographies": _biographies,
    "text": _text,
}
