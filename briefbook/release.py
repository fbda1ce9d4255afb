"""The release gate: the last check between an assembled document and any file.

Assembly decides what a book contains; this module does not trust it. It walks
every field of every node of the document model, metadata included, and
refuses the whole document when any text in it

- has no origin (nothing says which item it came from),
- comes from an item whose level the library does not know,
- comes from an item above the export's ceiling, or
- is marked not for release, in an export made for sharing.

The walk is generic (every ``str``, ``bytes`` and nested node of every
dataclass), so a field added to the model later is checked without a change
here: it needs an origin before it can leave. It imports only the document
model, so it shares no code with the assembly it checks.
"""

from __future__ import annotations

from typing import Any

from briefbook.document.model import (
    RUN_FIELDS,
    Contents,
    Cover,
    Document,
    Heading,
    Image,
    ListBlock,
    ListItem,
    Origin,
    PageBreak,
    Paragraph,
    Profile,
    Reference,
    Run,
    Table,
    node_fields,
)
from briefbook.errors import BriefBookError
from briefbook.shared_methods import dataclass

# Fields that are settings of the model, not text a reader sees.
NOT_TEXT = frozenset({"style", "language"})
# A run (most of a book's values: 300,000 on 500 meetings) is checked inline, as the generic
# walk would check it: its text and its link with its own origin or the one it inherits;
# bold, italic and code hold no text. Only while Run has exactly these fields: a field added to
# it later sends every run through the generic walk, which checks whatever it holds.
_RUN_INLINE = node_fields(Run) == RUN_FIELDS
# The model's nodes (exactly these types): value() would find each is not a text, bytes, list
# or dict, then walk its fields; in a list they go straight to node().
_NODES = frozenset(
    {Paragraph, ListItem, ListBlock, Heading, Table, Image, Profile, Reference, PageBreak, Contents, Cover}
)
# Values that hold no text whatever field they are in (exactly these types, not subclasses):
# levels, flags, widths. A node's field holding one is passed by without a call.
_NO_TEXT = frozenset({bool, int, float})


class ReleaseRefused(BriefBookError):
    """The document holds text that must not leave; no file was written."""

    def __init__(self, message: str, problems: list[Problem]):
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True)
class Problem:
    """One piece of text the gate refused: where it is, why, and where it came from."""

    where: str  # the path in the document: "blocks[12].runs[0].text", "meta.title"
    reason: str  # "no origin", "unknown level", "above the ceiling", "not for release"
    origin: Origin | None
    text: str  # the start of the text, for the log (never shown in a shared message)


def problems(document: Document, levels: list[str], ceiling: str, *, sharing: bool) -> list[Problem]:
    """Every piece of text in ``document`` that must not leave (empty: it may)."""
    if ceiling not in levels:
        return [Problem("ceiling", "unknown ceiling", None, ceiling)]
    gate = _Gate(levels, levels.index(ceiling), sharing)
    gate.node(document, None, "document")
    return gate.found


def check_release(document: Document, levels: list[str], ceiling: str, *, sharing: bool) -> None:
    """Raise :class:`ReleaseRefused` if any text in the document may not leave."""
    found = problems(document, levels, ceiling, sharing=sharing)
    if not found:
        return
    first = found[0]
    item = ""
    if first.origin is not None and first.origin.kind:
        item = f" ({first.origin.kind} {first.origin.item_id}, {first.origin.level})"
    raise ReleaseRefused(
        f"The export was stopped and no file was written: {len(found)} piece(s) of text "
        f"would have left although they may not ({first.reason}{item}, at {first.where}). "
        "This is a fault in BriefBook; please report it.",
        found,
    )


# Where a value is, kept as (parent, kind, key) and written out only for a problem: the
# gate visits every value of the document (400,000 on 500 meetings), and formatting each
# path as it went was most of its time. Kinds: a field, a list index, a dict key.
_FIELD, _INDEX, _KEY = 0, 1, 2
_Where = str | tuple


def _path(where: _Where) -> str:
    """The path as text: ``document.blocks[12].runs[0].text``, ``document.meta.origins['title']``."""
    parts: list[str] = []
    while isinstance(where, tuple):
        where, kind, key = where
        parts.append(f".{key}" if kind == _FIELD else f"[{key}]" if kind == _INDEX else f"[{key!r}]")
    return where + "".join(reversed(parts))


class _Gate:
    def __init__(self, levels: list[str], ceiling_rank: int, sharing: bool):
        self.levels, self.ceiling_rank, self.sharing = levels, ceiling_rank, sharing
        self.found: list[Problem] = []
        # The levels a text may have here (at or under the ceiling): most texts pass, and are
        # passed by with one set lookup (fine()); any other goes to check(), which says why not.
        self.allowed = frozenset(levels[: ceiling_rank + 1])

    def fine(self, origin: Origin | None) -> bool:
        """True if text of ``origin`` may leave (check() would find nothing to say)."""
        return (
            origin is not None
            and origin.level.__class__ is str
            and origin.level in self.allowed
            and not (self.sharing and origin.not_for_release)
        )

    def node(self, node: Any, inherited: Origin | None, where: _Where) -> None:
        own = getattr(node, "origin", None) or inherited
        per_field = getattr(node, "origins", None)
        if not isinstance(per_field, dict):
            per_field = None
        for name in node_fields(type(node)) or ():
            if name in ("origin", "origins"):
                continue
            value = getattr(node, name)
            cls = value.__class__
            if value is None or cls in _NO_TEXT or (cls is list and not value):  # what value() passes by
                continue
            origin = own if per_field is None else per_field.get(name)
            if cls is str:  # as value() checks it, inline
                if name not in NOT_TEXT and value.strip() and not self.fine(origin):
                    self.check(origin, (where, _FIELD, name), value)
            else:
                self.value(value, origin, (where, _FIELD, name), name)

    def value(self, value: Any, origin: Origin | None, where: _Where, name: str) -> None:
        if isinstance(value, str):
            if name not in NOT_TEXT and value.strip():
                self.check(origin, where, value)
        elif isinstance(value, (bytes, bytearray)):
            if value:
                self.check(origin, where, f"<{len(value)} bytes>")
        elif isinstance(value, (list, tuple)):
            allowed, sharing = self.allowed, self.sharing
            for n, v in enumerate(value):
                cls = type(v)
                if _RUN_INLINE and cls is Run:
                    own = v.origin or origin
                    if (  # most runs: text, three flags and an origin that may leave; run() finds nothing
                        own is not None
                        and own.level.__class__ is str
                        and own.level in allowed
                        and not (sharing and own.not_for_release)
                        and v.text.__class__ is str
                        and (v.link is None or v.link.__class__ is str)
                        and v.bold.__class__ is bool
                        and v.italic.__class__ is bool
                        and v.code.__class__ is bool
                        and v.strike.__class__ is bool
                    ):
                        continue
                    self.run(v, origin, where, n)
                elif cls in _NODES:  # what value() would do with it, without the type tests
                    self.node(v, origin, (where, _INDEX, n))
                else:
                    self.value(v, origin, (where, _INDEX, n), name)
        elif isinstance(value, dict):
            for k, v in value.items():
                self.value(v, origin, (where, _KEY, k), name)
        elif node_fields(type(value)) is not None:  # any dataclass instance: a node
            self.node(value, origin, where)

    def run(self, run: Run, inherited: Origin | None, where: _Where, n: int) -> None:
        """What :meth:`node` does for a run in a list (``where[n]``), without the generic walk."""
        own = run.origin or inherited
        text, link = run.text, run.link
        if text.__class__ is str:
            if text.strip() and not self.fine(own):
                self.check(own, ((where, _INDEX, n), _FIELD, "text"), text)
        else:
            self.value(text, own, ((where, _INDEX, n), _FIELD, "text"), "text")
        if link is not None:
            if link.__class__ is str:
                if link.strip() and not self.fine(own):
                    self.check(own, ((where, _INDEX, n), _FIELD, "link"), link)
            else:
                self.value(link, own, ((where, _INDEX, n), _FIELD, "link"), "link")
        if run.bold.__class__ is not bool:  # never text, unless something put text there
            self.value(run.bold, own, ((where, _INDEX, n), _FIELD, "bold"), "bold")
        if run.italic.__class__ is not bool:
            self.value(run.italic, own, ((where, _INDEX, n), _FIELD, "italic"), "italic")
        if run.code.__class__ is not bool:
            self.value(run.code, own, ((where, _INDEX, n), _FIELD, "code"), "code")
        if run.strike.__class__ is not bool:
            self.value(run.strike, own, ((where, _INDEX, n), _FIELD, "strike"), "strike")

    def check(self, origin: Origin | None, where: _Where, text: str) -> None:
        reason = ""
        if origin is None:
            reason = "no origin"
        elif origin.level not in self.levels:
            reason = "unknown level"
        elif self.levels.index(origin.level) > self.ceiling_rank:
            reason = "above the ceiling"
        elif self.sharing and origin.not_for_release:
            reason = "not for release"
        if reason:
            self.found.append(Problem(_path(where), reason, origin, text[:40]))
