"""Naming a classification level: one parser, so that an unknown level is never "no ceiling".

Until the release gate's level parser lands, exchange uses this one; it follows
the same rule (issue #8): a known level matches regardless of case and spaces
around it; anything else is refused with the levels listed.
"""

from __future__ import annotations

from briefbook.errors import ValidationError
from briefbook.text import clean_line


def parse_level(levels: list[str], name: str) -> str:
    """The library's level that ``name`` names (``" internal "`` -> ``"Internal"``), or a clear refusal."""
    wanted = clean_line(name).casefold()
    for level in levels:
        if level.casefold() == wanted:
            return level
    raise ValidationError(
        f"'{clean_line(name)}' is not a classification level of this library "
        f"(the levels are: {', '.join(levels)}).",
        "ceiling",
    )


def rank(levels: list[str], level: str) -> int:
    """A level's rank; a level this library does not know counts as the highest (never as lower)."""
    try:
        return levels.index(parse_level(levels, level))
    except ValidationError:
        return len(levels)
