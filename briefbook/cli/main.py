"""``briefbook [--library PATH] [--json] COMMAND``: the command-line front door.

Errors a user can cause (missing file, not a library, newer version, bad
value) print one plain line and exit with status 1; a traceback is a bug.
"""

from __future__ import annotations

import gc
import importlib
import sqlite3
import sys
from pathlib import Path

import click

from briefbook import __version__
from briefbook.errors import BriefBookError, HostileLibraryError
from briefbook.library import Library
from briefbook.paths import default_library_path


class Context:
    """What every command gets: where the library is, and how to print."""

    def __init__(self, library_path: Path, as_json: bool, cleaned_copy: bool = False):
        self.library_path = library_path
        self.as_json = as_json
        self.cleaned_copy = cleaned_copy
        self._library: Library | None = None

    def library(self, *, backups: bool = True) -> Library:
        """The library, opened once. Opening and reading never back up; a write backs up when one is due.

        ``backups=False`` for commands that only read but record a note (``export``
        notes when the book was exported): that note is no reason for a backup.
        """
        if self._library is None:
            if not self.library_path.exists():
                raise BriefBookError(
                    f"There is no library at {self.library_path}. "
                    "Create one with 'briefbook init', or the demo with 'briefbook demo'."
                )
            try:
                self._library = Library.open(
                    self.library_path, backup=backups, progress=self._upgrade_notes()
                )
            except HostileLibraryError:
                if not self.cleaned_copy:
                    raise
                self._library = self._open_cleaned_copy(backups)
        return self._library

    def _upgrade_notes(self):
        """A first open after an update says what it does on stderr (it takes seconds on a big
        library). The open reports a stage only when it does that work, so nothing is said, and
        the file is not opened a second time to ask (``upgrade_due``), when there is none."""
        said: set[tuple[str, int]] = set()

        def note(stage: str, done: int, total: int) -> None:
            from briefbook.library.upgrade import describe

            line = describe(stage, done, total)
            if line and (stage, done) not in said:
                said.add((stage, done))
                click.echo(line, err=True)

        return note

    def _open_cleaned_copy(self, backups: bool) -> Library:
        """``--cleaned-copy``: the refused file stays as it is; its cleaned copy is used instead."""
        from briefbook.store.cleaned_copy import make_cleaned_copy

        made = make_cleaned_copy(self.library_path)
        click.echo(f"Opened a cleaned copy: {made.path} (the original was not changed).", err=True)
        for note in made.notes:
            click.echo(f"  - {note}", err=True)
        self.library_path = made.path
        return Library.open(made.path, backup=backups)

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None


pass_context = click.make_pass_decorator(Context)


# Which module defines each command: a command's module (and what it imports) loads only
# when that command runs, so ``briefbook list`` never loads the exchange or Markdown code.
# A command missing here still works: every module is then loaded (see get_command).
COMMAND_MODULES = {
    **dict.fromkeys(("backup", "backups", "restore"), "backup_cmds"),
    **dict.fromkeys(
        ("list", "show", "add", "edit", "delete", "duplicate", "link", "unlink", "reorder", "photo"), "items"
    ),
    **dict.fromkeys(("revisions", "restore-revision"), "items"),
    "book": "books",
    **dict.fromkeys(("preflight", "export"), "export_cmds"),
    **dict.fromkeys(("deleted", "undelete"), "deleted_cmds"),
    "import": "import_cmds",
    "levels": "levels_cmds",
    **dict.fromkeys(("init", "demo", "search", "check"), "library_cmds"),
    "package": "package_cmds",
    "preferences": "preferences_cmds",
    "print": "print_cmds",
}


class FriendlyGroup(click.Group):
    """Turns our errors (and a few of the operating system's) into one line and exit 1."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            module = COMMAND_MODULES.get(cmd_name)
            if module is not None:
                importlib.import_module(f"briefbook.cli.{module}")
            if cmd_name not in self.commands:
                _register()
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _takes_json(command)
        return command

    def list_commands(self, ctx: click.Context) -> list[str]:
        _register()  # --help lists them all
        return super().list_commands(ctx)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BriefBookError as exc:  # it may quote a name: its bidi controls shown, not obeyed
            from briefbook.cli.output import visible_controls

            click.echo(f"Error: {visible_controls(str(exc))}", err=True)
            ctx.exit(1)
        except sqlite3.DatabaseError as exc:  # damage a query reached (opening checks a big file cheaply)
            from briefbook.store.database import explain

            click.echo(f"Error: {explain(exc, ctx.obj.library_path)}", err=True)
            ctx.exit(1)
        except UnicodeDecodeError as exc:  # damage met after the open, quoting bytes not UTF-8
            from briefbook.store.database import explain, undecodable_damage

            if not undecodable_damage(exc):
                raise
            click.echo(f"Error: {explain(exc, ctx.obj.library_path)}", err=True)
            ctx.exit(1)
        except BrokenPipeError:  # output piped into `head`: not an error
            ctx.exit(0)
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            click.echo(f"Error: {exc.strerror or exc}{where}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("Stopped.", err=True)
            ctx.exit(130)


@click.group(cls=FriendlyGroup)
@click.option(
    "--library",
    "library_path",
    type=click.Path(path_type=Path),  # a folder is refused by the open, in its words
    default=None,
    help="The library file (default: $BRIEFBOOK_LIBRARY, else your BriefBook data folder).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts instead of text for people.")
@click.option(
    "--cleaned-copy",
    is_flag=True,
    help="If the library is refused for its shape (triggers, views, changed tables), make a cleaned "
    "copy beside it and use that; the original is not changed.",
)
@click.version_option(__version__, prog_name="BriefBook")
@click.pass_context
def cli(ctx: click.Context, library_path: Path | None, as_json: bool, cleaned_copy: bool) -> None:
    """BriefBook: prepare delegation briefing books from a local library."""
    ctx.obj = Context(library_path or default_library_path(), as_json, cleaned_copy)
    ctx.call_on_close(ctx.obj.close)


def _json_after_the_command(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.find_object(Context).as_json = True


def _takes_json(command: click.Command) -> None:
    """Let ``--json`` follow the command too (``briefbook list event --json``), as it may precede
    it: a script writer puts it where other tools take it, and was told "No such option"."""
    if getattr(command, "_briefbook_json", False):
        return
    command._briefbook_json = True  # type: ignore[attr-defined]
    if not any("--json" in param.opts for param in command.params):
        command.params.append(
            click.Option(
                ["--json"],
                is_flag=True,
                expose_value=False,
                callback=_json_after_the_command,
                help="Print JSON for scripts instead of text for people.",
            )
        )
    for sub in getattr(command, "commands", {}).values():
        _takes_json(sub)


def _register() -> None:
    # Commands live in modules by subject; importing them attaches them to ``cli``.
    from briefbook.cli import (  # noqa: F401
        backup_cmds,
        books,
        deleted_cmds,
        export_cmds,
        import_cmds,
        items,
        levels_cmds,
        library_cmds,
        package_cmds,
        preferences_cmds,
        print_cmds,
    )


# The cyclic collector's first threshold in a command's process: allocations, less frees, between
# two of its young collections (Python's default is 700). A command's start makes tens of
# thousands of objects that live until it ends (modules, classes, functions, the records it
# reads), and each collection walked them again: 25 collections, about 5 ms of a DOCX export.
# Cycles are still collected, at most this many objects later.
START_GC_THRESHOLD = 50_000


def main(argv: list[str] | None = None) -> None:
    """The ``briefbook`` command: one command, then the process ends.

    The garbage collector runs less often (``START_GC_THRESHOLD``; ``python -m briefbook`` sets
    it before the first import). Its objects are frozen out of the garbage collector when the
    command is done (the library is closed by then): the interpreter's last collections at exit
    only walked them again, 3 % of a 500-meeting DOCX export (1.34 -> 1.30 s CPU, medians of 5)."""
    gc.set_threshold(START_GC_THRESHOLD, *gc.get_threshold()[1:])
    try:
        cli.main(args=argv, prog_name="briefbook", standalone_mode=True)
    finally:
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
