"""Markdown text fields → document-model blocks, runs and list items, marked for release.

One call per field: :func:`blocks` (a section's text), :func:`runs` (a short field shown
inline), :func:`items` (a talking point in a list of points), :func:`restricted_passages`
(for the preflight). Each cleans the text, reads it (:mod:`.markdown_parse`: CommonMark
via markdown-it-py, raw HTML never interpreted, plain text without a parse), gives its
blocks the field's origin and, for an export made for sharing, leaves out what is not
for release or, for an internal one, labels it (:mod:`.markdown_release`). A short
field's blocks become lines of runs (:mod:`.markdown_flat`): nothing is ever lost.

Not for release. A passage whose text starts with a marker (``[NFR]``, ``[Not for
release]``, ``[Không công bố]``, ``[Không phổ biến]``) is not for release: a
paragraph, a heading, a block quote's paragraph, any paragraph of a list item (a
marker at the start of an item covers the whole item and its sub-list), a table
row (a marker in any cell covers the row), a code block. Markers are found after
normalising (NFKC, case, invisible and format characters, any whitespace, the
emphasis and escape characters of Markdown) in both the source of the passage
and its text, so a link reference definition elsewhere cannot hide one. Such
runs carry a restricted origin; a sharing export leaves them out, an internal one
labels them (and the renderers draw a side rule).
"""

from __future__ import annotations

from briefbook.assemble.markdown_flat import flat_runs, origin_of, with_origin
from briefbook.assemble.markdown_parse import item_parts, parsed_blocks, plain_blocks, plain_list
from briefbook.assemble.markdown_release import all_restricted, labelled, marked, without_restricted
from briefbook.document.model import Block, ListBlock, ListItem, Origin, Run
from briefbook.text import clean


def blocks(
    text: str,
    style: str = "body",
    *,
    releasable: bool = False,
    origin: Origin | None = None,
    label: str = "",
) -> list[Block]:
    """The blocks of one Markdown field; empty text gives no blocks.

    Every block and run of a passage not for release carries ``origin`` marked
    so (others carry ``origin``, or share their block's). With ``releasable``
    those passages are left out; otherwise ``label`` (the book's words for "not
    for release") is put before each of them.
    """
    text = clean(text)
    if not text.strip():
        return []
    out = plain_blocks(text, style)
    if out is None:
        out = plain_list(text)
    if out is None:
        out = parsed_blocks(text, style)
    where = origin or Origin("")  # no origin given: an unknown level, which the gate refuses
    restricted = where.restricted()
    out = [marked(b, where, restricted) for b in out]
    if releasable:
        out = without_restricted(out)
    elif label:
        out = [labelled(b, label) for b in out]
    return out


def runs(text: str, *, releasable: bool = False, origin: Origin | None = None, label: str = "") -> list[Run]:
    """The inline runs of a short Markdown text (paragraph breaks become line breaks).

    Lists keep their numbers and their nesting (indented lines), tables become one
    line per row: a short field shown inline never loses a word. Each run carries
    the origin of its passage (see :func:`blocks`).
    """
    collected: list[Run] = []
    for block in blocks(text, releasable=releasable, origin=origin, label=label):
        if collected and collected[-1].text != "\n":
            collected.append(Run("\n"))
        collected.extend(with_origin(flat_runs(block), origin_of(block)))
    while collected and collected[-1].text == "\n":
        collected.pop()
    return collected


def restricted_passages(text: str) -> list[str]:
    """The text of each passage of a field marked not for release, in order (for the preflight)."""
    out: list[str] = []
    current: list[str] = []
    for r in runs(text, origin=Origin("")):
        if r.origin is not None and r.origin.not_for_release and r.text != "\n":
            current.append(r.text)
        elif current and (r.text == "\n" or r.text.strip()):
            out.append(" ".join("".join(current).split()))
            current = []
    if current:
        out.append(" ".join("".join(current).split()))
    return [p for p in out if p]


def items(
    text: str,
    *,
    releasable: bool = False,
    origin: Origin | None = None,
    label: str = "",
    whole: bool = False,
) -> list[ListItem]:
    """A whole Markdown field as items of a list (a talking point in a list of points).

    The field is one item: its first paragraph is the item's text, then its lists
    and later paragraphs follow in order (each list kept apart, a numbered one
    numbered; a paragraph after a list is the item's, not the list's last item's).
    A field that is only lists gives their items, unless ``whole``: a point printed
    after words of its own (its question and "A:", a draft mark) is then one item
    with no text of its own, its lists under it, numbers kept, so that the second
    item of an answer is not printed as a point of its own. Empty if nothing is
    left (an empty field, or all of it not for release).
    """
    found = blocks(text, releasable=releasable, origin=origin, label=label)
    if all(isinstance(b, ListBlock) for b in found):
        listed = [i for b in found for i in b.items]  # type: ignore[union-attr]
        if whole and len(listed) > 1:
            return [ListItem([], None, origin, list(found))]
        return listed
    lines, sub, more = item_parts(found)
    alone = not sub and not more
    own = origin.restricted() if origin and all_restricted(lines) and alone else origin
    return [ListItem(lines, sub, own, more)]
