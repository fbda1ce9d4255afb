"""Fonts, paragraph styles and safe inline markup for the PDF renderer.

reportlab's ``Paragraph`` parses a small XML-like markup language, so every
piece of user text goes through :func:`escape` before it is put between the
tags we build here. Thai stretches switch to the template's Thai font inside
a paragraph, and paragraphs holding Thai are shaped with HarfBuzz so that
vowel signs and tone marks sit where they belong.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefbook.document.model import Run
from briefbook.render.template import FONT_STYLES, Template
from briefbook.text import clean

_THAI = re.compile("[\u0e00-\u0e7f]+(?:[ \u00a0]+[\u0e00-\u0e7f]+)*")
_LOCK = threading.Lock()
_LINK_SCHEMES = ("http", "https", "mailto")


def escape(text: str) -> str:
    """Make text safe to put inside reportlab paragraph markup (also in attributes)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def font_name(family: str, style: str = "Regular") -> str:
    return f"BB-{family}-{style}"


def register_family(template: Template, family: str) -> None:
    """Register a TTF family (embedded, subset) with its bold/italic mapping, once per process."""
    with _LOCK:
        if font_name(family) in pdfmetrics.getRegisteredFontNames():
            return
        for style in FONT_STYLES:
            name = font_name(family, style)
            # template.font_file falls back (Thai has no italic): one TTFont per style name.
            pdfmetrics.registerFont(TTFont(name, str(template.font_file(family, style))))
        pdfmetrics.registerFontFamily(
            font_name(family),
            normal=font_name(family, "Regular"),
            bold=font_name(family, "Bold"),
            italic=font_name(family, "Italic"),
            boldItalic=font_name(family, "BoldItalic"),
        )


def _colour(value: str) -> colors.Color:
    return colors.HexColor(value)


def tint(value: str, amount: float) -> colors.Color:
    """A lighter version of a colour (amount 0 = the colour, 1 = white)."""
    c = colors.HexColor(value)
    return colors.Color(*(x + (1 - x) * amount for x in (c.red, c.green, c.blue)))


@dataclass
class Styles:
    """Every paragraph style the renderer uses, built from one template."""

    template: Template
    by_name: dict[str, ParagraphStyle] = field(default_factory=dict)
    _shaped: dict[str, ParagraphStyle] = field(default_factory=dict)

    def __post_init__(self) -> None:
        t = self.template
        for family in {t.body_font, t.heading_font, t.thai_font}:
            register_family(t, family)
        body, head = t.body_font, t.heading_font
        size, small = t.body_size, t.small_size
        accent, muted = _colour(t.accent_colour), _colour(t.muted_colour)
        dark = colors.HexColor("#1A1A1A")

        def add(name: str, **kw) -> ParagraphStyle:
            kw.setdefault("fontName", font_name(body))
            kw.setdefault("fontSize", size)
            kw.setdefault("leading", kw["fontSize"] * 1.35)
            kw.setdefault("textColor", dark)
            style = ParagraphStyle(name, splitLongWords=1, **kw)
            self.by_name[name] = style
            return style

        add("body", alignment=TA_JUSTIFY, spaceAfter=size * 0.55)
        add(
            "label",
            fontName=font_name(head, "Bold"),
            fontSize=size * 0.92,
            textColor=accent,
            spaceBefore=size * 0.5,
            spaceAfter=size * 0.2,
            keepWithNext=1,
        )
        add(
            "note",
            fontName=font_name(body, "Italic"),
            fontSize=small,
            textColor=muted,
            spaceAfter=small * 0.6,
        )
        add(
            "quote",
            fontName=font_name(body, "Italic"),
            leftIndent=8 * mm,
            rightIndent=6 * mm,
            textColor=colors.HexColor("#333333"),
            spaceBefore=size * 0.2,
            spaceAfter=size * 0.6,
        )
        for level, hsize in enumerate(t.heading_sizes, start=1):
            add(
                f"h{level}",
                fontName=font_name(head, "Bold"),
                fontSize=hsize,
                leading=hsize * 1.25,
                textColor=accent if level < 3 else dark,
                keepWithNext=1,
                alignment=TA_LEFT,
                spaceBefore=hsize * (0.9 if level == 1 else 0.7),
                spaceAfter=hsize * 0.4,
            )
        cell = max(small, size - 1.5)
        add("cell", fontSize=cell, leading=cell * 1.3)
        add("cellhead", fontName=font_name(head, "Bold"), fontSize=cell, leading=cell * 1.3, textColor=accent)
        add("item", spaceAfter=size * 0.2)
        add(
            "caption",
            fontName=font_name(body, "Italic"),
            fontSize=small,
            textColor=muted,
            alignment=1,
            spaceBefore=2,
            spaceAfter=size * 0.6,
        )
        add(
            "profile-name",
            fontName=font_name(head, "Bold"),
            fontSize=size * 1.2,
            textColor=accent,
            spaceAfter=size * 0.3,
            keepWithNext=1,
        )
        add(
            "contents-title",
            fontName=font_name(head, "Bold"),
            fontSize=t.heading_sizes[0],
            leading=t.heading_sizes[0] * 1.25,
            textColor=accent,
            spaceAfter=t.heading_sizes[0] * 0.8,
        )
        for level in (1, 2, 3):
            add(
                f"toc{level}",
                fontName=font_name(head, "Bold") if level == 1 else font_name(body),
                leftIndent=(level - 1) * 7 * mm,
                spaceBefore=size * (0.55 if level == 1 else 0.15),
                rightIndent=14 * mm,
            )

    def get(self, name: str, text: str = "") -> ParagraphStyle:
        """The style called ``name``; its shaped twin if ``text`` holds Thai."""
        style = self.by_name.get(name) or self.by_name["body"]
        if not _THAI.search(text):
            return style
        shaped = self._shaped.get(style.name)
        if shaped is None:
            shaped = self._shaped[style.name] = ParagraphStyle(
                style.name + "-shaped", parent=style, shaping=1
            )
        return shaped

    def is_bold(self, name: str) -> bool:
        return self.get(name).fontName.endswith(("-Bold", "-BoldItalic"))


class Markup:
    """Builds reportlab markup from the model's runs, escaping every piece of user text."""

    def __init__(self, template: Template, anchors: set[str], link_colour: str):
        self.thai = template.thai_font
        self.anchors = anchors
        self.link_colour = link_colour

    def text(self, text: str, bold: bool = False) -> str:
        """Escaped text, with Thai stretches in the Thai font and newlines as line breaks."""
        text = clean(text).replace("\t", " ")
        out = []
        pos = 0
        face = font_name(self.thai, "Bold" if bold else "Regular")
        for m in _THAI.finditer(text):
            out.append(escape(text[pos : m.start()]))
            out.append(f'<font face="{face}">{escape(m.group())}</font>')
            pos = m.end()
        out.append(escape(text[pos:]))
        return "".join(out).replace("\n", "<br/>")

    def runs(self, runs: list[Run], base_bold: bool = False) -> str:
        parts = []
        for run in runs:
            piece = self.text(run.text, bold=run.bold or base_bold)
            href = self.href(run.link)
            if href:
                piece = f'<a href="{escape(href)}" color="{self.link_colour}">{piece}</a>'
            if run.italic:
                piece = f"<i>{piece}</i>"
            if run.bold:
                piece = f"<b>{piece}</b>"
            parts.append(piece)
        return "".join(parts)

    def href(self, link: str | None) -> str | None:
        """A link we are willing to put in the PDF: web, mail, or an anchor of this book."""
        link = clean(link or "").strip()
        if not link:
            return None
        if link.startswith("#"):
            return link if link[1:] in self.anchors else None
        try:
            scheme = urlsplit(link).scheme.lower()
        except ValueError:
            return None
        return link if scheme in _LINK_SCHEMES else None


def plain(runs: list[Run]) -> str:
    """The runs' text as one line (outline titles, contents entries)."""
    return " ".join(clean("".join(r.text for r in runs)).split())
