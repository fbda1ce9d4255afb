"""Provenance helpers for assembly: give blocks the origin of the item they came from.

Builders label what they know precisely (a talking point's list item, a
person's profile) and then :func:`stamp` what they return with the origin of
the item the whole passage is about (a meeting, a topic, the book): only
blocks that have no origin yet take it, so the most specific origin wins.
Runs are left alone: a run without an origin shares its block's.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefbook.document.model import (
    Block,
    Contents,
    Heading,
    Image,
    ListBlock,
    Origin,
    Paragraph,
    Profile,
    Reference,
    Table,
)


def stamp(blocks: Iterable[Block], origin: Origin) -> list[Block]:
    """The blocks, each without an origin given ``origin`` (in place); returns them as a list."""
    out = list(blocks)
    for block in out:
        _stamp(block, origin)
    return out


def _stamp(block: Block, origin: Origin) -> None:
    labelled = (Heading, Paragraph, Image, Contents, ListBlock, Table, Profile, Reference)
    if isinstance(block, labelled) and block.origin is None:
        block.origin = origin
