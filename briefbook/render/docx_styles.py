"""The Word styles of a template's ``reference.docx`` (``styles.xml``), made
from its template.json: fonts, sizes, colours, spacing, and the outline levels
that Word's navigation pane and TOC field use.

A user may restyle the file in Word afterwards; the renderer looks styles up
by their names, so a re-saved (even localised) file keeps working.

Fonts are set in all four ``w:rFonts`` slots: Latin (``ascii``/``hAnsi``, which
covers Vietnamese), East Asian, and complex script (``cs``: Thai). Sizes and
bold are doubled into ``szCs``/``bCs`` so that Thai text follows the style.
"""

from __future__ import annotations

from briefbook.render.docx_xml import el, font_display_name, ppr, rpr, to_bytes, twips
from briefbook.render.font_chain import CODE_FONT
from briefbook.render.metrics import spacing
from briefbook.render.template import Template

# Style ids the renderer expects; the renderer finds them by *name* (the second
# column), so a reference saved by a localised Word still works.
STYLE_NAMES = {
    "Normal": "Normal",
    "Title": "Title",
    "Subtitle": "Subtitle",
    "Heading1": "heading 1",
    "Heading2": "heading 2",
    "Heading3": "heading 3",
    "Heading4": "heading 4",
    "ListBullet": "List Bullet",
    "ListBullet2": "List Bullet 2",
    "ListNumber": "List Number",
    "ListNumber2": "List Number 2",
    "Caption": "caption",
    "Figure": "Figure",
    "Quote": "Quote",
    "Label": "Label",
    "Note": "Note",
    "Small": "Small",
    "Banner": "Banner",
    "Header": "header",
    "Footer": "footer",
    "TOCHeading": "TOC Heading",
    "TOC1": "toc 1",
    "TOC2": "toc 2",
    "TOC3": "toc 3",
    "TableText": "Table Text",
    "TableHeading": "Table Heading",
    "ProfileName": "Profile Name",
    "Reference": "Cross Reference",
    "CoverText": "Cover Text",
    "CoverClassification": "Cover Classification",
    "CoverDetails": "Cover Details",
    "Hyperlink": "Hyperlink",
    "DraftMark": "Draft Mark",
    "Code": "Code",
    "RunningHead": "Running Head",
    "BriefBookTable": "BriefBook Table",
}

BULLET_NUM_ID = 1  # w:num of the bullet lists (List Bullet, List Bullet 2)
NUMBER_NUM_ID = 2  # w:num of the numbered lists; the renderer adds one w:num per list
BULLET_ABSTRACT_ID = 10
NUMBER_ABSTRACT_ID = 20


def text_width_mm(t: Template) -> float:
    return t.page_width_mm - t.margin_left_mm - t.margin_right_mm


def tint(colour: str, amount: float = 0.86) -> str:
    """``colour`` mixed with white (``amount`` of white): the table header shading."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)


def _style(
    root,
    kind,
    style_id,
    based_on="Normal",
    next_id=None,
    custom=True,
    priority=None,
    default=False,
    name=None,
    hidden=False,
):
    """A ``w:style`` with its children in schema order, up to ``qFormat``."""
    s = el(
        root,
        "style",
        type_=kind,
        default="1" if default else None,
        customStyle="1" if custom else None,
        styleId=style_id,
    )
    el(s, "name", val=name or STYLE_NAMES.get(style_id, style_id))
    if based_on and style_id != based_on:
        el(s, "basedOn", val=based_on)
    if next_id:
        el(s, "next", val=next_id)
    if priority is not None:
        el(s, "uiPriority", val=priority)
    if hidden:
        el(s, "semiHidden")
        el(s, "unhideWhenUsed")
    else:
        el(s, "qFormat")
    return s


def styles_xml(t: Template, language: str = "en-GB") -> bytes:
    body, head, thai = (font_display_name(f) for f in (t.body_font, t.heading_font, t.thai_font))
    accent, banner, muted = t.accent_colour, t.banner_colour, t.muted_colour
    h1, h2, h3 = t.heading_sizes
    bs, ss = t.body_size, t.small_size
    width = twips(text_width_mm(t))
    cover_jc = "center" if t.cover_align == "center" else "left"
    # The title sits about a fifth of the way down the text area (points).
    cover_drop = round((t.page_height_mm - t.margin_top_mm - t.margin_bottom_mm) * 0.2 * 72 / 25.4)
    root = el(None, "styles")

    defaults = el(root, "docDefaults")
    rpr_default = rpr(el(defaults, "rPrDefault"), font=body, cs_font=thai, size=bs)
    el(rpr_default, "lang", val=language, bidi="th-TH")
    el(el(defaults, "pPrDefault"), "pPr")

    sp = spacing(t)
    normal = _style(root, "paragraph", "Normal", based_on=None, custom=False, default=True)
    ppr(normal, before=0, after=round(sp["body"][1], 1), line=240)
    hidden_default = {"based_on": None, "custom": False, "default": True, "hidden": True}
    _style(
        root, "character", "DefaultParagraphFont", priority=1, name="Default Paragraph Font", **hidden_default
    )
    s = _style(root, "table", "TableNormal", priority=99, name="Normal Table", **hidden_default)
    tbl = el(s, "tblPr")
    el(tbl, "tblInd", w=0, type_="dxa")
    mar = el(tbl, "tblCellMar")
    for side, value in (("top", 0), ("left", 108), ("bottom", 0), ("right", 108)):
        el(mar, side, w=value, type_="dxa")
    _style(root, "numbering", "NoList", priority=99, name="No List", **hidden_default)

    def para(style_id, based_on="Normal", next_id=None, custom=True, priority=None, p=None, r=None):
        s = _style(root, "paragraph", style_id, based_on, next_id, custom, priority)
        ppr(s, **(p or {}))
        if r is not None:
            rpr(s, **r)
        return s

    heading_font = {"font": head, "cs_font": thai}
    para(
        "Title",
        next_id="Normal",
        custom=False,
        priority=10,
        p={"keep_next": True, "keep_lines": True, "before": cover_drop, "after": 12, "jc": cover_jc},
        r={**heading_font, "size": t.title_size, "bold": True, "colour": accent},
    )
    para(
        "Subtitle",
        next_id="Normal",
        custom=False,
        priority=11,
        p={"keep_next": True, "after": 18, "jc": cover_jc},
        r={**heading_font, "size": h2, "colour": muted},
    )
    # Heading 3: a meeting brief's sub-sections; Heading 4: a person's name (between the
    # text and the sub-sections). Both real headings with outline levels, so
    # the Navigation Pane, screen readers and converters see the brief's structure.
    # Spacing comes from the table the PDF's styles use (render/metrics.py): the same
    # lines on the same pages, so the contents' page numbers hold in both formats.
    h3, h4 = max(h3, bs + 1), bs + 0.5
    border = 2.75  # Heading 1's rule below it (0.75 pt line, 2 pt away) is taken from its space after
    for level, (size, before, after) in enumerate(
        (
            (h1, sp["h1"][0], sp["h1"][1] - border),
            (h2, *sp["h2"]),
            (h3, *sp["h3"]),
            (h4, *sp["h4"]),
        )
    ):
        para(
            f"Heading{level + 1}",
            next_id="Normal",
            custom=False,
            priority=9,
            p={
                "keep_next": True,
                "keep_lines": True,
                "border": ("bottom", 6, accent, 2) if level == 0 else None,
                "before": round(before, 1),
                "after": round(after, 1),
                "outline": level,
            },
            r={**heading_font, "size": size, "bold": True, "colour": accent},
        )
    for style_id, num, level in (
        ("ListBullet", BULLET_NUM_ID, 0),
        ("ListBullet2", BULLET_NUM_ID, 1),
        ("ListNumber", NUMBER_NUM_ID, 0),
        ("ListNumber2", NUMBER_NUM_ID, 1),
    ):
        para(style_id, custom=False, p={"num": (num, level), "after": round(sp["item"][1], 1)})
    para("Figure", next_id="Caption", p={"keep_next": True, "before": 4, "after": 2, "jc": "center"})
    para(
        "Caption",
        next_id="Normal",
        custom=False,
        priority=35,
        p={"before": 2, "after": round(bs * 0.9, 1), "jc": "center"},
        r={"size": ss, "italic": True, "colour": muted},
    )
    para(
        "Quote",
        next_id="Normal",
        custom=False,
        priority=29,
        p={
            "border": ("left", 18, accent, 8),
            "before": round(sp["quote"][0], 1),
            "after": round(sp["quote"][1], 1),
            "indent": (twips(8), 0, twips(6)),
        },
        r={"italic": True},
    )
    para(
        "Label",
        next_id="Normal",
        p={"keep_next": True, "before": round(sp["label"][0], 1), "after": round(sp["label"][1], 1)},
        r={**heading_font, "size": h3, "bold": True, "colour": accent},
    )
    para("Note", p={"after": round(sp["note"][1], 1)}, r={"size": ss, "colour": muted})
    para("Small", r={"size": ss})
    para(
        "Banner",
        p={"before": 0, "after": 0, "jc": "center"},
        r={**heading_font, "size": bs, "bold": True, "colour": banner},
    )
    for style_id, extra in (("Header", {"tabs": (("right", width, None),)}), ("Footer", {"jc": "center"})):
        para(
            style_id,
            custom=False,
            priority=99,
            p={"before": 0, "after": 0, **extra},
            r={**heading_font, "size": ss, "colour": muted},
        )
    para(
        "TOCHeading",
        next_id="Normal",
        custom=False,
        priority=39,
        p={"keep_next": True, "before": 0, "after": round(h1 * 0.8, 1)},
        r={**heading_font, "size": h1, "bold": True, "colour": accent},
    )
    dots = (("right", width, "dot"),)
    para(
        "TOC1",
        next_id="Normal",
        custom=False,
        priority=39,
        p={"tabs": dots, "before": 5, "after": 2},
        r={"bold": True},
    )
    para(
        "TOC2",
        next_id="Normal",
        custom=False,
        priority=39,
        p={"tabs": dots, "after": 2, "indent": (twips(6), 0, 0)},
    )
    para(
        "TOC3",
        next_id="Normal",
        custom=False,
        priority=39,
        p={"tabs": dots, "after": 1, "indent": (twips(12), 0, 0)},
    )
    para(  # a cross-reference: text, dotted leader, the target's page (PAGEREF) at the right
        "Reference",
        p={"tabs": dots, "after": round(sp["xref"][1], 1)},
    )
    table_size = max(ss, bs - 1)
    para("TableText", p={"before": 1, "after": 1, "line": 240}, r={"size": table_size})
    para(
        "TableHeading",
        based_on="TableText",
        p={"keep_next": True},
        r={**heading_font, "size": table_size, "bold": True},
    )
    para(
        "ProfileName",
        next_id="Normal",
        p={"keep_next": True, "after": 3},
        r={**heading_font, "size": h4, "bold": True, "colour": accent},
    )
    # Contextual spacing: only the first of a run of same-styled cover lines gets the gap above it.
    para("CoverText", p={"after": 6, "jc": cover_jc}, r={"size": bs + 3})
    para(
        "CoverClassification",
        p={"before": 18, "after": 6, "contextual": True, "jc": cover_jc},
        r={**heading_font, "size": h2, "bold": True, "colour": banner},
    )
    para(
        "CoverDetails",
        p={"before": round(cover_drop * 0.4), "after": 2, "contextual": True, "jc": cover_jc},
        r={"colour": muted},
    )

    s = _style(root, "character", "Hyperlink", "DefaultParagraphFont", custom=False, priority=99)
    rpr(s, colour=accent, underline=True)
    # No look of its own: it marks the titles the running header's STYLEREF field shows.
    _style(root, "character", "RunningHead", "DefaultParagraphFont")
    s = _style(root, "character", "DraftMark", "DefaultParagraphFont")
    rpr(s, **heading_font, bold=True, colour=banner)
    # Inline code: its runs name their fonts (the monospace one, a script's font for what it
    # lacks), and the style says "code" for what those fonts cannot: a Lao or Thai stretch in
    # code is code too, for a reader (our Word import) and for a user restyling it in Word.
    s = _style(root, "character", "Code", "DefaultParagraphFont")
    rpr(s, font=font_display_name(CODE_FONT))

    s = _style(root, "table", "BriefBookTable", "TableNormal", priority=59)
    ppr(s, before=0, after=0)
    tbl = el(s, "tblPr")
    borders = el(tbl, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el(borders, side, val="single", sz=4, space=0, color="A6A6A6")
    mar = el(tbl, "tblCellMar")
    for side, value in (("top", 28), ("left", 85), ("bottom", 28), ("right", 85)):
        el(mar, side, w=value, type_="dxa")
    first = el(s, "tblStylePr", type_="firstRow")
    rpr(first, bold=True, colour=accent)
    el(el(first, "tcPr"), "shd", val="clear", color="auto", fill=tint(accent))
    return to_bytes(root)
