"""Cards for the car as a PDF: one A5 or A6 page per meeting, whatever its length.

The card's page is the book template's look (fonts, colours, banner, page X of Y)
on a small page with small margins. Each card is kept to its page: if its text is
longer than the page, it is set a little smaller until it fits (reportlab's
``KeepInFrame`` in "shrink" mode), never cut and never continued overleaf.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Flowable, KeepInFrame, PageBreakIfNotEmpty, Spacer
from reportlab.platypus.doctemplate import LayoutError

from briefbook.document.model import Document, PageBreak
from briefbook.errors import BriefBookError
from briefbook.render.pdf import _atomic, book_doc
from briefbook.render.pdf_blocks import _block
from briefbook.render.pdf_crypt import AES256Encryption
from briefbook.render.pdf_layout import BookState
from briefbook.render.template import Template

CARD_SIZES = ("A5", "A6")

# Page, margins (top, bottom, left, right) and type sizes (body, small, h1, h2, h3) per card size.
_CARD = {
    "A5": ((148.0, 210.0), (16.0, 15.0, 12.0, 12.0), (10.5, 8.5, 14.0, 13.0, 11.5)),
    "A6": ((105.0, 148.0), (16.0, 15.0, 8.0, 8.0), (9.0, 8.0, 12.0, 11.0, 10.0)),
}


def card_template(template: Template, size: str) -> Template:
    """The book's template on a card's page (A5 or A6)."""
    if size not in _CARD:
        raise BriefBookError(f"Cards are printed on A5 or A6, not {size}.")
    (width, height), (top, bottom, left, right), (body, small, h1, h2, h3) = _CARD[size]
    return dataclasses.replace(
        template,
        page_size=size,
        page_width_mm=width,
        page_height_mm=height,
        margin_top_mm=top,
        margin_bottom_mm=bottom,
        margin_left_mm=left,
        margin_right_mm=right,
        body_size=body,
        small_size=small,
        heading_sizes=(h1, h2, h3),
    )


def render_cards(
    document: Document,
    template: Template,
    target: str | Path,
    *,
    size: str = "A6",
    progress: Callable[[int, int], None] | None = None,
    password: str | None = None,
    allow_printing: bool = True,
) -> Path:
    """Write the cards of ``document`` (meetings separated by page breaks) to ``target``."""
    target = Path(target)
    t = card_template(template, size)
    encrypt = AES256Encryption(password, allow_printing=allow_printing) if password else None
    with _atomic(target) as temp:
        state = BookState(document, t, forward_refs=True, progress=progress)
        state.report(0)
        pages: list[list[Flowable]] = [[]]
        for index, block in enumerate(document.blocks):
            if isinstance(block, PageBreak):
                pages.append([])
                continue
            made = _block(state, block, first=False)
            if made:
                made[0]._bb_block = index
            pages[-1] += made
        flowables: list[Flowable] = []
        for content in pages:
            if content:
                flowables += [
                    KeepInFrame(state.frame_w, state.frame_h, content, mode="shrink"),
                    PageBreakIfNotEmpty(),
                ]
        meta = document.meta
        doc = book_doc(temp, state, meta, encrypt, cover_first=False)
        try:
            doc.build(flowables or [Spacer(1, 1)])  # a PDF needs at least one page
        except LayoutError as exc:
            raise BriefBookError(
                f"The cards could not be laid out. (reportlab said: {str(exc).splitlines()[0][:200]})"
            ) from None
    return target
