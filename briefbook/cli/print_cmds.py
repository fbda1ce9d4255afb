"""``briefbook print BOOK``: print a book as the window's Print does (its PDF, to the system's spooler)."""

from __future__ import annotations

import shlex
from pathlib import Path

import click

from briefbook.cli.choices import Choice
from briefbook.cli.ids import ITEM_ID
from briefbook.cli.main import Context, cli, pass_context
from briefbook.cli.output import emit_json


@cli.command("print")
@click.argument("book_id", type=ITEM_ID)
@click.option(
    "--printer", default=None, help="The printer's name ('lpstat -p' lists them; default: the system's)."
)
@click.option("--copies", type=int, default=1, show_default=True, help="How many copies (1 to 99).")
@click.option("--pages", default=None, help="Only these pages, e.g. 1-3,7.")
@click.option(
    "--to-file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the PDF that would be printed to this file instead of printing it.",
)
@click.option("--dry-run", is_flag=True, help="Make the PDF and say what would be sent; send nothing.")
@click.option("--template", default=None, help="A template name or folder (default: the book's).")
@click.option("--ceiling", default=None, help="Leave out everything above this level.")
@click.option("--drafts", type=Choice(["omit", "mark"]), default=None, help="Uncleared points.")
@click.option("--language", type=Choice(["vi", "en"]), default=None, help="The book's language.")
@click.option("--for-sharing", is_flag=True, help="Leave out passages marked [not for release].")
@pass_context
def print_(
    ctx: Context,
    book_id: str,
    printer: str | None,
    copies: int,
    pages: str | None,
    to_file: Path | None,
    dry_run: bool,
    template: str | None,
    ceiling: str | None,
    drafts: str | None,
    language: str | None,
    for_sharing: bool,
) -> None:
    """Print a book: the PDF the window prints, handed to the system's print spooler ('lp').

    The same ceiling, classification and release checks as an export; the printed copy is
    recorded as an export, as the window's Print is. Nothing goes over the network from
    BriefBook itself: the spooler takes the file to the printer.
    """
    from briefbook.export import ExportOptions
    from briefbook.printing import PrintRequest, check_request, print_book

    request = PrintRequest(printer, copies, pages, to_file, dry_run)
    check_request(request)  # no lp, a bad page list: said before the book is exported
    options = ExportOptions(
        template=template, ceiling=ceiling, drafts=drafts, language=language, releasable=for_sharing
    )
    result = print_book(ctx.library(backups=False), book_id, options, request)
    command = [*result.command[:-1], "BOOK.pdf"] if result.command else []
    if ctx.as_json:
        emit_json(
            {
                "title": result.title,
                "classification": result.classification,
                "pages": result.pages,
                "copies": copies,
                "printer": printer,
                "sent": result.sent,
                "command": command,
                "spooler": result.spooler_said,
                "file": str(result.file) if result.file else None,
            }
        )
        return
    level = result.classification or "unclassified"
    click.echo(f"“{result.title}” is classified {level}. Hand the printed pages accordingly.", err=True)
    where = f"printer '{printer}'" if printer else "the default printer"
    what = f"“{result.title}” ({result.pages} pages, {copies} {'copy' if copies == 1 else 'copies'})"
    if result.file is not None:
        click.echo(f"Wrote {result.file}: {result.pages} pages, as it would be printed.")
    elif dry_run:
        click.echo(f"Would send {what} to {where}: {shlex.join(command)}")
        click.echo("Nothing was sent (--dry-run); the PDF was made and removed.")
    else:
        said = f" ({result.spooler_said})" if result.spooler_said else ""
        click.echo(f"Sent {what} to {where}{said}.")
