"""Commands about the library file as a whole: init, demo, search, check (levels: levels_cmds)."""

from __future__ import annotations

import click

from briefbook.cli.choices import Choice
from briefbook.cli.main import Context, cli, pass_context
from briefbook.cli.output import emit_json, visible_controls
from briefbook.errors import HostileLibraryError
from briefbook.library import Library
from briefbook.library.records import RECORD_TYPES
from briefbook.store.migrate import schema_version


@cli.command()
@pass_context
def init(ctx: Context) -> None:
    """Create a new, empty library file."""
    Library.create(ctx.library_path).close()
    click.echo(f"Created an empty library at {ctx.library_path}")


@cli.command()
@pass_context
def demo(ctx: Context) -> None:
    """Create the demo library (the Bangkok conference on online scams)."""
    from briefbook.demo.loader import create_demo_library

    create_demo_library(ctx.library_path)
    with Library.open(ctx.library_path) as lib:
        counts = {cls.KIND: lib.count(cls) for cls in RECORD_TYPES.values()}
    if ctx.as_json:
        emit_json({"library": str(ctx.library_path), "counts": counts})
        return
    click.echo(f"Created the demo library at {ctx.library_path}")
    click.echo(", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items()))


@cli.command()
@click.argument("query")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=Choice(list(RECORD_TYPES)),
    help="Only this kind.",
)
@click.option("--limit", default=20, show_default=True, help="How many results at most.")
@pass_context
def search(ctx: Context, query: str, kinds: tuple[str, ...], limit: int) -> None:
    """Search everything; accents are optional ('lua dao' finds 'lừa đảo')."""
    hits = ctx.library().search(query, limit=limit, kinds=kinds or None)
    if ctx.as_json:
        emit_json(hits)
        return
    if not hits:
        click.echo("Nothing found.")
        return
    for hit in hits:
        click.secho(f"{hit.kind.replace('_', ' ')}  {visible_controls(hit.title)}", bold=True)
        click.echo(f"  {visible_controls(hit.snippet)}")
        click.echo(f"  id: {hit.id}")


@cli.command()
@click.option("--rebuild-index", is_flag=True, help="Rebuild the search index from the items.")
@pass_context
def check(ctx: Context, rebuild_index: bool) -> None:
    """Check the library file's integrity, its schema and its search index (in bounded time)."""
    try:
        lib = ctx.library()
    except HostileLibraryError as refused:  # the schema differs: say how, one problem a line
        problems = [f"schema: {p}" for p in refused.problems]
        if ctx.as_json:
            emit_json({"ok": False, "problems": problems, "schema": None})
        else:
            click.echo(f"The library {ctx.library_path} is refused: BriefBook will not open it.")
            for p in problems:
                click.echo(f"Problem: {p}")
            click.echo("To use a cleaned copy (the original stays as it is): add --cleaned-copy.")
        raise SystemExit(1) from None
    problems = lib.check(rebuild_index=rebuild_index)
    if ctx.as_json:
        emit_json({"ok": not problems, "problems": problems, "schema": schema_version(lib.db)})
    elif problems:
        for p in problems:
            click.echo(f"Problem: {p}")
    else:
        if rebuild_index:  # what was done, then what the check found after it
            click.echo("The search index was rebuilt.")
        click.echo(f"The library is healthy (schema {schema_version(lib.db)}).")
    if problems:
        raise SystemExit(1)
