"""Which copy a book's changes are counted from, in one place: the last copy of the same kind.

A copy's reader holds the last copy of its kind (its ceiling, for sharing or not), never one
above its ceiling. An export's changes page, the composer's Changes tab and
``briefbook book changes`` all ask :func:`changes_since_copy` (the tab and the command through
:func:`book_changes`), so what the tab and the command say is what the copy's page will say.
What an export includes and how two are compared is :mod:`briefbook.exchange.changes`.
"""

from __future__ import annotations

from briefbook.document.model import Document
from briefbook.exchange.changes import Changes, Included, compare, included
from briefbook.library import Book, Library


def baseline(
    library: Library, book_id: str, ceiling: str, for_sharing: bool, fingerprint: str, language: str = ""
) -> dict | None:
    """The export a copy's "changes since version N" page compares with: the last copy of the
    same kind (this ceiling, this for-sharing choice, this language), None if there is none.

    Its reader holds the last copy of its kind: a Public copy for sharing compared with the
    Secret internal export made an hour before said "since version N" of a copy its reader
    never received, and listed changes against text they never saw. When this export is the
    newest version again (the same fingerprint: it will not get a number of its own), it
    compares with the copy of its kind before that one, as the version itself did.
    """
    newest = library.last_export(book_id)
    again = newest is not None and bool(fingerprint) and fingerprint == library.export_hash(book_id)
    return library.last_export(
        book_id,
        before=newest["version"] if again else None,
        ceiling=ceiling,
        for_sharing=for_sharing,
        language=language,
    )


def copy_fingerprint(
    library: Library,
    book: Book,
    contents: dict[str, Included],
    *,
    ceiling: str,
    for_sharing: bool,
    drafts: str = "",
    language: str = "",
    cards: str = "",
) -> str:
    """The fingerprint of a copy that includes ``contents`` (what its export record keeps, so that
    a copy identical to the newest version gets no number of its own)."""
    from briefbook.library.export_fingerprint import export_fingerprint

    return export_fingerprint(
        library,
        book,
        ((i, e.hash, e.level) for i, e in contents.items()),
        {
            "ceiling": ceiling,
            "sharing": for_sharing,
            "drafts": drafts or book.drafts,
            "language": language or book.language,
            "cards": cards or "",
        },
    )


def changes_since_copy(
    library: Library,
    book: Book,
    contents: dict[str, Included],
    *,
    ceiling: str,
    for_sharing: bool,
    fingerprint: str = "",
    language: str = "",
) -> Changes:
    """What changed in a copy of this kind (``ceiling``, ``for_sharing``) that includes
    ``contents``, since the last copy of its kind (:func:`baseline`). The one comparison: an
    export's changes page, the composer's changes tab and ``briefbook book changes`` all ask
    here, so that what the tab and the command say is what the copy's page will say (the tab
    and the command compared with the last export of any kind: a Secret copy's page, for a
    Public copy's reader). ``fingerprint``: an export's own (a copy identical to the newest
    version is that version again, and compares with the copy before it, as the version's own
    page did); a preview gives none, and is compared with the newest copy of its kind, so that
    an unchanged book says "Nothing has changed since version N". ``language``: the copy's
    (a Vietnamese copy's reader holds the last Vietnamese copy, not an English one made since).
    """
    found = compare(baseline(library, book.id, ceiling, for_sharing, fingerprint, language), contents)
    found.ceiling, found.for_sharing = ceiling, for_sharing
    return found


def copy_ceiling(library: Library, book: Book, ceiling: str | None = None) -> str:
    """The level a copy is made at: the one asked for, else the book's ceiling, else (a book
    with none, which an export refuses) the lowest, as the preview shows it."""
    chosen = ceiling or book.ceiling
    return library.parse_level(chosen) if chosen else library.classification_levels()[0]


def book_changes(
    library: Library,
    book_id: str,
    document: Document | None = None,
    *,
    ceiling: str | None = None,
    for_sharing: bool = False,
) -> Changes:
    """What changed in a copy of the book (at ``ceiling``, the book's own if None, and for
    sharing or not) since the last copy of that kind; assembled as such a copy is, unless
    ``document`` (assembled so) is given."""
    from briefbook.assemble import assemble

    book = library.get(Book, book_id)
    level = copy_ceiling(library, book, ceiling)
    if document is None:
        document = assemble(library, book, ceiling=level, releasable=for_sharing)
    contents = included(document, library)
    return changes_since_copy(
        library, book, contents, ceiling=level, for_sharing=for_sharing, language=document.meta.language
    )
