"""Builds a template's ``reference.docx``: styles (see docx_styles), list
numbering, settings, font table and page setup, as pandoc's reference doc.

The package is written from scratch, part by part, so it carries nothing we did
not put there: no theme, no thumbnail, no customXml, no app.xml, empty core
properties and fixed zip dates. ``templates/build_reference_docx.py`` runs
this for every template; the same template always gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from briefbook.render.docx_styles import (
    BULLET_ABSTRACT_ID,
    BULLET_NUM_ID,
    NUMBER_ABSTRACT_ID,
    NUMBER_NUM_ID,
    STYLE_NAMES,
    styles_xml,
)
from briefbook.render.docx_xml import el, font_display_name, relationships_xml, to_bytes, twips, write_zip
from briefbook.render.template import Template

CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# List levels 1, 2, 3 (then again), as the PDF draws them (pdf_blocks.BULLETS); drawn in the
# body font, so each is a character every body face has ("▪" was not in Noto Sans or Serif:
# Word and LibreOffice drew it from whatever font the computer had, or as a box).
BULLETS = ("•", "–", "·")


def numbering_xml(t: Template) -> bytes:
    body = font_display_name(t.body_font)
    root = el(None, "numbering")
    step = twips(6.35)
    bullets = BULLETS * 3
    number_formats = ("decimal", "lowerLetter", "lowerRoman") * 3
    for abstract_id, kind in ((BULLET_ABSTRACT_ID, "bullet"), (NUMBER_ABSTRACT_ID, "number")):
        a = el(root, "abstractNum", abstractNumId=abstract_id)
        el(a, "multiLevelType", val="multilevel")
        for level in range(9):
            lvl = el(a, "lvl", ilvl=level)
            el(lvl, "start", val=1)
            if kind == "bullet":
                el(lvl, "numFmt", val="bullet")
                el(lvl, "lvlText", val=bullets[level])
            else:
                el(lvl, "numFmt", val=number_formats[level])
                el(lvl, "lvlText", val=f"%{level + 1}" + (")" if level % 3 == 1 else "."))
            el(lvl, "lvlJc", val="left")
            p = el(lvl, "pPr")
            el(p, "ind", left=step * (level + 1), hanging=step)
            if kind == "bullet":
                r = el(lvl, "rPr")
                el(r, "rFonts", ascii=body, hAnsi=body, hint="default")
    for num_id, abstract_id in ((BULLET_NUM_ID, BULLET_ABSTRACT_ID), (NUMBER_NUM_ID, NUMBER_ABSTRACT_ID)):
        el(el(root, "num", numId=num_id), "abstractNumId", val=abstract_id)
    return to_bytes(root)


def settings_xml() -> bytes:
    root = el(None, "settings")
    el(root, "zoom", percent=100)
    el(root, "defaultTabStop", val=twips(10))
    el(root, "characterSpacingControl", val="doNotCompress")
    compat = el(root, "compat")
    el(
        compat,
        "compatSetting",
        name="compatibilityMode",
        uri="http://schemas.microsoft.com/office/word",
        val=15,
    )
    return to_bytes(root)


def font_table_xml(t: Template) -> bytes:
    root = el(None, "fonts")
    for family in dict.fromkeys((t.body_font, t.heading_font, t.thai_font)):
        f = el(root, "font", name=font_display_name(family))
        el(f, "charset", val="00")
        el(f, "family", val="roman" if "Serif" in family else "swiss")
        el(f, "pitch", val="variable")
    return to_bytes(root)


def section_properties(parent, t: Template):
    """The page setup of ``t`` as a ``w:sectPr`` (headers are added by the renderer)."""
    sect = el(parent, "sectPr")
    el(sect, "pgSz", w=twips(t.page_width_mm), h=twips(t.page_height_mm))
    el(
        sect,
        "pgMar",
        top=twips(t.margin_top_mm),
        right=twips(t.margin_right_mm),
        bottom=twips(t.margin_bottom_mm),
        left=twips(t.margin_left_mm),
        header=twips(min(12.0, t.margin_top_mm * 0.45)),
        footer=twips(min(12.0, t.margin_bottom_mm * 0.45)),
        gutter=0,
    )
    el(sect, "cols", space=twips(10))
    return sect


def document_xml(t: Template) -> bytes:
    """A specimen page showing every style, so the file makes sense when opened in Word."""
    root = el(None, "document")
    body = el(root, "body")

    def p(style, text, num=None):
        para = el(body, "p")
        pp = el(para, "pPr")
        el(pp, "pStyle", val=style)
        if num is not None:
            numpr = el(pp, "numPr")
            el(numpr, "ilvl", val=num)
            el(numpr, "numId", val=NUMBER_NUM_ID)
        run = el(para, "r")
        el(run, "t").text = text

    p("Title", "BriefBook reference styles")
    p("Subtitle", f"Template: {t.name}")
    p("Heading1", "Heading 1")
    p("Normal", "Body text in the Normal style. Tiếng Việt có dấu. ภาษาไทย.")
    p("Heading2", "Heading 2")
    p("Label", "Label")
    for style in ("ListBullet", "ListBullet2", "ListNumber", "ListNumber2"):
        p(style, STYLE_NAMES[style])
    p("Heading3", "Heading 3")
    p("Quote", "A quoted prior statement.")
    p("Note", "A note: sources and remarks.")
    p("Caption", "Caption")
    section_properties(body, t)
    return to_bytes(root)


def core_xml() -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        b' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        b' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
    )


def _content_types() -> bytes:
    ns = "http://schemas.openxmlformats.org/package/2006/content-types"
    root = etree.Element(f"{{{ns}}}Types", nsmap={None: ns})
    etree.SubElement(
        root,
        f"{{{ns}}}Default",
        Extension="rels",
        ContentType="application/vnd.openxmlformats-package.relationships+xml",
    )
    etree.SubElement(root, f"{{{ns}}}Default", Extension="xml", ContentType="application/xml")
    for part, kind in (
        ("/word/document.xml", f"{CT_MAIN}.document.main+xml"),
        ("/word/styles.xml", f"{CT_MAIN}.styles+xml"),
        ("/word/numbering.xml", f"{CT_MAIN}.numbering+xml"),
        ("/word/settings.xml", f"{CT_MAIN}.settings+xml"),
        ("/word/fontTable.xml", f"{CT_MAIN}.fontTable+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    ):
        etree.SubElement(root, f"{{{ns}}}Override", PartName=part, ContentType=kind)
    return to_bytes(root)


def reference_members(t: Template) -> list[tuple[str, bytes]]:
    """The parts of ``t``'s reference.docx, as (zip member name, bytes)."""
    return [
        ("[Content_Types].xml", _content_types()),
        (
            "_rels/.rels",
            relationships_xml(
                [
                    ("rId1", f"{RT}/officeDocument", "word/document.xml"),
                    (
                        "rId2",
                        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                        "docProps/core.xml",
                    ),
                ]
            ),
        ),
        ("docProps/core.xml", core_xml()),
        ("word/document.xml", document_xml(t)),
        (
            "word/_rels/document.xml.rels",
            relationships_xml(
                [
                    ("rId1", f"{RT}/styles", "styles.xml"),
                    ("rId2", f"{RT}/numbering", "numbering.xml"),
                    ("rId3", f"{RT}/settings", "settings.xml"),
                    ("rId4", f"{RT}/fontTable", "fontTable.xml"),
                ]
            ),
        ),
        ("word/styles.xml", styles_xml(t)),
        ("word/numbering.xml", numbering_xml(t)),
        ("word/settings.xml", settings_xml()),
        ("word/fontTable.xml", font_table_xml(t)),
    ]


def build_reference_docx(t: Template) -> bytes:
    """The bytes of ``t``'s reference.docx (deterministic: same template, same bytes)."""
    out = io.BytesIO()
    write_zip(out, reference_members(t), compresslevel=9)
    return out.getvalue()


def is_up_to_date(t: Template, path: Path | None = None) -> bool:
    """True if the reference.docx at ``path`` (default: the template's) holds exactly the
    parts :func:`reference_members` makes. Compares contents, not zip bytes, which may
    differ between zlib builds."""
    path = path or t.reference_docx
    try:
        with zipfile.ZipFile(path) as archive:
            current = {name: archive.read(name) for name in archive.namelist()}
    except (OSError, zipfile.BadZipFile):
        return False
    return current == dict(reference_members(t))
