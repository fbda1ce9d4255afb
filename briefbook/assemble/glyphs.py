"""Preflight: every character the book will print, checked against the fonts that draw it.

A character that no font of the chain has (see :mod:`briefbook.render.font_chain`)
prints as a visible U+FFFD; before that happens the user is told which character,
in which item and which of its fields, so nothing disappears in silence. The
check reads the document the renderers will get (every string, with the origin
the release gate uses), so it covers exactly what is exported.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from briefbook.assemble.context import PreflightWarning, short
from briefbook.document.model import Document, Origin, node_fields
from briefbook.errors import BriefBookError
from briefbook.library import Library
from briefbook.library.records import RECORD_TYPES

_NOT_TEXT = frozenset({"style", "language", "anchor", "link", "origin", "origins", "photo", "data"})
_MAX_NAMED = 12  # characters named per warning; the rest are counted


def glyph_warnings(library: Library, document: Document, template_name: str) -> list[PreflightWarning]:
    """One warning per item and field holding characters no font can draw, and one when
    Chinese is present but no Chinese font is installed."""
    from briefbook.render.font_chain import chain_for, describe, missing_font_note
    from briefbook.render.template import load_template

    try:
        template = load_template(template_name)
    except BriefBookError:
        return []  # the export names the broken template itself
    chain = chain_for(template.body_font, template.thai_font)
    found: dict[tuple[str, str], dict[str, None]] = {}  # (kind, item id) -> characters
    origins: dict[tuple[str, str], Origin | None] = {}
    note = None
    uncovered: dict[str, list[str]] = {}  # each distinct text looked up once (names repeat)
    for text, origin in _strings(document):
        missing = uncovered.get(text)
        if missing is None:
            missing = uncovered[text] = chain.uncovered(text)
        if not missing:
            continue
        key = (origin.kind, origin.item_id) if origin else ("", "")
        found.setdefault(key, {}).update(dict.fromkeys(missing))
        origins.setdefault(key, origin)
        note = note or missing_font_note("".join(missing))
    warnings = []
    for key, chars in found.items():
        origin = origins[key]
        for field_name, in_field in _fields_holding(library, origin, list(chars)):
            named = ", ".join(describe(c) for c in in_field[:_MAX_NAMED])
            more = f" and {len(in_field) - _MAX_NAMED} more" if len(in_field) > _MAX_NAMED else ""
            where = _where(origin, field_name)
            warnings.append(
                PreflightWarning(
                    "glyph_missing",
                    f"{where} has characters no font of the book can print: {named}{more}. "
                    "They will show as � in the files.",
                    origin.kind if origin else "",
                    origin.item_id if origin else "",
                )
            )
    if note:
        warnings.append(PreflightWarning("font_missing", note))
    return warnings


def _where(origin: Origin | None, field_name: str) -> str:
    if origin is None or not origin.kind:
        return "The book's own text"
    record = RECORD_TYPES.get(origin.kind)
    label = record.LABEL if record else origin.kind
    name = short(origin.name)
    shown_field = field_name.replace("_", " ")
    return f"{label} “{name}”, field “{shown_field}”," if field_name else f"{label} “{name}”"


def _fields_holding(library: Library, origin: Origin | None, chars: list[str]) -> list[tuple[str, list[str]]]:
    """Which of the item's stored fields hold which of ``chars`` (the item's name if unknown)."""
    record_type = RECORD_TYPES.get(origin.kind) if origin else None
    record = None
    if record_type is not None and origin is not None and origin.item_id:
        try:
            record = library.get(record_type, origin.item_id)
        except BriefBookError:
            record = None
    if record is None:
        return [("", chars)]
    out: list[tuple[str, list[str]]] = []
    placed: set[str] = set()
    for f in fields(record):
        value = getattr(record, f.name)
        if not isinstance(value, str) or f.name in ("id", "created_at", "updated_at"):
            continue
        here = [c for c in chars if c in value]
        if here:
            out.append((f.name, here))
            placed.update(here)
    rest = [c for c in chars if c not in placed]
    if rest:  # text BriefBook derived from the item (a label, a joined list)
        out.append(("", rest))
    return out


def _strings(document: Document) -> list[tuple[str, Origin | None]]:
    """Every string of the document with the origin the release gate gives it, in order.

    Collected into one list by plain recursion: generators nested as deep as the model
    cost more than the lookups they feed (a 500-meeting book holds 65,000 strings).
    """
    found: list[tuple[str, Origin | None]] = []
    _walk(document, None, found)
    return found


def _walk(node: Any, inherited: Origin | None, found: list) -> None:
    own = getattr(node, "origin", None) or inherited
    per_field = getattr(node, "origins", None)
    for name in node_fields(type(node)) or ():
        if name in _NOT_TEXT:
            continue
        origin = per_field.get(name, own) if isinstance(per_field, dict) else own
        _value(getattr(node, name), origin, found)


def _value(value: Any, origin: Origin | None, found: list) -> None:
    if isinstance(value, str):
        if value.strip():
            found.append((value, origin))
    elif isinstance(value, list | tuple):
        for v in value:
            _value(v, origin, found)
    elif isinstance(value, dict):
        for v in value.values():
            _value(v, origin, found)
    elif node_fields(type(value)) is not None:
        _walk(value, origin, found)
