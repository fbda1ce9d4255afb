"""``briefbook levels``: the library's classification scheme, its labels per language,
renames that reach every item and book, and changes that need ``--yes``."""

from __future__ import annotations

import click

from briefbook.cli.main import Context, cli, pass_context
from briefbook.cli.output import emit_json, emit_table


class _LevelsGroup(click.Group):
    """``briefbook levels A B C`` (no sub-command) sets the scheme, as ``levels set A B C``.

    ``levels show`` and ``levels list`` are commands of their own that show the levels: taken
    for ``levels set show``, they made "show" the library's only level without a question
    when no item used the others (a new library). A level of that name: ``levels set show``.
    One name alone (``levels Secret``, ``levels lsit``) is refused: ``levels set`` makes a
    scheme of one level.
    """

    def resolve_command(self, ctx: click.Context, args: list[str]):  # type: ignore[override]
        if args and args[0] not in self.commands:
            names = [a for a in args if not a.startswith("-")]
            if len(names) == 1:  # (a typo of a command, or a level looked up: never a whole scheme)
                raise click.UsageError(
                    f"'briefbook levels {names[0]}' would make '{names[0]}' the library's only "
                    f"classification level. To see the levels: briefbook levels; to make that the "
                    f"scheme: briefbook levels set {names[0]}"
                )
            args = ["set", *args]
        return super().resolve_command(ctx, args)


@cli.group(cls=_LevelsGroup, invoke_without_command=True)
@click.pass_context
def levels(click_ctx: click.Context) -> None:
    """Show the classification levels, lowest first, with their labels and use.

    \b
    briefbook levels                          show them
    briefbook levels set A B C D [--yes]      the scheme, lowest first
    briefbook levels rename OLD NEW           everywhere: items and books too
    briefbook levels label LEVEL LANG TEXT    what a book in LANG prints
    """
    if click_ctx.invoked_subcommand is None:
        _show(click_ctx.find_object(Context))


def _show(ctx: Context) -> None:
    lib = ctx.library(backups=False)
    usage = lib.level_usage()
    found = lib.levels()
    if ctx.as_json:
        rows = [
            {
                "rank": lv.rank,
                "name": lv.name,
                "key": lv.key,
                "labels": lv.labels,
                "used": usage.get(lv.name, 0),
            }
            for lv in found
        ]
        emit_json(rows)
        return
    rows = [
        [str(lv.rank), lv.name, lv.label("vi"), lv.label("en"), str(usage.get(lv.name, 0))] for lv in found
    ]
    emit_table(rows, ["rank", "level", "vi", "en", "used by"])


@levels.command("show")
@pass_context
def show_levels(ctx: Context) -> None:
    """Show the levels (as 'briefbook levels' does)."""
    _show(ctx)


levels.add_command(click.Command("list", callback=show_levels.callback, hidden=True, help="As 'show'."))


@levels.command("set")
@click.argument("names", nargs=-1, required=True)
@click.option("--yes", is_flag=True, help="Confirm removing or reordering levels that are in use.")
@pass_context
def set_levels(ctx: Context, names: tuple[str, ...], yes: bool) -> None:
    """Make the scheme NAMES, lowest first (names matching a level keep it, in any case)."""
    lib = ctx.library()
    changes = lib.set_classification_levels(list(names), confirm=yes)
    for change in changes:
        click.echo(change)
    _show(ctx)


@levels.command("rename")
@click.argument("old")
@click.argument("new")
@pass_context
def rename(ctx: Context, old: str, new: str) -> None:
    """Rename a level in the scheme, every item's classification and every book's ceiling."""
    lib = ctx.library()
    before = lib.level_usage().get(lib.parse_level(old), 0)
    level = lib.rename_level(old, new)
    if not ctx.as_json:
        click.echo(f"Renamed to '{level.name}' ({before} item(s) and book ceiling(s) follow).")
    _show(ctx)


@levels.command("label")
@click.argument("level")
@click.argument("language")
@click.argument("text", required=False, default="")
@pass_context
def label(ctx: Context, level: str, language: str, text: str) -> None:
    """What a book in LANGUAGE (vi, en...) prints for LEVEL; no TEXT: the level's name."""
    lib = ctx.library()
    lib.set_level_label(level, language, text)
    _show(ctx)
