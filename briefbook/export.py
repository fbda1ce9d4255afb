"""Export a book: assemble it once, then write PDF and/or DOCX from the same document.

The GUI and the CLI both call :func:`export_book`. Progress is plain Python (a
callback with the stage and counts); cancelling is a ``threading.Event`` the
caller sets. Renderers write atomically, so a failed or cancelled export
leaves the previous files as they were.
"""

from __future__ import annotations

import datetime as dt
import gc
import threading
from collections.abc import Callable
from pathlib import Path

from briefbook.assemble import assemble, release_title
from briefbook.document.model import Document
from briefbook.errors import Cancelled, ValidationError
from briefbook.export_paths import (  # where the files go; callers import these from here too
    check_target_folder,
    cleanup_stale_exports,
    resolve_target,
    safe_file_name,
    targets_for,
)
from briefbook.library import Book, Library
from briefbook.release import check_release
from briefbook.render.template import Template, load_template
from briefbook.shared_methods import dataclass

__all__ = [
    "CARD_SIZES",
    "FORMATS",
    "ExportOptions",
    "Progress",
    "check_target_folder",
    "cleanup_stale_exports",
    "export_book",
    "export_ceiling",
    "export_ceilings",
    "resolve_target",
    "safe_file_name",
    "targets_for",
]

FORMATS = ("pdf", "docx")
CARD_SIZES = ("A5", "A6")  # cards for the car (render/pdf_cards.py)

Progress = Callable[[str, int, int], None]  # (stage, done, total); stage: "assemble", "pdf", "docx"


@dataclass
class ExportOptions:
    """One export's choices; ``None`` means "as the book says"."""

    formats: tuple[str, ...] = FORMATS
    template: str | None = None
    ceiling: str | None = None
    drafts: str | None = None
    language: str | None = None
    password: str | None = None
    allow_printing: bool = True
    releasable: bool = False  # for sharing: passages marked not for release are left out
    changes_page: bool = False  # a "changes since version N" page after the contents
    cards: str | None = None  # "A5" or "A6": a card per meeting (a PDF) instead of the book
    record: bool = True  # False: not recorded as an export (a print's dry run makes the file only)


def check_protection(options: ExportOptions) -> None:
    """A password protects nothing when empty or on a DOCX, and "no printing" means nothing without one."""
    if options.password is not None and not options.password.strip():
        raise ValidationError(
            "The PDF password is empty; give a password, or leave --password out.", "password"
        )
    if options.password and "pdf" not in options.formats:
        # Word files are not encrypted: a DOCX-only export would leave the desk officer
        # believing a file protected that anyone can open.
        raise ValidationError(
            "A password protects only the PDF, and this export writes only a DOCX, which would "
            "open without it: export the PDF too (--format both), or leave --password out.",
            "password",
        )
    if not options.allow_printing and not options.password:
        raise ValidationError(
            "Printing can only be refused in a password-protected PDF: add --password, "
            "or leave --no-printing out.",
            "password",
        )


def export_ceilings(library: Library, book: Book) -> list[str]:
    """The levels an export of ``book`` may be given, lowest first: none above the book's ceiling.

    A book without a ceiling may be exported at any level chosen for that copy.
    """
    levels = library.classification_levels()
    if not book.ceiling:
        return levels
    top = library.parse_level(book.ceiling, what="ceiling")
    return levels[: levels.index(top) + 1]


def export_ceiling(library: Library, book: Book, requested: str | None) -> str:
    """The ceiling of this export: the one asked for, if the book may hold it, else the book's.

    The book's ceiling is the highest classification the book may hold, so an export
    above it is refused (it would print material the book was never meant to carry);
    a lower one is a copy for a wider audience and stays allowed.
    """
    ceiling = library.parse_level(requested or book.ceiling, what="ceiling")
    if ceiling not in export_ceilings(library, book):
        book_ceiling = library.parse_level(book.ceiling, what="ceiling")
        raise ValidationError(
            f"The book “{book.title}” may hold nothing above {book_ceiling} (its classification "
            f"ceiling), so it cannot be exported at {ceiling}. To export it at {ceiling}, first raise "
            f"the book's ceiling: briefbook edit {book.id} --set ceiling={ceiling}, or in the composer.",
            "ceiling",
        )
    return ceiling


def export_book(
    library: Library,
    book_id: str,
    target: str | Path,
    options: ExportOptions | None = None,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    checked: Callable[[Document], None] | None = None,
) -> list[Path]:
    """Write the book in the chosen formats; returns the files written.

    ``checked(document)`` is called with the document the release gate passed, before any file
    is written (a print says the level its banner shows, ``briefbook/printing.py``).

    The cyclic garbage collector is paused while it runs: a book is hundreds of
    thousands of live objects (the document model, the XML), none of them garbage,
    which every collection triggered by the export's allocations scanned again (a
    tenth of a 500-meeting DOCX export). Garbage without cycles is freed as always;
    the collector runs again as soon as the export ends, however it ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _export_book(
            library, book_id, target, options, progress=progress, cancel=cancel, checked=checked
        )
    finally:
        if was_enabled:
            gc.enable()


def _export_book(
    library: Library,
    book_id: str,
    target: str | Path,
    options: ExportOptions | None = None,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    checked: Callable[[Document], None] | None = None,
) -> list[Path]:
    options = options or ExportOptions()
    unknown = [f for f in options.formats if f not in FORMATS]
    if unknown or not options.formats:
        raise ValidationError(
            f"Export formats are pdf and docx, not {', '.join(unknown) or 'none'}.", "formats"
        )
    check_protection(options)
    book = library.get(Book, book_id)
    # A file named after the book in a folder: by the title this copy may show (the name leaves
    # with the copy; a default title names its event, which may be above the ceiling).
    named = release_title(library, book, options.ceiling)
    paths = targets_for(resolve_target(target, named), options.formats)
    for path in paths.values():
        check_target_folder(path)
        # Leftovers of an export that was killed half-way (a minute old: not one running now).
        cleanup_stale_exports(path.parent, older_than=60)
    template = load_template(options.template or book.template)

    def report(stage: str) -> Callable[[int, int], None]:
        def callback(done: int, total: int) -> None:
            if cancel is not None and cancel.is_set():
                raise Cancelled("The export was cancelled; no file was changed.")
            if progress is not None:
                progress(stage, done, total)

        return callback

    # One parser for the level however it was typed; no ceiling is never "everything".
    if not (options.ceiling or book.ceiling):
        levels = ", ".join(library.classification_levels())
        raise ValidationError(
            f"The book “{book.title}” has no classification ceiling: choose the highest level this "
            f"copy may hold ({levels}), on the command line with --ceiling.",
            "ceiling",
        )
    ceiling = export_ceiling(library, book, options.ceiling)
    if options.cards and (options.cards not in CARD_SIZES or "docx" in options.formats):
        raise ValidationError("Cards are printed as a PDF, on A5 or A6.", "cards")
    report("assemble")(0, 1)
    choices = {
        "ceiling": ceiling,
        "drafts": options.drafts,
        "language": options.language,
        "releasable": options.releasable,
    }
    records: dict = {}  # item id -> the record its text came from (the book's, not the cards')
    if options.cards:
        from briefbook.assemble.cards import assemble_cards  # (here: a book's export needs none)

        document = assemble_cards(library, book, **choices)
    else:
        document = assemble(library, book, **choices, records=records)
    report("assemble")(1, 1)
    from briefbook.exchange import changes

    # What this export includes, recorded once it is written (the changes page is not part of it).
    contents = changes.included(document, library, records)
    records.clear()  # the records themselves are not needed past here: freed before rendering
    from briefbook.exchange import copy_changes

    fingerprint = copy_changes.copy_fingerprint(
        library,
        book,
        contents,
        ceiling=ceiling,
        for_sharing=options.releasable,
        drafts=options.drafts,
        language=options.language,
        cards=options.cards or "",
    )
    if options.changes_page:
        # Compared with the last copy of this kind (its reader's), never with a copy of another
        # ceiling or choice; with none, the page says so.
        since = copy_changes.changes_since_copy(
            library,
            book,
            contents,
            ceiling=ceiling,
            for_sharing=options.releasable,
            fingerprint=fingerprint,
            language=document.meta.language,
        )
        from briefbook.exchange import changes_page

        page = changes_page.changes_blocks(
            library, since, document.meta.language, ceiling, sharing=options.releasable,
            anchor=f"changes-since-{since.since_version or 0}",
        )  # fmt: skip
        changes_page.insert_page(document, page)
    levels = library.classification_levels()
    if template.portion_marking:
        language = document.meta.language
        from briefbook.assemble.portions import mark_portions

        mark_portions(document, levels, lambda level: library.level_label(level, language))
    # The last word before any file is written: the whole document, metadata included.
    check_release(document, levels, ceiling, sharing=options.releasable)
    if checked is not None:
        checked(document)
    written = render(document, template, paths, options, report)
    if library.read_only or not options.record:
        # A library on a read-only share, disk or file still makes its book; the export is
        # just not recorded (no version, and the next changes page compares with the last
        # recorded one). The command line says so (cli.export_cmds), the window's banner too.
        return written
    with library.transaction():
        library.update(Book, book.id, last_export_at=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        changes.record(
            library, book.id, contents, ceiling, options.releasable, fingerprint, document.meta.language
        )
    return written


def render(
    document: Document,
    template: Template,
    paths: dict[str, Path],
    options: ExportOptions,
    report: Callable[[str], Callable[[int, int], None]],
) -> list[Path]:
    """Run the renderers on one document. The PDF goes first: its page numbers fill the DOCX contents."""
    # Each renderer is imported only when its format is asked for: a DOCX export never
    # loads reportlab (a fifth of a small book's whole command).
    if options.cards:
        from briefbook.render.pdf_cards import render_cards

        render_cards(
            document,
            template,
            paths["pdf"],
            size=options.cards,
            progress=report("pdf"),
            password=options.password or None,
            allow_printing=options.allow_printing,
        )
        return [paths["pdf"]]
    written: list[Path] = []
    page_numbers: dict[str, int] = {}  # heading anchor -> page, from the PDF layout
    if "pdf" in paths:
        from briefbook.render.pdf import render_pdf

        render_pdf(
            document,
            template,
            paths["pdf"],
            progress=report("pdf"),
            password=options.password or None,
            allow_printing=options.allow_printing,
            page_numbers=page_numbers,
        )
        written.append(paths["pdf"])
    if "docx" in paths:
        from briefbook.render.docx import render_docx

        render_docx(
            document, template, paths["docx"], progress=report("docx"), page_numbers=page_numbers or None
        )
        written.append(paths["docx"])
    return written
