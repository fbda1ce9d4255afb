"""Prior statements in a book: which a meeting's brief holds, and how one is quoted and credited.

A speaker who is a person in the library is named through the person, at the person's
level (never through a copy of the name kept on the statement); a free-text speaker is
text of the statement itself.
"""

from __future__ import annotations

from briefbook.assemble.context import Assembly
from briefbook.assemble.lookups import chosen_item, lookup
from briefbook.assemble.words import format_date
from briefbook.document.model import Block, Origin, Paragraph, Run
from briefbook.library import Person, Statement, Topic
from briefbook.library.books import MeetingChoice


def statement_blocks(a: Assembly, s: Statement) -> list[Block]:
    """A quoted statement and its citation, all of the statement's level (its speaker at theirs)."""
    origin = a.origin(s, a.current)
    cite = [Run("— "), *credit(a, s, origin)]
    if s.source:
        cite.append(Run(f" ({a.words['source']}: {s.source})"))
    if s.link:
        cite.append(Run(" " + s.link, link=s.link if s.link.startswith(("http://", "https://")) else None))
    quote = a.blocks(s.text, "quote", origin=origin)
    return [*quote, Paragraph(cite, "note", origin=origin)] if quote else []


def credit(a: Assembly, s: Statement, origin: Origin) -> list[Run]:
    """Who said it, when, where: the citation under the quote, and every line that refers to it.

    The one rule for naming the speaker: a person in the library only if the ceiling and
    a copy for sharing admit them, at the person's level (``origin`` is the statement's).
    """
    speaker: list[Run] = []
    if s.speaker_id:
        person = lookup(a, Person, s.speaker_id)
        if person is not None and a.admit(person):
            a.mention(person)
            speaker = [Run(person.display_name, origin=a.origin(person, origin))]
    elif s.speaker_name:
        speaker = [Run(s.speaker_name, origin=origin)]
    rest = ", ".join(x for x in (format_date(s.date, a.language), s.occasion) if x)
    return [*speaker, Run((", " if speaker and rest else "") + rest)]


def chosen_statements(a: Assembly, topics: list[Topic], choice: MeetingChoice | None) -> list[Statement]:
    """The statements a meeting's brief holds: those chosen for it, else its topics' own, newest first."""
    if choice and choice.statements is not None:
        candidates = [chosen_item(a, Statement, i) for i in choice.statements]
    else:
        seen: dict[str, Statement] = {}
        for t in topics:
            for s in a.statements_on(t.id):
                seen.setdefault(s.id, s)
        candidates = sorted(seen.values(), key=lambda s: s.date, reverse=True)
    return [s for s in candidates if s is not None and a.admit(s)]
