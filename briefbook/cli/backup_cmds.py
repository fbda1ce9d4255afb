"""Commands about backups: ``backup`` (make one now), ``backups`` (list them), ``restore``.

None of them opens the library as a library: ``restore`` in particular must work
when the library file is damaged, and it is the way back from that.
"""

from __future__ import annotations

from pathlib import Path

import click

from briefbook.cli.main import Context, cli, pass_context
from briefbook.cli.output import emit_json, emit_table
from briefbook.errors import BriefBookError
from briefbook.store.backup import BackupInfo, backup_library, describe_backup, list_backups
from briefbook.store.backup_catalog import last_listing, remember_listing
from briefbook.store.restore import restore_backup


def human_size(size: int) -> str:
    """``217.1 KB``, ``20.4 MB``: sizes as a file manager shows them (1 KB = 1000 bytes)."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            break
        value /= 1000
    if unit == "B":
        return f"{size} B"
    return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"


def _as_data(info: BackupInfo, number: int | None = None) -> dict:
    data = {
        "path": str(info.path),
        "created": info.created.isoformat().replace("+00:00", "Z"),
        "created_local": info.label,
        "size": info.size,
        "reason": info.reason,
    }
    if number is not None:
        data = {"number": number, **data}
    return data


def _not_a_folder(ctx: Context) -> None:
    """``--library FOLDER`` is refused as the other commands refuse it (their open says so), before
    a folder's backups are looked for ("no backups yet") or a backup of it is attempted."""
    if ctx.library_path.is_dir():
        raise BriefBookError(f"{ctx.library_path} is a folder, not a BriefBook library file.")


def _missing_library(ctx: Context, found: list[BackupInfo]) -> None:
    """A library file that is not there, with no backups beside it, is a mistyped or moved path:
    say so as the other commands do, not "no backups yet" (which reads as if the library were
    fine). A deleted library whose backups remain is listed and restored: that is the way back."""
    if not found and not ctx.library_path.exists():
        raise BriefBookError(
            f"There is no library at {ctx.library_path}, and no backups of one. "
            "Check the file's name, or create a library with 'briefbook init'."
        )


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@pass_context
def backup(ctx: Context, as_json: bool) -> None:
    """Back the library up now (into the backups folder beside it)."""
    _not_a_folder(ctx)
    path = backup_library(ctx.library_path, reason="manual")
    size = path.stat().st_size
    if ctx.as_json or as_json:
        emit_json({"path": str(path), "size": size})
        return
    click.echo(f"Backed up to {path} ({human_size(size)})")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@pass_context
def backups(ctx: Context, as_json: bool) -> None:
    """List the library's backups, newest first, with date and size."""
    _not_a_folder(ctx)
    found = list_backups(ctx.library_path)
    _missing_library(ctx, found)
    if found:
        remember_listing(found[0].path.parent, found)  # 'restore N' means this list's N
    if ctx.as_json or as_json:
        emit_json([_as_data(info, n) for n, info in enumerate(found, start=1)])
        return
    if not found:
        click.echo(f"There are no backups of {ctx.library_path} yet. Make one with 'briefbook backup'.")
        return
    rows = [[str(n), b.label, human_size(b.size), b.reason, b.path.name] for n, b in enumerate(found, 1)]
    emit_table(rows, ["#", "date", "size", "kind", "file"])
    click.echo(
        f"Restore one with: briefbook restore NUMBER (or the file's path). Folder: {found[0].path.parent}"
    )
    if not ctx.library_path.exists():
        click.echo(f"The library itself is not at {ctx.library_path}: restoring a backup puts it back.")


@cli.command()
@click.argument("which")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_context
def restore(ctx: Context, which: str, yes: bool) -> None:
    """Replace the library with a backup: WHICH is a backup's file, its number in 'briefbook backups',
    or 'latest'. The current file is backed up first (or set aside, if it is damaged)."""
    _not_a_folder(ctx)
    source = _resolve(ctx, which)
    if not yes:
        question = (
            f"Replace the library {ctx.library_path} with the backup from {describe_backup(source)}? "
            "The current file is backed up first."
        )
        if not click.confirm(question, default=False):
            click.echo("Nothing was changed.")
            raise click.exceptions.Exit(1)
    ctx.close()  # no connection of ours may stay open on the file being replaced
    previous = restore_backup(ctx.library_path, source)
    if ctx.as_json:
        emit_json(
            {"library": str(ctx.library_path), "restored": str(source), "previous": str(previous or "")}
        )
        return
    click.echo(f"Restored {ctx.library_path} from the backup of {describe_backup(source)}.")
    if previous is not None:
        click.echo(f"The file it replaced was kept as {previous}")


def _resolve(ctx: Context, which: str) -> Path:
    if which.isdigit() or which == "latest":
        found = list_backups(ctx.library_path)
        number = 1 if which == "latest" else int(which)
        _missing_library(ctx, found)
        if not found:
            raise BriefBookError(f"There are no backups of {ctx.library_path}.")
        if not 1 <= number <= len(found):
            raise BriefBookError(
                f"There is no backup number {which}; 'briefbook backups' lists 1 to {len(found)}."
            )
        if which != "latest":
            _as_listed(found, number)
        return found[number - 1].path
    path = Path(which)
    if not path.is_file():
        raise BriefBookError(f"There is no backup at {path}. 'briefbook backups' lists them.")
    return path


def _as_listed(found: list[BackupInfo], number: int) -> None:
    """Refuse a number that stands for another backup than in the list last shown: backups are
    numbered newest first, so one made since (a window's on opening the library, its automatic
    one, a colleague's) moves every number down, and 'restore 2' typed from the list on screen
    put back another backup than the one chosen (with --yes, without a word)."""
    listing = last_listing(found[0].path.parent)
    if listing is None:
        return  # no list shown: the numbers are today's
    at, names = listing
    if number <= len(names) and names[number - 1] == found[number - 1].path.name:
        return
    shown = at.astimezone().strftime("%H:%M on %d/%m/%Y")
    if number > len(names):
        was = "there was no such number there"
    else:
        chosen = next((i for i, b in enumerate(found, 1) if b.path.name == names[number - 1]), None)
        when = describe_backup(found[chosen - 1].path) if chosen else ""
        was = (
            f"number {number} there was the backup of {when}, which is number {chosen} now"
            if chosen
            else f"number {number} there is no longer kept"
        )
    raise BriefBookError(
        f"The list of backups has changed since 'briefbook backups' showed it at {shown} (a backup "
        f"was made or removed since): {was}. Nothing was changed. Run 'briefbook backups' again, "
        "or give the backup's file."
    )
