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

from collections.abc import Callable, Iterator
from pathlib import Path

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
from briefbook.render.docx_blocks import PHOTO_MAX_MM, BlockWriter
from briefbook.render.docx_fields import (
    contents_entries,
    estimate_pages,
    page_number_runs,
    running_header_field,
    write_contents,
    write_reference,
)
from briefbook.render.docx_fonts import embed_fonts, visible, with_font_names
from briefbook.render.docx_markup import append_xml
from briefbook.render.docx_package import (
    check_target,
    package_members,
    prepare_settings,
    save_atomically,
    set_core_properties,
    set_language,
)
from briefbook.render.docx_parts import Package
from briefbook.render.docx_pictures import Picture, probe_picture
from briefbook.render.docx_sanitise import RT, sanitised_parts
from briefbook.render.docx_section import add_reference, page_setup, set_title_page
from briefbook.render.docx_style_ids import StyleIds
from briefbook.render.docx_styles import text_width_mm
from briefbook.render.docx_xml import twips, w
from briefbook.render.metrics import fits_one_line
from briefbook.render.template import Template, fill_header
from briefbook.text import clean_line

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
    body = with_font_names("".join(book.out), book.font_names)  # fonts named after their subset
    save_atomically(package_members(book.doc, body), target)
    return target


class _DocxBook:
    def __init__(self, document: Document, template: Template, page_numbers: dict[str, int]):
        self.document, self.template, self.meta = document, template, document.meta
        try:  # never the file itself: only the parts we use (see docx_sanitise)
            parts = sanitised_parts(template)
            self.doc = Package(parts.members, parts.content_types, parts.rels)
            styles = self.doc.related(self.doc.document, f"{RT}/styles")
            numbering = self.doc.related(self.doc.document, f"{RT}/numbering")
            if styles is None or numbering is None or numbering.element is None:
                raise ValueError("its styles or numbering are missing")
        except BriefBookError:
            raise
        except Exception as exc:  # a damaged or foreign file; the template needs rebuilding
            raise BriefBookError(
                f"The Word styles file of template '{template.name}' ({template.reference_docx}) cannot be "
                f"read ({exc}). Rebuild it with: python templates/build_reference_docx.py"
            ) from None
        self.font_names: dict[str, str] = {}  # a font a run named -> its embedded name (embed_fonts)
        self.words = template.words(self.meta.language)
        self.language = LANGUAGE_TAGS.get(self.meta.language.lower(), self.meta.language or "en-GB")
        self.styles = styles.element
        self.body = self.doc.document.element.find(w("body"))
        self.sect = self.body.find(w("sectPr"))
        for child in list(self.body):
            self.body.remove(child)
        self.out: list[str] = []  # the body's XML (docx_blocks), put into the package as it is
        width = twips(text_width_mm(template))
        self.writer = BlockWriter(
            self.doc.document,
            StyleIds(self.styles),
            numbering.element,
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
        writer, body = self.writer, self.out
        if isinstance(block, Paragraph):
            # One short line under a heading: kept with what follows, as in the PDF.
            keep = self._after_heading() and fits_one_line("".join(r.text for r in block.runs), self.template)
            writer.model_paragraph(body, block, keep_next=keep)
        elif isinstance(block, Heading):
            # Sections and briefs carry the "Running Head" character style: the header's
            # STYLEREF field shows the one the page is in.
            style = "RunningHead" if block.level <= 2 else None
            name = writer.bookmarks[block.anchor]
            writer.heading(body, f"Heading{min(max(block.level, 1), 4)}", name, [Run(block.text)], style)
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
            keep = self._after_heading()
            write_reference(writer, body, block.runs, bookmark, self.pages.get(block.target), keep)
        elif isinstance(block, PageBreak):
            writer.pending_break = writer.last_kind is not None
        elif isinstance(block, Contents):
            title = clean_line(block.title) or self.words["contents"]
            entries = contents_entries(self.document, block, writer.bookmarks, self.pages)
            write_contents(writer, body, block, title, entries)
            writer.pending_break = True
        elif isinstance(block, Cover):
            self.cover(block)
            writer.pending_break = True

    def _after_heading(self) -> bool:
        return self.writer.last_style in self._heading_styles

    def _separate_tables(self) -> None:
        if self.writer.last_kind == "tbl":  # two tables in a row would merge in Word
            self.writer.paragraph(self.out, "Small")

    def cover(self, cover: Cover) -> None:
        writer, body = self.writer, self.out
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
            mark = writer.run(Run(self.words["draft"]), char_style="DraftMark")
            writer.paragraph(body, "CoverClassification", content=mark)
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
        run = None if picture is None else self.writer.picture_run(picture, max_mm, block.caption or "")
        if run is None:
            self.writer.pending_break = False  # (the figure's paragraph took it, and was dropped)
            self.writer.missing_picture(self.out)
        else:
            self.writer.paragraph(self.out, "Figure", content=run)
        if block.caption and clean_line(block.caption):
            self.writer.paragraph(self.out, "Caption", [Run(block.caption)])

    def profile(self, block: Profile) -> None:
        """Photo left, name and lines right, in a borderless two-column table."""
        writer, out = self.writer, self.out
        picture = self.picture(block.photo) if block.photo else None
        if picture is None:
            if block.photo:
                writer.missing_picture(out)
            self._profile_text(out, block)
            return
        self._separate_tables()
        width = writer.width
        photo_mm = min(picture.width_mm, PHOTO_MAX_MM, text_width_mm(self.template) * 0.3)
        left = twips(photo_mm + 4)
        writer.table_start(out, [left, width - left], None, layout=True)
        out.append("<w:tr>")
        cells = [
            f'<w:tc><w:tcPr><w:tcW w:w="{cell_width}" w:type="dxa"/><w:vAlign w:val="top"/></w:tcPr>'
            for cell_width in (left, width - left)
        ]
        out.append(cells[0])
        run = writer.picture_run(picture, photo_mm, block.name)
        if run is None:
            writer.missing_picture(out)
        else:
            writer.paragraph(out, "TableText", content=run)
        out.append("</w:tc>")
        out.append(cells[1])
        self._profile_text(out, block)
        out.append("</w:tc></w:tr>")
        writer.table_end(out)

    def _profile_text(self, out: list[str], block: Profile) -> None:
        name = [Run(block.name)]
        if block.anchor:  # a real heading: readers see the person
            self.writer.heading(out, "Heading4", self.writer.bookmarks[block.anchor], name)
        else:
            self.writer.paragraph(out, "Heading4", name)
        for line in block.lines:
            self.writer.model_paragraph(out, line)

    # -- page setup, headers, metadata ---------------------------------------

    def finish(self) -> None:
        self.writer.pending_break = False
        if self.sect is None:
            self.sect = etree.Element(w("sectPr"))
        self.body.append(self.sect)
        t = self.template
        page_setup(self.sect, t)
        has_cover = bool(self.document.blocks) and isinstance(self.document.blocks[0], Cover)
        set_title_page(self.sect, has_cover)
        self._header(self._new("hdr", "default"), first=False)
        self._footer(self._new("ftr", "default"), first=False)
        if has_cover:
            self._header(self._new("hdr", "first"), first=True)
            self._footer(self._new("ftr", "first"), first=True)
        prepare_settings(self.doc.settings())
        # (Positional: tests stand a plain function in for it.)
        written, code = self.writer.written, self.writer.code_written
        embed_fonts(self.doc, self.document, self.template, written, self.font_names, code)
        set_language(self.styles, self.language)
        set_core_properties(self.doc, self.meta, self.language)

    def _new(self, tag: str, kind: str):
        """A new header or footer part of ``kind`` (default, first), referenced from the section."""
        part, rid = self.doc.add_header_or_footer(tag)
        add_reference(self.sect, "headerReference" if tag == "hdr" else "footerReference", kind, rid)
        return part.element

    def _header(self, root, first: bool) -> None:
        writer, meta = self.writer, self.meta
        out: list[str] = []
        if clean_line(meta.banner):
            writer.paragraph(out, "Banner", [Run(clean_line(meta.banner))])
        if first:
            if meta.draft:
                mark = writer.run(Run(self.words["draft"]), char_style="DraftMark")
                writer.paragraph(out, "Banner", content=mark)
        else:
            content = running_header_field(visible(self.template, clean_line(self._header_text())))
            if meta.draft:
                content += writer.run(Run("\t"))
                content += writer.run(Run(self.words["draft"]), char_style="DraftMark")
            writer.paragraph(out, "Header", content=content)
        if not out:
            writer.paragraph(out, "Header")
        append_xml(root, "".join(out))

    def _header_text(self) -> str:
        meta = self.meta
        values = {"title": meta.title, "subject": meta.subject, "author": meta.author, "banner": meta.banner}
        return fill_header(self.template.header, values)  # checked when the template was loaded

    def _footer(self, root, first: bool) -> None:
        writer = self.writer
        out: list[str] = []
        if not first:
            writer.paragraph(out, "Footer", content=page_number_runs(writer, self.words["page"]))
        if clean_line(self.meta.banner):
            writer.paragraph(out, "Banner", [Run(clean_line(self.meta.banner))])
        if not out:
            writer.paragraph(out, "Footer")
        append_xml(root, "".join(out))
