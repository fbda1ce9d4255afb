"""``briefbook package export|import|conflicts|resolve``: share items with a colleague's library."""

from __future__ import annotations

import json
from pathlib import Path

import click

from briefbook.cli.ids import ITEM_ID
from briefbook.cli.main import Context, cli, pass_context
from briefbook.cli.output import emit_json, emit_table
from briefbook.errors import ValidationError
from briefbook.exchange.merge import MergePlan, plan_import
from briefbook.exchange.merge_apply import apply_plan
from briefbook.exchange.package_file import read_package
from briefbook.exchange.packages import export_package
from briefbook.exchange.resolve import EDIT, KEEP_MINE, TAKE_THEIRS, resolve


@cli.group()
def package() -> None:
    """Exchange packages: export items to a file, import (merge) a colleague's file."""


@package.command("export")
@click.argument("item_id", required=False, type=ITEM_ID)
@click.option("--items", "items", default=None, metavar="ID,...", help="These items (and what they need).")
@click.option("-o", "--output", "target", required=True, type=click.Path(path_type=Path), help="The file.")
@click.option("--ceiling", default=None, help="Leave out everything above this level.")
@click.option("--for-sharing", is_flag=True, help="Leave out passages and items marked not for release.")
@pass_context
def package_export(
    ctx: Context, item_id: str | None, items: str | None, target: Path, ceiling: str | None, for_sharing: bool
) -> None:
    """Write EVENT_ID or BOOK_ID (or --items) with everything it needs to one package file."""
    roots = [i.strip() for i in (items or "").split(",") if i.strip()]
    if item_id:
        roots.insert(0, item_id)
    if not roots:
        raise ValidationError("Name an event or a book, or give --items ID,... to put in the package.")
    if not str(target).strip():
        raise ValidationError("Give a file name for the package with -o FILE.")
    report = export_package(ctx.library(), roots, target, ceiling=ceiling, for_sharing=for_sharing)
    if ctx.as_json:
        emit_json({"path": str(report.path), "items": report.items, "deleted": report.deleted,
                   "photos": report.photos, "left_out": report.left_out})  # fmt: skip
        return
    click.echo(
        f"Wrote {report.path}: {report.items} items, {report.photos} photos, {report.deleted} deletions."
    )
    for line in report.left_out:
        click.echo(f"  left out: {line}")


@package.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Say what would change; write nothing.")
@click.option("--yes", is_flag=True, help="Import without asking for confirmation.")
@pass_context
def package_import(ctx: Context, file: Path, dry_run: bool, yes: bool) -> None:
    """Merge a package into the library: new items added, changes taken, conflicts listed.

    As the other imports do, it shows what it would change and asks before writing
    (``--yes`` for scripts); with ``--json``, which leaves no room for a question, it
    writes only with ``--yes``. A package is someone else's file: deleting or
    replacing items unasked is not ours to do."""
    lib = ctx.library()
    plan = plan_import(lib, read_package(file))
    if ctx.as_json:
        if not dry_run and not yes:
            raise ValidationError("With --json, add --yes to write, or --dry-run to look only.")
        if not dry_run:
            apply_plan(lib, plan)
        emit_json(_plan_data(plan, dry_run))
        return
    if not dry_run and yes:
        apply_plan(lib, plan)
        _print_plan(plan, "Imported")
        return
    _print_plan(plan, "Would import")
    if dry_run:
        click.echo("Nothing was written (--dry-run).")
        return
    if not click.confirm(f"Import {plan.package.name} into the library?", default=False):
        click.echo("Nothing was written.")
        return
    apply_plan(lib, plan)
    click.echo(f"Imported {plan.package.name}.")


def _plan_data(plan: MergePlan, dry_run: bool) -> dict:
    return {
        "dry_run": dry_run,
        "summary": plan.summary(),
        "changes": [
            {"action": c.action, "kind": c.kind, "id": c.item_id, "title": c.title, "reason": c.reason}
            for c in plan.changes
            if c.action != "unchanged"
        ],
        "skipped": plan.skipped,
        "notes": plan.notes,
    }


def _print_plan(plan: MergePlan, verb: str) -> None:
    s = plan.summary()
    click.echo(
        f"{verb} {plan.package.name}: {s['add']} added, {s['update']} updated, {s['delete']} deleted, "
        f"{s['conflict']} conflicts, {s['unchanged']} unchanged."
    )
    rows = [[c.action, c.kind, c.item_id, c.title] for c in plan.changes if c.action != "unchanged"]
    if rows:
        emit_table(rows, ["change", "kind", "id", "item"])
    for line in plan.skipped:
        click.echo(f"  not imported: {line}")
    for c in plan.of("conflict"):
        if c.held:
            click.echo(f"  {c.held}")
    for line in plan.notes:
        click.echo(f"  {line}")
    if s["conflict"]:
        click.echo(
            "Conflicts keep your version; theirs is kept beside it. See 'briefbook package conflicts', "
            "then 'briefbook package resolve ID --keep-mine' or '--take-theirs'."
        )


@package.command("conflicts")
@pass_context
def package_conflicts(ctx: Context) -> None:
    """List items changed here and in a colleague's library since you last agreed."""
    lib = ctx.library()
    found = lib.conflicts()
    if ctx.as_json:
        emit_json(found)
        return
    if not found:
        click.echo("No conflicts.")
        return
    rows = []
    for c in found:
        mine = lib.find(c.item_id).display_name if lib.exists(c.kind, c.item_id) else "(deleted here)"
        theirs = _their_title(c.kind, c.item)
        rows.append([c.item_id, c.kind, mine, theirs, c.package])
    emit_table(rows, ["id", "kind", "mine", "theirs", "from package"])


def _their_title(kind: str, item: dict) -> str:
    if not item:
        return "(deleted there)"
    from briefbook.library.records import RECORD_TYPES

    cls = RECORD_TYPES[kind]
    return cls(**{k: v for k, v in item["fields"].items() if k in cls.data_fields()}).display_name


@package.command("resolve")
@click.argument("item_id", type=ITEM_ID)
@click.option("--keep-mine", "choice", flag_value=KEEP_MINE, help="Keep this library's version.")
@click.option("--take-theirs", "choice", flag_value=TAKE_THEIRS, help="Take the package's version.")
@click.option("--edit", "edit_json", default=None, metavar="JSON", help="Store mine with these field values.")
@pass_context
def package_resolve(ctx: Context, item_id: str, choice: str | None, edit_json: str | None) -> None:
    """Settle a conflict: --keep-mine, --take-theirs, or --edit '{"text": "..."}'."""
    edited = None
    if edit_json is not None:
        try:
            edited = json.loads(edit_json)
        except json.JSONDecodeError as exc:
            raise ValidationError(f"The --edit value is not JSON: {exc.msg}.") from None
        if not isinstance(edited, dict):
            raise ValidationError("The --edit value must be an object of field names and values.")
        choice = EDIT
    if choice is None:
        raise ValidationError("Choose --keep-mine, --take-theirs or --edit.")
    resolve(ctx.library(), item_id, choice, edited)
    if not ctx.as_json:
        click.echo("Resolved.")
