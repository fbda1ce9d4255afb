"""The document model's blocks as reportlab flowables (everything but the page furniture)."""

from __future__ import annotations

import io

from PIL import Image as PILImage
from PIL import ImageOps
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    ImageAndFlowables,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    PageBreakIfNotEmpty,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Image as RLImage

from briefbook.document.model import (
    Contents,
    Cover,
    Document,
    Heading,
    Image,
    ListBlock,
    Profile,
    Reference,
    Run,
    marked_not_for_release,
)
from briefbook.document.model import (
    PageBreak as ModelPageBreak,
)
from briefbook.document.model import (
    Paragraph as ModelParagraph,
)
from briefbook.document.model import (
    Table as ModelTable,
)
from briefbook.render import bidi_lines
from briefbook.render.metrics import fits_one_line
from briefbook.render.pdf_cover import CoverFlowable
from briefbook.render.pdf_flowables import (
    AnchoredParagraph,
    BookParagraph,
    KeepUnlessTaller,
    heading_flowable,
)
from briefbook.render.pdf_fonts import escape, font_name, tint
from briefbook.render.pdf_layout import BookState
from briefbook.text import clean_line

IMAGE_FAILED = "[image could not be shown]"


class SideRule(Flowable):
    """A flowable with a rule in the margin at its left: a passage not for release.

    It splits where the flowable inside splits, so a long passage keeps its rule
    on every page it spans.
    """

    WIDTH = 2.2  # points
    GAP = 3 * mm

    def __init__(self, inner: Flowable, colour: str):
        super().__init__()
        self.inner, self.colour = inner, colour

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        w, h = self.inner.wrap(avail_width - self.GAP, avail_height)
        self.width, self.height = w + self.GAP, h
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return [
            SideRule(part, self.colour) for part in self.inner.split(avail_width - self.GAP, avail_height)
        ]

    # Attributes, not only getSpaceBefore/getSpaceAfter: a list item's indenter (reportlab's
    # LIIndenter) reads the attribute of what it holds, so a passage not for release in a
    # list had no space after it and the next item touched it.
    @property
    def spaceBefore(self) -> float:
        return self.inner.getSpaceBefore()

    @property
    def spaceAfter(self) -> float:
        return self.inner.getSpaceAfter()

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor(self.colour))
        canvas.setLineWidth(self.WIDTH)
        canvas.line(self.WIDTH / 2, 0, self.WIDTH / 2, self.height)
        canvas.restoreState()
        self.inner.drawOn(canvas, self.GAP, 0)


_CELL_STYLES = {"body": "cell", "label": "cellhead", "note": "note", "quote": "cell"}


def build_flowables(state: BookState) -> list[Flowable]:
    """All flowables of the book, each block's first one tagged with the block's index."""
    document = state.document
    out: list[Flowable] = []
    for index, block in enumerate(document.blocks):
        made = _block(state, block, first=not out)
        if made:
            made[0]._bb_block = index
            out.extend(made)
    return out


def starts_with_cover(document: Document) -> bool:
    return bool(document.blocks) and isinstance(document.blocks[0], Cover)


def _block(state: BookState, block, first: bool) -> list[Flowable]:
    if isinstance(block, ModelParagraph):
        para = paragraph(state, block.runs, block.style)
        para.bb_short = fits_one_line("".join(r.text for r in block.runs), state.template)
        return [
            SideRule(para, state.template.banner_colour)
            if marked_not_for_release(block.runs, block.origin)
            else para
        ]
    if isinstance(block, Heading):
        return [heading_flowable(state, block)]
    if isinstance(block, ListBlock):
        return [_list(state, block, 0)] if block.items else []
    if isinstance(block, ModelTable):
        return _table(state, block)
    if isinstance(block, Image):
        return _image_block(state, block)
    if isinstance(block, Profile):
        return _profile(state, block)
    if isinstance(block, Reference):
        return [_reference(state, block)]
    if isinstance(block, ModelPageBreak):
        return [PageBreakIfNotEmpty()]
    if isinstance(block, Contents):
        return _contents(state, block)
    if isinstance(block, Cover):
        state.cover_draft = state.cover_draft or block.draft
        before = [] if first else [PageBreakIfNotEmpty(nextTemplate="cover")]
        return [*before, CoverFlowable(state, block), PageBreak(nextTemplate="body")]
    return []


def paragraph(state: BookState, runs, style: str = "body", dest: str | None = None) -> Paragraph:
    raw = "".join(r.text for r in runs)
    markup = state.markup.runs(runs, base_bold=state.styles.is_bold(style))
    pstyle = state.styles.get(style, raw)
    if dest:
        para = AnchoredParagraph(markup, pstyle)
        para.bb_state, para.bb_dest = state, dest
        return para
    return BookParagraph(markup, pstyle)


_INDENT = 6.5 * mm
BULLETS = ("•", "–", "·")  # list levels 1, 2, 3 (then again); the DOCX's too (docx_reference)


def _rtl_item(item, ordered: bool) -> dict:
    """A list item written in a right-to-left script (bidi_text.reads_from_right) has its bullet or number
    on the right and its text indented from the right (its paragraphs are right-aligned:
    pdf_fonts.Styles.get). A number reads "1." from the right: the full stop on its left."""
    if not bidi_lines.reads_from_right("".join(r.text for r in item.runs)):
        return {}
    extra = {"bulletFormat": ".%s"} if ordered else {}
    return {"bulletDir": "rtl", "bulletAlign": "right", "leftIndent": 0, "rightIndent": _INDENT, **extra}


def _list(state: BookState, block: ListBlock, depth: int) -> ListFlowable:
    size = state.template.body_size
    items = []
    for item in block.items:
        content: list[Flowable] = []
        if item.runs or not (item.children or item.more):
            first: Flowable = paragraph(state, item.runs, "item")
            if marked_not_for_release(item.runs, item.origin):
                first = SideRule(first, state.template.banner_colour)
            content.append(first)
        if item.children is not None and item.children.items:
            content.append(_list(state, item.children, depth + 1))
        for part in item.more:  # the item's later paragraphs, under its text; each list apart
            if isinstance(part, ListBlock):
                if part.items:
                    content.append(_list(state, part, depth + 1))
                continue
            para: Flowable = paragraph(state, part.runs, "item")
            if marked_not_for_release(part.runs, part.origin or item.origin):
                para = SideRule(para, state.template.banner_colour)
            content.append(para)
        items.append(ListItem(content, **_rtl_item(item, block.ordered)))
    common = {
        "leftIndent": _INDENT,
        "bulletDedent": _INDENT,  # the bullet at the indent's outer edge (left, or right)
        "bulletFontName": font_name(state.template.body_font),
        "bulletFontSize": size,
        "bulletColor": colors.HexColor(state.template.accent_colour),
        # The items' own spacing after the list's last item, as in the Word list styles. reportlab
        # gives the last item's indenter the list's spaceAfter, which hides that paragraph's own;
        # and an item ending in a sub-list has none but this (the indenter does not ask the list
        # inside), so with 0 the paragraph after a list touched its last line.
        "spaceAfter": state.styles.get("item").spaceAfter,
    }
    if block.ordered:
        kind = ("1", "a", "i")[depth % 3]
        return ListFlowable(items, bulletType=kind, bulletFormat="%s.", **common)
    return ListFlowable(items, bulletType="bullet", start=BULLETS[depth % 3], **common)


def _table(state: BookState, block: ModelTable) -> list[Flowable]:
    rows = [*block.header, *block.rows]
    ncols = max((len(r) for r in rows), default=0)
    if ncols == 0:
        return []
    nhead = len(block.header)

    def cell(paras: list[ModelParagraph], head: bool) -> list[Flowable] | str:
        return [
            paragraph(state, p.runs, "cellhead" if head else _CELL_STYLES.get(p.style, "cell")) for p in paras
        ] or ""

    data = [[cell(c, i < nhead) for c in r] + [""] * (ncols - len(r)) for i, r in enumerate(rows)]
    rel = (
        block.widths
        if block.widths and len(block.widths) == ncols and all(w > 0 for w in block.widths)
        else [1.0] * ncols
    )
    widths = [state.frame_w * w / sum(rel) for w in rel]
    grid = colors.HexColor("#A8ADB5")
    accent = state.template.accent_colour
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), font_name(state.template.body_font)),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, grid),
        ("BOX", (0, 0), (-1, -1), 0.7, grid),
    ]
    if nhead:
        commands += [
            ("BACKGROUND", (0, 0), (-1, nhead - 1), tint(accent, 0.86)),
            ("LINEBELOW", (0, nhead - 1), (-1, nhead - 1), 0.9, colors.HexColor(accent)),
        ]
    if len(rows) > nhead + 2:
        commands.append(("ROWBACKGROUNDS", (0, nhead), (-1, -1), [colors.white, colors.HexColor("#F5F6F8")]))
    rule = colors.HexColor(state.template.banner_colour)
    for i, r in enumerate(rows):  # a row not for release: a rule at its left, as beside a paragraph
        if any(marked_not_for_release(p.runs, p.origin) for c in r for p in c):
            commands.append(("LINEBEFORE", (0, i), (0, i), SideRule.WIDTH, rule))
    # splitInRow: a row taller than the space left is split inside its cells (at least
    # three lines on each side) instead of failing, so a cell longer than a page still prints.
    table = Table(
        data,
        colWidths=widths,
        repeatRows=nhead,
        splitInRow=state.template.body_size * 3.5,
        style=TableStyle(commands),
        hAlign="LEFT",
    )
    return [table, Spacer(1, state.template.body_size * 0.6)]


def image_flowable(data: bytes | None, max_w: float, max_h: float) -> Flowable | None:
    """An image scaled down (never up) to fit ``max_w`` x ``max_h`` points; None if unreadable."""
    if not data:
        return None
    try:
        with PILImage.open(io.BytesIO(data)) as im:
            im.load()
            dpi = im.info.get("dpi") or (96, 96)
            dpi_x = float(dpi[0]) if 50 <= float(dpi[0]) <= 1200 else 96.0
            dpi_y = float(dpi[1]) if 50 <= float(dpi[1]) <= 1200 else dpi_x
            turned = ImageOps.exif_transpose(im)
            if im.format == "JPEG" and im.mode in ("RGB", "L") and turned is im:
                source, (px_w, px_h) = io.BytesIO(data), im.size
            else:
                if turned is not im:
                    dpi_x, dpi_y = (dpi_y, dpi_x) if turned.size != im.size else (dpi_x, dpi_y)
                alpha = turned.mode in ("RGBA", "LA", "PA") or "transparency" in turned.info
                converted = turned.convert("RGBA" if alpha else "RGB")
                source = io.BytesIO()
                if im.format == "JPEG" and not alpha:
                    converted.save(source, "JPEG", quality=92)
                else:
                    converted.save(source, "PNG")
                source.seek(0)
                px_w, px_h = converted.size
    except Exception:  # any undecodable image: the export goes on without it
        return None
    natural_w, natural_h = px_w * 72.0 / dpi_x, px_h * 72.0 / dpi_y
    if natural_w <= 0 or natural_h <= 0:
        return None
    scale = min(1.0, max_w / natural_w, max_h / natural_h)
    return RLImage(source, width=natural_w * scale, height=natural_h * scale)


def _failed_note(state: BookState) -> Paragraph:
    return BookParagraph(state.markup.text(IMAGE_FAILED), state.styles.get("note"))


def _image_block(state: BookState, block: Image) -> list[Flowable]:
    max_w = min(state.frame_w, max(block.max_width_mm, 1.0) * mm)
    img = image_flowable(block.data, max_w, state.frame_h * 0.8)
    if img is None:
        return [_failed_note(state)]
    img.hAlign = "CENTER"
    parts: list[Flowable] = [img]
    if block.caption:
        parts.append(
            BookParagraph(state.markup.text(block.caption), state.styles.get("caption", block.caption))
        )
    else:
        parts.append(Spacer(1, state.template.body_size * 0.6))
    return [KeepTogether(parts)]


def _profile(state: BookState, block: Profile) -> list[Flowable]:
    name = clean_line(block.name)
    content: list[Flowable] = [paragraph(state, [Run(name)], "profile-name", dest=state.anchor(block))]
    content += [paragraph(state, p.runs, p.style) for p in block.lines]
    photo = None
    if block.photo:
        photo = image_flowable(block.photo, min(32 * mm, state.frame_w * 0.3), 45 * mm)
        if photo is None:
            content.insert(1, _failed_note(state))
    after = Spacer(1, state.template.body_size * 0.8)
    page, line = state.frame_h, state.template.body_size * 1.3  # KeepUnlessTaller
    if photo is None:
        # The name keeps with its first lines (honorific, romanised name, position): a
        # name never ends a page with the person's text overleaf.
        return [KeepUnlessTaller(content[:4], page, line), *content[4:], after]
    # A photo with its text beside it moves whole to the next page rather than leave the
    # name and the top of the photo at the foot of a page (it splits only if taller than a page).
    return [
        KeepUnlessTaller(
            [
                ImageAndFlowables(
                    photo,
                    content,
                    imageSide="left",
                    imageLeftPadding=0,
                    imageRightPadding=5 * mm,
                    imageBottomPadding=3 * mm,
                )
            ],
            page,
            line,
        ),
        after,
    ]


def _reference(state: BookState, block: Reference) -> BookParagraph:
    """A cross-reference line: a live link to its target, a dotted leader and the target's
    page at the right margin (the same forward-referenced page forms as the contents)."""
    raw = "".join(r.text for r in block.runs)
    markup = state.markup.runs(block.runs)
    href = state.markup.href("#" + block.target)
    if href and state.forward_refs:
        markup = f'<a href="{escape(href)}">{markup}</a>'
    index = len(state.toc)
    state.toc.append(block.target)
    # No right indent (as the Word style has none): the page number needs the room of
    # three digits after the text on its last line, or the line wraps (as a right tab does).
    # The marker and the spaces after it are one word with the text's last word (a no-break
    # space before the marker, none after it): after a plain space, reportlab glued the marker
    # to the last word and broke the line before the spaces, so a text that just fitted kept
    # the marker, and the number drawn there, on the margin ("[Counterpart]12").
    markup += f'\u00a0<onDraw name="bbtoc" label="{index}"/>' + "\u00a0" * 8
    para = BookParagraph(markup, state.styles.get("xref", raw))
    para.bb_short = True  # kept with the next line when it follows a heading (pdf_layout)
    return para


def _contents(state: BookState, block: Contents) -> list[Flowable]:
    title = clean_line(block.title) or state.words["contents"]
    out: list[Flowable] = [
        PageBreakIfNotEmpty(),
        BookParagraph(state.markup.text(title, bold=True), state.styles.get("contents-title", title)),
    ]
    for heading in state.document.headings(block.levels):
        level = min(max(heading.level, 1), 3)
        text = clean_line(heading.text)
        index = len(state.toc)
        state.toc.append(state.anchor(heading))
        markup = state.markup.text(text, bold=level == 1)
        if state.forward_refs:
            markup = f'<a href="#{escape(state.anchor(heading))}">{markup}</a>'
        # A space before the marker: reportlab's line breaking fails (IndexError) when a
        # zero-width onDraw fragment directly follows shaped Thai text.
        markup += f' <onDraw name="bbtoc" label="{index}"/>'
        out.append(BookParagraph(markup, state.styles.get(f"toc{level}", text)))
    out.append(PageBreakIfNotEmpty())
    return out
