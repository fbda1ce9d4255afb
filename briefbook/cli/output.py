"""Printing records for people (aligned text) and for scripts (``--json``)."""

from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass
from typing import Any

import click

from briefbook.invisible import visible_controls
from briefbook.library.records import Record
from briefbook.text import one_line

# Keys that ``--json`` adds to a record's own fields. They are read-only: ``edit
# --from-json`` and ``add --from-json`` accept and check them, so the output of
# ``show --json`` feeds them unchanged. Never a field name (a meeting has its own ``kind``).
ITEM_TYPE = "item_type"
DERIVED_KEYS = (ITEM_TYPE, "display_name")


def to_data(value: Any) -> Any:
    if isinstance(value, Record):
        data = asdict(value)
        data[ITEM_TYPE] = value.KIND
        data["display_name"] = value.display_name
        return data
    if is_dataclass(value) and not isinstance(value, type):
        return {k: to_data(v) for k, v in asdict(value).items()}
    if isinstance(value, list | tuple):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {k: to_data(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def emit_json(value: Any) -> None:
    click.echo(json.dumps(to_data(value), ensure_ascii=False, indent=2))


def emit_table(rows: list[list[str]], header: list[str]) -> None:
    """A plain aligned table; long cells are cut with an ellipsis to keep rows on one line."""
    cut = [[one_line(visible_controls(str(c)), 70) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cut]) for i, h in enumerate(header)]
    click.echo("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    for row in cut:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def emit_record(record: Record, extra: dict[str, Any] | None = None) -> None:
    click.secho(f"{record.LABEL}: {visible_controls(record.display_name)}", bold=True)
    for name in record.field_names():
        value = getattr(record, name)
        if value in ("", None):
            continue
        label = name.replace("_", " ")
        text = visible_controls(str(value))
        if "\n" in text:
            click.echo(f"  {label}:")
            for line in text.splitlines():
                click.echo(f"    {line}")
        else:
            click.echo(f"  {label}: {text}")
    for label, value in (extra or {}).items():
        if value:
            click.echo(f"  {label}: {visible_controls(str(value))}")
