"""assemble(library, book) → Document: every editorial decision of a briefing book.

Renderers only lay out what this module decides: which items appear (the
ceiling, the drafts rule), in which order, under which headings, and what the
banner says (the highest level the book actually contains).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from briefbook.assemble import annexes, sections
from briefbook.assemble.annexes import reserve_topic_homes
from briefbook.assemble.context import Assembly, PreflightWarning, short
from briefbook.assemble.titles import book_metadata, release_title
from briefbook.document.model import Block, Cover, Document, PageBreak
from briefbook.invisible import reordering_controls
from briefbook.library import Book, Event, Library, Record
from briefbook.library.books import Section, section_title
from briefbook.library.books import sections as book_sections
from briefbook.library.levels import parse_level

__all__ = ["BUILDERS", "assemble", "assemble_with_warnings", "preflight", "release_title", "start_assembly"]

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
    from briefbook.assemble.glyphs import glyph_warnings  # (the preflight's alone, as below)

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
    records: dict[str, Record] | None = None,
) -> Document:
    """The book's document (see :func:`assemble_with_warnings` for the options), without the
    preflight's warnings: an export has shown them already, and the glyph check reads every
    string of the book against every font (a twentieth of a 500-meeting export), and what
    was deleted since the last export reads every item that export recorded.

    ``records``, if given, receives item id -> the record the document's text of that item
    came from (every origin naming it was made from that record), so that the export's record
    of what it included need not read them again (``exchange.changes.included``)."""
    document, a = _build(library, book, ceiling, drafts, language, releasable, warnings=False)
    if records is not None:
        records.update((i, r) for i, r in a.stamped.items() if r is not None)
    return document


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


def _build(
    library, book, ceiling, drafts, language, releasable, *, warnings: bool = True
) -> tuple[Document, Assembly]:
    """The document and its assembly; ``warnings=False``: without the warnings that only
    the preflight shows and nothing in the document depends on (what was deleted since)."""
    a, event, event_shown = start_assembly(library, book, ceiling, drafts, language, releasable)
    book = a.book
    # Titles not renamed by the user follow the language of this export.
    chosen = [replace(s, title=section_title(s, a.language)) for s in book_sections(book) if s.include]
    _name_hidden_in_titles(a, book, chosen)
    # Each item is printed once: the places that hold an item whole (biographies, the
    # statements annex, topic briefs) are decided first, so that the meeting briefs refer
    # to them; topic briefs are built after the briefs, whose points they do not repeat.
    reserve_topic_homes(a, chosen)
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
    if warnings:
        from briefbook.assemble.gone import gone_warnings  # (an export's assembly never asks)

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


def _name_hidden_in_titles(a: Assembly, book: Book, chosen: list[Section]) -> None:
    """A bidi control in the book's own title (the cover, every running header) or in a printed
    section's title (its heading, the contents) is named, as one in an item's name is: a section
    renamed '\u202eevil' printed 'live', and the preflight said nothing. Printed as written."""
    found = reordering_controls(book.title)
    if found:
        a.warn(
            "hidden_in_field",
            f"The title of book “{short(book.title)}” contains an invisible character "
            f"{', '.join(found)}, which can make it read backwards.",
            book,
        )
    for section in chosen:
        found = reordering_controls(section.title)
        if found:
            a.warn(
                "hidden_in_section",
                f"The title of the section “{short(section.title)}” contains an invisible character "
                f"{', '.join(found)}, which can make it read backwards.",
            )


Builder = Callable[[Assembly, Section, Event | None], list[Block]]

BUILDERS: dict[str, Builder] = {
    "cover": sections.cover,
    "contents": sections.contents,
    "programme": sections.programme,
    "delegation": sections.delegation,
    "objectives": sections.objectives,
    "meetings": sections.meeting_briefs,
    "topics": annexes.topic_briefs,
    "statements": annexes.statements_annex,
    "biographies": annexes.biographies,
    "text": sections.free_text,
}
