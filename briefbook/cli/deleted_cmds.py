"""``briefbook deleted`` and ``briefbook undelete``: what was deleted comes back, after a restart too."""

from __future__ import annotations

import click

from briefbook.cli.main import Context, cli, pass_context
from briefbook.cli.output import emit_json, emit_table


@cli.command()
@click.option(
    "--limit", type=click.IntRange(1, 10_000), default=50, show_default=True, help="Show at most this many."
)
@pass_context
def deleted(ctx: Context, limit: int) -> None:
    """List what was deleted and can be brought back (newest first)."""
    items = ctx.library(backups=False).deleted_items(limit=limit)
    if ctx.as_json:
        emit_json(items)
        return
    if not items:
        click.echo("Nothing deleted to bring back.")
        return
    emit_table(
        [
            [
                str(i.id),
                i.deleted_at[:19].replace("T", " "),
                i.kind.replace("_", " "),
                i.title,
                ", ".join(i.with_it),
            ]
            for i in items
        ],
        ["number", "deleted", "kind", "name", "went with it"],
    )


@cli.command()
@click.argument("ref")
@pass_context
def undelete(ctx: Context, ref: str) -> None:
    """Bring back a deleted item, with what went with it: REF is its number in 'deleted' or its id."""
    item = ctx.library().undelete_item(ref)
    extra = f", with {', '.join(item.with_it)}" if item.with_it else ""
    click.echo(f"Brought back {item.kind.replace('_', ' ')}: {item.title}{extra}")
