"""Word fields: the table of contents (a real ``TOC`` field whose result is
already filled in), page numbers in the footer, and the page estimate the
contents uses when the PDF layout's page numbers are not known.

Word refreshes every field on open (``w:updateFields`` in settings.xml), so
the numbers written here only have to be right until then, and in readers
that never update fields (LibreOffice, previewers, phones).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from lxml import etree

from briefbook.document.model import (
    Contents,
    Cover,
    Document,
    Heading,
    Image,
    ListBlock,
    PageBreak,
    Paragraph,
    Profile,
    Run,
    Table,
)
from briefbook.render.docx_blocks import (
    ANCHOR,
    HISTORY,
    HYPERLINK,
    PHOTO_MAX_MM,
    PPR,
    RPR,
    TAB,
    BlockWriter,
    R,
    T,
    column_widths,
    sub_with,
)
from briefbook.render.docx_pictures import Picture, probe_picture
from briefbook.render.docx_xml import XML_SPACE, w
from briefbook.render.template import Template
from briefbook.text import clean_line

FLD_CHAR, FLD_TYPE, INSTR, FLD_SIMPLE, INSTR_ATTR = (
    w("fldChar"),
    w("fldCharType"),
    w("instrText"),
    w("fldSimple"),
    w("instr"),
)
NO_PROOF, WEB_HIDDEN = w("noProof"), w("webHidden")


def _field_char(parent, kind: str, hidden: bool = False) -> None:
    r = etree.SubElement(parent, R)
    if hidden:
        etree.SubElement(etree.SubElement(r, RPR), WEB_HIDDEN)
    sub_with(r, FLD_CHAR, FLD_TYPE, kind)


def _instruction(parent, text: str, hidden: bool = False) -> None:
    r = etree.SubElement(parent, R)
    if hidden:
        etree.SubElement(etree.SubElement(r, RPR), WEB_HIDDEN)
    sub_with(r, INSTR, XML_SPACE, "preserve").text = text


def _result(parent, text: str, hidden: bool = False) -> None:
    r = etree.SubElement(parent, R)
    if hidden:
        etree.SubElement(etree.SubElement(r, RPR), WEB_HIDDEN)
    sub_with(r, T, XML_SPACE, "preserve").text = text


def simple_field(parent, instruction: str, result: str) -> None:
    """``<w:fldSimple>`` with a result to show until the field is updated."""
    field = etree.SubElement(parent, FLD_SIMPLE, {INSTR_ATTR: f" {instruction} "})
    r = etree.SubElement(field, R)
    etree.SubElement(etree.SubElement(r, RPR), NO_PROOF)
    etree.SubElement(r, T).text = result


def page_number_runs(writer: BlockWriter, p, pattern: str) -> None:
    """``Page {page} of {pages}`` with PAGE and NUMPAGES fields in place of the placeholders."""
    for piece in re.split(r"(\{page\}|\{pages\})", pattern):
        if piece == "{page}":
            simple_field(p, "PAGE", "1")
        elif piece == "{pages}":
            simple_field(p, "NUMPAGES", "1")
        elif piece:
            writer.run(p, Run(piece))


def running_header_field(p, fallback: str) -> None:
    """The running header: a STYLEREF field showing the last section or brief title
    (character style "Running Head") on the page, or the one the page continues.
    ``fallback`` (the book's header) shows until the application updates the field."""
    _field_char(p, "begin")
    _instruction(p, ' STYLEREF "Running Head" \\l ')
    _field_char(p, "separate")
    _result(p, fallback)
    _field_char(p, "end")


def toc_instruction(levels: int) -> str:
    return f' TOC \\o "1-{max(1, min(levels, 9))}" \\h \\z \\u '


def write_contents(
    writer: BlockWriter,
    parent,
    contents: Contents,
    title: str,
    entries: list[tuple[int, str, str, int]],
) -> None:
    """The contents title and a TOC field whose result lists ``entries``:
    (level, text, bookmark name, page number), each entry a link to its heading."""
    writer.paragraph(parent, "TOCHeading", [Run(title)])
    instruction = toc_instruction(contents.levels)
    if not entries:
        p = writer.paragraph(parent, "TOC1")
        _field_char(p, "begin")
        _instruction(p, instruction)
        _field_char(p, "separate")
        _field_char(p, "end")
        return
    last = len(entries) - 1
    for k, (level, text, bookmark, page) in enumerate(entries):
        p = writer.paragraph(parent, f"TOC{min(max(level, 1), 3)}")
        if k == 0:
            _field_char(p, "begin")
            _instruction(p, instruction)
            _field_char(p, "separate")
        link = etree.SubElement(p, HYPERLINK, {ANCHOR: bookmark, HISTORY: "1"})
        writer.run(link, Run(text))
        etree.SubElement(etree.SubElement(link, R), TAB)
        _field_char(link, "begin", hidden=True)
        _instruction(link, f" PAGEREF {bookmark} \\h ", hidden=True)
        _field_char(link, "separate", hidden=True)
        _result(link, str(page), hidden=True)
        _field_char(link, "end", hidden=True)
        if k == last:
            _field_char(p, "end")


def write_reference(writer: BlockWriter, parent, runs: list[Run], bookmark: str | None, page: int | None):
    """A cross-reference line: a link to the bookmark, a dotted tab and a PAGEREF field
    whose result is the page already known (Word updates it). Returns the paragraph."""
    # Left to right even when it starts with an Arabic name, as in the PDF: a line the book
    # builds in its own language, with the page number at the right margin.
    p = writer.paragraph(parent, "Reference")
    if bookmark is None:  # the target is not in this file: the words alone, never a dead link
        writer.runs(p, runs)
        return p
    link = etree.SubElement(p, HYPERLINK, {ANCHOR: bookmark, HISTORY: "1"})
    for run in runs:
        writer.run(link, Run(run.text, run.bold, run.italic))
    etree.SubElement(etree.SubElement(link, R), TAB)
    _field_char(link, "begin")
    _instruction(link, f" PAGEREF {bookmark} \\h ")
    _field_char(link, "separate")
    _result(link, str(page or 1))
    _field_char(link, "end")
    return p


def keep_with_next(p) -> None:
    """Add ``w:keepNext`` to paragraph ``p`` (in schema order: after its style)."""
    ppr = p.find(PPR)
    if ppr is None:
        ppr = etree.Element(PPR)
        p.insert(0, ppr)
    style = ppr.find(w("pStyle"))
    keep = etree.Element(w("keepNext"))
    if style is not None:
        style.addnext(keep)
    else:
        ppr.insert(0, keep)


# -- page estimate ------------------------------------------------------------

LINE_FACTOR = 1.362  # Noto's ascent + descent, in ems: Word's "single" line height
CHAR_FACTOR = 0.5  # average advance of a character, in ems (Noto Serif; Noto Sans is wider)
SANS_CHAR_FACTOR = 0.53


def _chars(runs: list[Run]) -> list[int]:
    """Lengths of the lines of a run list (split at line breaks)."""
    if not any("\n" in r.text for r in runs):
        return [sum(len(r.text) for r in runs)]
    return [len(line) for line in "".join(r.text for r in runs).split("\n")]


def estimate_pages(
    document: Document, t: Template, picture: Callable[[bytes | None], Picture | None] = probe_picture
) -> dict[str, int]:
    """Anchor -> physical page number, from a rough model of Word's layout.

    Within a page or two on a 500-page book (checked against LibreOffice's
    layout); used only until Word updates the contents, and only when the PDF
    layout's numbers were not given. ``picture`` probes image data (the
    renderer passes its cache, so each image is decoded once).
    """
    mm = 72 / 25.4
    width = (t.page_width_mm - t.margin_left_mm - t.margin_right_mm) * mm
    height = (t.page_height_mm - t.margin_top_mm - t.margin_bottom_mm) * mm
    body_line = t.body_size * LINE_FACTOR
    char_factor = SANS_CHAR_FACTOR if "Sans" in t.body_font else CHAR_FACTOR
    page, y, pending = 1, 0.0, False
    pages: dict[str, int] = {}

    def new_page() -> None:
        nonlocal page, y
        if y > 0:
            page += 1
            y = 0.0

    def flow(h: float) -> None:
        nonlocal page, y
        y += h
        while y > height:
            page += 1
            y -= height

    def text_height(runs: list[Run], box: float, size: float, after: float) -> float:
        per_line = max(1, int(box / (size * char_factor)) - 2)  # a line break wastes part of a word
        lines = sum(max(1, math.ceil(n / per_line)) for n in _chars(runs))
        return lines * size * LINE_FACTOR + after

    def list_height(block: ListBlock, depth: int) -> float:
        total = 0.0
        for item in block.items:
            total += text_height(item.runs, width - 18 * (depth + 1), t.body_size, t.body_size * 0.3)
            if item.children:
                total += list_height(item.children, depth + 1)
            for part in item.more:
                if isinstance(part, ListBlock):
                    total += list_height(part, depth + 1)
                else:
                    total += text_height(part.runs, width - 18 * (depth + 1), t.body_size, t.body_size * 0.3)
        return total

    for block in document.blocks:
        if pending and not isinstance(block, PageBreak):
            new_page()
            pending = False
        if isinstance(block, Cover):
            y = height / 2
            pending = True
        elif isinstance(block, Contents):
            flow(t.heading_sizes[0] * 2.2)
            for h in document.headings(block.levels):
                flow(body_line + (4.5 if h.level == 1 else 2))
            pending = True
        elif isinstance(block, PageBreak):
            pending = True
        elif isinstance(block, Heading):
            size = t.heading_sizes[min(block.level, 3) - 1]
            h = size * LINE_FACTOR + t.body_size * 2
            if y + h + 2 * body_line > height:
                new_page()
            pages[block.anchor] = page
            flow(h)
        elif isinstance(block, Paragraph):
            flow(text_height(block.runs, width, t.body_size, t.body_size * 0.55))
        elif isinstance(block, ListBlock):
            flow(list_height(block, 0))
        elif isinstance(block, Table):
            count = max([len(r) for r in block.header + block.rows] + [len(block.widths or []), 1])
            cols = [x / 20 - 9 for x in column_widths(count, block.widths, round(width * 20))]
            size = max(t.small_size, t.body_size - 1)
            for row in block.header + block.rows:
                cells = [
                    sum(text_height(p.runs, col, size, 2) for p in cell)
                    for cell, col in zip(row, cols, strict=False)  # short rows are padded with empty cells
                ]
                h = max([*cells, body_line])
                if y + h > height:
                    new_page()
                flow(h)
            flow(body_line / 2)
        elif isinstance(block, Image):
            pic = picture(block.data)
            scale = min(1.0, block.max_width_mm / pic.width_mm) if pic else 0
            h = (pic.height_mm * scale * mm + 8 if pic else body_line) + (
                body_line + 12 if block.caption else 0
            )
            if y + h > height:
                new_page()
            flow(h)
        elif isinstance(block, Profile):
            pic = picture(block.photo) if block.photo else None
            photo = pic.height_mm * min(1.0, PHOTO_MAX_MM / pic.width_mm) * mm if pic else 0
            text = sum(text_height(p.runs, width * 0.7, t.body_size, 3) for p in block.lines)
            h = max(text + body_line * 1.5, photo + 4)
            if y + min(h, height / 3) > height:
                new_page()
            if block.anchor:
                pages[block.anchor] = page
            flow(h)
    return pages


def contents_entries(
    document: Document, contents: Contents, bookmarks: dict[str, str], pages: dict[str, int]
):
    """(level, text, bookmark, page) for every heading the contents lists."""
    return [
        (h.level, clean_line(h.text), bookmarks[h.anchor], pages.get(h.anchor, 1))
        for h in document.headings(contents.levels)
        if h.anchor in bookmarks
    ]
