"""Commands on items: list, show, add, edit, delete, duplicate, link, reorder, photos, revisions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from briefbook.cli.choices import Choice
from briefbook.cli.field_input import parse_assignments, read_json, record_fields
from briefbook.cli.ids import ITEM_ID
from briefbook.cli.main import Context, cli, pass_context
from briefbook.cli.output import emit_json, emit_record, emit_table, visible_controls
from briefbook.errors import Conflict, ValidationError
from briefbook.item_ids import typed_id
from briefbook.library import Book, Event, Library, Meeting, Record, TalkingPoint
from briefbook.library.deleted import describe
from briefbook.library.levels import parse_level
from briefbook.library.photos import read_photo_file
from briefbook.library.records import RECORD_TYPES, Participant, record_type
from briefbook.library.uses import delete_summary
from briefbook.library.validation import article, as_choice, no_such_field

KIND = Choice(sorted(RECORD_TYPES))  # "Person", "TOPIC" too


@cli.command("list")
@click.argument("kind", type=KIND)
@click.option("--where", "where", multiple=True, metavar="FIELD=VALUE", help="Only items with this value.")
@click.option("--sort", "order_by", default=None, help="Sort by this field.")
@click.option("--desc", is_flag=True, help="Sort in descending order.")
@click.option("--limit", type=int, default=None, help="Show at most this many.")
@pass_context
def list_items(
    ctx: Context, kind: str, where: tuple[str, ...], order_by: str | None, desc: bool, limit: int | None
) -> None:
    """List items of one KIND (event, meeting, person, topic, talking_point, statement, book...)."""
    lib = ctx.library()
    wanted = _as_stored(lib, record_type(kind), parse_assignments(where))
    records = lib.list(kind, where=wanted or None, order_by=order_by, descending=desc, limit=limit)
    if ctx.as_json:
        emit_json(records)
        return
    if not records:
        click.echo(f"No {kind.replace('_', ' ')} items.")
        return
    emit_table([[r.id, r.display_name] for r in records], ["id", "name"])


def _as_stored(lib: Library, cls: type[Record], where: dict[str, Any]) -> dict[str, Any]:
    """``--where`` values as the library stores them, as an edit would store what was typed: a
    choice in any case or with hyphens (``kind=Key-message``), a level in any case
    (``classification=secret``), an id pasted with invisible characters. A filter typed so found
    nothing, and "No talking point items." read as if there were none."""
    out: dict[str, Any] = {}
    for name, value in where.items():
        if name in cls.CHOICES:
            value = as_choice(value, cls.CHOICES[name])
        elif name in ("classification", "ceiling") and value.strip():
            value = parse_level(lib.levels(), value).name
        elif name.endswith("_id"):
            value = typed_id(value)
        out[name] = value
    return out


@cli.command()
@click.argument("item_id", type=ITEM_ID)
@pass_context
def show(ctx: Context, item_id: str) -> None:
    """Show one item, with what it is linked to."""
    lib = ctx.library()
    record = lib.find(item_id)
    links = _links(lib, record)
    if ctx.as_json:
        emit_json({"item": record, "links": links})
    else:
        emit_record(record, {k: ", ".join(v) if isinstance(v, list) else v for k, v in links.items()})


def meeting_line(meeting: Meeting, role: str) -> str:
    """One past meeting of a person: date, title, role ("2025-12-17 09:00 Opening session (counterpart)")."""
    when = meeting.starts_at.replace("T", " ")[:16]
    return " ".join(x for x in (when, meeting.title, f"({role})" if role else "") if x)


def _with_role(p: Participant) -> str:
    return f"{p.person.display_name} ({p.role})" if p.role else p.person.display_name


def _links(lib: Library, record: Record) -> dict[str, Any]:
    links: dict[str, Any] = {}
    if record.KIND == "meeting":
        links["participants"] = [_with_role(p) for p in lib.participants(record.id)]
        links["topics"] = [t.title for t in lib.meeting_topics(record.id)]
    elif record.KIND == "event":
        links["delegation"] = [_with_role(p) for p in lib.delegation(record.id)]
        links["meetings"] = [m.title for m in lib.list("meeting", where={"event_id": record.id})]
    elif record.KIND == "statement":
        links["topics"] = [t.title for t in lib.statement_topics(record.id)]
    elif record.KIND == "person":
        photo = lib.photo(record.id)
        links["photo"] = f"{len(photo):,} bytes" if photo else ""
        links["meetings"] = [meeting_line(m, role) for m, role in lib.meetings_of(record.id)]
    elif record.KIND == "topic":
        links["talking points"] = len(lib.list("talking_point", where={"topic_id": record.id}))
    return links


@cli.command()
@click.argument("kind", type=KIND)
@click.option("--set", "values", multiple=True, metavar="FIELD=VALUE", help="A field's value (repeatable).")
@click.option(
    "--from-json",
    "source",
    default=None,
    help="Read the fields (or a list of items) from a JSON file, or - .",
)
@pass_context
def add(ctx: Context, kind: str, values: tuple[str, ...], source: str | None) -> None:
    """Add items of KIND from --set FIELD=VALUE pairs or a JSON file; prints the new ids."""
    cls = record_type(kind)
    _one_source(source, values)
    batch = read_json(source) if source else parse_assignments(values)
    batch = batch if isinstance(batch, list) else [batch]
    if not batch:  # a script's empty export: say so rather than print nothing at all
        click.echo("The JSON holds an empty list: no items, so nothing was added.", err=True)
        if ctx.as_json:
            emit_json([])
        return
    lib = ctx.library()
    added = []
    drafted_by = _preferred_drafter() if cls is TalkingPoint else ""
    with lib.transaction():
        for data in batch:
            fields = record_fields(cls, data)
            if drafted_by and "drafted_by" not in fields:
                fields["drafted_by"] = drafted_by  # as the window's new point: Preferences' "drafted by"
            if cls is Book:  # as 'book new': the default sections, and never without a ceiling
                added.append(_add_book(lib, fields))
            else:
                added.append(lib.add(cls(**fields)))
    if ctx.as_json:
        emit_json(added)
    else:
        for record in added:
            click.echo(record.id)


def _preferred_drafter() -> str:
    from briefbook.preferences import read_preferences

    return read_preferences().drafted_by


def _one_source(source: str | None, values: tuple[str, ...]) -> None:
    """Refuse --set beside --from-json: one of them would be dropped without a word."""
    if source and values:
        raise ValidationError(
            "Give the fields either with --set or in the --from-json file, not both: "
            "nothing was saved. Put the --set values in the JSON file."
        )


def _add_book(lib: Library, fields: dict[str, Any]) -> Record:
    from briefbook.library.books import new_book

    event_id = str(fields.pop("event_id", "") or "")
    if not event_id:
        raise ValidationError("A book needs an event: --set event_id=EVENT_ID.", field="event_id")
    if not fields.get("ceiling"):
        level = lib.get(Event, event_id).classification
        click.echo(
            f"No ceiling given: the book holds nothing above the event's own level, {level}.", err=True
        )
    if fields.get("sections") in ("", "[]"):
        fields.pop("sections")
    if not fields.get("language"):
        from briefbook.cli.books import new_book_language

        fields["language"] = new_book_language()  # as 'book new' and the window's New book
    return new_book(lib, event_id, **fields)


@cli.command()
@click.argument("item_id", type=ITEM_ID)
@click.option(
    "--set", "values", multiple=True, metavar="FIELD=VALUE", help="A field's new value (repeatable)."
)
@click.option("--from-json", "source", default=None, help="Read the changed fields from a JSON file, or - .")
@click.option(
    "--expect-version",
    "expected",
    default=None,
    metavar="UPDATED_AT",
    help="Refuse the edit if the item's updated_at is no longer this (someone changed it since).",
)
@pass_context
def edit(
    ctx: Context, item_id: str, values: tuple[str, ...], source: str | None, expected: str | None
) -> None:
    """Change fields of an item (--from-json takes what 'show --json' wrote, edited or not).

    An edit is refused if the item changed after the version it started from: the
    ``updated_at`` in the JSON (as 'show --json' wrote it), or --expect-version.
    """
    lib = ctx.library()
    record = lib.find(item_id)
    _one_source(source, values)
    changes = read_json(source) if source else parse_assignments(values)
    if not changes:
        raise ValidationError("Say what to change: --set FIELD=VALUE, or --from-json FILE with an object.")
    started_from = expected or _stamp_in(changes) or record.updated_at
    changes = record_fields(type(record), changes, item_id)
    updated = lib.update(type(record), item_id, expected_updated_at=started_from, **changes)
    emit_json(updated) if ctx.as_json else click.echo(
        f"Saved {updated.LABEL.lower()}: {visible_controls(updated.display_name)}"
    )


def _stamp_in(data: Any) -> str | None:
    """The ``updated_at`` of the version a JSON edit started from (as 'show --json' wrote it)."""
    if isinstance(data, dict) and isinstance(data.get("item"), dict):
        data = data["item"]
    stamp = data.get("updated_at") if isinstance(data, dict) else None
    return stamp if isinstance(stamp, str) and stamp else None


@cli.command()
@click.argument("item_id", type=ITEM_ID)
@click.option(
    "--force", is_flag=True, help="Delete it even though other items go with it (they can be undeleted)."
)
@pass_context
def delete(ctx: Context, item_id: str, force: bool) -> None:
    """Delete an item (with its meetings, links and photo, where it has them); 'undelete' brings it back."""
    lib = ctx.library()
    record = lib.find(item_id)
    blocker = lib.why_not_deletable(type(record), item_id)
    if blocker:
        raise Conflict(blocker)
    uses, going = delete_summary(lib, record.KIND, item_id)
    if (uses or going) and not force:
        # what goes as part of it (a person's photo) asks nothing itself, but is named when asking
        going = going + lib.parts_that_go(type(record), item_id)
        raise Conflict(
            f"Deleting the {record.LABEL.lower()} '{record.display_name}': "
            + (f"{'; '.join(uses.sentences())}. " if uses else "")
            + (f"It also deletes or changes: {', '.join(going)}. " if going else "")
            + "Nothing was deleted; add --force to delete it all "
            "(it can be brought back with 'briefbook undelete')."
        )
    snapshot = lib.delete(type(record), item_id)
    went = describe(snapshot)  # all that went, the photo too: as 'deleted' and 'undelete' say it
    extra = f", with {', '.join(went)}" if went else ""
    click.echo(
        f"Deleted {record.LABEL.lower()}: {visible_controls(record.display_name)}{extra}. "
        f"To bring it back: briefbook undelete {snapshot.deleted_id}"
    )


@cli.command()
@click.argument("item_id", type=ITEM_ID)
@click.option(
    "--years", type=int, default=0, help="Move the copy's dates this many years on (an event: next year's)."
)
@click.option(
    "--set", "values", multiple=True, metavar="FIELD=VALUE", help="A field of the copy (repeatable)."
)
@pass_context
def duplicate(ctx: Context, item_id: str, years: int, values: tuple[str, ...]) -> None:
    """Copy an item (an event with its meetings, participants, delegation and books); prints the new id."""
    lib = ctx.library()
    copy = lib.duplicate(item_id, years=years, **parse_assignments(values))
    emit_json(copy) if ctx.as_json else click.echo(copy.id)


@cli.command()
@click.argument("item_id", type=ITEM_ID)
@click.argument("other_id", type=ITEM_ID)
@click.option(
    "--role", default=None, help="The person's role (participants: counterpart, delegation, speaker, chair)."
)
@pass_context
def link(ctx: Context, item_id: str, other_id: str, role: str | None) -> None:
    """Link two items: meeting+person (participant), event+person (delegation), meeting/statement+topic."""
    lib = ctx.library()
    a, b = lib.find(item_id), lib.find(other_id)
    pair = {a.KIND: a, b.KIND: b}
    # Linked again without --role: the link keeps the role it has (a chair stays chair).
    if "person" in pair and "meeting" in pair:
        had = {p.person.id: p.role for p in lib.participants(pair["meeting"].id)}
        chosen = role if role is not None else had.get(pair["person"].id, "counterpart")
        lib.set_participant(pair["meeting"].id, pair["person"].id, chosen or "counterpart")
    elif "person" in pair and "event" in pair:
        had = {p.person.id: p.role for p in lib.delegation(pair["event"].id)}
        chosen = role if role is not None else had.get(pair["person"].id, "")
        lib.set_delegate(pair["event"].id, pair["person"].id, chosen)
    elif "topic" in pair and ({"meeting", "statement"} & set(pair)):
        owner = pair.get("meeting") or pair["statement"]
        lib.link_topic(owner.id, pair["topic"].id)
    else:
        first, second = a.LABEL.lower(), b.LABEL.lower()
        raise ValidationError(
            f"{article(first).capitalize()} {first} and {article(second)} {second} cannot be linked. "
            "Link a meeting with a person (a participant) or a topic, an event with a person (the "
            "delegation), or a prior statement with a topic."
        )
    click.echo(visible_controls(f"Linked {a.display_name} and {b.display_name}"))


@cli.command()
@click.argument("item_id", type=ITEM_ID)
@click.argument("other_id", type=ITEM_ID)
@pass_context
def unlink(ctx: Context, item_id: str, other_id: str) -> None:
    """Remove a link made with 'link'."""
    lib = ctx.library()
    a, b = lib.find(item_id), lib.find(other_id)
    pair = {a.KIND: a, b.KIND: b}
    if "person" in pair and "meeting" in pair:
        lib.remove_participant(pair["meeting"].id, pair["person"].id)
    elif "person" in pair and "event" in pair:
        lib.remove_delegate(pair["event"].id, pair["person"].id)
    elif "topic" in pair and ({"meeting", "statement"} & set(pair)):
        owner = pair.get("meeting") or pair["statement"]
        lib.unlink_topic(owner.id, pair["topic"].id)
    else:
        raise ValidationError(f"A {a.LABEL.lower()} and a {b.LABEL.lower()} are never linked.")
    click.echo(visible_controls(f"Unlinked {a.display_name} and {b.display_name}"))


@cli.command()
@click.argument("topic_id", type=ITEM_ID)
@click.argument("point_ids", nargs=-1, required=True, type=ITEM_ID)
@pass_context
def reorder(ctx: Context, topic_id: str, point_ids: tuple[str, ...]) -> None:
    """Put a topic's talking points in the order given (the others follow)."""
    ctx.library().reorder_talking_points(topic_id, list(point_ids))
    click.echo("Reordered.")


@cli.command()
@click.argument("person_id", type=ITEM_ID)
@click.argument("image", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--remove", is_flag=True, help="Remove the person's photo.")
@click.option(
    "--save-to", type=click.Path(path_type=Path, dir_okay=False), help="Write the stored photo to a file."
)
@pass_context
def photo(ctx: Context, person_id: str, image: Path | None, remove: bool, save_to: Path | None) -> None:
    """Set a person's photo from IMAGE, remove it, or save it to a file."""
    lib = ctx.library()
    if remove:
        lib.remove_photo(person_id)
        click.echo("Photo removed.")
    elif image:
        lib.set_photo(person_id, read_photo_file(image))
        click.echo("Photo saved.")
    elif save_to:
        data = lib.photo(person_id)
        if data is None:
            raise ValidationError("This person has no photo.")
        save_to.write_bytes(data)
        click.echo(f"Photo written to {save_to}")
    else:
        data = lib.photo(person_id)
        click.echo(f"Photo: {len(data):,} bytes" if data else "No photo.")


@cli.command()
@click.argument("item_id", type=ITEM_ID)
@click.argument("field")
@pass_context
def revisions(ctx: Context, item_id: str, field: str) -> None:
    """Earlier versions of a text FIELD of an item, newest first."""
    lib = ctx.library()
    record = lib.find(item_id)
    if field.replace("-", "_") not in type(record).data_fields():
        raise ValidationError(no_such_field(type(record), field), field=field)
    revs = lib.revisions(type(record), record.id, field.replace("-", "_"))
    if ctx.as_json:
        emit_json(revs)
        return
    if not revs:
        click.echo("No earlier versions.")
    emit_table(
        [[str(r.id), r.created_at[:19].replace("T", " "), r.value] for r in revs],
        ["revision", "saved", "text"],
    )


@cli.command("restore-revision")
@click.argument("revision_id", type=int)
@pass_context
def restore_revision(ctx: Context, revision_id: int) -> None:
    """Make an earlier version of a text field current again."""
    record = ctx.library().restore_revision(revision_id)
    click.echo(f"Restored an earlier version of {visible_controls(record.display_name)}")
