"""Levels in exchange: the library's one parser (:mod:`briefbook.library.levels`), and a rank
that never lets an unknown level count as lower than a known one."""

from __future__ import annotations

from briefbook.errors import ValidationError
from briefbook.library.levels import Level, parse_level


def rank(levels: list[Level], level: str) -> int:
    """A level's rank; a level this library does not know counts as above the highest."""
    try:
        return parse_level(levels, level).rank
    except ValidationError:
        return len(levels)
