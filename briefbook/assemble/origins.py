"""The origin every text of a book carries: the level and marking of the item it came from.

A mixin of :class:`~briefbook.assemble.context.Assembly`: an item's effective level (a
talking point at least its topic's), whether it is internal only (a one-line field starting
with a not-for-release marker), and the :class:`~briefbook.document.model.Origin` stamped on
its text, raised to what contains or introduces it. The release gate judges the document by
these origins, so they are worked out here, in one place, and remembered for an item's values
(never for its id alone: a record changed on disk mid-export gets an origin of its own).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields

from briefbook.assemble import markers
from briefbook.document.model import Origin
from briefbook.library import Book, Record, TalkingPoint
from briefbook.library.levels import Level, rank_of
from briefbook.library.records import one_line_fields


class ItemOrigins:
    """Levels, markings and origins of one assembly's items (set up by ``Assembly.__post_init__``)."""

    book: Book
    levels: list[str]
    scheme: list[Level]
    stamped: dict[str, Record | None]
    _ranks: dict[str, int]
    _marked: dict[tuple, bool]
    _origins: dict[tuple, Origin]
    _sources: list[Origin]
    # and BookReads' _topic (an assembly is both)

    def rank(self, level: str) -> int:
        """A level's rank; a name the library does not know counts as the highest level."""
        try:  # asked some 14,000 times for a 100-meeting book, nearly always of a known name
            return self._ranks[level]
        except (KeyError, TypeError):  # a name it does not know, or no name at all
            pass
        if level in self.levels:
            return self.levels.index(level)
        return rank_of(self.scheme, level)

    def restricted(self, item: Record) -> bool:
        """True if a one-line field of the item (a title, a name) starts with a not-for-release
        marker: then the whole item is internal only. A point is so if its topic is.

        Asked for every origin stamped (50,000 times in a 500-meeting book, mostly of the same
        items), so the answer is remembered for the one-line fields' values themselves, never
        for an item's id: a record changed on disk mid-export is read with what it now says."""
        cls = type(item)
        values = _one_line_values(cls)(item)
        try:
            marked = self._marked.get((cls, values))
        except TypeError:  # a value that cannot be a key (never a text): no memo
            marked = None
            values = tuple(v for v in values if isinstance(v, str))
        if marked is None:
            texts = [v for v in values if isinstance(v, str)]
            # A marker starts with an opening bracket: one scan of all the values finds most
            # items have none (their ids, dates, kinds and names), before each is asked.
            marked = markers.may_hold_marker("".join(texts)) and any(map(markers.starts_restricted, texts))
            self._marked[(cls, values)] = marked
        if marked:
            return True
        if isinstance(item, TalkingPoint) and item.topic_id:
            topic = self._topic(item.topic_id)
            return topic is not None and self.restricted(topic)
        return False

    def level_of(self, item: Record) -> str:
        """The item's effective level: a talking point is at least as sensitive as its topic."""
        level = getattr(item, "classification", self.levels[0])
        rank = self.rank(level)
        if isinstance(item, TalkingPoint) and item.topic_id:
            topic = self._topic(item.topic_id)
            rank = max(rank, self.rank(topic.classification) if topic else len(self.levels) - 1)
        return self.levels[rank]

    def origin(self, item: Record | None, *also: Record | Origin | None) -> Origin:
        """The origin of text from ``item`` (the book's own words when ``None``), at least as
        high as each of ``also`` (what contains or introduces it)."""
        if item is None:
            base = Origin(self.levels[0], kind="book", item_id=self.book.id, name=self.book.title)
        else:
            base = self._own_origin(item)
        return self.raised(base, *also)

    def raised(self, base: Origin, *also: Record | Origin | None) -> Origin:
        """``base`` raised to at least the level and marking of each of ``also``: what
        :meth:`origin` does after the item's own origin (for a caller holding that already)."""
        for other in also:
            if other is None:
                continue
            o = other if isinstance(other, Origin) else self._own_origin(other)
            if self.rank(o.level) > self.rank(base.level):
                base = Origin(o.level, base.not_for_release, base.kind, base.item_id, base.name)
            if o.not_for_release and not base.not_for_release:
                base = base.restricted()
        return base

    def _own_origin(self, item: Record) -> Origin:
        """The origin of text from ``item`` alone: its level, its marking, its name.

        Stamped on nearly every text of a book (50,000 times for 500 meetings, mostly for the
        same few hundred items), so it is remembered for the item's values, every field of it,
        and never for its id alone: a record read again with other values gets its own origin."""
        cls = type(item)
        try:
            key = (cls, _all_values(cls)(item))
            found = self._origins.get(key)
        except TypeError:  # a value that cannot be a key: no memo
            key = found = None
        if found is None:
            found = Origin(self.level_of(item), self.restricted(item), item.KIND, item.id, item.display_name)
            if key is not None:
                self._origins[key] = found
            # A second record of the id with other values (else the memo had answered, or its
            # values cannot be a key): then neither is the item as the document holds it.
            self.stamped[item.id] = None if item.id in self.stamped or key is None else item
        return found

    @contextmanager
    def source(self, origin: Origin) -> Iterator[Origin]:
        """Text built inside takes ``origin`` unless given another (see :meth:`blocks`)."""
        self._sources.append(origin)
        try:
            yield origin
        finally:
            self._sources.pop()

    @property
    def current(self) -> Origin:
        """The origin of the text being built; outside any source, the book's own words."""
        return self._sources[-1] if self._sources else self.origin(None)


@functools.cache
def _all_values(cls: type[Record]) -> Callable[[Record], tuple]:
    """A function giving the values of all of a record's fields as a tuple (one C call)."""
    names = tuple(f.name for f in fields(cls))
    if len(names) == 1:
        name = names[0]
        return lambda item: (getattr(item, name),)
    return operator.attrgetter(*names) if names else lambda item: ()


@functools.cache
def _one_line_values(cls: type[Record]) -> Callable[[Record], tuple]:
    """A function giving the values of a record's one-line fields as a tuple (one C call)."""
    names = one_line_fields(cls)
    if len(names) == 1:
        name = names[0]
        return lambda item: (getattr(item, name),)
    return operator.attrgetter(*names) if names else lambda item: ()
