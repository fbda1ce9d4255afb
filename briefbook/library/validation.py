"""Checking and cleaning a record's values before they are stored."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any

from briefbook.errors import ValidationError
from briefbook.item_ids import visible_id
from briefbook.library.levels import Level, parse_level
from briefbook.library.records import MAX_LINE, MAX_TEXT, Record
from briefbook.library.rules import check_dates, check_sections, whole_number
from briefbook.text import clean, clean_line, is_blank


def validated(
    cls: type[Record],
    values: dict[str, Any],
    levels_of_library: Callable[[], list[Level]],
    changed: set[str] | None = None,
) -> dict[str, Any]:
    """The values as they will be stored: cleaned text, checked lengths, choices and levels,
    real dates, whole numbers in range and valid book sections (:mod:`briefbook.library.rules`).

    ``changed``: the fields an update writes (dates and sections already stored are not
    judged again when another field is edited); ``None`` for a new item: every field.
    Raises :class:`ValidationError` naming the field, in words for the user.
    """
    out: dict[str, Any] = {}
    levels = None
    for f in fields(cls):
        value = values.get(f.name)
        if f.name in ("id", "created_at", "updated_at"):
            out[f.name] = value
            continue
        if f.type == "int":
            out[f.name] = whole_number(f.name, value)
            continue
        if changed is None or f.name in changed:  # (a value already stored is left as it is)
            value = _as_text(f.name, value)
        if f.name.endswith("_id"):  # (an id pasted with a zero-width space or a tab too)
            out[f.name] = (visible_id(value) if isinstance(value, str) else value) or None
            continue
        if isinstance(value, str) or value is None:
            value = clean(value) if f.name in cls.MARKDOWN or f.name == "sections" else clean_line(value)
            limit = MAX_TEXT if f.name in cls.MARKDOWN or f.name == "sections" else MAX_LINE
            if len(value) > limit:
                label = f.name.replace("_", " ")
                raise ValidationError(
                    f"The {label} is too long ({len(value):,} characters; at most {limit:,}).",
                    field=f.name,
                )
        out[f.name] = value
    check_dates(out, changed)
    if "sections" in out and (changed is None or "sections" in changed):
        check_sections(out["sections"])
    for name in cls.REQUIRED:
        # A text of only spaces, newlines or zero-width characters is as empty as none.
        if is_blank(str(out.get(name) or "")):
            kind, what = cls.LABEL.lower(), name.replace("_id", "").replace("_", " ")
            raise ValidationError(f"{article(kind).capitalize()} {kind} needs {article(what)} {what}.", name)
    for name, options in cls.CHOICES.items():
        out[name] = as_choice(out.get(name), options)
        if out.get(name) not in options:
            raise ValidationError(
                f"The {name.replace('_', ' ')} '{out.get(name)}' is not one of: {', '.join(options)}.",
                name,
            )
    for name in ("classification", "ceiling"):
        if name in out and (out[name] or name == "classification"):
            # Stored as the library spells it, whatever the case and spacing typed.
            levels = levels or levels_of_library()
            try:
                out[name] = parse_level(levels, out[name]).name
            except ValidationError as exc:
                raise ValidationError(str(exc), name) from None
    return out


def _as_text(name: str, value: Any) -> Any:
    """A text field's value as text: a number (``"copy_number": 3`` in a JSON file) as it is
    written; an object, a list or a yes/no refused in words (stored, they broke the sort keys,
    the index and the exports with a traceback, or were taken for a broken library)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    label = name.removesuffix("_id").replace("_", " ")
    if isinstance(value, list | tuple):
        what = "a list"
    elif isinstance(value, bool):
        what = "yes or no"
    elif isinstance(value, bytes | bytearray):
        what = "binary data"
    else:
        what = "a group of fields"
    raise ValidationError(f"The {label} must be text, not {what}.", field=name)


def as_choice(value: Any, options: tuple[str, ...] | list[str]) -> Any:
    """The option ``value`` means, typed in any case and with spaces or hyphens for
    underscores (``Bilateral``, ``side event``, ``Key-message``); otherwise ``value`` as given,
    for the caller to refuse with the list of options."""
    if isinstance(value, str) and value not in options:
        key = "_".join(value.replace("-", " ").replace("_", " ").lower().split())
        for option in options:
            if option.lower() == key:
                return option
    return value


def article(word: str) -> str:
    """The article before ``word`` ("an event", "an organisation"; "A meeting needs a event"
    was the message)."""
    return "an" if word[:1] in "aeiou" else "a"


def no_such_field(cls: type[Record], name: str) -> str:
    """The words refusing a field ``cls`` does not have, with the ones it has ("A person has no
    field 'full_name'. Did you mean 'name'? Its fields are: name, …."): the refusal alone left
    the user guessing the spelling, one try a field (the six places that refuse one wrote the
    sentence each, as "A event …", before they shared this)."""
    label = cls.LABEL.lower()
    said = f"{article(label).capitalize()} {label} has no field '{name}'."
    known = cls.data_fields()
    meant = _field_meant(name, known)
    if meant:
        said += f" Did you mean '{meant}'?"
    return f"{said} Its fields are: {', '.join(known)}."


def _field_meant(name: str, known: list[str]) -> str | None:
    """The field ``name`` was likely typed for: the same words in another case, order or
    separator ('Start date', 'romanised_name'), else one a slip of a letter or two away
    ('titel'); none for a name merely sharing letters ('location' is not 'classification')."""
    words = "_".join(name.strip().lower().replace("-", " ").replace("_", " ").split())
    for field in known:
        if sorted(field.split("_")) == sorted(words.split("_")):
            return field
    import difflib  # here: only a field name typed wrong needs it, not the first screen

    close = difflib.get_close_matches(words, known, n=1, cutoff=0.8)
    return close[0] if close else None
