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
from briefbook.render.docx_blocks import PHOTO_MAX_MM, BlockWriter, column_widths
from briefbook.render.docx_markup import attr
from briefbook.render.docx_markup import text as escaped
from briefbook.render.docx_pictures import Picture, probe_picture
from briefbook.render.template import Template
from briefbook.text import clean_line

_HIDDEN = "<w:rPr><w:webHidden/></w:rPr>"
TAB_RUN = "<w:r><w:tab/></w:r>"


def _field_char(kind: str, hidden: bool = False) -> str:
    return f'<w:r>{_HIDDEN if hidden else ""}<w:fldChar w:fldCharType="{kind}"/></w:r>'


def _instruction(text: str, hidden: bool = False) -> str:
    instruction = f'<w:instrText xml:space="preserve">{escaped(text)}</w:instrText>'
    return f"<w:r>{_HIDDEN if hidden else ''}{instruction}</w:r>"


def _result(text: str, hidden: bool = False) -> str:
    return f'<w:r>{_HIDDEN if hidden else ""}<w:t xml:space="preserve">{escaped(text)}</w:t></w:r>'


def _field(instruction: str, result: str, hidden: bool = False) -> str:
    """A complex field (begin, instruction, separate, the result shown until it is updated, end)."""
    return (
        _field_char("begin", hidden)
        + _instruction(instruction, hidden)
        + _field_char("separate", hidden)
        + _result(result, hidden)
        + _field_char("end", hidden)
    )


def simple_field(instruction: str, result: str) -> str:
    """``<w:fldSimple>`` with a result to show until the field is updated."""
    return (
        f'<w:fldSimple w:instr="{attr(f" {instruction} ")}"><w:r><w:rPr><w:noProof/></w:rPr>'
        f"<w:t>{escaped(result)}</w:t></w:r></w:fldSimple>"
    )


def page_number_runs(writer: BlockWriter, pattern: str) -> str:
    """``Page {page} of {pages}`` with PAGE and NUMPAGES fields in place of the placeholders."""
    out = []
    for piece in re.split(r"(\{page\}|\{pages\})", pattern):
        if piece == "{page}":
            out.append(simple_field("PAGE", "1"))
        elif piece == "{pages}":
            out.append(simple_field("NUMPAGES", "1"))
        elif piece:
            out.append(writer.run(Run(piece)))
    return "".join(out)


def running_header_field(fallback: str) -> str:
    """The running header: a STYLEREF field showing the last section or brief title
    (character style "Running Head") on the page, or the one the page continues.
    ``fallback`` (the book's header) shows until the application updates the field."""
    return _field(' STYLEREF "Running Head" \\l ', fallback)


def toc_instruction(levels: int) -> str:
    return f' TOC \\o "1-{max(1, min(levels, 9))}" \\h \\z \\u '


def write_contents(
    writer: BlockWriter,
    out: list[str],
    contents: Contents,
    title: str,
    entries: list[tuple[int, str, str, int]],
) -> None:
    """The contents title and a TOC field whose result lists ``entries``:
    (level, text, bookmark name, page number), each entry a link to its heading."""
    writer.paragraph(out, "TOCHeading", [Run(title)])
    instruction = toc_instruction(contents.levels)
    begin = _field_char("begin") + _instruction(instruction) + _field_char("separate")
    if not entries:
        writer.paragraph(out, "TOC1", content=begin + _field_char("end"))
        return
    last = len(entries) - 1
    for k, (level, text, bookmark, page) in enumerate(entries):
        link = writer.run(Run(text)) + TAB_RUN + _field(f" PAGEREF {bookmark} \\h ", str(page), hidden=True)
        content = f'<w:hyperlink w:anchor="{attr(bookmark)}" w:history="1">{link}</w:hyperlink>'
        if k == 0:
            content = begin + content
        if k == last:
            content += _field_char("end")
        writer.paragraph(out, f"TOC{min(max(level, 1), 3)}", content=content)


def write_reference(
    writer: BlockWriter,
    out: list[str],
    runs: list[Run],
    bookmark: str | None,
    page: int | None,
    keep_next: bool = False,
) -> None:
    """A cross-reference line: a link to the bookmark, a dotted tab and a PAGEREF field
    whose result is the page already known (Word updates it)."""
    # Left to right even when it starts with an Arabic name, as in the PDF: a line the book
    # builds in its own language, with the page number at the right margin.
    if bookmark is None:  # the target is not in this file: the words alone, never a dead link
        writer.paragraph(out, "Reference", content=writer.runs(runs), rtl=False, keep_next=keep_next)
        return
    link = "".join(
        writer.run(Run(run.text, run.bold, run.italic, code=run.code, strike=run.strike)) for run in runs
    )
    link += TAB_RUN + _field(f" PAGEREF {bookmark} \\h ", str(page or 1))
    content = f'<w:hyperlink w:anchor="{attr(bookmark)}" w:history="1">{link}</w:hyperlink>'
    writer.paragraph(out, "Reference", content=content, rtl=False, keep_next=keep_next)


# -- page estimate ------------------------------------------------------------

LINE_FACTOR = 1.362  # Noto's ascent + descent, in ems: Word's "single" line height
CHAR_FACTOR = 0.5  # average advance of a character, in ems (Noto Serif; Noto Sans is wider)
SANS_CHAR_FACTOR = 0.53


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

    per_lines: dict[tuple[float, float], int] = {}  # (box, size) -> characters per line

    def text_height(runs: list[Run], box: float, size: float, after: float) -> float:
        per_line = per_lines.get((box, size))
        if per_line is None:  # a line break wastes part of a word
            per_line = per_lines[box, size] = max(1, int(box / (size * char_factor)) - 2)
        text = "".join([r.text for r in runs])
        if "\n" not in text:  # most paragraphs: one line of the text, one length
            lines = max(1, math.ceil(len(text) / per_line))
        else:
            lines = sum(max(1, math.ceil(len(line) / per_line)) for line in text.split("\n"))
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
