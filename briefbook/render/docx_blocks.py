"""WordprocessingML for the document model's blocks: paragraphs, lists, tables,
pictures, written as XML text.

A 480-page book is tens of thousands of paragraphs. They are written as text from
small templates into one list of strings (the body), which the package writer puts
into ``word/document.xml`` as it is (see :func:`briefbook.render.docx_package.package_members`):
no element per paragraph, run or property, which was a third of a 500-meeting
export. The bytes are those the element tree wrote, attribute for attribute.
Styles are resolved once, by name, in :class:`~briefbook.render.docx_style_ids.StyleIds`.
"""

from __future__ import annotations

import math

from lxml import etree

from briefbook.document.model import ListBlock, Paragraph, Run, Table, marked_not_for_release
from briefbook.render.bidi_text import BOOK_LINE_STYLES, RTL_OR_CONTROL, reads_from_right
from briefbook.render.docx_markup import attr
from briefbook.render.docx_pictures import Picture, drawing_xml
from briefbook.render.docx_runs import RunWriter
from briefbook.render.docx_style_ids import StyleIds
from briefbook.render.docx_xml import EMU_PER_MM, el, twips, w
from briefbook.text import clean_line

LIST_STEP = twips(6.35)  # the indent of one list level, as in the numbering (docx_reference)
SIDE_RULE = '<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="A00000"/></w:pBdr>'
PHOTO_MAX_MM = 35.0  # a profile photo is at most this wide (and never wider than natural size)

MISSING_PICTURE = {
    "en": "[Picture not shown: its data could not be read.]",
    "vi": "[Không hiển thị được ảnh: dữ liệu ảnh bị hỏng.]",
}

# Model paragraph styles -> our style keys (outside tables / inside tables).
BODY_STYLES = {"body": "Normal", "label": "Label", "note": "Note", "quote": "Quote"}
CELL_STYLES = {"body": "TableText", "label": "TableHeading", "note": "Note", "quote": "Quote"}
HEADER_CELL_STYLES = {"body": "TableHeading", "label": "TableHeading", "note": "Note", "quote": "Quote"}

_MAY_BE_RTL = RTL_OR_CONTROL.search
_UNKNOWN = object()  # a style key not looked up yet


def starts_rtl(runs: list[Run], known: dict[str, bool] | None = None) -> bool:
    """True if the paragraph of ``runs`` reads from the right (the PDF's rule,
    :func:`~briefbook.render.bidi_text.reads_from_right`: written wholly in a right-to-left
    script), as cheaply as it can be asked of every paragraph of a book: one C scan per
    run, nothing joined unless one may be. ``known``: text -> its answer, kept by the
    caller (a book repeats its lines with an Arabic name; each is read a character at a
    time in Python, once)."""
    for run in runs:
        if _MAY_BE_RTL(run.text) is not None:
            text = "".join(r.text for r in runs)
            if known is None:
                return reads_from_right(text)
            found = known.get(text)
            if found is None:
                found = known[text] = reads_from_right(text)
            return found
    return False


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


class BlockWriter(RunWriter):
    """Appends the XML text of blocks to a list of strings (the body, or a header's).

    ``last_style`` and ``last_kind`` describe the last paragraph or table written at the
    top level (a table's cells do not count): the renderer keeps a short line with the
    heading above it, and puts a small paragraph between two tables, which Word would merge.
    """

    def __init__(
        self, part, styles: StyleIds, numbering: etree._Element, text_width_twips: int, language: str
    ):
        super().__init__(part, styles, language)
        self.numbering = numbering
        self.width = text_width_twips
        self.pending_break = False
        self.last_style: str | None = None  # the style id of the last paragraph (None: Normal, a table)
        self.last_kind: str | None = None  # "p" or "tbl"; None before anything is written
        self._shape_id = 1000
        self._paragraph_styles: dict[str, str] = {}
        self._style_ids: dict[str, str | None] = {}  # our style key -> its id (None: Normal)
        self._directions: dict[str, bool] = {}  # a paragraph's text -> it reads from the right
        nums = {n.get(w("numId")): n for n in numbering.iter(w("num"))}
        self._next_num = max((int(k) for k in nums if k and k.isdigit()), default=0) + 1
        self.bullet_num = styles.num_ids.get(styles.ids["ListBullet"] or "")
        number = nums.get(styles.num_ids.get(styles.ids["ListNumber"] or ""))
        abstract = None if number is None else number.find(w("abstractNumId"))
        self.number_abstract = None if abstract is None else abstract.get(w("val"))

    # -- paragraphs ---------------------------------------------------------

    def paragraph(
        self,
        out: list[str],
        style_key: str | None,
        runs: list[Run] = (),
        num: tuple | None = None,
        side_rule: bool = False,
        from_text: bool = True,
        *,
        keep_next: bool = False,
        indent: int | None = None,
        content: str | None = None,
        rtl: bool | None = None,
        tiny: bool = False,
    ) -> None:
        """A ``w:p`` in our style ``style_key`` (None: Normal), with list numbering ``num``
        = (numId, level) and a page break before it if one is pending; ``side_rule``
        draws a rule at its left (a passage not for release); ``from_text``: right to left
        when the runs start in a right-to-left script (else the book's own direction).

        ``content`` is the paragraph's XML (else ``runs`` are written), ``rtl`` its direction
        when the caller knows it (a heading's, from its bookmarked runs); ``keep_next`` keeps
        it with the next paragraph, ``indent`` (twips) indents it from the left, and ``tiny``
        makes it a 1 pt line (it carries a page break to a table)."""
        if style_key:
            style = self._style_ids.get(style_key, _UNKNOWN)
            if style is _UNKNOWN:  # each key looked up once (StyleIds: names, fallbacks, Normal)
                style = self._style_ids[style_key] = self.styles[style_key]
        else:
            style = None
        left_to_right = False  # known without reading the runs again
        if content is None:
            before = self.mixed_runs
            content = self.runs(runs) if runs else ""
            # Every run drawn by the template's font, which draws no right-to-left letter.
            chain = self._chain if self._chain_of is self.template else None
            left_to_right = self.mixed_runs == before and chain is not None and not chain.draws_rtl
        if rtl is None:
            rtl = from_text and bool(runs) and not left_to_right and starts_rtl(runs, self._directions)
        props = ""
        if style or num or self.pending_break or side_rule or rtl or keep_next or indent or tiny:
            props = self._paragraph_style(style) if style else ""
            if keep_next:
                props += "<w:keepNext/>"
            broken = self.pending_break
            if broken:
                props += "<w:pageBreakBefore/>"
                self.pending_break = False
            if num:
                props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
            if side_rule:
                props += SIDE_RULE
            if rtl:  # read from the right: Word puts its start (and a list's number) there
                props += "<w:bidi/>"
            if tiny:  # one w:spacing (a second one made the file invalid for Word's schema)
                props += (
                    '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
                    '<w:rPr><w:sz w:val="2"/></w:rPr>'
                )
            elif broken:  # at the top of a new page no space above, as in the PDF's layout
                props += '<w:spacing w:before="0"/>'
            if indent:
                props += f'<w:ind w:left="{indent}"/>'
            props = f"<w:pPr>{props}</w:pPr>"
        inner = props + content
        out.append(f"<w:p>{inner}</w:p>" if inner else "<w:p/>")
        self.last_style, self.last_kind = style, "p"

    def _paragraph_style(self, sid: str) -> str:
        found = self._paragraph_styles.get(sid)
        if found is None:
            found = self._paragraph_styles[sid] = f'<w:pStyle w:val="{attr(sid)}"/>'
        return found

    def heading(
        self, out: list[str], style_key: str, name: str, runs: list[Run], char_style: str | None = None
    ) -> None:
        """A paragraph in ``style_key`` holding ``runs`` in the bookmark ``name``; right to left
        when the runs start so (a heading, a profile's name)."""
        content = self.bookmark(name, runs, char_style)
        self.paragraph(out, style_key, content=content, rtl=starts_rtl(runs, self._directions))

    def model_paragraph(self, out: list[str], para: Paragraph, styles=BODY_STYLES, keep_next=False) -> None:
        rule = marked_not_for_release(para.runs, para.origin)
        style = styles.get(para.style, styles["body"])
        own_line = para.style in BOOK_LINE_STYLES  # left to right, as in the PDF
        self.paragraph(out, style, para.runs, side_rule=rule, from_text=not own_line, keep_next=keep_next)

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

    def list_block(self, out: list[str], block: ListBlock, depth: int = 0) -> None:
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
            self.paragraph(out, style, item.runs, num, marked_not_for_release(item.runs, item.origin))
            if item.children and item.children.items:
                self.list_block(out, item.children, depth + 1)
            for part in item.more:  # later paragraphs: body text indented under the item
                if isinstance(part, ListBlock):
                    if part.items:
                        self.list_block(out, part, depth + 1)
                    continue
                rule = marked_not_for_release(part.runs, part.origin or item.origin)
                self.paragraph(out, None, part.runs, side_rule=rule, indent=LIST_STEP * (level + 1))

    # -- tables -------------------------------------------------------------

    def table(self, out: list[str], table: Table) -> None:
        rows = [(row, True) for row in table.header] + [(row, False) for row in table.rows]
        count = max([len(r) for r, _ in rows] + [len(table.widths or []), 1])
        widths = column_widths(count, table.widths, self.width)
        self.table_start(out, widths, "BriefBookTable", header=bool(table.header))
        cell_starts = [f'<w:tc><w:tcPr><w:tcW w:w="{x}" w:type="dxa"/></w:tcPr>' for x in widths]
        for cells, is_header in rows:
            out.append("<w:tr><w:trPr><w:tblHeader/></w:trPr>" if is_header else "<w:tr>")
            styles = HEADER_CELL_STYLES if is_header else CELL_STYLES
            for k in range(count):
                out.append(cell_starts[k])
                paragraphs = cells[k] if k < len(cells) else []
                for para in paragraphs:
                    self.model_paragraph(out, para, styles)
                if not paragraphs:
                    self.paragraph(out, styles["body"])
                out.append("</w:tc>")
            out.append("</w:tr>")
        self.table_end(out)

    def table_start(
        self, out: list[str], widths: list[int], style_key: str | None, header: bool = False, layout=False
    ) -> None:
        """Open a ``w:tbl`` with its properties and grid (close it with :meth:`table_end`);
        ``layout`` makes a borderless table whose first column starts at the text margin
        (for a photo beside text)."""
        if self.pending_break:  # a table cannot start a page by itself: a tiny paragraph does it
            self.paragraph(out, None, tiny=True)
        props = ""
        if style_key and self.styles[style_key]:
            props += f'<w:tblStyle w:val="{attr(self.styles[style_key])}"/>'
        props += f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        if layout:
            props += (
                '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
                '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
            )
        props += '<w:tblLayout w:type="fixed"/>'
        if layout:
            props += (
                '<w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
                f'<w:right w:w="{twips(3)}" w:type="dxa"/></w:tblCellMar>'
            )
        props += (
            f'<w:tblLook w:val="{"0620" if header else "0600"}" w:firstRow="{int(header)}" w:lastRow="0" '
            'w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        )
        grid = "".join(f'<w:gridCol w:w="{x}"/>' for x in widths)
        out.append(f"<w:tbl><w:tblPr>{props}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>")

    def table_end(self, out: list[str]) -> None:
        out.append("</w:tbl>")
        self.last_style, self.last_kind = None, "tbl"

    # -- pictures -----------------------------------------------------------

    def picture_run(self, picture: Picture, max_width_mm: float, description: str) -> str | None:
        """A run showing ``picture``, never larger than natural size; None if Word's image
        reader refuses it."""
        scale = min(1.0, max_width_mm / picture.width_mm)
        cx, cy = round(picture.width_mm * scale * EMU_PER_MM), round(picture.height_mm * scale * EMU_PER_MM)
        related = self.part.get_or_add_image(picture.data)
        if related is None:  # a JPEG without a JFIF or Exif header (see docx_parts.picture_kind)
            return None
        rid, image = related
        self._shape_id += 1
        drawing = drawing_xml(
            self._shape_id, rid, image.filename, max(cx, 1), max(cy, 1), clean_line(description)[:500]
        )
        return f"<w:r>{drawing}</w:r>"

    def missing_picture(self, out: list[str]) -> None:
        words = MISSING_PICTURE.get(self.language.split("-")[0].lower(), MISSING_PICTURE["en"])
        self.paragraph(out, "Note", [Run(words)])
