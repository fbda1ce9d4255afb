"""Commands for briefing books: define them (new, sections, items, choose), and what changed since
the last export. Checking and exporting one: :mod:`briefbook.cli.export_cmds`."""

from __future__ import annotations

import os

import click

from briefbook.cli.choices import Choice
from briefbook.cli.field_input import parse_assignments
from briefbook.cli.ids import ITEM_ID
from briefbook.cli.main import Context, cli, pass_context
from briefbook.cli.output import emit_json, emit_table
from briefbook.errors import NotFound, ValidationError
from briefbook.library import Book, Event
from briefbook.library.books import (
    COVER_STAYS_FIRST,
    MeetingChoice,
    Section,
    copy_book,
    cover_moved,
    new_book,
    save_sections,
    section_title,
    sections,
)
from briefbook.library.scope import SCOPED_SECTIONS, choose_item, event_scope, section_choices


@cli.group()
def book() -> None:
    """Define briefing books: new, list, show, copy, sections."""


def interface_language() -> str:
    """The language the user works in, from the system's locale (vi or en): a new book's default."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "vi"


def new_book_language() -> str:
    """A new book's language when none is given, as the window's New book chooses it: the
    Preferences' language of new books where one is chosen, else the system's (``book new``
    and ``add book`` both ask here)."""
    from briefbook.preferences import chosen_book_language

    return chosen_book_language() or interface_language()


@book.command("new")
@click.argument("event_id", type=ITEM_ID)
@click.option("--title", default=None, help="The book's title (default: from the event).")
@click.option(
    "--ceiling",
    default=None,
    help="The highest classification the book may hold (default: the event's own level, said so).",
)
@click.option(
    "--language",
    type=Choice(["vi", "en"]),
    default=None,
    help="The book's language (default: the Preferences' language of new books, as in the window; "
    "else your system's language, vi or en).",
)
@click.option(
    "--set", "values", multiple=True, metavar="FIELD=VALUE", help="Another field (template, recipient...)."
)
@pass_context
def book_new(
    ctx: Context,
    event_id: str,
    title: str | None,
    ceiling: str | None,
    language: str | None,
    values: tuple[str, ...],
) -> None:
    """Create a book for an event, with the default sections; it never starts without a ceiling."""
    lib = ctx.library()
    fields = parse_assignments(values)
    if title:
        fields["title"] = title
    ceiling = ceiling or str(fields.pop("ceiling", "") or "")
    event = lib.get(Event, event_id)
    if not ceiling:
        ceiling = event.classification
        click.echo(
            f"No --ceiling given: the book holds nothing above the event's own level, {ceiling}. "
            "Change it with: briefbook edit BOOK --set ceiling=LEVEL",
            err=True,
        )
    language = language or str(fields.pop("language", "") or "") or new_book_language()
    created = new_book(lib, event_id, language=language, ceiling=ceiling, **fields)
    emit_json(created) if ctx.as_json else click.echo(created.id)


@book.command("list")
@click.option("--event", "event_id", default=None, type=ITEM_ID, help="Only the books of this event.")
@pass_context
def book_list(ctx: Context, event_id: str | None) -> None:
    """List the books."""
    books = ctx.library().list(Book, where={"event_id": event_id} if event_id else None)
    if ctx.as_json:
        emit_json(books)
    elif not books:
        click.echo("No books.")
    else:
        emit_table(
            [[b.id, b.title, b.template, b.ceiling or "-"] for b in books],
            ["id", "title", "template", "ceiling"],
        )


@book.command("show")
@click.argument("book_id", type=ITEM_ID)
@pass_context
def book_show(ctx: Context, book_id: str) -> None:
    """Show a book's settings and its sections in order."""
    lib = ctx.library()
    found = lib.get(Book, book_id)
    parts = sections(found)
    if ctx.as_json:
        emit_json({"book": found, "sections": [s.to_dict() for s in parts]})
        return
    event = lib.get(Event, found.event_id)
    click.secho(found.title, bold=True)
    for label, value in (
        ("event", event.title),
        ("template", found.template),
        ("ceiling", found.ceiling or "(none)"),
        ("drafts", found.drafts),
        ("language", found.language),
        ("recipient", found.recipient),
        ("copy number", found.copy_number),
        ("version", str(found.version) if found.version else "not exported yet"),
    ):
        if value:
            click.echo(f"  {label}: {value}")
    click.echo("Sections:")
    _print_sections(parts, found.language)


def _print_sections(parts: list[Section], language: str) -> None:
    rows = []
    for n, s in enumerate(parts, start=1):
        if s.items is not None:
            items = f"{len(s.items)} chosen"
        else:
            items = "the event's" if s.kind in SCOPED_SECTIONS else "all"
        rows.append([str(n), s.id, "yes" if s.include else "no", s.kind, section_title(s, language), items])
    emit_table(rows, ["#", "section id", "include", "kind", "title", "items"])


@book.command("copy")
@click.argument("book_id", type=ITEM_ID)
@click.option("--event", "event_id", default=None, type=ITEM_ID, help="Make the copy for another event.")
@click.option("--title", default=None, help="The copy's title.")
@pass_context
def book_copy(ctx: Context, book_id: str, event_id: str | None, title: str | None) -> None:
    """Start a new book from an existing one (e.g. last year's)."""
    copied = copy_book(ctx.library(), book_id, event_id=event_id, title=title)
    emit_json(copied) if ctx.as_json else click.echo(copied.id)


@book.command("sections")
@click.argument("book_id", type=ITEM_ID)
@click.option(
    "--include", "include", multiple=True, metavar="SECTION", help="Include a section (id or number)."
)
@click.option("--exclude", "exclude", multiple=True, metavar="SECTION", help="Leave a section out.")
@click.option(
    "--move", nargs=2, multiple=True, metavar="SECTION POSITION", help="Move a section to a position."
)
@click.option("--rename", nargs=2, multiple=True, metavar="SECTION TITLE", help="Rename a section.")
@click.option("--items", nargs=2, multiple=True, metavar="SECTION IDS", help="Comma-separated ids, or 'all'.")
@click.option(
    "--add-text", nargs=2, default=None, metavar="TITLE TEXT", help="Add a free-text section at the end."
)
@click.option("--remove", "remove", multiple=True, metavar="SECTION", help="Remove a free-text section.")
@pass_context
def book_sections(
    ctx: Context,
    book_id: str,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    move: tuple[tuple[str, str], ...],
    rename: tuple[tuple[str, str], ...],
    items: tuple[tuple[str, str], ...],
    add_text: tuple[str, str] | None,
    remove: tuple[str, ...],
) -> None:
    """Show or change a book's sections: include, leave out, reorder, rename, choose items."""
    lib = ctx.library()
    found = lib.get(Book, book_id)
    parts = sections(found)
    for ref in include:
        _find(parts, ref).include = True
    for ref in exclude:
        _find(parts, ref).include = False
    for ref, title in rename:
        _find(parts, ref).title = title
    for ref, ids in items:
        _find(parts, ref).items = None if ids == "all" else [i.strip() for i in ids.split(",") if i.strip()]
    for ref in remove:
        section = _find(parts, ref)
        if section.kind != "text":
            raise ValidationError("Only free-text sections can be removed; leave others out with --exclude.")
        parts.remove(section)
    for ref, position in move:
        section = _find(parts, ref)
        parts.remove(section)
        parts.insert(max(0, min(len(parts), int(position) - 1)), section)
    if cover_moved(parts):  # only a move can take it from the front (sections() reads it first)
        raise ValidationError(COVER_STAYS_FIRST, "sections")
    if add_text:
        parts.append(Section("text", add_text[0], text=add_text[1].replace("\\n", "\n")))
    changed = include or exclude or move or rename or items or add_text or remove
    if changed:
        save_sections(lib, book_id, parts)
    if ctx.as_json:
        emit_json([s.to_dict() for s in parts])
    else:
        _print_sections(parts, found.language)


@book.command("items")
@click.argument("book_id", type=ITEM_ID)
@click.argument("section")
@click.option("--tick", "tick", multiple=True, metavar="ID", help="Include this item (repeatable).")
@click.option("--untick", "untick", multiple=True, metavar="ID", help="Leave this item out (repeatable).")
@click.option("--event-default", is_flag=True, help="Back to the default: the event's own items.")
@click.option("--all", "everything", is_flag=True, help="List the rest of the library too, to choose from.")
@pass_context
def book_items(
    ctx: Context,
    book_id: str,
    section: str,
    tick: tuple[str, ...],
    untick: tuple[str, ...],
    event_default: bool,
    everything: bool,
) -> None:
    """See and choose the items of a topics, statements or biographies SECTION (as the composer's ticks).

    It lists the event's own items and those chosen from elsewhere (--all: the
    whole library). Each line says whether the item is included ([x]) and
    whether it is the event's own, another event's, or of no event in particular.
    """
    lib = ctx.library()
    found = lib.get(Book, book_id)
    parts = sections(found)
    part = _find(parts, section)
    if part.kind not in SCOPED_SECTIONS:
        raise ValidationError(
            f"The section “{part.title}” does not choose items from the library; "
            "meeting briefs are chosen with 'book sections --items' and 'book choose'."
        )
    scope = event_scope(lib, found.event_id)
    if event_default:
        part.items = None
    for item_id, ticked in [(i, True) for i in tick] + [(i, False) for i in untick]:
        part.items = choose_item(lib, scope, part, item_id, ticked)
    if event_default or tick or untick:
        save_sections(lib, book_id, parts)
    rows = section_choices(lib, scope, part, everything=everything)
    if ctx.as_json:
        emit_json(
            [
                {
                    "id": r.item.id,
                    "name": r.item.display_name,
                    "included": r.ticked,
                    "belongs": r.belongs,
                }
                for r in rows
            ]
        )
        return
    belongs = {"event": "this event", "other": "another event", "none": "no event"}
    emit_table(
        [["[x]" if r.ticked else "[ ]", r.item.id, r.item.display_name, belongs[r.belongs]] for r in rows],
        ["", "id", "name", "belongs to"],
    )


@book.command("choose")
@click.argument("book_id", type=ITEM_ID)
@click.argument("meeting_id", type=ITEM_ID)
@click.option("--points", default=None, help="Talking point ids in order (comma-separated), or 'all'.")
@click.option("--statements", default=None, help="Statement ids in order (comma-separated), or 'all'.")
@pass_context
def book_choose(
    ctx: Context, book_id: str, meeting_id: str, points: str | None, statements: str | None
) -> None:
    """Choose and order the talking points and statements of one meeting brief."""
    lib = ctx.library()
    parts = sections(lib.get(Book, book_id))
    section = next((s for s in parts if s.kind == "meetings"), None)
    if section is None:
        raise ValidationError("This book has no meeting briefs section.")
    choice = section.choices.get(meeting_id, MeetingChoice())

    def ids(value: str | None, current: list[str] | None) -> list[str] | None:
        if value is None:
            return current
        return None if value == "all" else [i.strip() for i in value.split(",") if i.strip()]

    section.choices[meeting_id] = MeetingChoice(
        ids(points, choice.talking_points), ids(statements, choice.statements)
    )
    save_sections(lib, book_id, parts)
    click.echo("Saved.")


def _find(parts: list[Section], ref: str) -> Section:
    if ref.isdigit() and 1 <= int(ref) <= len(parts):
        return parts[int(ref) - 1]
    for s in parts:
        if ref in (s.id, s.kind):
            return s
    raise NotFound(f"This book has no section '{ref}'. Sections: {', '.join(s.kind for s in parts)}.")


@book.command("changes")
@click.argument("book_id", type=ITEM_ID)
@click.option("--ceiling", default=None, help="The copy's ceiling (default: the book's).")
@click.option("--for-sharing", is_flag=True, help="A copy for sharing (not-for-release text left out).")
@pass_context
def book_changes_cmd(ctx: Context, book_id: str, ceiling: str | None, for_sharing: bool) -> None:
    """What was added, edited (word by word) and removed since the last copy of this kind (this
    ceiling, for sharing or not): what that copy's changes page says."""
    from briefbook.exchange.changes import shortened
    from briefbook.exchange.copy_changes import book_changes

    found = book_changes(ctx.library(backups=False), book_id, ceiling=ceiling, for_sharing=for_sharing)
    if ctx.as_json:
        emit_json(
            {
                "since_version": found.since_version,
                "since": found.since,
                "added": [{"id": i, "kind": e.kind, "name": e.name} for i, e in found.added],
                "edited": [
                    {"id": e.item_id, "kind": e.kind, "name": e.name, "diff": e.diff} for e in found.edited
                ],
                "removed": [
                    {"id": i, "kind": o["kind"], "name": o.get("name", "")} for i, o in found.removed
                ],
            }
        )
        return
    if found.since_version is None:
        kind = f"{found.ceiling} made for sharing" if found.for_sharing else found.ceiling
        click.echo(f"There is no earlier copy of this book at {kind}: everything in it is new.")
        return
    click.echo(f"Since version {found.since_version} ({found.since[:16].replace('T', ' ')}):")
    if found.empty:
        click.echo("Nothing has changed.")
    for item_id, entry in found.added:
        click.echo(f"+ added    {entry.kind:14} {entry.name}  [{item_id}]")
    for edit in found.edited:
        click.echo(f"~ edited   {edit.kind:14} {edit.name}  [{edit.item_id}]")
        shown = " ".join(
            f"[-{text}-]" if op == "-" else f"{{+{text}+}}" if op == "+" else text
            for op, text in shortened(edit.diff)
        )
        click.echo(f"    {shown}")
    for item_id, old in found.removed:
        click.echo(f"- removed  {old['kind']:14} {old.get('name', '')}  [{item_id}]")
