"""The renderer-neutral document model: what a briefing book *is*, before it
becomes DOCX or PDF.

Assembly builds a :class:`Document`; ``render.docx`` and ``render.pdf`` each
walk its blocks. Both renderers consume exactly this, so the two formats can
never disagree about content. The set of blocks is closed on purpose: a
renderer that handles every class below handles every book. This module
imports nothing of ours but :mod:`briefbook.shared_methods` (``dataclass`` with its
``__repr__``, ``__eq__`` and ``__hash__`` shared, not compiled for each class at every
start; it imports only the standard library).

Text in the model is plain Unicode (NFC, control characters already cleaned
by assembly). It is never markup: renderers must escape it for their format.

Provenance: every piece of text says which item it came from through an
:class:`Origin` (the item's classification level and whether the passage is
marked not for release). A run without its own origin takes the origin of the
block that holds it (a paragraph, list item, list, table cell's paragraph,
profile); the cover and the metadata name an origin per field. The release
gate (``briefbook.release``) walks the whole document before any file is
written and refuses text whose origin is above the ceiling, not for release
in a sharing export, or unknown (no origin anywhere up its chain).
Renderers ignore origins, except ``not_for_release`` passages, which they
mark visibly (a side rule) in internal exports.
"""

from __future__ import annotations

import datetime as _dt
import functools
from dataclasses import field, fields, replace

from briefbook.shared_methods import dataclass

# How a frozen node's __init__ sets its fields (as dataclass(frozen=True) does), bound once.
_set = object.__setattr__


@dataclass(frozen=True, init=False)
class Origin:
    """Where a piece of text came from, as far as its release is concerned.

    ``level`` is the classification level's name as the library spells it (the
    highest of the item and what contains it: a talking point is at least its
    topic's level). ``not_for_release`` marks a passage (or a whole item) that
    must not leave in a sharing export. ``kind``/``item_id``/``name`` say which
    item, for the gate's message; BriefBook's own words take the origin of what
    they introduce.
    """

    level: str
    not_for_release: bool = False
    kind: str = ""
    item_id: str = ""
    name: str = ""

    def __init__(
        self, level: str, not_for_release: bool = False, kind: str = "", item_id: str = "", name: str = ""
    ) -> None:
        # What dataclass(frozen=True) writes, with object.__setattr__ found once: see Run.__init__.
        _set(self, "level", level)
        _set(self, "not_for_release", not_for_release)
        _set(self, "kind", kind)
        _set(self, "item_id", item_id)
        _set(self, "name", name)

    def restricted(self) -> Origin:
        """The same origin, marked not for release."""
        if type(self) is Origin:  # what replace() makes, without its field-by-field checks
            return Origin(self.level, True, self.kind, self.item_id, self.name)
        return replace(self, not_for_release=True)


@dataclass(frozen=True, init=False)
class Run:
    """A stretch of text with one look. ``"\\n"`` inside ``text`` is a line break.

    ``origin`` is ``None`` when the run shares its block's origin. ``code`` marks inline code
    (Markdown's backticks: a reference number, an address), which renderers print in a
    monospace font, so that it does not read as prose; it is a look like bold, never text.
    ``strike`` is Markdown's ``~~struck~~`` (typed, imported from Word's strike-through,
    pasted from a page's ``<s>``/``<del>``): printed struck through, never with its tildes.
    The editor shows the same strikes (``ui/editors/struck.py`` asks the book's own parser
    which tildes strike), so what a drafter sees struck is what the book prints struck.
    """

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None
    origin: Origin | None = None
    code: bool = False
    strike: bool = False

    def __init__(
        self,
        text: str,
        bold: bool = False,
        italic: bool = False,
        link: str | None = None,
        origin: Origin | None = None,
        code: bool = False,
        strike: bool = False,
    ) -> None:
        # The __init__ dataclass(frozen=True) writes, but with object.__setattr__ found once, not
        # looked up for every field of every run (a 100-meeting book makes 10,000): a third less
        # time. (Filling self.__dict__ instead would halve it, but gives each run a dict of its
        # own: 64 bytes more a run.) The same signature, fields, equality, hash and immutability
        # (tests/test_frozen_inits.py).
        _set(self, "text", text)
        _set(self, "bold", bold)
        _set(self, "italic", italic)
        _set(self, "link", link)
        _set(self, "origin", origin)
        _set(self, "code", code)
        _set(self, "strike", strike)


# The fields of a run, as the walks over a whole document read them inline (most of a book's
# values are runs): a field added to Run turns those fast paths off (see plain_run).
RUN_FIELDS = ("text", "bold", "italic", "link", "origin", "code", "strike")


def plain_run(value: object) -> bool:
    """True for a :class:`Run` (not a subclass) holding what a run should: text and three flags.

    The release gate, the record of an export and the fonts to embed read such a run's text,
    link and origin directly instead of walking its fields; anything else (a subclass, text
    where a flag should be) goes through their generic walk, which reads every field."""
    return (
        type(value) is Run
        and value.text.__class__ is str
        and value.bold.__class__ is bool
        and value.italic.__class__ is bool
        and value.code.__class__ is bool
        and value.strike.__class__ is bool
    )


def marked_not_for_release(runs: list[Run], block_origin: Origin | None = None) -> bool:
    """True if any of the runs (or the block holding them) is a passage not for release:
    renderers draw a side rule beside it."""
    if block_origin is not None and block_origin.not_for_release:
        return True
    return any(r.origin is not None and r.origin.not_for_release and r.text.strip() for r in runs)


@dataclass
class Heading:
    """A heading that appears in the contents (levels 1-2) and the PDF outline.

    ``anchor`` is unique in the document; renderers use it for bookmarks and
    internal links.
    """

    level: int
    text: str
    anchor: str
    origin: Origin | None = None


@dataclass
class Paragraph:
    """A paragraph of runs. ``style`` is one of PARAGRAPH_STYLES."""

    runs: list[Run]
    style: str = "body"
    origin: Origin | None = None

    @property
    def not_for_release(self) -> bool:
        """A passage marked not for release: renderers draw a side rule beside it."""
        return bool(self.origin and self.origin.not_for_release)


PARAGRAPH_STYLES = (
    "body",  # ordinary text
    "label",  # a small bold label before a block ("Purpose", "If raised")
    "note",  # smaller, muted (sources, "invented for the example")
    "quote",  # a quoted prior statement
)


@dataclass
class ListItem:
    """One item of a list: its first paragraph's runs, an optional nested list right
    after it, then ``more``: the item's further paragraphs and lists, in order.

    ``more`` is what keeps an item of several paragraphs, or a talking point made of
    a paragraph, a bullet list, a numbered list and closing paragraphs, in its shape:
    renderers indent those paragraphs under the item (not as items of their own) and
    draw each list separately, a numbered one with its numbers.
    """

    runs: list[Run]
    children: ListBlock | None = None
    origin: Origin | None = None
    more: list[Paragraph | ListBlock] = field(default_factory=list)

    @property
    def not_for_release(self) -> bool:
        return bool(self.origin and self.origin.not_for_release)


@dataclass
class ListBlock:
    """A bullet or numbered list of items (items may hold lists of their own)."""

    items: list[ListItem]
    ordered: bool = False
    origin: Origin | None = None


@dataclass
class Table:
    """A table whose header rows repeat on every page it spans.

    Every cell is a list of paragraphs (so a cell can hold several). ``widths``
    are relative (they are scaled to the frame width); ``None`` means equal.
    """

    header: list[list[Paragraph]]
    rows: list[list[list[Paragraph]]]
    widths: list[float] | None = None
    origin: Origin | None = None


@dataclass
class Image:
    """A raster image (PNG or JPEG bytes), never scaled above its natural size."""

    data: bytes
    caption: str | None = None
    max_width_mm: float = 60.0
    origin: Origin | None = None


@dataclass
class Profile:
    """A person's short profile: photo beside name and lines of text.

    A semantic block (like a pandoc Div) because a photo-beside-text layout
    is done differently in each format.
    """

    name: str
    photo: bytes | None
    lines: list[Paragraph]
    anchor: str | None = None
    origin: Origin | None = None  # the person's: name, photo, and lines without their own


@dataclass
class Reference:
    """A cross-reference: one line pointing at the one place of the book where an item is
    printed (``target``: a heading's or profile's anchor). Renderers make the line a live
    internal link and print the target's page number at the right margin (the PDF's own
    layout; in the DOCX a PAGEREF field), so an item is printed once and found from anywhere."""

    runs: list[Run]
    target: str
    origin: Origin | None = None


@dataclass
class PageBreak:
    """The next block starts a new page."""


@dataclass
class Contents:
    """The table of contents. Its entries are the document's headings of
    ``levels`` or lower; renderers fill in the page numbers."""

    title: str
    levels: int = 2
    origin: Origin | None = None


@dataclass
class Cover:
    """The cover page. Empty strings are left out by renderers."""

    title: str
    subtitle: str = ""
    event: str = ""
    place_and_dates: str = ""
    classification: str = ""
    recipient: str = ""
    issue_date: str = ""
    drafted_by: str = ""
    cleared_by: str = ""
    copy_number: str = ""
    draft: bool = False
    shareable: str = ""  # "the shareable copy" note of a sharing export, in the book's language
    origins: dict[str, Origin] = field(default_factory=dict)  # field name -> origin of its text


Block = Heading | Paragraph | ListBlock | Table | Image | Profile | Reference | PageBreak | Contents | Cover


@dataclass
class Metadata:
    """Document-wide facts. ``author`` is what the book says, never the OS user.

    ``banner`` is the classification text printed at the top and bottom of
    every page; ``draft`` adds a DRAFT mark to every page. ``language`` is a
    BCP 47 tag ("vi", "en") that selects the renderers' own words ("Trang X / Y").
    """

    title: str
    subject: str = ""
    author: str = ""
    language: str = "en"
    date: _dt.date | None = None
    banner: str = ""
    draft: bool = False
    keywords: list[str] = field(default_factory=list)
    origins: dict[str, Origin] = field(default_factory=dict)  # field name -> origin of its text


@dataclass
class Document:
    """The whole book: its metadata and its blocks in reading order."""

    meta: Metadata
    blocks: list[Block] = field(default_factory=list)

    def headings(self, max_level: int = 6) -> list[Heading]:
        """The headings, in order, that a contents page or outline lists."""
        return [b for b in self.blocks if isinstance(b, Heading) and b.level <= max_level]


@functools.cache
def node_fields(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type (a node of the model), or None for any other type.

    Every walk over a whole document (the release gate, the glyph check, the fonts to
    embed, the record of what an export included) asks this of each of its hundreds of
    thousands of values; the answer depends only on the type, so it is worked out once.
    """
    if not hasattr(cls, "__dataclass_fields__"):
        return None
    return tuple(f.name for f in fields(cls))
