"""WordprocessingML for the document model's blocks: paragraphs, runs, links,
lists, tables, images and profiles.

Elements are built with lxml directly (no python-docx proxy objects per
paragraph): a 480-page book is tens of thousands of paragraphs, and
python-docx's ``add_paragraph``/``style=`` name lookups and ``Table.cell()``
are what make naive exporters slow. Styles are resolved once, by name, in
:class:`StyleIds`.
"""

from __future__ import annotations

import io
import math
import re
from urllib.parse import quote

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.shape import CT_Inline
from lxml import etree

from briefbook.document.model import ListBlock, Paragraph, Run, Table, marked_not_for_release
from briefbook.render.bidi_text import BOOK_LINE_STYLES, RTL_OR_CONTROL, first_strong_is_rtl
from briefbook.render.docx_fonts import pieces, run_fonts
from briefbook.render.docx_pictures import Picture
from briefbook.render.docx_styles import STYLE_NAMES
from briefbook.render.docx_xml import EMU_PER_MM, R_NS, XML_SPACE, el, insert_in_order, twips, w
from briefbook.render.template import Template
from briefbook.text import clean, clean_line

# Clark names, computed once: the hot loops below create hundreds of thousands.
P, PPR, PSTYLE, R, RPR, RSTYLE, T, BR, TAB = (
    w(n) for n in ("p", "pPr", "pStyle", "r", "rPr", "rStyle", "t", "br", "tab")
)
BOLD, BOLD_CS, ITALIC, ITALIC_CS, VAL, TYPE = (w(n) for n in ("b", "bCs", "i", "iCs", "val", "type"))
NUMPR, ILVL, NUMID, PAGE_BREAK_BEFORE = w("numPr"), w("ilvl"), w("numId"), w("pageBreakBefore")
PBDR, LEFT, SZ, SPACE, COLOR = w("pBdr"), w("left"), w("sz"), w("space"), w("color")
LIST_STEP = twips(6.35)  # the indent of one list level, as in the numbering (docx_reference)
SIDE_RULE_COLOUR = "A00000"  # a passage not for release: a rule in the margin beside it
SPACING, BEFORE, BIDI = w("spacing"), w("before"), w("bidi")
# What the schema puts after w:bidi in a w:pPr (w:bidi is added to a paragraph whose
# runs were written after it: headings and profile names).
_AFTER_BIDI = (
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
    "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
).split()
HYPERLINK, ANCHOR, HISTORY, R_ID = w("hyperlink"), w("anchor"), w("history"), f"{{{R_NS}}}id"
BM_START, BM_END, ID, NAME = w("bookmarkStart"), w("bookmarkEnd"), w("id"), w("name")
TBL, TR, TC, TRPR, TCPR, TCW, TBL_HEADER, WW = (
    w(n) for n in ("tbl", "tr", "tc", "trPr", "tcPr", "tcW", "tblHeader", "w")
)
DRAWING = w("drawing")
PRESERVE = {XML_SPACE: "preserve"}


def sub_with(parent, tag: str, name: str, value: str):
    """``etree.SubElement(parent, tag, {name: value})``, with the attribute set after the
    element is made: lxml takes 4.4 us for the first and 2 us for this, for the same
    element, and a book writes hundreds of thousands of them (every w:t, w:pStyle)."""
    element = etree.SubElement(parent, tag)
    element.set(name, value)
    return element


CHUNK = 16384  # longest w:t we write; longer text is split over several w:t in one run
_BREAKS = re.compile(r"(\n|\t)")
PHOTO_MAX_MM = 35.0  # a profile photo is at most this wide (and never wider than natural size)
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "ftp://")

MISSING_PICTURE = {
    "en": "[Picture not shown: its data could not be read.]",
    "vi": "[Không hiển thị được ảnh: dữ liệu ảnh bị hỏng.]",
}

# Model paragraph styles -> our style keys (outside tables / inside tables).
BODY_STYLES = {"body": "Normal", "label": "Label", "note": "Note", "quote": "Quote"}
CELL_STYLES = {"body": "TableText", "label": "TableHeading", "note": "Note", "quote": "Quote"}
HEADER_CELL_STYLES = {"body": "TableHeading", "label": "TableHeading", "note": "Note", "quote": "Quote"}

FALLBACKS = {
    "Heading3": "Heading2",
    "Heading4": "ProfileName",
    "Reference": "TOC2",
    "ListBullet2": "ListBullet",
    "ListNumber2": "ListNumber",
    "TOC3": "TOC2",
    "TableHeading": "TableText",
    "CoverClassification": "CoverText",
    "CoverDetails": "CoverText",
}


_MAY_BE_RTL = RTL_OR_CONTROL.search


def _starts_rtl(runs: list[Run]) -> bool:
    """True if the paragraph of ``runs`` starts with a right-to-left letter (the PDF's rule,
    :func:`~briefbook.render.bidi_text.first_strong_is_rtl`), as cheaply as it can be asked of
    every paragraph of a book: one C scan per run, nothing joined unless one may be."""
    for run in runs:
        if _MAY_BE_RTL(run.text) is not None:
            return first_strong_is_rtl("".join(r.text for r in runs))
    return False


class StyleIds:
    """Our style keys -> the style ids of the reference document, looked up once by name.

    A reference re-saved by a localised Word may rename ids (``Heading1`` becomes
    ``berschrift1``) but keeps the built-in names (``heading 1``), so names win.
    A missing style falls back to a related one, then to Normal (``None``).
    """

    def __init__(self, styles_element: etree._Element):
        by_name, ids = {}, set()
        for style in styles_element.iter(w("style")):
            sid = style.get(w("styleId"))
            name = style.find(NAME)
            ids.add(sid)
            if name is not None:
                by_name.setdefault(name.get(VAL, "").lower(), sid)
        self.ids: dict[str, str | None] = {}
        for key, name in STYLE_NAMES.items():
            found = by_name.get(name.lower()) or (key if key in ids else None)
            self.ids[key] = found
        # The w:num each list style points at (Word may renumber them when it re-saves the file).
        self.num_ids: dict[str, str] = {}
        for style in styles_element.iter(w("style")):
            num = style.find(f"{PPR}/{NUMPR}/{NUMID}")
            if num is not None:
                self.num_ids[style.get(w("styleId"))] = num.get(VAL)
        for key, other in FALLBACKS.items():
            self.ids[key] = self.ids[key] or self.ids[other]
        self.normal = self.ids["Normal"]  # the default paragraph style needs no w:pStyle

    def __getitem__(self, key: str) -> str | None:
        sid = self.ids.get(key)
        return None if sid == self.normal else sid


def safe_url(url: str) -> str | None:
    """A URL Word can store and open, or ``None`` for schemes we do not link."""
    url = clean_line(url)
    if not url.lower().startswith(SAFE_SCHEMES):
        return None
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")


def column_widths(count: int, relative: list[float] | None, total: int) -> list[int]:
    """``count`` column widths summing to ``total``, in proportion to ``relative`` (missing or
    invalid entries take the mean of the valid ones; no widths at all means equal columns)."""
    rel = list(relative or [])
    rel = [x if isinstance(x, int | float) and 0 < x < math.inf else 0 for x in rel[:count]]
    known = [x for x in rel if x > 0]
    fill = sum(known) / len(known) if known else 1.0
    rel = [x or fill for x in rel] + [fill] * (count - len(rel))
    scale = total / sum(rel)
    widths = [max(1, int(x * scale)) for x in rel]
    widths[-1] += total - sum(widths)
    return widths


class BlockWriter:
    """Appends block XML to a container (the body, a cell, a header)."""

    def __init__(
        self, part, styles: StyleIds, numbering: etree._Element, text_width_twips: int, language: str
    ):
        self.part = part
        self.styles = styles
        self.numbering = numbering
        self.width = text_width_twips
        self.language = language
        self.pending_break = False
        self.template: Template | None = None  # set by the renderer: fonts for other scripts
        self.bookmarks: dict[str, str] = {}  # model anchor -> bookmark name
        self._links: dict[str, str] = {}
        self._bookmark_id = 0
        self._shape_id = 1000
        nums = {n.get(w("numId")): n for n in numbering.iter(w("num"))}
        self._next_num = max((int(k) for k in nums if k and k.isdigit()), default=0) + 1
        self.bullet_num = styles.num_ids.get(styles.ids["ListBullet"] or "")
        number = nums.get(styles.num_ids.get(styles.ids["ListNumber"] or ""))
        abstract = None if number is None else number.find(w("abstractNumId"))
        self.number_abstract = None if abstract is None else abstract.get(VAL)

    # -- paragraphs and runs ------------------------------------------------

    def paragraph(
        self,
        parent,
        style_key: str | None,
        runs: list[Run] = (),
        num: tuple | None = None,
        side_rule: bool = False,
        from_text: bool = True,
    ):
        """A ``w:p`` in our style ``style_key`` (None: Normal), with list numbering ``num``
        = (numId, level) and a page break before it if one is pending; ``side_rule``
        draws a rule at its left (a passage not for release); ``from_text``: right to left
        when the runs start in a right-to-left script (else the book's own direction)."""
        p = etree.SubElement(parent, P)
        style = self.styles[style_key] if style_key else None
        rtl = from_text and bool(runs) and _starts_rtl(runs)
        if style or num or self.pending_break or side_rule or rtl:
            ppr = etree.SubElement(p, PPR)
            if style:
                sub_with(ppr, PSTYLE, VAL, style)
            broken = self.pending_break
            if self.pending_break:
                etree.SubElement(ppr, PAGE_BREAK_BEFORE)
                self.pending_break = False
            if num:
                numpr = etree.SubElement(ppr, NUMPR)
                sub_with(numpr, ILVL, VAL, str(num[1]))
                sub_with(numpr, NUMID, VAL, str(num[0]))
            if side_rule:
                rule = {VAL: "single", SZ: "18", SPACE: "8", COLOR: SIDE_RULE_COLOUR}
                etree.SubElement(etree.SubElement(ppr, PBDR), LEFT, rule)
            if rtl:  # read from the right: Word puts its start (and a list's number) there
                etree.SubElement(ppr, BIDI)
            if broken:  # at the top of a new page no space above, as in the PDF's layout
                etree.SubElement(ppr, SPACING, {BEFORE: "0"})
        if runs:
            self.runs(p, runs)
        return p

    def direction(self, p, runs: list[Run]) -> None:
        """Make ``p`` a right-to-left paragraph if ``runs`` (written into it after it was made:
        a heading, a profile's name) start with a right-to-left letter, as :meth:`paragraph` does."""
        if not _starts_rtl(runs):
            return
        ppr = p.find(PPR)
        if ppr is None:
            ppr = etree.Element(PPR)
            p.insert(0, ppr)
        insert_in_order(ppr, etree.Element(BIDI), _AFTER_BIDI)

    def runs(self, parent, runs: list[Run]) -> None:
        i, n = 0, len(runs)
        while i < n:
            run = runs[i]
            target = self._link_target(run.link) if run.link else None
            if target is None:
                self.run(parent, run)
                i += 1
                continue
            link = etree.SubElement(parent, HYPERLINK, target)
            while i < n and runs[i].link == run.link:
                self.run(link, runs[i], hyperlink=True)
                i += 1

    def run(self, parent, run: Run, hyperlink: bool = False, char_style: str | None = None) -> None:
        text = run.text
        if not text:
            return
        if self.template is None:
            self._run(parent, text, run, hyperlink, char_style, None)
            return
        # Stretches the template's font cannot draw name the chain font that can.
        for font, piece in pieces(self.template, text):
            self._run(parent, piece, run, hyperlink, char_style, font)

    def _run(self, parent, text: str, run: Run, hyperlink: bool, char_style: str | None, font) -> None:
        r = etree.SubElement(parent, R)
        style = "Hyperlink" if hyperlink else char_style
        if style or run.bold or run.italic or font is not None:
            rpr = etree.SubElement(r, RPR)
            if style and self.styles[style]:
                sub_with(rpr, RSTYLE, VAL, self.styles[style])
            if font is not None:
                run_fonts(rpr, font)
            if run.bold:
                etree.SubElement(rpr, BOLD)
                etree.SubElement(rpr, BOLD_CS)
            if run.italic:
                etree.SubElement(rpr, ITALIC)
                etree.SubElement(rpr, ITALIC_CS)
            if font is not None:  # w:rtl and w:cs go after b/i in the schema's order
                for tag in ("rtl", "cs"):
                    node = rpr.find(w(tag))
                    if node is not None:
                        rpr.remove(node)
                        rpr.append(node)
        if "\x0c" in text:
            for k, piece in enumerate(text.split("\x0c")):
                if k:
                    etree.SubElement(r, BR, {TYPE: "page"})
                self.text(r, clean(piece))
        else:
            self.text(r, clean(text))

    def text(self, r, text: str) -> None:
        if len(text) <= CHUNK and "\n" not in text and "\t" not in text:
            if text:
                sub_with(r, T, XML_SPACE, "preserve").text = text
            return
        for piece in _BREAKS.split(text):
            if piece == "\n":
                etree.SubElement(r, BR)
            elif piece == "\t":
                etree.SubElement(r, TAB)
            else:
                for start in range(0, len(piece), CHUNK):
                    sub_with(r, T, XML_SPACE, "preserve").text = piece[start : start + CHUNK]

    def _link_target(self, link: str) -> dict[str, str] | None:
        if link.startswith("#"):
            name = self.bookmarks.get(link[1:])
            return {ANCHOR: name, HISTORY: "1"} if name else None
        rid = self._links.get(link)
        if rid is None:
            url = safe_url(link)
            if url is None:
                return None
            rid = self._links[link] = self.part.relate_to(url, RT.HYPERLINK, is_external=True)
        return {R_ID: rid, HISTORY: "1"}

    def bookmark(self, p, name: str, runs: list[Run], char_style: str | None = None) -> None:
        self.direction(p, runs)
        self._bookmark_id += 1
        bid = str(self._bookmark_id)
        sub_with(p, BM_START, ID, bid).set(NAME, name)
        if char_style:
            for run in runs:
                self.run(p, run, char_style=char_style)
        else:
            self.runs(p, runs)
        sub_with(p, BM_END, ID, bid)

    def model_paragraph(self, parent, para: Paragraph, styles=BODY_STYLES):
        rule = marked_not_for_release(para.runs, para.origin)
        style = styles.get(para.style, styles["body"])
        own_line = para.style in BOOK_LINE_STYLES  # left to right, as in the PDF
        return self.paragraph(parent, style, para.runs, side_rule=rule, from_text=not own_line)

    # -- lists --------------------------------------------------------------

    def new_number_list(self, level: int) -> tuple[int | str, int] | None:
        """A fresh ``w:num`` on List Number's abstract list, so that this list starts at 1.

        Every numbered list (nested ones too) gets its own, so numbering never runs on
        from an earlier list. ``None`` if the reference has no numbered list definition.
        """
        if self.number_abstract is None:
            return None
        num_id = self._next_num
        self._next_num += 1
        num = el(self.numbering, "num", numId=num_id)
        el(num, "abstractNumId", val=self.number_abstract)
        el(el(num, "lvlOverride", ilvl=level), "startOverride", val=1)
        return num_id, level

    def list_block(self, parent, block: ListBlock, depth: int = 0) -> None:
        """Items in List Bullet/List Number, nested lists in the level-2 styles; deeper
        levels keep the level-2 style and take their indent from the numbering level.

        Every item carries its own numbering properties (``w:numPr``), not only its
        style's: readers that ignore style numbering (converters, screen readers,
        some phones) still see a list item with its level."""
        level = min(depth, 8)
        if block.ordered:
            style = "ListNumber" if depth == 0 else "ListNumber2"
            num = self.new_number_list(level)
        else:
            style = "ListBullet" if depth == 0 else "ListBullet2"
            num = (self.bullet_num, level) if self.bullet_num else None
        for item in block.items:
            self.paragraph(parent, style, item.runs, num, marked_not_for_release(item.runs, item.origin))
            if item.children and item.children.items:
                self.list_block(parent, item.children, depth + 1)
            for part in item.more:  # later paragraphs: body text indented under the item
                if isinstance(part, ListBlock):
                    if part.items:
                        self.list_block(parent, part, depth + 1)
                    continue
                rule = marked_not_for_release(part.runs, part.origin or item.origin)
                p = self.paragraph(parent, None, part.runs, side_rule=rule)
                ppr = p.find(PPR)
                if ppr is None:
                    ppr = etree.Element(PPR)
                    p.insert(0, ppr)
                etree.SubElement(ppr, w("ind"), {w("left"): str(LIST_STEP * (level + 1))})

    # -- tables -------------------------------------------------------------

    def table(self, parent, table: Table) -> None:
        rows = [(row, True) for row in table.header] + [(row, False) for row in table.rows]
        count = max([len(r) for r, _ in rows] + [len(table.widths or []), 1])
        widths = column_widths(count, table.widths, self.width)
        tbl = self.table_start(parent, widths, "BriefBookTable", header=bool(table.header))
        cell_widths = [{WW: str(x), TYPE: "dxa"} for x in widths]
        for cells, is_header in rows:
            tr = etree.SubElement(tbl, TR)
            if is_header:
                etree.SubElement(etree.SubElement(tr, TRPR), TBL_HEADER)
            styles = HEADER_CELL_STYLES if is_header else CELL_STYLES
            for k in range(count):
                tc = etree.SubElement(tr, TC)
                etree.SubElement(etree.SubElement(tc, TCPR), TCW, cell_widths[k])
                paragraphs = cells[k] if k < len(cells) else []
                for para in paragraphs:
                    self.model_paragraph(tc, para, styles)
                if not paragraphs:
                    self.paragraph(tc, styles["body"])

    def table_start(
        self, parent, widths: list[int], style_key: str | None, header: bool = False, layout=False
    ):
        """``w:tbl`` with its properties and grid; ``layout`` makes a borderless table whose
        first column starts at the text margin (for a photo beside text)."""
        if self.pending_break:  # a table cannot start a page by itself: a tiny paragraph does it
            ppr = self.paragraph(parent, None)[0]
            el(ppr, "spacing", before=0, after=0, line=20, lineRule="exact")
            el(el(ppr, "rPr"), "sz", val=2)
        tbl = el(parent, "tbl")
        tblpr = el(tbl, "tblPr")
        if style_key and self.styles[style_key]:
            el(tblpr, "tblStyle", val=self.styles[style_key])
        el(tblpr, "tblW", w=sum(widths), type_="dxa")
        if layout:
            b = el(tblpr, "tblBorders")
            for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
                el(b, side, val="nil")
        el(tblpr, "tblLayout", type_="fixed")
        if layout:
            mar = el(tblpr, "tblCellMar")
            el(mar, "left", w=0, type_="dxa")
            el(mar, "right", w=twips(3), type_="dxa")
        el(
            tblpr,
            "tblLook",
            val="0620" if header else "0600",
            firstRow=int(header),
            lastRow=0,
            firstColumn=0,
            lastColumn=0,
            noHBand=1,
            noVBand=1,
        )
        grid = el(tbl, "tblGrid")
        for x in widths:
            el(grid, "gridCol", w=x)
        return tbl

    # -- pictures and profiles ----------------------------------------------

    def picture_run(self, p, picture: Picture, max_width_mm: float, description: str) -> bool:
        """Add ``picture`` to paragraph ``p``, never larger than natural size; False if Word's
        image reader refuses it."""
        scale = min(1.0, max_width_mm / picture.width_mm)
        cx, cy = round(picture.width_mm * scale * EMU_PER_MM), round(picture.height_mm * scale * EMU_PER_MM)
        try:
            rid, image = self.part.get_or_add_image(io.BytesIO(picture.data))
        except Exception:  # python-docx's header parser rejects some files Pillow reads
            return False
        self._shape_id += 1
        inline = CT_Inline.new_pic_inline(self._shape_id, rid, image.filename, max(cx, 1), max(cy, 1))
        for side in ("distT", "distB", "distL", "distR"):  # LibreOffice assumes 1/8 inch when absent
            inline.set(side, "0")
        inline.docPr.set("descr", clean_line(description)[:500])
        etree.SubElement(etree.SubElement(p, R), DRAWING).append(inline)
        return True

    def missing_picture(self, parent) -> None:
        words = MISSING_PICTURE.get(self.language.split("-")[0].lower(), MISSING_PICTURE["en"])
        self.paragraph(parent, "Note", [Run(words)])
