"""The cover page: one flowable that fills the first page's frame.

Top: copy number and the classification, stamped in a box. About a third of
the way down: event, title, subtitle, a rule, place and dates. At the foot:
recipient, issue date, drafted and cleared lines. If the texts are too long
for one page the cover falls back to plain stacked paragraphs, which split.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from briefbook.document.model import Cover
from briefbook.render.pdf_flowables import BookParagraph
from briefbook.render.pdf_fonts import font_name
from briefbook.text import clean_line

if TYPE_CHECKING:
    from briefbook.render.pdf_layout import BookState

_GAP = 8 * mm


class _Rule(Flowable):
    def __init__(self, width: float, thickness: float, colour, align: int):
        super().__init__()
        self.rule_w, self.thickness, self.colour, self.align = width, thickness, colour, align

    def wrap(self, availWidth, availHeight):
        self.avail = availWidth
        return availWidth, self.thickness + 5 * mm

    def draw(self):
        x = (self.avail - self.rule_w) / 2 if self.align == TA_CENTER else 0
        self.canv.setFillColor(self.colour)
        self.canv.rect(x, 2.5 * mm, self.rule_w, self.thickness, stroke=0, fill=1)


class _Stamp(Flowable):
    """The classification, boxed, in the banner colour."""

    def __init__(self, para: Paragraph, colour, align: int):
        super().__init__()
        self.para, self.colour, self.align = para, colour, align
        self.pad = 2.2 * mm

    def wrap(self, availWidth, availHeight):
        self.avail = availWidth
        w, h = self.para.wrap(availWidth - 2 * self.pad, availHeight)
        self.text_w = min(w, max(self.para.getActualLineWidths0() or [w]))
        self.text_h = h
        return availWidth, h + 2 * self.pad + 2

    def draw(self):
        box_w = self.text_w + 2 * self.pad + 2 * mm
        x = (self.avail - box_w) / 2 if self.align == TA_CENTER else 0
        canv = self.canv
        canv.setStrokeColor(self.colour)
        canv.setLineWidth(1.4)
        canv.rect(x, 1, box_w, self.text_h + 2 * self.pad, stroke=1, fill=0)
        text_x = self.pad if self.align == TA_CENTER else self.pad + 1 * mm
        self.para.drawOn(canv, text_x, 1 + self.pad)


class CoverFlowable(Flowable):
    def __init__(self, state: BookState, cover: Cover):
        super().__init__()
        self.state = state
        t = state.template
        styles = state.styles
        align = TA_CENTER if t.cover_align == "center" else TA_LEFT
        accent = colors.HexColor(t.accent_colour)
        banner = colors.HexColor(t.banner_colour)
        dark, muted = colors.HexColor("#1A1A1A"), colors.HexColor(t.muted_colour)
        head, body = t.heading_font, t.body_font
        size = t.body_size

        def para(
            text: str,
            name: str,
            *,
            font: str,
            fsize: float,
            colour,
            leading: float = 1.25,
            after: float = 0.0,
            al: int = align,
        ) -> Paragraph | None:
            text = clean_line(text)
            if not text:
                return None
            base = styles.get("body", text)
            style = base.clone(
                f"cover-{name}",
                fontName=font,
                fontSize=fsize,
                leading=fsize * leading,
                textColor=colour,
                alignment=al,
                spaceAfter=after,
                spaceBefore=0,
            )
            # Measured, then drawn: broken into lines once (BookParagraph).
            return BookParagraph(state.markup.text(text, bold=font.endswith("Bold")), style)

        copy_no = para(
            cover.copy_number,
            "copy",
            font=font_name(body),
            fsize=t.small_size + 0.5,
            colour=muted,
            al=TA_RIGHT,
            after=4 * mm,
        )
        classification = para(
            cover.classification,
            "classification",
            font=font_name(head, "Bold"),
            fsize=size * 1.45,
            colour=banner,
            leading=1.15,
        )
        self.top = [p for p in (copy_no,) if p]
        if classification is not None:
            self.top.append(_Stamp(classification, banner, align))
        # A sharing export says so on its cover: what it leaves out is not in this copy.
        shareable = para(
            cover.shareable, "shareable", font=font_name(body, "Bold"), fsize=size, colour=banner
        )
        if shareable is not None:
            self.top.append(shareable)

        self.middle = [
            p
            for p in (
                para(
                    cover.event, "event", font=font_name(head), fsize=size * 1.25, colour=accent, after=5 * mm
                ),
                para(
                    cover.title,
                    "title",
                    font=font_name(head, "Bold"),
                    fsize=t.title_size,
                    colour=accent,
                    leading=1.15,
                    after=3 * mm,
                ),
                para(
                    cover.subtitle,
                    "subtitle",
                    font=font_name(body),
                    fsize=size * 1.35,
                    colour=dark,
                    after=1 * mm,
                ),
            )
            if p
        ]
        self.middle.append(_Rule(min(60 * mm, state.frame_w * 0.4), 1.2 * mm, accent, align))
        place = para(cover.place_and_dates, "place", font=font_name(body), fsize=size * 1.15, colour=dark)
        if place is not None:
            self.middle.append(place)

        lines = [
            para(
                cover.recipient,
                "recipient",
                font=font_name(body, "Bold"),
                fsize=size * 1.05,
                colour=dark,
                after=1.5 * mm,
            ),
            para(cover.issue_date, "issued", font=font_name(body), fsize=size, colour=dark, after=3 * mm),
            para(
                cover.drafted_by,
                "drafted",
                font=font_name(body),
                fsize=t.small_size + 0.5,
                colour=muted,
                after=0.8 * mm,
            ),
            para(cover.cleared_by, "cleared", font=font_name(body), fsize=t.small_size + 0.5, colour=muted),
        ]
        self.bottom = [p for p in lines if p]
        if self.bottom:
            self.bottom.insert(0, _Rule(state.frame_w, 0.35, colors.HexColor("#B0B4BA"), TA_LEFT))

    def _measure(self, width: float, height: float) -> tuple[float, float, float]:
        def h(parts):
            return sum(p.wrap(width, height)[1] + p.getSpaceAfter() for p in parts)

        return h(self.top), h(self.middle), h(self.bottom)

    def _needed(self, width: float, height: float) -> float:
        top, middle, bottom = self._measure(width, height)
        return top + middle + bottom + 2 * _GAP

    def wrap(self, availWidth, availHeight):
        self.width_, self.height_ = availWidth, availHeight
        need = self._needed(availWidth, availHeight)
        return availWidth, (need if need > availHeight else availHeight - 0.01)

    def split(self, availWidth, availHeight):
        if self._needed(availWidth, availHeight) <= availHeight:
            return [self]
        return [*self.top, Spacer(1, _GAP), *self.middle, Spacer(1, _GAP), *self.bottom]

    def draw(self):
        width, height = self.width_, self.height_
        top_h, mid_h, bottom_h = self._measure(width, height)
        mid_top = min(height - top_h - _GAP, height * 0.68)
        mid_top = max(mid_top, bottom_h + _GAP + mid_h)
        self._stack(self.top, width, height)
        self._stack(self.middle, width, mid_top)
        self._stack(self.bottom, width, bottom_h)

    def _stack(self, parts, width: float, y_top: float) -> None:
        y = y_top
        for part in parts:
            _, h = part.wrap(width, self.height_)
            y -= h
            part.drawOn(self.canv, 0, y)
            y -= part.getSpaceAfter()
