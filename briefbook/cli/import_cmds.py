"""``briefbook import FILE --as talking-points|statements|people``: bring material into the library.

The proposal is printed first; ``--dry-run`` stops there. Otherwise what the
file does not say (an article's year, its source) is asked for, or taken from
``--year`` / ``--date`` / ``--source``, and the user confirms (``--yes`` for
scripts) before anything is written.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from briefbook.cli.choices import Choice
from briefbook.cli.ids import ITEM_ID
from briefbook.cli.main import Context, cli, pass_context
from briefbook.cli.output import emit_json, emit_table
from briefbook.errors import ValidationError
from briefbook.exchange.imports import AS_CHOICES, propose
from briefbook.exchange.proposals import Proposal, apply_proposal


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.option("--as", "as_kind", type=Choice(AS_CHOICES), required=True, help="What the file holds.")
@click.option(
    "--topic",
    "topic_id",
    default=None,
    type=ITEM_ID,
    help=(
        "Talking points or statements go under this topic. In a Word file of talking points, "
        "each heading starts (or finds) a topic of its own: this one takes what comes before the first."
    ),
)
@click.option("--event", "event_id", default=None, type=ITEM_ID, help="Statements were made at this event.")
@click.option("--dry-run", is_flag=True, help="Show what would be imported; write nothing.")
@click.option("--year", type=int, default=None, help="The year of an article that gives none.")
@click.option("--date", "date", default="", help="The date of an article that gives none (YYYY-MM-DD).")
@click.option("--source", default=None, help="The source of an article's statements.")
@click.option("--yes", is_flag=True, help="Write without asking for confirmation.")
@pass_context
def import_file(
    ctx: Context,
    file: Path,
    as_kind: str,
    topic_id: str | None,
    event_id: str | None,
    dry_run: bool,
    year: int | None,
    date: str,
    source: str | None,
    yes: bool,
) -> None:
    """Import talking points (Word), prior statements (news article, or - for pasted text) or people
    (CSV, vCard)."""
    lib = ctx.library()
    if str(file) == "-":  # pasted text: an article on standard input
        if as_kind != "statements":
            raise ValidationError("Pasted text (-) can be imported as statements only.")
        from briefbook.exchange.article_text import MAX_ARTICLE
        from briefbook.exchange.imports import propose_text
        from briefbook.exchange.limits import read_bounded

        data = read_bounded(sys.stdin.buffer, MAX_ARTICLE, "The pasted text")
        text = data.decode("utf-8-sig", errors="replace")
        proposal = propose_text(lib, text, topic_id=topic_id, event_id=event_id)
        if not dry_run and not yes:  # stdin holds the text: it cannot also answer the questions
            raise ValidationError(
                "With pasted text, add --yes (and --year, --source) to write, or --dry-run."
            )
    else:
        proposal = propose(lib, file, as_kind, topic_id=topic_id, event_id=event_id)
    if as_kind == "statements":
        _answer(proposal, year, date, source, ask=not dry_run and not ctx.as_json and str(file) != "-")
    if ctx.as_json:
        emit_json(_data(proposal, dry_run))
        if not dry_run and yes:
            apply_proposal(lib, proposal)
        elif not dry_run:
            raise ValidationError("With --json, add --yes to write, or --dry-run to look only.")
        return
    _show(proposal)
    if dry_run:
        click.echo("Nothing was written (--dry-run).")
        return
    new = [i for i in proposal.items if i.accepted and i.action != "existing"]
    if not new:
        click.echo("Nothing new to import.")
        return
    if not yes and not click.confirm(f"Write these {len(new)} items?", default=False):
        click.echo("Nothing was written.")
        return
    written = apply_proposal(lib, proposal)
    click.echo(
        f"Added {written['added']}, merged {written['merged']}, left {written['unchanged']} as they were."
    )
    for line in proposal.messages[-3:]:
        if "was not imported" in line:
            click.echo(f"  {line}")


def _answer(proposal: Proposal, year: int | None, date: str, source: str | None, *, ask: bool) -> None:
    from briefbook.exchange.articles import answer

    if "year" in proposal.questions and year is None and not date and ask:
        year = click.prompt("The article gives no year. Which year", type=int)
    if "date" in proposal.questions and not date and ask:
        date = click.prompt("The article gives no date. Its date (YYYY-MM-DD, empty: none)", default="")
    if source is None and ask:
        source = click.prompt("Source of these statements", default=proposal.questions.get("source", ""))
    if date and not _is_date(date):
        raise ValidationError(f"'{date}' is not a date of the form YYYY-MM-DD.")
    answer(proposal, year=year, date=date, source=source)


def _is_date(text: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _data(proposal: Proposal, dry_run: bool) -> dict:
    return {
        "source": proposal.source,
        "dry_run": dry_run,
        "counts": proposal.counts(),
        "messages": proposal.messages,
        "questions": proposal.questions,
        "items": [
            {
                "kind": i.kind,
                "action": i.action,
                "accepted": i.accepted,
                "note": i.note,
                "record": i.record,
                "match_id": i.match_id,
            }
            for i in proposal.items
        ],
    }


def _show(proposal: Proposal) -> None:
    counts = proposal.counts()
    click.echo(
        f"{proposal.source}: {counts['new']} new, {counts['merge']} to merge, "
        f"{counts['existing']} already here, {counts['dropped']} dropped."
    )
    rows = []
    for item in proposal.items:
        record = item.record
        detail = record.display_name
        if record.KIND == "statement":
            detail = f"{record.speaker_name} ({record.date or 'no date'}): {record.text}"  # type: ignore[attr-defined]
        elif record.KIND == "talking_point":
            detail = f"[{record.kind}] {record.question + ' → ' if record.question else ''}{record.text}"  # type: ignore[attr-defined]
        elif record.KIND == "person" and record.position:  # type: ignore[attr-defined]
            detail = f"{record.display_name} — {record.position}"  # type: ignore[attr-defined]
        action = item.action if item.accepted else "dropped"
        rows.append([action, record.KIND.replace("_", " "), detail, item.note])
    if rows:
        emit_table(rows, ["action", "kind", "item", "note"])
    for line in proposal.messages:
        click.echo(f"  {line}")
