"""DOCX renderer: a :class:`~briefbook.document.model.Document` to a Word file.

It opens the template's ``reference.docx`` (styles, numbering, page setup),
clears its body and writes the book into it: cover on a first page with its
own header and footer, a real TOC field already filled with the headings and
their pages, running headers and footers with the classification banner and
"Page X of Y" fields on every page, then the body. The file is written to a
temporary file beside the target and renamed over it, so an export that fails
or is cancelled leaves the previous file untouched.

Nothing from the computer ends up in the file: no user name, no paths, no
clock (zip dates are fixed; the document's date is ``meta.date`` or none).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
from docx.shared import Twips
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
    Reference,
    Run,
    Table,
)
from briefbook.errors import BriefBookError
from briefbook.render.docx_blocks import PHOTO_MAX_MM, TBL, BlockWriter, StyleIds
from briefbook.render.docx_fields import (
    contents_entries,
    estimate_pages,
    keep_with_next,
    page_number_runs,
    running_header_field,
    write_contents,
    write_reference,
)
from briefbook.render.docx_fonts import embed_fonts, visible
from briefbook.render.docx_package import (
    check_target,
    package_members,
    prepare_settings,
    save_atomically,
    set_core_properties,
    set_language,
)
from briefbook.render.docx_pictures import Picture, probe_picture
from briefbook.render.docx_sanitise import sanitised_reference
from briefbook.render.docx_styles import text_width_mm
from briefbook.render.docx_xml import el, twips, w
from briefbook.render.metrics import fits_one_line
from briefbook.render.template import Template, fill_header
from briefbook.text import clean_line

PPR_TAG, PSTYLE_TAG, VAL_ATTR = w("pPr"), w("pStyle"), w("val")
Progress = Callable[[int, int], None]

LANGUAGE_TAGS = {"en": "en-GB", "vi": "vi-VN", "th": "th-TH", "fr": "fr-FR", "zh": "zh-CN"}


def render_docx(
    document: Document,
    template: Template,
    target: str | Path,
    *,
    progress: Progress | None = None,
    page_numbers: dict[str, int] | None = None,
) -> Path:
    """Write ``document`` as a Word file at ``target`` and return its path.

    ``progress(done, total)`` is called after each block and may raise
    :class:`~briefbook.errors.Cancelled`; ``page_numbers`` (heading anchor ->
    page, from the PDF layout) fills the contents, else an estimate does.
    Raises :class:`BriefBookError` with a plain message if the file cannot be written.
    """
    target = check_target(Path(target))
    total = len(document.blocks)
    if progress:
        progress(0, total)
    book = _DocxBook(document, template, page_numbers or {})
    for done in book.write_blocks():
        if progress:
            progress(done, total)
    book.finish()
    save_atomically(package_members(book.doc), target)
    return target


class _DocxBook:
    def __init__(self, document: Document, template: Template, page_numbers: dict[str, int]):
        self.document, self.template, self.meta = document, template, document.meta
        try:  # never the file itself: only the parts we use (see docx_sanitise)
            self.doc = docx.Document(io.BytesIO(sanitised_reference(template)))
        except BriefBookError:
            raise
        except Exception as exc:  # a damaged or foreign file; the template needs rebuilding
            raise BriefBookError(
                f"The Word styles file of template '{template.name}' ({template.reference_docx}) cannot be "
                f"read ({exc}). Rebuild it with: python templates/build_reference_docx.py"
            ) from None
        self.words = template.words(self.meta.language)
        self.language = LANGUAGE_TAGS.get(self.meta.language.lower(), self.meta.language or "en-GB")
        self.body = self.doc.element.body
        self.sect = self.body.find(w("sectPr"))
        for child in list(self.body):
            self.body.remove(child)
        width = twips(text_width_mm(template))
        self.writer = BlockWriter(
            self.doc.part,
            StyleIds(self.doc.styles.element),
            self.doc.part.numbering_part.element,
            width,
            self.meta.language,
        )
        self.writer.template = template
        for n, block in enumerate(document.blocks):
            if isinstance(block, Heading):
                self.writer.bookmarks.setdefault(block.anchor, f"_Toc{n:08d}")
            elif isinstance(block, Profile) and block.anchor:
                self.writer.bookmarks.setdefault(block.anchor, f"_Ref{n:08d}")
        self._pictures: dict[int, Picture | None] = {}
        ids = self.writer.styles
        headings = ("Heading1", "Heading2", "Heading3", "Heading4", "Label")
        self._heading_styles = {ids[k] for k in headings if ids[k]}
        self.pages = {**estimate_pages(document, template, self.picture), **page_numbers}

    def picture(self, data: bytes | None) -> Picture | None:
        """``probe_picture``, once per image object (the estimate and the body both ask)."""
        key = id(data)
        if key not in self._pictures:
            self._pictures[key] = probe_picture(data)
        return self._pictures[key]

    # -- body ---------------------------------------------------------------

    def write_blocks(self) -> Iterator[int]:
        for done, block in enumerate(self.document.blocks, start=1):
            self.write_block(block)
            yield done

    def write_block(self, block) -> None:
        writer, body = self.writer, self.body
        if isinstance(block, Paragraph):
            after_heading = self._last_style() in self._heading_styles
            p = writer.model_paragraph(body, block)
            if after_heading and fits_one_line("".join(r.text for r in block.runs), self.template):
                keep_with_next(p)  # one short line under a heading: kept with what follows, as in the PDF
        elif isinstance(block, Heading):
            p = writer.paragraph(body, f"Heading{min(max(block.level, 1), 4)}")
            # Sections and briefs carry the "Running Head" character style: the header's
            # STYLEREF field shows the one the page is in.
            style = "RunningHead" if block.level <= 2 else None
            writer.bookmark(p, writer.bookmarks[block.anchor], [Run(block.text)], char_style=style)
        elif isinstance(block, ListBlock):
            writer.list_block(body, block)
        elif isinstance(block, Table):
            self._separate_tables()
            writer.table(body, block)
        elif isinstance(block, Image):
            self.image(block)
        elif isinstance(block, Profile):
            self.profile(block)
        elif isinstance(block, Reference):
            bookmark = writer.bookmarks.get(block.target)
            # Right under a heading, a reference keeps with the next line too (as in the PDF).
            after_heading = self._last_style() in self._heading_styles
            p = write_reference(writer, body, block.runs, bookmark, self.pages.get(block.target))
            if after_heading:
                keep_with_next(p)
        elif isinstance(block, PageBreak):
            writer.pending_break = self._last_element() is not None
        elif isinstance(block, Contents):
            title = clean_line(block.title) or self.words["contents"]
            entries = contents_entries(self.document, block, writer.bookmarks, self.pages)
            write_contents(writer, body, block, title, entries)
            writer.pending_break = True
        elif isinstance(block, Cover):
            self.cover(block)
            writer.pending_break = True

    def _last_style(self) -> str | None:
        last = self._last_element()
        style = None if last is None else last.find(f"{PPR_TAG}/{PSTYLE_TAG}")
        return None if style is None else style.get(VAL_ATTR)

    def _last_element(self):
        try:
            return self.body[-1]  # O(1), unlike len() on an lxml element
        except IndexError:
            return None

    def _separate_tables(self) -> None:
        last = self._last_element()
        if last is not None and last.tag == TBL:  # two tables in a row would merge in Word
            self.writer.paragraph(self.body, "Small")

    def cover(self, cover: Cover) -> None:
        writer, body = self.writer, self.body
        lines = [
            ("Title", cover.title),
            ("Subtitle", cover.subtitle),
            ("CoverText", cover.event),
            ("CoverText", cover.place_and_dates),
            ("CoverClassification", cover.classification),
            ("CoverText", cover.shareable),  # a sharing export says so
        ]
        for style, text in lines:
            if clean_line(text):
                writer.paragraph(body, style, [Run(text)])
        if cover.draft:
            p = writer.paragraph(body, "CoverClassification")
            writer.run(p, Run(self.words["draft"]), char_style="DraftMark")
        for text in (
            cover.recipient,
            cover.issue_date,
            cover.drafted_by,
            cover.cleared_by,
            cover.copy_number,
        ):
            if clean_line(text):
                writer.paragraph(body, "CoverDetails", [Run(text)])

    def image(self, block: Image) -> None:
        picture = self.picture(block.data)
        max_mm = min(block.max_width_mm, text_width_mm(self.template))
        p = self.writer.paragraph(self.body, "Figure")
        if picture is None or not self.writer.picture_run(p, picture, max_mm, block.caption or ""):
            self.body.remove(p)
            self.writer.missing_picture(self.body)
        if block.caption and clean_line(block.caption):
            self.writer.paragraph(self.body, "Caption", [Run(block.caption)])

    def profile(self, block: Profile) -> None:
        """Photo left, name and lines right, in a borderless two-column table."""
        writer = self.writer
        picture = self.picture(block.photo) if block.photo else None
        if picture is None:
            if block.photo:
                writer.missing_picture(self.body)
            self._profile_text(self.body, block)
            return
        self._separate_tables()
        width = writer.width
        photo_mm = min(picture.width_mm, PHOTO_MAX_MM, text_width_mm(self.template) * 0.3)
        left = twips(photo_mm + 4)
        tbl = writer.table_start(self.body, [left, width - left], None, layout=True)
        row = el(tbl, "tr")
        cells = []
        for cell_width in (left, width - left):
            tc = el(row, "tc")
            tcpr = el(tc, "tcPr")
            el(tcpr, "tcW", w=cell_width, type_="dxa")
            el(tcpr, "vAlign", val="top")
            cells.append(tc)
        p = writer.paragraph(cells[0], "TableText")
        if not writer.picture_run(p, picture, photo_mm, block.name):
            cells[0].remove(p)
            writer.missing_picture(cells[0])
        self._profile_text(cells[1], block)

    def _profile_text(self, parent, block: Profile) -> None:
        p = self.writer.paragraph(parent, "Heading4")  # a real heading: readers see the person
        if block.anchor:
            self.writer.bookmark(p, self.writer.bookmarks[block.anchor], [Run(block.name)])
        else:
            self.writer.direction(p, [Run(block.name)])
            self.writer.runs(p, [Run(block.name)])
        for line in block.lines:
            self.writer.model_paragraph(parent, line)

    # -- page setup, headers, metadata ---------------------------------------

    def finish(self) -> None:
        self.writer.pending_break = False
        self.body.append(self.sect if self.sect is not None else etree.Element(w("sectPr")))
        section = self.doc.sections[0]
        t = self.template
        section.page_width, section.page_height = (
            Twips(twips(t.page_width_mm)),
            Twips(twips(t.page_height_mm)),
        )
        section.top_margin, section.bottom_margin = (
            Twips(twips(t.margin_top_mm)),
            Twips(twips(t.margin_bottom_mm)),
        )
        section.left_margin, section.right_margin = (
            Twips(twips(t.margin_left_mm)),
            Twips(twips(t.margin_right_mm)),
        )
        has_cover = bool(self.document.blocks) and isinstance(self.document.blocks[0], Cover)
        section.different_first_page_header_footer = has_cover
        self._header(section.header, first=False)
        self._footer(section.footer, first=False)
        if has_cover:
            self._header(section.first_page_header, first=True)
            self._footer(section.first_page_footer, first=True)
        prepare_settings(self.doc)
        embed_fonts(self.doc, self.document, self.template)
        set_language(self.doc, self.language)
        set_core_properties(self.doc, self.meta, self.language)

    def _clear(self, header_footer):
        header_footer.is_linked_to_previous = False
        root = header_footer.part.element
        for child in list(root):
            root.remove(child)
        return root

    def _header(self, header, first: bool) -> None:
        root, writer, meta = self._clear(header), self.writer, self.meta
        if clean_line(meta.banner):
            writer.paragraph(root, "Banner", [Run(clean_line(meta.banner))])
        if first:
            if meta.draft:
                p = writer.paragraph(root, "Banner")
                writer.run(p, Run(self.words["draft"]), char_style="DraftMark")
        else:
            p = writer.paragraph(root, "Header")
            running_header_field(p, visible(self.template, clean_line(self._header_text())))
            if meta.draft:
                writer.run(p, Run("\t"))
                writer.run(p, Run(self.words["draft"]), char_style="DraftMark")
        if not len(root):
            writer.paragraph(root, "Header")

    def _header_text(self) -> str:
        meta = self.meta
        values = {"title": meta.title, "subject": meta.subject, "author": meta.author, "banner": meta.banner}
        return fill_header(self.template.header, values)  # checked when the template was loaded

    def _footer(self, footer, first: bool) -> None:
        root, writer = self._clear(footer), self.writer
        if not first:
            p = writer.paragraph(root, "Footer")
            page_number_runs(writer, p, self.words["page"])
        if clean_line(self.meta.banner):
            writer.paragraph(root, "Banner", [Run(clean_line(self.meta.banner))])
        if not len(root):
            writer.paragraph(root, "Footer")
