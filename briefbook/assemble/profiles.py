"""People in a book: a profile as a principal needs it, and the one-line forms of a person.

A profile holds the name as written and romanised, the position, how to address and
pronounce, and (in the biographies annex) the biography; the sensitivities are at least
:data:`~briefbook.assemble.context.SENSITIVITIES_LEVEL_RANK` whatever the person's level.
A who's-who line and the steer's "with" line are the short forms.
"""

from __future__ import annotations

from briefbook.assemble.context import SENSITIVITIES_LEVEL_RANK, Assembly
from briefbook.assemble.lookups import lookup
from briefbook.assemble.markdown_flat import INDENT, flat_runs, marker
from briefbook.assemble.provenance import stamp
from briefbook.document.model import Block, ListBlock, Origin, Paragraph, Profile, Run
from briefbook.library import Meeting, Organisation, Person


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
    position = person_position(a, person)
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
    elif person.sensitivities.strip() and not any(
        x.code == "sensitivities_above_ceiling" and x.item_id == person.id for x in a.warnings
    ):  # left out, and said once by name, like every other text above the ceiling
        a.warn(
            "sensitivities_above_ceiling",
            f"The sensitivities of {person.display_name} are {a.levels[rank]}, above the ceiling "
            f"({a.ceiling}); they are left out.",
            person,
        )
    photo = a.photo(person.id)
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
        out.append(Paragraph([Run(INDENT * depth + marker(block.ordered, depth, n)), *item.runs]))
        if item.children:
            out += _list_paragraphs(item.children, depth + 1)
        for part in item.more:
            if isinstance(part, ListBlock):
                out += _list_paragraphs(part, depth + 1)
            else:
                out.append(Paragraph([Run(INDENT * (depth + 1)), *part.runs], part.style, part.origin))
    return out


def person_line(a: Assembly, person: Person, role: str = "") -> list[Run]:
    """Who's who: one line (name as written and romanised, position, role, how to address)."""
    runs = [Run(person.name, bold=True)]
    if person.name_romanised and person.name_romanised != person.name:
        runs.append(Run(f" ({person.name_romanised})"))
    position = person_position(a, person)
    if position:
        runs.append(Run(" — " + position))
    if role:
        runs.append(Run(f" [{role}]"))
    if person.form_of_address:
        runs.append(Run(f"; {a.words['address_as']}: {person.form_of_address}", italic=True))
    return runs


def person_position(a: Assembly, person: Person) -> str:
    """Position, organisation and country, each once."""
    parts = [person.position]
    if person.organisation_id:
        org = lookup(a, Organisation, person.organisation_id)
        if org is not None:
            parts.append(org.display_name)
    if person.country and person.country not in " ".join(parts):
        parts.append(person.country)
    return ", ".join(p for p in parts if p)


def short_line(a: Assembly, person: Person, with_position: bool = True) -> str:
    """For the steer's first line: "Ngài Sihasak Phuangketkeow, Bộ trưởng Ngoại giao", or the
    name alone when several people share the line (who's who has the rest)."""
    name = person.name_romanised or person.name
    name = f"{person.honorific} {name}" if person.honorific else name
    return f"{name}, {person.position}" if person.position and with_position else name
