"""The furniture of every page: classification banners, the DRAFT mark, the rules, the
running header and the footer's page number.

A mixin of :class:`~briefbook.render.pdf_layout.BookState`, whose ``decorate_cover``,
``decorate_body`` (``onPage``) and ``running_header`` (``onPageEnd``) the page
templates call. What repeats on every page is made once for the book: the DRAFT
mark's path, and a banner or header line that needs the font chain (one shaped
paragraph, broken once). The footer's "Page X of Y" is only marked here; its number
is drawn at the end (:mod:`briefbook.render.pdf_late`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Paragraph

from briefbook.render import pdf_late
from briefbook.render.pdf_fonts import font_name, needs_chain, tint
from briefbook.render.pdf_outlines import draw_outlined_word, outlined_width
from briefbook.text import clean_line

if TYPE_CHECKING:
    from briefbook.document.model import Metadata
    from briefbook.render.pdf_fonts import Markup, Styles
    from briefbook.render.template import Template


class PageFurnitureMixin:
    template: Template
    meta: Metadata
    styles: Styles
    markup: Markup

    def decorate_cover(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self.report()
        canv.saveState()
        if self.meta.draft or self.cover_draft:
            self._draft_mark(canv)
        self._banners(canv)
        canv.restoreState()

    def decorate_body(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self.report()
        t = self.template
        canv.saveState()
        if self.meta.draft:
            self._draft_mark(canv)
        self._banners(canv)
        left, right = t.margin_left_mm * mm, self.page_w - t.margin_right_mm * mm
        muted = colors.HexColor(t.muted_colour)
        size = t.small_size
        top_rule = self.page_h - t.margin_top_mm * mm + 3 * mm
        bottom_rule = t.margin_bottom_mm * mm - 3 * mm
        canv.setStrokeColor(tint(t.accent_colour, 0.45))
        canv.setLineWidth(0.5)
        canv.line(left, top_rule, right, top_rule)
        canv.line(left, bottom_rule, right, bottom_rule)
        canv.setFillColor(muted)
        self._page_first_title = None
        self._page_start_title = self.running_title
        page = canv.getPageNumber()
        canv.setFont(font_name(t.body_font), size)
        if self.forward_refs:
            self.footer_pages.append(page)
            canv.translate(right, bottom_rule - 4.2 * mm)
            pdf_late.mark(canv, f"bbpage{page}")
        else:
            canv.drawRightString(right, bottom_rule - 4.2 * mm, str(page))
        canv.restoreState()

    def running_header(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """onPageEnd: the running header names what the page is about: the first meeting
        (level-2 heading) begun on the page, else the one it continues; the book's header
        on pages of other sections (as the DOCX's STYLEREF field does in Word)."""
        t = self.template
        title = self._page_first_title if self._page_first_title is not None else self._page_start_title
        header = clean_line(title) if title else self.header
        if not header:
            return
        canv.saveState()
        canv.setFillColor(colors.HexColor(t.muted_colour))
        left, right = t.margin_left_mm * mm, self.page_w - t.margin_right_mm * mm
        font, size = font_name(t.body_font, "Italic"), t.small_size
        text = _fit(header, font, size, (right - left) * 0.9)
        self._text(canv, left, self.page_h - t.margin_top_mm * mm + 4.8 * mm, text, font, size)
        canv.restoreState()

    def _banners(self, canv: Canvas) -> None:
        banner = clean_line(self.meta.banner)
        if not banner:
            return
        t = self.template
        font, size = font_name(t.heading_font, "Bold"), t.body_size  # prominent: as large as the text
        text = _fit(banner, font, size, self.frame_w)
        canv.setFillColor(colors.HexColor(t.banner_colour))
        x = self.page_w / 2
        self._text(
            canv, x, self.page_h - min(10 * mm, t.margin_top_mm * mm * 0.45), text, font, size, "centre"
        )
        self._text(canv, x, min(8 * mm, t.margin_bottom_mm * mm * 0.35), text, font, size, "centre")

    def _draft_mark(self, canv: Canvas) -> None:
        """The DRAFT word across the page, drawn as glyph outlines: seen, never extracted.

        The outline's path is the same on every page: its operators are made once and
        written again as they are (formatting its points took about 1 ms a page). The
        graphics state around it is set on each page (reportlab's per-page resources)."""
        word = self.words["draft"]
        font_file = self.template.font_file(self.template.heading_font, "Bold")
        diagonal = math.hypot(self.page_w, self.page_h)
        size = min(140.0, diagonal * 0.55 / max(1.0, outlined_width(font_file, word, 1)))
        canv.saveState()
        canv.setFillColor(colors.HexColor(self.template.banner_colour))
        canv.setFillAlpha(0.09)
        canv.translate(self.page_w / 2, self.page_h / 2)
        canv.rotate(math.degrees(math.atan2(self.page_h, self.page_w)))
        if self._draft_path is None:
            x, y = -outlined_width(font_file, word, size) / 2, -size * 0.35
            self._draft_path = pdf_late.operators(
                canv, lambda c: draw_outlined_word(c, font_file, word, size, x, y), isolated=False
            )
        canv._code.append(self._draft_path)
        canv.restoreState()

    def _text(
        self, canv: Canvas, x: float, y: float, text: str, font: str, size: float, align: str = "left"
    ) -> None:
        """One line of page furniture; text beyond the template's font goes through a (shaped)
        paragraph, made and broken once for all the pages that repeat it (banners, headers)."""
        key = (text, font, size, str(canv._fillColorObj))
        made = self._furniture.get(key, False)
        if made is False:
            made = self._furniture[key] = self._furniture_paragraph(canv, text, font, size)
        if made is None:
            canv.setFont(font, size)
            draw = {"left": canv.drawString, "centre": canv.drawCentredString, "right": canv.drawRightString}
            draw[align](x, y, text)
            return
        para, width = made
        dx = {"left": 0, "centre": -width / 2, "right": -width}[align]
        para.drawOn(canv, x + dx, y - size * 0.25)

    def _furniture_paragraph(self, canv: Canvas, text: str, font: str, size: float):
        """None for text the template's font draws alone; else the paragraph and its width."""
        if needs_chain(self.template, text) is None:
            return None
        style = self.styles.get("note", text).clone(
            "furniture",
            fontName=font,
            fontSize=size,
            leading=size * 1.2,
            textColor=canv._fillColorObj,
            alignment=0,
        )
        para = Paragraph(self.markup.text(text, bold=font.endswith("Bold")), style)
        w, _ = para.wrap(self.frame_w, size * 3)
        return para, min(w, para.minWidth())


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width``."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
