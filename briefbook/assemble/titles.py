"""The book's title and metadata, as a copy at a ceiling may show them.

A title that holds its event's title (as the default one does) is of the event's level:
it gives way to a plain one when the event is above the ceiling, on the cover, in the
metadata, and in the names of files and print jobs, which leave with the copy.
"""

from __future__ import annotations

from briefbook.assemble.context import Assembly
from briefbook.assemble.words import parse_date, words
from briefbook.document.model import Metadata, Origin
from briefbook.errors import ValidationError
from briefbook.library import Book, Event, Library
from briefbook.text import fold


def release_title(library: Library, book: Book | str, ceiling: str | None = None) -> str:
    """The book's title as a copy at ``ceiling`` (the book's own by default) may show it: for the
    names of files and print jobs, which leave with the copy. A title holding its event's title
    (as the default one does) gives way to a plain one when the event is above the ceiling."""
    if isinstance(book, str):
        book = library.get(Book, book)
    event = library.get(Event, book.event_id)
    if not holds_title(book.title, event.title):
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
    if not holds_title(title, event.title):
        return title, a.origin(None)
    if event_shown:
        return title, a.origin(None, a.event_origin)
    a.warn(
        "title_above_ceiling",
        "The book's title names its event, which is above the ceiling; the title is left out.",
    )
    return a.words.get("book", "Briefing book"), a.origin(None)


def holds_title(text: str, part: str) -> bool:
    """True if ``part`` appears in ``text``, ignoring case, accents and spacing."""
    wanted = " ".join(fold(part).split())
    return bool(wanted) and wanted in " ".join(fold(text).split())
