"""Page layout for the PDF renderer: the document template, running header and
footer, classification banner, DRAFT mark, bookmarks, and the forward
references that fill in page numbers after a single layout pass. (The page
furniture is drawn by :mod:`briefbook.render.pdf_furniture`, a mixin of the
build's state.)

Numbers that are only known at the end (the total in "Page X of Y", the page
of each contents entry) are marked where they go and drawn into the pages'
content once the last page is laid out (:mod:`briefbook.render.pdf_late`).
The book is therefore laid out exactly once. The flowables it lays out (paragraphs
broken once, link targets, keep-with-next groups) are in
:mod:`briefbook.render.pdf_flowables`.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFString
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph
from reportlab.platypus.doctemplate import _ktAllow

from briefbook.document.model import Document, Heading, Profile
from briefbook.render import pdf_late, pdf_names
from briefbook.render.pdf_flowables import (
    AnchoredParagraph,
    BookParagraph,
    KeepUnlessTaller,
    KeepWithNext,
    heading_flowable,
)
from briefbook.render.pdf_fonts import Markup, Styles, font_name
from briefbook.render.pdf_furniture import PageFurnitureMixin
from briefbook.render.template import Template, fill_header
from briefbook.text import clean_line

# The flowables stay importable from here, where callers written before the split found them.
__all__ = [
    "AnchoredParagraph",
    "BookDoc",
    "BookFrame",
    "BookParagraph",
    "BookState",
    "KeepUnlessTaller",
    "KeepWithNext",
    "heading_flowable",
]

NUMBER_COLUMN = 14 * mm  # room kept at the right of contents entries for the page number


class BookState(PageFurnitureMixin):
    """What one build knows beforehand and collects while laying out."""

    def __init__(
        self,
        document: Document,
        template: Template,
        *,
        forward_refs: bool,
        progress: Callable[[int, int], None] | None,
    ):
        self.document = document
        self.meta = document.meta
        self.template = template
        self.words = template.words(document.meta.language or "en")
        self.forward_refs = forward_refs
        self.progress = progress
        self.styles = Styles(template)
        # Every heading gets a unique destination name (its anchor, unless empty or repeated).
        self._anchors: dict[int, str] = {}
        seen: set[str] = set()
        for index, block in enumerate(document.blocks):
            anchor = getattr(block, "anchor", None)
            if isinstance(block, Heading) and (not anchor or anchor in seen):
                anchor = f"bb-heading-{index}"
            if anchor and isinstance(block, Heading | Profile):
                self._anchors[id(block)] = anchor
                seen.add(anchor)
        anchors = seen if forward_refs else set()
        self.markup = Markup(template, anchors, template.accent_colour)
        self.page_w = template.page_width_mm * mm
        self.page_h = template.page_height_mm * mm
        self.frame_w = self.page_w - (template.margin_left_mm + template.margin_right_mm) * mm
        self.frame_h = self.page_h - (template.margin_top_mm + template.margin_bottom_mm) * mm
        self.total_blocks = len(document.blocks)
        self.done = 0
        self.pages: dict[str, int] = {}  # anchor -> page number it landed on
        self.toc: list[str] = []  # anchors of contents entries, by entry index
        self.footer_pages: list[int] = []  # pages whose footer uses a page-label form
        self.cover_draft = False
        self._outline_level = -1
        meta = self.meta
        values = {"title": meta.title, "subject": meta.subject, "author": meta.author, "banner": meta.banner}
        self.header = clean_line(fill_header(template.header, values))  # as the Word file's header
        self.running_title = ""  # the brief being laid out ("" outside the briefs: the book's header)
        self._page_first_title: str | None = None
        self._page_start_title = ""
        self._draft_path: str | None = None  # the DRAFT mark's path operators (the same on every page)
        self._furniture: dict[tuple, tuple[Paragraph, float] | None] = {}  # banner and header lines

    def anchor(self, block: Heading | Profile) -> str | None:
        """The destination name of a heading or profile in this PDF."""
        return self._anchors.get(id(block))

    # -- progress -------------------------------------------------------------------------
    def report(self, done: int | None = None) -> None:
        if done is not None and done > self.done:
            self.done = done
        if self.progress is not None:
            self.progress(self.done, self.total_blocks)

    # -- anchors, bookmarks, outline --------------------------------------------------------
    def mark(self, canv: Canvas, dest: str, outline: tuple[str, int] | None, top: float) -> None:
        self.pages.setdefault(dest, canv.getPageNumber())
        if outline is not None and outline[1] <= 2:  # a section (level 1) or a brief (level 2) begins
            self.running_title = outline[0] if outline[1] == 2 else ""
            if self._page_first_title is None or (outline[1] == 2 and not self._page_first_title):
                self._page_first_title = self.running_title
        if not self.forward_refs:
            return
        canv.bookmarkHorizontal(dest, 0, top)
        if outline is not None:
            title, level = outline
            level = max(0, min(level - 1, self._outline_level + 1))
            self._outline_level = level
            canv.addOutlineEntry(title or "…", dest, level=level, closed=level >= 1)

    def contents_entry_end(self, canv: Canvas, kind: str, label: str | None) -> None:
        """onDraw callback at the end of a contents entry: dotted leader, number, link."""
        info = canv._curr_tx_info
        x, y = info["cur_x"], info["cur_y"]
        index = int(label or 0)
        right = self.frame_w
        canv.saveState()
        canv.setStrokeColor(colors.HexColor(self.template.muted_colour))
        canv.setLineWidth(0.9)
        canv.setLineCap(1)
        gap = 3.2
        canv.setDash([0.01, gap])
        # Dots on a common grid (so the leaders of all entries line up), stopping a
        # three-digit number's width before the right edge.
        start = math.ceil((x + 4) / gap) * gap
        end = right - stringWidth("000", font_name(self.template.body_font), self.template.body_size) - 4
        if end - start > 6:
            canv.line(start, y + 1, end, y + 1)
        if self.forward_refs:
            canv.setDash()
            canv.translate(right, y)
            pdf_late.mark(canv, f"bbtoc{index}")
            size = self.template.body_size
            canv.linkRect("", self.toc[index], (-NUMBER_COLUMN, -size * 0.3, 0, size), relative=1)
        canv.restoreState()

    def name_destinations(self, canv: Canvas) -> None:
        """Publish every anchor as a named destination (catalog /Names /Dests name tree)."""
        dests = canv._destinations
        names = sorted((a for a in self.pages if a in dests), key=_name_key)
        if names:
            pairs = []
            for name in names:
                pairs += [PDFString(name), dests[name]]
            canv._doc.Catalog.Names = PDFDictionary({"Dests": PDFDictionary({"Names": PDFArray(pairs)})})

    # -- forward references ---------------------------------------------------------------
    def draw_numbers(self, canv: Canvas) -> None:
        """Draw the page numbers known only now that the number of pages is known."""
        t = self.template
        total = canv.getPageNumber() - 1
        pattern = self.words["page"]
        muted = colors.HexColor(t.muted_colour)
        dark = colors.HexColor("#1A1A1A")

        def number(text: str, colour, font: str, size: float) -> Callable[[Canvas], None]:
            def draw(c: Canvas) -> None:
                c.setFillColor(colour)
                c.setFont(font, size)
                c.drawRightString(0, 0, text)

            return draw

        body = font_name(t.body_font)
        drawings = {
            f"bbpage{page}": number(pattern.format(page=page, pages=total), muted, body, t.small_size)
            for page in self.footer_pages
        }
        for index, anchor in enumerate(self.toc):
            drawings[f"bbtoc{index}"] = number(str(self.pages.get(anchor, "")), dark, body, t.body_size)
        pdf_late.fill(canv, drawings)


def _name_key(name: str) -> bytes:
    # Name-tree keys are sorted by their bytes as written (PDFDocEncoding or UTF-16BE with BOM).
    try:
        return name.encode("latin-1")
    except UnicodeEncodeError:
        return b"\xfe\xff" + name.encode("utf-16-be")


class BookFrame(Frame):
    """A frame that is cheap to copy.

    reportlab's ``_listWrapOn`` deep-copies the document's frame each time it measures
    a group of flowables: every keep-with-next group, person card and list, at every
    wrap (about 2,000 copies of 50 attributes each for a 100-meeting book). A frame
    holds numbers and strings; its few containers are copied, the rest shared.
    """

    def __deepcopy__(self, memo):
        twin = self.__class__.__new__(self.__class__)
        values = twin.__dict__
        values.update(self.__dict__)
        for key, value in values.items():
            if type(value) in _CONTAINERS:  # _frameBGs, _savedGeom: their own copies
                values[key] = copy.deepcopy(value, memo) if key != "_generated_content" else list(value)
        return twin


# ("_generated_content", flowables added while measuring, is dropped from the copy by
# reportlab's caller at once: a shallow copy of the list is enough.)
_CONTAINERS = (list, dict, set, tuple)


class BookDoc(BaseDocTemplate):
    """One layout pass; page furniture from the state; forms defined before saving."""

    def __init__(self, filename: str, state: BookState, *, cover_first: bool, **kw):
        pdf_names.install()
        t = state.template
        super().__init__(
            filename,
            pagesize=(state.page_w, state.page_h),
            leftMargin=t.margin_left_mm * mm,
            rightMargin=t.margin_right_mm * mm,
            topMargin=t.margin_top_mm * mm,
            bottomMargin=t.margin_bottom_mm * mm,
            invariant=1,
            initialFontName=font_name(t.body_font),
            **kw,
        )
        self.state = state
        frame = (self.leftMargin, self.bottomMargin, state.frame_w, state.frame_h)
        pad = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        cover = PageTemplate("cover", [BookFrame(*frame, id="cover", **pad)], onPage=state.decorate_cover)
        body = PageTemplate(
            "body",
            [BookFrame(*frame, id="body", **pad)],
            onPage=state.decorate_body,
            onPageEnd=state.running_header,
        )
        self.addPageTemplates([cover, body] if cover_first else [body, cover])

    def handle_documentBegin(self):
        super().handle_documentBegin()
        canv, state = self.canv, self.state
        canv.setNamedCB("bbtoc", state.contents_entry_end)
        if self.encrypt is not None:  # AES-256 (revision 6) came with PDF 1.7 extension level 8 / PDF 2.0
            canv._doc._pdfVersion = max(canv._doc._pdfVersion, (1, 7))
        date = state.meta.date
        if date is not None:
            stamp = f"D:{date.year:04d}{date.month:02d}{date.day:02d}000000"
            canv._doc.setDateFormatter(lambda *_: stamp)
        if state.forward_refs and state.document.headings():
            canv.showOutline()

    def handle_keepWithNext(self, flowables):
        """As reportlab's, but a heading also keeps with a list, a profile or an image,
        which reportlab leaves out of its groups (they are containers)."""
        i, n = 0, len(flowables)
        while i < n and flowables[i].getKeepWithNext() and _ktAllow(flowables[i]):
            i += 1
        if i:
            if i < n and not getattr(flowables[i], "locChanger", False):
                i += 1
                # One short line after a heading (a cross-reference, an introduction) is not
                # enough to keep it company at the foot of a page: take the next block too
                # (the DOCX keeps such a line with the next; metrics.fits_one_line decides both).
                if (
                    i < n
                    and getattr(flowables[i - 1], "bb_short", False)
                    and not getattr(flowables[i], "locChanger", False)
                ):
                    i += 1
            group = KeepWithNext(flowables[:i])
            group.bb_line = self.state.template.body_size * 1.3  # about one line of text
            group.bb_page_height = self.state.frame_h
            for f in group._content[:-1]:
                f.__dict__["keepWithNext"] = 0
            del flowables[:i]
            flowables.insert(0, group)

    def handle_flowable(self, flowables):
        block = getattr(flowables[0], "_bb_block", None) if flowables else None
        if block is not None:
            self.state.report(block)
        super().handle_flowable(flowables)

    def _endBuild(self):
        self._doSave = 0
        super()._endBuild()
        if self.state.forward_refs:
            self.state.draw_numbers(self.canv)
            self.state.name_destinations(self.canv)
        self.state.report(self.state.total_blocks)
        self.canv.save()
