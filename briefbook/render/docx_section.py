"""The section's properties (``w:sectPr``): page size and margins, headers and footers, title page.

Written as python-docx's section object wrote them: a value set on an element the
template's page setup already holds keeps its place, a missing element goes where the
schema puts it, references to headers and footers come first in the order they are made.
"""

from __future__ import annotations

from lxml import etree

from briefbook.render.docx_parts import R_NS
from briefbook.render.docx_xml import twips, w
from briefbook.render.template import Template

# w:sectPr's children in schema order (after the header and footer references).
_SECT_ORDER = (
    "footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols formProt vAlign "
    "noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings sectPrChange"
).split()
_REFERENCES = ("headerReference", "footerReference")


def _get_or_add(sect: etree._Element, name: str) -> etree._Element:
    found = sect.find(w(name))
    if found is not None:
        return found
    child = etree.SubElement(sect, w(name))
    later = set(_SECT_ORDER[_SECT_ORDER.index(name) + 1 :])
    for i, existing in enumerate(sect):
        if isinstance(existing.tag, str) and etree.QName(existing).localname in later:
            sect.insert(i, child)
            return child
    sect.append(child)
    return child


def page_setup(sect: etree._Element, t: Template) -> None:
    """Page size and margins from the template (twips)."""
    size = _get_or_add(sect, "pgSz")
    size.set(w("w"), str(twips(t.page_width_mm)))
    size.set(w("h"), str(twips(t.page_height_mm)))
    margins = _get_or_add(sect, "pgMar")
    for side, mm in (
        ("top", t.margin_top_mm),
        ("bottom", t.margin_bottom_mm),
        ("left", t.margin_left_mm),
        ("right", t.margin_right_mm),
    ):
        margins.set(w(side), str(twips(mm)))


def set_title_page(sect: etree._Element, on: bool) -> None:
    """A first page with its own header and footer (the cover's), or none."""
    if on:
        _get_or_add(sect, "titlePg").attrib.pop(w("val"), None)
    else:
        for node in sect.findall(w("titlePg")):
            sect.remove(node)


def add_reference(sect: etree._Element, name: str, kind: str, rid: str) -> None:
    """A ``w:headerReference``/``w:footerReference`` of ``kind`` (default, first) to ``rid``,
    after the references already there."""
    position = next(
        (
            i
            for i, existing in enumerate(sect)
            if not (isinstance(existing.tag, str) and etree.QName(existing).localname in _REFERENCES)
        ),
        len(sect),
    )
    ref = etree.SubElement(sect, w(name))  # made in place: it uses the part's own w: and r: prefixes
    ref.set(w("type"), kind)
    ref.set(f"{{{R_NS}}}id", rid)
    sect.insert(position, ref)
