"""Fonts, paragraph styles and safe inline markup for the PDF renderer.

reportlab's ``Paragraph`` parses a small XML-like markup language, so every
piece of user text goes through :func:`escape` before it is put between the
tags we build here. A stretch the template's font cannot draw switches to the
font of the fallback chain that can (:mod:`briefbook.render.font_chain`: Thai,
Lao, Khmer, Myanmar, Arabic, emoji, a system Chinese font); a character no font
has becomes a visible U+FFFD (the preflight names it). Paragraphs holding such
text are shaped with HarfBuzz (:mod:`briefbook.render.pdf_shaping`), so that
marks sit where they belong and the text layer reads back as written.
"""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from briefbook.document.model import Run
from briefbook.invisible import closed_controls
from briefbook.render import bidi_lines, pdf_shaping
from briefbook.render.bidi_text import BOOK_LINE_STYLES
from briefbook.render.font_chain import REPLACEMENT, Chain, ChainFont, chain_for, code_chain, is_ignorable
from briefbook.render.metrics import LINE, spacing
from briefbook.render.pdf_spaces import kept_runs, kept_spaces
from briefbook.render.template import FONT_STYLES, Template
from briefbook.text import clean

_LOCK = threading.Lock()
_LINK_SCHEMES = ("http", "https", "mailto")


def escape(text: str) -> str:
    """Make text safe to put inside reportlab paragraph markup (also in attributes)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def font_name(family: str, style: str = "Regular") -> str:
    return f"BB-{family}-{style}"


def register_family(template: Template, family: str) -> None:
    """Register a TTF family (embedded, subset) with its bold/italic mapping, once per process."""
    _register(family, lambda style: (template.font_file(family, style), 0))
    if family in (template.body_font, template.heading_font):
        # Words these fonts draw alone (Latin, Vietnamese) skip shaping, as in unshaped paragraphs.
        plain = chain_for(template.body_font, template.thai_font).all_primary
        for style in FONT_STYLES:
            pdfmetrics.getFont(font_name(family, style)).bb_plain = plain


def register_chain_font(font: ChainFont) -> None:
    """Register a font of the fallback chain (on first use: most books need few of them)."""
    _register(font.family, lambda style: (font.file(style), font.index))


def register_code_font(chain: Chain) -> None:
    """Register the monospace font of inline code (the first of ``chain``, on first use), with
    words it draws alone skipping shaping, as the body font's do."""
    mono = chain.fonts[0]
    register_chain_font(mono)
    for style in FONT_STYLES:
        font = pdfmetrics.getFont(font_name(mono.family, style))
        if font.bb_plain is None:
            font.bb_plain = chain.all_primary


def _register(family: str, file_of) -> None:
    pdf_shaping.install()
    with _LOCK:
        if font_name(family) in pdfmetrics.getRegisteredFontNames():
            return
        made: dict[tuple[str, int], pdf_shaping.ShapingFont] = {}
        for style in FONT_STYLES:
            name = font_name(family, style)
            # The file falls back (Thai has no italic): one font object per style name,
            # a file read once (an alias shares the parsed face, with its own PDF state).
            path, index = file_of(style)
            base = made.get((str(path), index))
            if base is None:
                font = made[(str(path), index)] = pdf_shaping.ShapingFont(name, str(path), subfontIndex=index)
            else:
                font = copy.copy(base)
                font.fontName, font.state = name, {}
            pdfmetrics.registerFont(font)
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

        sp = spacing(t)  # shared with the Word styles, so that both formats break pages alike

        def add(name: str, **kw) -> ParagraphStyle:
            kw.setdefault("fontName", font_name(body))
            kw.setdefault("fontSize", size)
            kw.setdefault("leading", kw["fontSize"] * LINE)
            kw.setdefault("textColor", dark)
            # No widows or orphans: a paragraph split over two pages leaves at least two lines on each.
            style = ParagraphStyle(name, splitLongWords=1, allowWidows=0, allowOrphans=0, **kw)
            self.by_name[name] = style
            return style

        add("body", alignment=TA_JUSTIFY, spaceAfter=sp["body"][1])
        # The type hierarchy, one step each: body < a person's name < sub-section labels
        # < meeting titles < section titles; details are upright and legible (the
        # template's small size, at least 8.5 pt).
        label_size = max(t.heading_sizes[2], size + 1)
        add(
            "label",
            fontName=font_name(head, "Bold"),
            fontSize=label_size,
            textColor=accent,
            spaceBefore=sp["label"][0],
            spaceAfter=sp["label"][1],
            keepWithNext=1,
        )
        add(
            "note",
            fontName=font_name(body),
            fontSize=small,
            textColor=muted,
            spaceAfter=sp["note"][1],
        )
        add(
            "quote",
            fontName=font_name(body, "Italic"),
            leftIndent=8 * mm,
            rightIndent=6 * mm,
            textColor=colors.HexColor("#333333"),
            spaceBefore=sp["quote"][0],
            spaceAfter=sp["quote"][1],
        )
        for level, hsize in enumerate(t.heading_sizes, start=1):
            add(
                f"h{level}",
                fontName=font_name(head, "Bold"),
                fontSize=hsize,
                textColor=accent,
                keepWithNext=1,
                alignment=TA_LEFT,
                spaceBefore=sp[f"h{level}"][0],
                spaceAfter=sp[f"h{level}"][1],
            )
        add(  # a cross-reference line: the page number sits at the right, as in the contents
            "xref",
            spaceAfter=sp["xref"][1],
        )
        cell = max(small, size - 1.5)
        add("cell", fontSize=cell, leading=cell * 1.3)
        add("cellhead", fontName=font_name(head, "Bold"), fontSize=cell, leading=cell * 1.3, textColor=accent)
        add("item", spaceAfter=sp["item"][1])
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
            fontSize=size + 0.5,
            textColor=accent,
            spaceBefore=sp["h4"][0],
            spaceAfter=sp["h4"][1],
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
        """The style called ``name``; its shaped twin if ``text`` needs more than the template's font."""
        style = self.by_name.get(name) or self.by_name["body"]
        if needs_chain(self.template, text) is None:
            return style
        # A paragraph written in a right-to-left script (bidi_text.reads_from_right: not
        # one that only starts with an Arabic name) reads from the right: it is
        # right-aligned, or justified with its last line flush right (and laid out right
        # to left: bidi_lines). Lines the book builds in its own language (contents
        # entries, cross-references, notes: bidi_text.BOOK_LINE_STYLES) stay left to right.
        rtl = (
            style.alignment in (TA_LEFT, TA_JUSTIFY)
            and style.name not in BOOK_LINE_STYLES
            and bidi_lines.reads_from_right(text)
        )
        key = style.name + ("-rtl" if rtl else "")
        shaped = self._shaped.get(key)
        if shaped is None:
            extra = {"alignment": TA_RIGHT if style.alignment == TA_LEFT else style.alignment} if rtl else {}
            shaped = ParagraphStyle(key + "-shaped", parent=style, shaping=1, **extra)
            shaped.bb_rtl = rtl  # the paragraph's direction (pdf_shaping, bidi_lines)
            self._shaped[key] = shaped
        return shaped

    def is_bold(self, name: str) -> bool:
        return self.get(name).fontName.endswith(("-Bold", "-BoldItalic"))


def needs_chain(template: Template, text: str) -> Chain | None:
    """The fallback chain if ``text`` holds anything the template's own font does not draw."""
    chain = chain_for(template.body_font, template.thai_font)
    return None if chain.all_primary(text) else chain


class Markup:
    """Builds reportlab markup from the model's runs, escaping every piece of user text."""

    def __init__(self, template: Template, anchors: set[str], link_colour: str):
        self.template = template
        self.anchors = anchors
        self.link_colour = link_colour

    def text(self, text: str, bold: bool = False) -> str:
        """Escaped text, each stretch in the font of the chain that draws it, characters
        no font has as U+FFFD, newlines as line breaks and every space typed printed
        (:mod:`briefbook.render.pdf_spaces`)."""
        return self._text(kept_spaces(_cleaned(text)), bold)

    def _text(self, text: str, bold: bool) -> str:
        chain = needs_chain(self.template, text)
        if chain is None:
            return escape(text).replace("\n", "<br/>")
        out = []
        for index, run in chain.runs(text):
            if index == 0:
                out.append(escape(run))
            elif index == -1:
                out.append(escape("".join(c if is_ignorable(c) else REPLACEMENT for c in run)))
            else:
                font = chain.fonts[index]
                register_chain_font(font)
                face = font_name(font.family, "Bold" if bold else "Regular")
                out.append(f'<font face="{face}">{escape(run)}</font>')
        return "".join(out).replace("\n", "<br/>")

    def code(self, text: str, bold: bool) -> str:
        """Escaped inline code, each stretch with its font named: the monospace font, or for
        what it lacks (Thai, Lao, Khmer, Arabic in code) the chain font that draws it; a
        character no font has as U+FFFD, as in other text (the preflight names it)."""
        chain = code_chain(self.template.thai_font)
        register_code_font(chain)
        out = []
        for index, run in chain.runs(text):
            if index == -1:
                index, run = 0, "".join(c if is_ignorable(c) else REPLACEMENT for c in run)
            font = chain.fonts[index]
            if index:
                register_chain_font(font)
            face = font_name(font.family, "Bold" if bold else "Regular")
            out.append(f'<font face="{face}">{escape(run)}</font>')
        return "".join(out).replace("\n", "<br/>")

    def runs(self, runs: list[Run], base_bold: bool = False) -> str:
        parts = []
        texts = kept_runs([_cleaned(run.text) for run in runs])
        for run, text in zip(runs, texts, strict=True):
            if run.code:
                piece = self.code(text, bold=run.bold or base_bold)
            else:
                piece = self._text(text, bold=run.bold or base_bold)
            href = self.href(run.link)
            if href:
                piece = f'<a href="{escape(href)}" color="{self.link_colour}">{piece}</a>'
            if run.italic:
                piece = f"<i>{piece}</i>"
            if run.bold:
                piece = f"<b>{piece}</b>"
            if run.strike:
                piece = f"<strike>{piece}</strike>"
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


def _cleaned(text: str) -> str:
    # Each run closes the bidi controls it opens: one left open reversed the book's own words
    # after it on the line (invisible.closed_controls). reportlab has no tab stops: a tab (one
    # pasted from Word, "&#9;" at a paragraph's start) takes four spaces' width, which
    # kept_spaces prints, where it printed as one space and an indent by Tab as none.
    return closed_controls(clean(text).replace("\t", _TAB))


_TAB = "    "


def plain(runs: list[Run]) -> str:
    """The runs' text as one line (outline titles, contents entries)."""
    return " ".join(clean("".join(r.text for r in runs)).split())
