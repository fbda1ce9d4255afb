"""The rules every value passes at the Library boundary: dates, ranges, whole numbers, ids, sections.

The GUI, the command line and imports all write through :class:`~briefbook.library.Library`,
so these checks are made once, here, and every front end shows the same plain message.

* Dates are real dates (no 31 February), stored as ISO: ``2025-12-17``; a meeting's
  times as ``2025-12-17T09:00``. ``17/12/2025`` (day first, as Vietnamese and British
  readers write it) is accepted and stored as ISO.
* An end is never before its start (an event's dates, a meeting's times).
* Whole numbers (order, version) are between 0 and a billion.
* A new item's id is unique across every kind (a link names an item by id alone).
* A book's sections are checked on every write, whoever writes them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from briefbook.errors import ValidationError

DATE_FIELDS = frozenset({"start_date", "end_date", "date", "cleared_on", "issue_date"})
DATETIME_FIELDS = frozenset({"starts_at", "ends_at"})
SPANS = (("start_date", "end_date"), ("starts_at", "ends_at"))
MAX_WHOLE = 1_000_000_000
MAX_ID = 100
MAX_SECTIONS = 500
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")  # 17/12/2025, 17.12.2025
_TIME = re.compile(r"(\d{1,2})[:h](\d{2})(?::(\d{2}))?")  # 09:00, 09h00, 09:00:00
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")


def normalise_date(text: str, with_time: bool = False) -> str:
    """'2025-12-17' or '17/12/2025' (and '09:00' after, ``with_time``) → ISO; ValueError if not real.

    The one reading of a typed date: the Library stores what it returns, and the window's
    date fields use it too, so a date the editor accepts is one the Library accepts.
    """
    text = " ".join(str(text).replace("T", " ").split())
    if not text:
        return ""
    date_part, _, rest = text.partition(" ")
    match = _YMD.fullmatch(date_part) or _DMY.fullmatch(date_part)
    if not match:
        raise ValueError(text)
    a, b, c = (int(g) for g in match.groups())
    year, month, day = (a, b, c) if match.re is _YMD else (c, b, a)
    if not 1900 <= year <= 2200:
        raise ValueError(text)
    iso = dt.date(year, month, day).isoformat()  # ValueError for 31 February
    if not rest:
        return iso
    time = _TIME.fullmatch(rest)
    if not with_time or not time or int(time.group(1)) > 23 or int(time.group(2)) > 59:
        raise ValueError(text)
    return f"{iso}T{int(time.group(1)):02d}:{time.group(2)}"


# A field named in a message by its words, where its name does not read as words
# ("The starts at '25:99' …"); the window's messages read these back (ui/message_parts).
FIELD_WORDS = {"starts_at": "start time", "ends_at": "end time"}


def _label(name: str) -> str:
    return FIELD_WORDS.get(name) or name.replace("_", " ")


def _as_written(stored: str) -> str:
    """A stored time as a person writes it ("2026-12-16 08:00"): the ISO "T" between date and
    time, shown back in a refusal, read as a typo of theirs."""
    return stored.replace("T", " ")


def check_dates(out: dict[str, Any], changed: set[str] | None) -> None:
    """Normalise and check the date fields in ``out`` that are being written (all, if ``changed`` is None)."""
    for name in DATE_FIELDS | DATETIME_FIELDS:
        if name not in out or (changed is not None and name not in changed):
            continue
        try:
            out[name] = normalise_date(out[name] or "", with_time=name in DATETIME_FIELDS)
        except ValueError:
            example = (
                "2025-12-17 09:00 or 17/12/2025 09:00"
                if name in DATETIME_FIELDS
                else "2025-12-17 or 17/12/2025"
            )
            raise ValidationError(
                f"The {_label(name)} '{out[name]}' is not a real date; write it like {example}.", name
            ) from None
    for start, end in SPANS:
        touched = changed is None or {start, end} & changed
        if touched and out.get(start) and out.get(end) and out[end] < out[start]:
            raise ValidationError(
                f"The {_label(end)} ({_as_written(out[end])}) is before the {_label(start)} "
                f"({_as_written(out[start])}).",
                end,
            )


def whole_number(name: str, value: Any) -> int:
    """A whole number between 0 and a billion, or a plain message naming the field."""
    if isinstance(value, float) and not value.is_integer():
        raise ValidationError(f"The {_label(name)} must be a whole number, not {value}.", name)
    try:
        number = int(value or 0)
    except (TypeError, ValueError, OverflowError):
        raise ValidationError(f"The {_label(name)} must be a whole number.", field=name) from None
    if not 0 <= number <= MAX_WHOLE:
        raise ValidationError(f"The {_label(name)} must be between 0 and {MAX_WHOLE:,}, not {number}.", name)
    return number


def check_new_id(item_id: str) -> None:
    """An id given for a new item: short, plain characters (ids are also typed on the command line)."""
    if len(item_id) > MAX_ID or not _ID.fullmatch(item_id):
        raise ValidationError(
            f"'{item_id[:40]}' cannot be an id: use at most {MAX_ID} letters, digits, '-', '_', '.' or ':'.",
            "id",
        )


def check_sections(text: str) -> None:
    """A book's sections as stored (JSON): every section one BriefBook can build."""
    from briefbook.library.books import Section

    try:
        raw = json.loads(text or "[]")
    except (json.JSONDecodeError, RecursionError):
        raise ValidationError("The book's sections are not valid (not readable JSON).", "sections") from None
    if not isinstance(raw, list) or len(raw) > MAX_SECTIONS:
        raise ValidationError(f"A book's sections must be a list of at most {MAX_SECTIONS}.", "sections")
    for n, data in enumerate(raw, start=1):
        if not isinstance(data, dict):
            raise ValidationError(f"Section {n} of the book is not a section.", "sections")
        items = data.get("items")
        if items is not None and not (isinstance(items, list) and all(isinstance(i, str) for i in items)):
            raise ValidationError(f"Section {n} of the book: its items must be a list of ids.", "sections")
        choices = data.get("choices") or {}
        if not isinstance(choices, dict):
            raise ValidationError(f"Section {n} of the book: its meeting choices are not valid.", "sections")
        for choice in choices.values():
            if not isinstance(choice, dict) or set(choice) - {"talking_points", "statements"}:
                raise ValidationError(
                    f"Section {n} of the book: its meeting choices are not valid.", "sections"
                )
            for ids in choice.values():
                if ids is not None and not (isinstance(ids, list) and all(isinstance(i, str) for i in ids)):
                    raise ValidationError(
                        f"Section {n} of the book: a meeting choice must list ids.", "sections"
                    )
        try:
            Section.from_dict(data)
        except (TypeError, KeyError, AttributeError):
            raise ValidationError(f"Section {n} of the book is not valid.", "sections") from None
