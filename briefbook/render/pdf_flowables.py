"""The book's own flowables: paragraphs broken into lines once, link targets, and the
groups that keep a heading with what follows it.

They replace reportlab's ``Paragraph`` and ``KeepTogether`` where the book needs
other behaviour: a paragraph that keeps its lines across wraps, splits and copies
(:class:`BookParagraph`), one that records its page and outline entry when drawn
(:class:`AnchoredParagraph`), a heading kept with the first part of what follows
rather than all of it (:class:`KeepWithNext`), and a person's card kept whole unless
taller than a page (:class:`KeepUnlessTaller`). The page template and the document
that lay them out are in :mod:`briefbook.render.pdf_layout`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING

from reportlab.platypus import KeepTogether, Paragraph
from reportlab.platypus.doctemplate import ActionFlowable

from briefbook.document.model import Heading
from briefbook.render.pdf_lines import split_lines
from briefbook.text import clean_line

if TYPE_CHECKING:
    from briefbook.render.pdf_layout import BookState


class BookParagraph(Paragraph):
    """A paragraph broken into lines once per width, however often it is asked to wrap
    or to split.

    reportlab's ``Paragraph.wrap`` breaks the text into lines at every call, and a
    paragraph is wrapped several times: by the keep-with-next group that measures a
    heading and what follows, then by the frame that places it (about two line
    breakings per paragraph where one is enough). The lines depend only on the width
    (``wrap`` ignores the height), so the lines of the last width are kept, also when
    a split that found no room at the foot of a page drops them. A split
    cuts these lines (:func:`briefbook.render.pdf_lines.split_lines`): its parts carry
    their lines, so a paragraph over many pages is still broken once.
    """

    _bb_width: float | None = None
    bb_pieces = True  # a long one is broken a few thousand words at a time (pdf_breaking)
    # A part made by a split: where its words are in the frag words its lines index
    # (kind-1 lines), and how to get its words should it be broken again at another width.
    _bb_range: tuple[list, int] | None = None
    _bb_words: Callable[[], list] | None = None

    @property
    def frags(self) -> list:
        words = self.__dict__.get("_bb_frags")
        if words is None:
            words = self.__dict__["_bb_frags"] = self._bb_words()
        return words

    @frags.setter
    def frags(self, value: list) -> None:
        self.__dict__["_bb_frags"] = value

    def wrap(self, availWidth, availHeight):
        if availWidth == self._bb_width:
            lines = self.__dict__.get("blPara")
            if lines is None:  # a split that found no room dropped them
                lines = self.__dict__.get("_bb_lines")
            if lines is not None:
                self.blPara = lines
                return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._bb_width = availWidth
        self._bb_range = None  # its lines now index its own frag words
        self._bb_lines = self.blPara
        return size

    def split(self, availWidth, availHeight):
        parts = split_lines(self, availWidth, availHeight)
        return super().split(availWidth, availHeight) if parts is None else parts

    # Shared by a copy: lines and words, never changed once made (a split makes new parts,
    # it does not cut these), the style, and the book's state (an anchored paragraph's).
    _SHARED = frozenset({"blPara", "_bb_lines", "_bb_frags", "_bb_range", "_bb_words", "style", "bb_state"})

    def __deepcopy__(self, memo):
        """A copy to try a split on: reportlab's ImageAndFlowables splits a deep copy of
        the flowable beside a photo that reaches the foot of a page, at each try; a deep
        copy of every line and word of a biography took 0.6 s a try for 100 KB (and an
        anchored name's copy carried a copy of the whole book's state)."""
        twin = self.__class__.__new__(self.__class__)
        memo[id(self)] = twin
        for key, value in self.__dict__.items():
            twin.__dict__[key] = value if key in self._SHARED else copy.deepcopy(value, memo)
        return twin


class AnchoredParagraph(BookParagraph):
    """A paragraph that is a link target: records its page, bookmarks it, and
    (for headings) adds an outline entry, when it is drawn."""

    bb_state: BookState | None = None
    bb_dest: str | None = None
    bb_outline: tuple[str, int] | None = None

    def draw(self) -> None:
        if self.bb_state is not None and self.bb_dest:
            self.bb_state.mark(self.canv, self.bb_dest, self.bb_outline, self.height)
        super().draw()

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if parts:
            parts[0].bb_state, parts[0].bb_dest, parts[0].bb_outline = (
                self.bb_state,
                self.bb_dest,
                self.bb_outline,
            )
        return parts


class KeepWithNext(KeepTogether):
    """A heading kept with what follows it. Unlike reportlab's KeepTogether, the group
    moves to the next page only if the heading and the *first part* of what follows do
    not fit; a long table or paragraph after a heading starts under it, as in Word."""

    def wrap(self, aW, aH):
        size = super().wrap(aW, aH)
        # A KeepTogether inside the group (a person's card) answers 0xffffff to force its
        # own split; counted as its height, it sent every group holding one overleaf.
        for f in self._content:
            if isinstance(f, KeepTogether) and getattr(f, "_H", None) is not None:
                self._H -= 0xFFFFFF - f._H
        return size

    def split(self, aW, aH):
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        canv = getattr(self, "canv", None)
        if aH < self._H and len(self._content) > 1 and canv is not None:
            *heads, last = self._content
            rest = aH - sum(f.wrapOn(canv, aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in heads)
            rest -= last.getSpaceBefore()
            if rest > 0:
                parts = last.splitOn(canv, aW, rest)
                # At least two lines of what follows must stay with the heading: a list
                # that splits after one short item would leave the heading all but alone.
                two_lines = 2 * getattr(self, "bb_line", 0)
                if (
                    parts
                    and not isinstance(parts[0], ActionFlowable)
                    and two_lines <= parts[0].wrapOn(canv, aW, rest)[1] <= rest
                ):
                    return self._content[:]
                # What no page can hold whole splits wherever it starts: moved, it left a
                # page before a 0.8 MB point 85% empty. Its first lines stay with the heading.
                page = getattr(self, "bb_page_height", None)
                if page is not None and page < self._H and _starts_here(canv, last, aW, rest, two_lines):
                    return self._content[:]
        return super().split(aW, aH)


def _starts_here(canv, flowable, aW: float, room: float, wanted: float) -> bool:
    """At least ``wanted`` points of ``flowable``'s start fit in ``room``: its first parts
    (a list's items) as long as they fit whole, then the first piece of the next one split
    (a list whose first item is one short line, or a huge first item)."""
    parts = flowable.splitOn(canv, aW, room)
    used = 0.0
    for number, part in enumerate(parts or ()):
        if isinstance(part, ActionFlowable):
            return False
        space = part.getSpaceBefore() if number else 0.0
        height = part.wrapOn(canv, aW, room - used - space)[1]
        if used + space + height <= room:
            used += space + height
            if used >= wanted:
                return True
            used += part.getSpaceAfter()
            continue
        left = room - used - space
        if left <= 0 or part is flowable:
            return False
        pieces = part.splitOn(canv, aW, left)
        if not pieces or isinstance(pieces[0], ActionFlowable):
            return False
        first = pieces[0].wrapOn(canv, aW, left)[1]
        return first <= left and used + space + first >= wanted
    return False


class KeepUnlessTaller(KeepWithNext):
    """A person's card: moved whole to the next page when it does not fit here (as
    reportlab's KeepTogether), unless it is taller than a page. Moved, such a card (a
    biography of several pages) would split overleaf all the same, and left the heading
    before it alone on its page; it starts here instead, its name kept with at least two
    lines of what follows (:class:`KeepWithNext`), a photo with the start of its text."""

    def __init__(self, flowables: list, page_height: float, line: float):
        super().__init__(flowables)
        self.bb_page_height = page_height
        self.bb_line = line

    def split(self, aW, aH):
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if self.bb_page_height >= self._H:
            return KeepTogether.split(self, aW, aH)
        canv = getattr(self, "canv", None)
        if len(self._content) == 1 and canv is not None:  # a photo and its text: split beside it
            return self._content[0].splitOn(canv, aW, aH) or KeepTogether.split(self, aW, aH)
        return super().split(aW, aH)


def heading_flowable(state: BookState, heading: Heading) -> AnchoredParagraph:
    level = min(max(heading.level, 1), 4)
    text = heading.text
    # Level 4 (a sub-heading inside a brief's sub-section) looks like a person's name.
    style = state.styles.get("profile-name" if level == 4 else f"h{level}", text)
    para = AnchoredParagraph(state.markup.text(text, bold=True), style)
    para.bb_state = state
    para.bb_dest = state.anchor(heading)
    para.bb_outline = (clean_line(text), heading.level)
    return para
