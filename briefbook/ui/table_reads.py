"""What a table asks the search thread to read: its first rows, the next page, the rows up to an item.

Each function here runs on the search thread (:meth:`Searcher.request_read`) with the
thread's own read-only :class:`~briefbook.library.Library`, and returns a frozen
answer that the table model only puts on screen. Nothing here touches a widget: the
window's thread never waits for SQLite, and a read overtaken by a newer request is
dropped (``current()`` turns false, and the model checks the answer's ticket or
generation when it arrives).

The answers are named tuples, not frozen dataclasses: as frozen (read-only) and as
readable, and made at start-up about ten times faster (a frozen dataclass costs 1-3 ms
to create, and the first table waited for five of them). Their fields' annotations are
types, not text: this module does not postpone annotations, for ``NamedTuple`` compiles
each annotation it is given as text (26 of them, about 1.5 M instructions of every start).
"""

from collections.abc import Callable
from operator import attrgetter
from typing import Any, NamedTuple

from briefbook.library import Record, TalkingPoint
from briefbook.library.records import record_type
from briefbook.ui.labels import display_name
from briefbook.ui.table_sorting import hit_sort_key

Order = tuple[str | None, bool]  # (field, descending)
Packed = tuple  # a row: its record's field values, in the order of ``Packer.names``


class Packer:
    """A table's rows as tuples of their field values, and records made from them again.

    A table holds 20,000 rows after a long scroll, and as many again arrive with a reload.
    As records (one object each that Python's cyclic collector tracks) they made every
    full collection scan them all, holding the GIL 100-200 ms on a loaded machine; a
    tuple of strings and numbers is not tracked once it has survived its first
    collection. Records are made again only for the rows painted or asked for.
    """

    def __init__(self, record_class: type[Record]) -> None:
        self.record_class = record_class
        self.fields = record_class.field_names()
        extra = ["speaker_label"] if hasattr(record_class, "speaker_label") else []  # set by the library
        self.names = [*self.fields, *extra]
        self.index = {name: i for i, name in enumerate(self.names)}
        self.id_at = self.index["id"]
        self._get = attrgetter(*self.names)

    def pack(self, records: list[Record]) -> list[Packed]:
        return [self._get(r) for r in records]

    def record(self, row: Packed) -> Record:
        record = self.record_class(**dict(zip(self.fields, row, strict=False)))
        for name in self.names[len(self.fields) :]:
            setattr(record, name, row[self.index[name]])
        return record


_PACKERS: dict[str, Packer] = {}


def packer_for(kind: str) -> Packer:
    if kind not in _PACKERS:
        _PACKERS[kind] = Packer(record_type(kind))
    return _PACKERS[kind]


class Selection(NamedTuple):
    """Which rows a table shows, in which order: what every read below is asked about."""

    kind: str
    where: dict[str, Any]
    order: Order

    def page(self, library, *, limit: int, after: tuple | None = None):
        field, descending = self.order
        where = self.where or None
        return library.page(
            self.kind, where=where, order_by=field, descending=descending, limit=limit, after=after
        )


class FirstRows(NamedTuple):
    """The first rows of a selection, with its total, its order and where the next page starts."""

    rows: list[Packed]
    total: int
    order: Order
    cursor: tuple | None = None
    numbers: dict[str, int] | None = None  # talking points: each one's number in its topic
    names: dict[str, dict[str, str]] | None = None  # kind -> id -> name, of the linked items asked
    kept: bool = False  # read to replace the rows shown, as many as there were (after an edit)
    fresh: bool = False  # the library changed: these names and numbers replace all those known


class Hits(NamedTuple):
    """A text filter's hits as the table shows them: kept by the combos, sorted, packed, numbered."""

    rows: list[Packed]
    numbers: dict[str, int] | None = None  # talking points: each one's number in its topic
    names: dict[str, dict[str, str]] | None = None  # kind -> id -> name: linked names read to sort


class MoreRows(NamedTuple):
    """Rows that follow the ones shown; ``generation``: of which rows shown they were read for."""

    rows: list[Packed]
    cursor: tuple | None
    generation: int
    numbers: dict[str, int] | None = None
    wanted: str | None = None  # the item these rows were read to reach (found among them or not)


class Placed(NamedTuple):
    """Where one changed item goes among the rows shown, read after the change was written.

    The rows shown are the first ones of their selection, up to ``cursor``; the change
    moved one item at most, so the others stay as they are, and the item either stays
    among them (before the row ``before``, or last: ``before`` None) or leaves them.
    """

    item_id: str
    row: Packed | None  # the item as stored now; None: it is not in the selection any more
    within: bool  # it is among the first rows: before the last one shown, or right after it
    before: str | None  # the id of the row that follows it now (None: none, or one not shown)
    cursor: tuple | None  # its sort values: where the next page starts if it is the last row
    total: int
    numbers: dict[str, int] | None = None  # talking points renumbered by the change: their numbers


def place(
    library,
    selection: Selection,
    item_id: str,
    cursor: tuple | None,
    renumber: frozenset[str],
    shown: tuple[Packed, ...],
) -> Placed:
    """Where ``item_id`` goes now among the rows shown (the first of ``selection`` up to
    ``cursor``), and the numbers of the talking points shown in the topics ``renumber``.

    Four one-row reads, where reading the rows shown again (20,000 after a long scroll)
    took the search thread half a second and competed with the window for the GIL.
    """
    own = Selection(selection.kind, {**selection.where, "id": item_id}, selection.order)
    total = library.count(selection.kind, where=selection.where or None)
    numbers = None
    if renumber:
        packer = packer_for(selection.kind)
        at, topic_at = packer.id_at, packer.index["topic_id"]
        points = [r[at] for r in shown if r[topic_at] in renumber]
        numbers = library.point_numbers([*points, item_id])
    found = own.page(library, limit=1)
    if not found.records:
        return Placed(item_id, None, False, None, None, total, numbers)
    row = packer_for(selection.kind).pack(found.records)[0]
    mine = found.cursor
    if cursor is not None and own.page(library, limit=1, after=cursor).records:
        # After the last row shown: shown last if nothing comes between, else left to its page.
        first_after = selection.page(library, limit=1, after=cursor).records
        within = bool(first_after) and first_after[0].id == item_id
        return Placed(item_id, row, within, None, mine, total, numbers)
    following = selection.page(library, limit=1, after=mine).records
    before = following[0].id if following else None
    return Placed(item_id, row, True, before, mine, total, numbers)


def numbers_of(library, rows: list[Record]) -> dict[str, int] | None:
    """The numbers of a page's talking points, read with the page (on the search thread)."""
    points = [r.id for r in rows if isinstance(r, TalkingPoint)]
    return library.point_numbers(points) if points else None


def first_rows(
    library,
    selection: Selection,
    limit: int,
    *,
    names: tuple[str, ...] = (),
    kept: bool = False,
    fresh: bool = False,
) -> FirstRows:
    """The count and the first ``limit`` rows (a reload keeps as many rows as were shown).

    ``names``: the kinds whose names the rows' links show (a talking point's topic),
    read here too, so that painting the rows reads nothing.
    """
    total = library.count(selection.kind, where=selection.where or None)
    page = selection.page(library, limit=limit)
    linked = {kind: {r.id: display_name(r) for r in library.list(kind)} for kind in names}
    numbers = numbers_of(library, page.records)
    rows = packer_for(selection.kind).pack(page.records)
    return FirstRows(rows, total, selection.order, page.cursor, numbers, linked, kept, fresh)


def hit_rows(
    library,
    selection: Selection,
    text: str,
    limit: int,
    known_names: dict[str, dict[str, str]],
    current: Callable[[], bool],
) -> Hits | None:
    """The hits of ``text`` among ``selection``'s rows, in its order, ready to be shown.

    All of it here, on the search thread: the GUI thread only resets the table. Sorted on
    the GUI thread, 500 hits took 4-11 ms with every key, and the number of each hit
    shown was read there too, a topic at a time, when the rows were first painted (25-50 ms
    for the first keys of a query, in the paint: ``bench/search_typing.py --record``).
    ``known_names``: the linked names the table knows (a topic's name, to sort by topic);
    a kind it does not know is read here and comes with the hits. ``None``: overtaken.
    """
    hits = library.search(text, kinds=(selection.kind,), limit=limit, snippets=False)
    if not current():
        return None
    records = library.get_many(selection.kind, [h.id for h in hits])
    rows = [r for r in records if all(getattr(r, k) == v for k, v in selection.where.items())]
    read: dict[str, dict[str, str]] = {}

    def name(kind: str, item_id: str) -> str:
        names = known_names.get(kind)
        if names is None:
            if kind not in read:
                read[kind] = {r.id: display_name(r) for r in library.list(kind)}
            names = read[kind]
        return names.get(item_id, "")

    field, descending = selection.order
    if field:
        rows.sort(key=hit_sort_key(field, library.classification_levels, name), reverse=descending)
    packed = packer_for(selection.kind).pack(rows)
    return Hits(packed, numbers_of(library, rows), read or None)


def next_rows(library, selection: Selection, after: tuple | None, limit: int, generation: int) -> MoreRows:
    page = selection.page(library, limit=limit, after=after)
    rows = packer_for(selection.kind).pack(page.records)
    return MoreRows(rows, page.cursor, generation, numbers_of(library, page.records))


def rows_up_to(
    library,
    selection: Selection,
    after: tuple | None,
    *,
    item_id: str,
    page_size: int,
    pages: int,
    generation: int,
    current: Callable[[], bool],
) -> MoreRows:
    """The pages after ``after`` up to the one holding ``item_id``, at most ``pages`` of them.

    To select an item the user asked to see (a new one, one opened from search) that
    lies further down than the rows shown. Not found within ``pages``: no rows (the
    table is not filled with thousands of rows for nothing; the editor shows the item).
    """
    rows: list[Record] = []
    cursor = after
    for _ in range(pages):
        if not current():
            break  # overtaken: the answer is dropped anyway
        page = selection.page(library, limit=page_size, after=cursor)
        rows.extend(page.records)
        cursor = page.cursor
        if any(r.id == item_id for r in page.records):
            packed = packer_for(selection.kind).pack(rows)
            return MoreRows(packed, cursor, generation, numbers_of(library, rows), item_id)
        if len(page.records) < page_size:
            break
    return MoreRows([], after, generation, None, item_id)
