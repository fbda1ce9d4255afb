"""What a user types on the command line as fields: ``field=value`` pairs and ``--from-json``.

Shared by the item commands (add, edit, list --where) and the book commands (book new).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from briefbook.cli.output import DERIVED_KEYS, ITEM_TYPE
from briefbook.errors import ValidationError
from briefbook.library import Record
from briefbook.library.validation import no_such_field


def parse_assignments(pairs: tuple[str, ...]) -> dict[str, Any]:
    """``field=value`` pairs from the command line; ``\\n`` in a value is a new line."""
    out: dict[str, Any] = {}
    for pair in pairs:
        if "=" not in pair:
            raise ValidationError(f"'{pair}' is not of the form field=value.")
        key, value = pair.split("=", 1)
        out[key.strip().replace("-", "_")] = value.replace("\\n", "\n")
    return out


MAX_JSON_BYTES = 64 * 1024 * 1024  # --from-json: a file (or stdin) beyond this is refused while reading


def read_json(source: str) -> Any:
    """The JSON in a file, or on standard input for ``-``; refused in plain words if it is not
    UTF-8, too large or too deep, so that a file someone sent cannot crash or exhaust the command."""
    try:
        if source == "-":
            raw = sys.stdin.buffer.read(MAX_JSON_BYTES + 1)
        else:
            with Path(source).open("rb") as fh:
                raw = fh.read(MAX_JSON_BYTES + 1)
    except OSError as exc:
        raise ValidationError(f"Cannot read {source}: {exc.strerror or exc}.") from None
    if len(raw) > MAX_JSON_BYTES:
        raise ValidationError(f"The JSON in {source} is larger than {MAX_JSON_BYTES // 2**20} MB.")
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValidationError(f"The JSON in {source} is not UTF-8 text.") from None
    except RecursionError:
        raise ValidationError(f"The JSON in {source} is nested too deeply.") from None
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"The JSON in {source} cannot be read: {exc.msg} (line {exc.lineno})."
        ) from None


def record_fields(cls: type[Record], data: Any, item_id: str | None = None) -> dict[str, Any]:
    """The fields in one JSON object as ``--json`` writes it (``show``, ``list``, ``edit``, ``add``).

    ``show``'s ``{"item": ..., "links": ...}`` is unwrapped (links are changed
    with ``link``/``unlink``, not here). The keys ``--json`` adds
    (``item_type``, ``display_name``) and the timestamps are read-only: they are
    checked or dropped, never stored. With ``item_id`` (an edit), an ``id`` must
    be that item's.
    """
    if isinstance(data, dict) and isinstance(data.get("item"), dict) and set(data) <= {"item", "links"}:
        data = data["item"]
    if not isinstance(data, dict):
        raise ValidationError("Each item in the JSON must be an object of field names and values.")
    data = dict(data)
    item_type = data.pop(ITEM_TYPE, None)
    if item_type is not None and item_type != cls.KIND:
        raise ValidationError(
            f"The JSON describes a {str(item_type).replace('_', ' ')}, not a {cls.LABEL.lower()}."
        )
    for key in (*DERIVED_KEYS, "created_at", "updated_at"):
        data.pop(key, None)
    if item_id is not None and data.get("id", item_id) != item_id:
        raise ValidationError(f"The JSON is about another item ({data['id']}), not {item_id}.")
    if item_id is not None:
        data.pop("id", None)
    allowed = set(cls.data_fields()) | ({"id"} if item_id is None else set())
    unknown = set(data) - allowed
    if unknown:
        name = sorted(unknown)[0]
        raise ValidationError(no_such_field(cls, name), field=name)
    return data
