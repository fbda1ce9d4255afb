"""``briefbook preflight`` and ``briefbook export``: check a book, then write it as PDF or DOCX.

Apart from the book commands (:mod:`briefbook.cli.books`) so that an export loads only what
it uses: the renderer it is asked for, not the code that defines a book's sections.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from pathlib import Path

import click

from briefbook.cli.choices import Choice
from briefbook.cli.ids import ITEM_ID
from briefbook.cli.main import Context, cli, pass_context
from briefbook.cli.output import emit_json, visible_controls

SUFFIXES = {".pdf": "pdf", ".docx": "docx"}
ASK = "-"  # --password alone or "--password -": ask for it, hidden
MAX_PASSWORD_FILE = 4096  # bytes read from a --password-file (its first line is the password)
_WORDS = {"pdf": "a PDF", "docx": "a Word file (DOCX)"}
# An ending that names a kind of file ("x.txt", "notes.doc"), not part of a name ("Sổ tay v1.2").
_FILE_ENDING = re.compile(r"\.[A-Za-z]{1,5}")


def formats_for(target: str, fmt: str | None, *, cards: bool = False) -> tuple[str, ...]:
    """What ``-o TARGET`` with ``--format FMT`` writes, as the user means it: the format the file
    name ends in (``-o brief.docx`` a Word file), both for a folder or a name without an ending,
    ``--format`` where given. A name ending in another kind of file (``x.txt`` became
    ``x.txt.pdf``) or a --format that says otherwise than the name is refused, in words."""
    text = str(target)
    path = Path(text).expanduser()
    folder = text.endswith(("/", os.sep)) or (path.is_dir() and path.suffix.lower() not in SUFFIXES)
    ending = "" if folder else path.suffix
    named = SUFFIXES.get(ending.lower())
    if named is None and ending and _FILE_ENDING.fullmatch(ending):
        stem = path.name[: -len(ending)]
        choices = f"{stem}.pdf" if cards else f"{stem}.pdf or {stem}.docx"
        raise click.UsageError(
            f"BriefBook writes PDF (.pdf) and Word (.docx) files, and “{path.name}” ends in {ending}: "
            f"name it {choices}" + ("." if cards else ", or leave the ending out to get both.")
        )
    if cards:
        if named == "docx":
            raise click.UsageError(f"Cards are printed as a PDF: name the file {path.stem}.pdf.")
        return ("pdf",)
    if fmt is None:
        return (named,) if named else ("pdf", "docx")
    if fmt == "both":
        return ("pdf", "docx")  # book.pdf --format both: book.pdf and book.docx
    if named and named != fmt:
        raise click.UsageError(
            f"“{path.name}” is the name of {_WORDS[named]}, but --format {fmt} asks for {_WORDS[fmt]}: "
            f"name it {path.stem}.{fmt}, or leave --format out."
        )
    return (fmt,)


def resolve_password(
    password: str | None, password_file: Path | None, password_env: str | None
) -> str | None:
    """The PDF's password from where the user chose to give it: typed after --password (visible to
    others in ``ps``), asked for (hidden, twice), a file's first line, or an environment variable."""
    given = [name for name, v in (("--password", password), ("--password-file", password_file),
                                  ("--password-env", password_env)) if v is not None]  # fmt: skip
    if len(given) > 1:
        raise click.UsageError(f"Give the password one way: {' or '.join(given)}, not both.")
    if password == ASK:
        return click.prompt(
            "Password for the PDF", hide_input=True, confirmation_prompt="Type it again", err=True
        )
    if password_file is not None:
        if str(password_file) == "-":
            line = sys.stdin.readline(MAX_PASSWORD_FILE)
        else:
            with open(password_file, "rb") as handle:
                data = handle.read(MAX_PASSWORD_FILE)
            try:
                line = data.decode("utf-8-sig").splitlines()[0] if data.strip() else ""
            except UnicodeDecodeError:
                raise click.UsageError(
                    f"The password file {password_file} is not text (UTF-8): write the password "
                    "on its first line."
                ) from None
        return line.rstrip("\r\n")
    if password_env is not None:
        value = os.environ.get(password_env)
        if value is None:
            raise click.UsageError(
                f"There is no environment variable {password_env}: set it to the PDF's password, "
                "or give the password another way."
            )
        return value
    return password


@cli.command()
@click.argument("book_id", type=ITEM_ID)
@click.option("--ceiling", default=None, help="Leave out everything above this level.")
@click.option("--drafts", type=Choice(["omit", "mark"]), default=None, help="Uncleared points.")
@click.option("--for-sharing", is_flag=True, help="As for an export made for sharing.")
@pass_context
def preflight(ctx: Context, book_id: str, ceiling: str | None, drafts: str | None, for_sharing: bool) -> None:
    """What to look at before exporting a book: drafts, gaps, items left out."""
    from briefbook.assemble import preflight as run_preflight

    warnings = run_preflight(ctx.library(), book_id, ceiling=ceiling, drafts=drafts, releasable=for_sharing)
    if ctx.as_json:
        emit_json(warnings)
    elif not warnings:
        click.echo("Nothing to warn about.")
    else:
        for w in warnings:
            click.echo(f"- {visible_controls(w.message)}")


@cli.command()
@click.argument("book_id", type=ITEM_ID)
@click.option(
    "-o",
    "--output",
    "target",
    required=True,
    type=str,  # as typed: "" is refused and a trailing / means a folder (a Path would lose both)
    help="The file to write, or a FOLDER/ (the file is then named after the book's title).",
)
@click.option(
    "--format",
    "fmt",
    type=Choice(["pdf", "docx", "both"]),
    default=None,
    help="What to write (default: what the file name ends in, .pdf or .docx; both for a folder "
    "or a name without an ending).",
)
@click.option("--template", default=None, help="A template name or folder (default: the book's).")
@click.option("--ceiling", default=None, help="Leave out everything above this level.")
@click.option("--drafts", type=Choice(["omit", "mark"]), default=None, help="Uncleared points.")
@click.option("--language", type=Choice(["vi", "en"]), default=None, help="The book's language.")
@click.option(
    "--password",
    default=None,
    is_flag=False,
    flag_value=ASK,
    help="Protect the PDF with a password (AES-256). '--password' alone (or '--password -') asks for "
    "it, hidden, twice. A password typed after --password can be seen by others on this computer "
    "(in the list of running programs) and stays in your shell's history: prefer the question, "
    "--password-file or --password-env.",
)
@click.option(
    "--password-file",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    default=None,
    help="Read the PDF's password from the first line of this file ('-': from standard input).",
)
@click.option(
    "--password-env",
    metavar="VARIABLE",
    default=None,
    help="Read the PDF's password from this environment variable (for scripts).",
)
@click.option("--no-printing", is_flag=True, help="With --password: do not allow printing.")
@click.option("--for-sharing", is_flag=True, help="Leave out passages marked [not for release].")
@click.option("--changes", "changes_page", is_flag=True, help="Add a page: changes since the last export.")
@click.option(
    "--cards",
    type=Choice(["a5", "a6"]),
    default=None,
    help="Instead of the book: a PDF card per meeting for the car (steer, points, who's who, press line).",
)
@pass_context
def export(
    ctx: Context,
    book_id: str,
    target: str,
    fmt: str,
    template: str | None,
    ceiling: str | None,
    drafts: str | None,
    language: str | None,
    password: str | None,
    password_file: Path | None,
    password_env: str | None,
    no_printing: bool,
    for_sharing: bool,
    changes_page: bool,
    cards: str | None,
) -> None:
    """Export a book as PDF, DOCX or both (or, with --cards, one page per meeting as a PDF)."""
    from briefbook.export import ExportOptions, export_book

    if cards and fmt == "docx":
        raise click.UsageError("Cards are printed as a PDF: leave out --format docx.")
    options = ExportOptions(
        formats=formats_for(target, fmt, cards=bool(cards)),
        template=template,
        ceiling=ceiling,
        drafts=drafts,
        language=language,
        password=resolve_password(password, password_file, password_env),
        allow_printing=not no_printing,
        releasable=for_sharing,
        changes_page=changes_page,
        cards=cards.upper() if cards else None,
    )
    show = sys.stderr.isatty() and not ctx.as_json
    state = {"stage": ""}

    def progress(stage: str, done: int, total: int) -> None:
        if not show:
            return
        if stage != state["stage"]:
            state["stage"] = stage
            click.echo("", err=True)
        percent = int(100 * done / total) if total else 100
        click.echo(f"\r{stage.upper():9} {percent:3d}%", nl=False, err=True)

    library = ctx.library(backups=False)
    written = export_book(library, book_id, target, options, progress=progress, cancel=threading.Event())
    if show:
        click.echo("", err=True)
    if ctx.as_json:
        emit_json([str(p) for p in written])
    else:
        for path in written:
            click.echo(f"Wrote {path}")
        if library.read_only:
            click.echo(
                "The library is read-only, so this export is not recorded: it has no version number, "
                "and the next 'changes since' page compares with the last recorded export."
            )
