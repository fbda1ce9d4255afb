"""Printing a book from the command line: the window's PDF, handed to the system's spooler (``lp``).

The window prints the PDF an export makes (``ui/composer/printing.py``: exported into a folder
only the user can enter, the file mode 0600, the folder removed when printing is done). This
does the same without Qt: the same export (ceiling, classification, release gate, recorded as
the window's print is), then ``lp`` (CUPS, Linux and macOS) with the printer, copies and pages,
and the job named by the title the copy may show. BriefBook itself sends nothing over the
network; the spooler takes the file to the printer as for any other program.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefbook.errors import BriefBookError
from briefbook.export import ExportOptions, Progress, export_book
from briefbook.library import Book, Library

SPOOLER = "lp"
SPOOLER_TIMEOUT = 120  # seconds: lp returns once the spooler holds the file
MAX_COPIES = 99
_PAGES = re.compile(r"\d+(-\d+)?(,\d+(-\d+)?)*")


@dataclass(frozen=True)
class PrintRequest:
    printer: str | None = None  # None: the system's default printer
    copies: int = 1
    pages: str | None = None  # "1-3,7", as lp's -P
    to_file: Path | None = None  # write the PDF there instead of printing it
    dry_run: bool = False  # make the PDF, say what would be sent, send nothing


@dataclass
class PrintResult:
    title: str  # the job's name in the queue (never a title above the ceiling)
    classification: str  # the banner on every page
    pages: int
    command: list[str] = field(default_factory=list)  # what was (or would be) run; [] for --to-file
    sent: bool = False
    spooler_said: str = ""  # lp's answer ("request id is office-12 (1 file(s))")
    file: Path | None = None  # --to-file: the PDF written


def check_request(request: PrintRequest) -> None:
    """Refuse in words what cannot be printed, before the book is exported."""
    if not 1 <= request.copies <= MAX_COPIES:
        raise BriefBookError(f"Copies must be between 1 and {MAX_COPIES}, not {request.copies}.")
    if request.pages is not None and not _PAGES.fullmatch(request.pages.replace(" ", "")):
        raise BriefBookError(
            f"'{request.pages}' is not a list of pages: write them as 1-3,7 (numbers, ranges, commas)."
        )
    if request.printer is not None and (not request.printer.strip() or request.printer.startswith("-")):
        raise BriefBookError(f"'{request.printer}' is not a printer's name ('lpstat -p' lists them).")
    if request.to_file is not None and request.to_file.suffix.lower() != ".pdf":
        raise BriefBookError(
            f"What is printed is a PDF: name the file {request.to_file.stem}.pdf, not {request.to_file.name}."
        )
    if request.to_file is None and not request.dry_run and shutil.which(SPOOLER) is None:
        raise BriefBookError(
            "This computer has no print spooler ('lp' was not found), so BriefBook cannot hand the "
            "book to a printer. Install CUPS (on Debian or Ubuntu: apt install cups-client), or "
            "write the PDF with --to-file PATH and print it another way."
        )


def spooler_command(request: PrintRequest, title: str, path: Path) -> list[str]:
    command = [SPOOLER]
    if request.printer:
        command += ["-d", request.printer]
    command += ["-n", str(request.copies), "-t", title]
    if request.pages:
        command += ["-P", request.pages.replace(" ", "")]
    return [*command, "--", str(path)]


def _check_pages(pages: str | None, count: int) -> None:
    if not pages:
        return
    numbers = [int(n) for n in re.split(r"[-,]", pages.replace(" ", ""))]
    bad = [n for n in numbers if not 1 <= n <= count]
    if bad:
        raise BriefBookError(f"The book has {count} pages; there is no page {bad[0]}. Nothing was printed.")


def _page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def print_book(
    library: Library,
    book_id: str,
    options: ExportOptions,
    request: PrintRequest,
    *,
    progress: Progress | None = None,
    run: Callable[..., subprocess.CompletedProcess] = subprocess.run,
) -> PrintResult:
    """Export the book as the window's print does and hand it to the spooler (or a file)."""
    from briefbook.assemble import release_title

    check_request(request)
    book = library.get(Book, book_id)
    options = replace(options, formats=("pdf",), record=not request.dry_run)
    seen: dict[str, str] = {}

    def checked(document) -> None:
        seen["banner"] = document.meta.banner

    if request.to_file is not None:
        written = export_book(library, book.id, request.to_file, options, progress=progress, checked=checked)
        return PrintResult(
            title=release_title(library, book, options.ceiling),
            classification=seen.get("banner", ""),
            pages=_page_count(written[0]),
            file=written[0],
        )
    folder = Path(tempfile.mkdtemp(prefix="briefbook-print-"))  # mode 0700: the user's alone
    try:
        title = release_title(library, book, options.ceiling)
        target = folder / "book.pdf"
        written = export_book(library, book.id, target, options, progress=progress, checked=checked)
        path = written[0]
        path.chmod(0o600)
        count = _page_count(path)
        _check_pages(request.pages, count)
        command = spooler_command(request, title, path)
        result = PrintResult(title, seen.get("banner", ""), count, command)
        if request.dry_run:
            return result
        try:
            done = run(command, capture_output=True, text=True, timeout=SPOOLER_TIMEOUT, check=False)
        except FileNotFoundError:
            check_request(replace(request, to_file=None, dry_run=False))  # says there is no lp
            raise
        except subprocess.TimeoutExpired:
            raise BriefBookError(
                f"The print spooler did not answer within {SPOOLER_TIMEOUT} seconds; the book may not "
                "have been printed. 'lpstat -o' shows the jobs waiting."
            ) from None
        said = " ".join((done.stderr or done.stdout or "").split())
        if done.returncode != 0:
            raise BriefBookError(_refusal(request, said))
        result.sent, result.spooler_said = True, " ".join((done.stdout or "").split())
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _refusal(request: PrintRequest, said: str) -> str:
    words = f" It said: “{said}”." if said else ""
    if request.printer:
        hint = f"Check that the printer '{request.printer}' exists and is on: 'lpstat -p' lists the printers."
    else:
        hint = (
            "No printer was named, so it went to the default one; if there is none, name a printer "
            "with --printer NAME ('lpstat -p' lists them)."
        )
    return f"The print spooler did not take the book, so nothing was printed.{words} {hint}"
