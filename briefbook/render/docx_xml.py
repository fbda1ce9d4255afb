"""Small WordprocessingML helpers shared by the DOCX renderer and the
reference.docx builder: namespaces, units, an element builder, and a
deterministic package writer.

Everything here is plain lxml; nothing reads the environment, so the same
input always gives the same bytes.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from typing import IO

from lxml import etree

from briefbook.render.zip_writer import Deflated, write_members

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Every zip member gets this date, so the file says nothing about when or
# where it was made (and two renders of the same book are byte-identical).
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

TWIPS_PER_MM = 1440 / 25.4
EMU_PER_MM = 36000


def w(name: str) -> str:
    """Clark name of a ``w:`` element or attribute: ``w("p")`` -> ``{...main}p``."""
    return f"{{{W_NS}}}{name}"


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def half_points(pt: float) -> str:
    return str(round(pt * 2))


def font_display_name(family: str) -> str:
    """Template family id to the name Word knows: ``NotoSansThai`` -> ``Noto Sans Thai``."""
    return re.sub(r"(?<=[a-z])(?=[A-Z0-9])", " ", family)


def el(parent: etree._Element | None, tag: str, /, **attrs: object) -> etree._Element:
    """Make ``w:tag`` (under ``parent`` if given) with ``w:`` attributes.

    A trailing underscore in an attribute name is dropped (``val_`` -> ``w:val``
    is not needed, but ``type_`` reads better than ``type``). ``None`` values
    are skipped.
    """
    attrib = {w(k.rstrip("_")): str(v) for k, v in attrs.items() if v is not None}
    if parent is None:
        return etree.Element(w(tag), attrib, nsmap={"w": W_NS, "r": R_NS})
    return etree.SubElement(parent, w(tag), attrib)


def insert_in_order(parent: etree._Element, child: etree._Element, later: Iterable[str]) -> None:
    """Insert ``child`` into ``parent`` before the first child whose local name is in
    ``later`` (the elements the schema puts after it); a same-named child is replaced."""
    later = set(later)
    for old in parent.findall(child.tag):
        parent.remove(old)
    for i, existing in enumerate(parent):
        if isinstance(existing.tag, str) and etree.QName(existing).localname in later:
            parent.insert(i, child)
            return
    parent.append(child)


def zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 0
    info.external_attr = 0
    return info


def write_zip(fh: IO[bytes], members: Iterable[tuple[str, bytes | Deflated]], compresslevel: int = 6) -> None:
    """Write ``(name, data)`` members to ``fh`` as a zip with fixed dates, deflated at
    ``compresslevel`` (zlib's 1-9); a :class:`~briefbook.render.zip_writer.Deflated` member (a
    font part kept deflated, :mod:`briefbook.render.font_cache`) is written as it is. The bytes
    are those :mod:`zipfile` writes for :func:`zip_info` members at that level."""
    write_members(fh, members, ZIP_DATE, compresslevel)


def to_bytes(element: etree._Element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def relationships_xml(rels: list[tuple[str, str, str]]) -> bytes:
    """A package relationships part holding ``(id, type, target)`` rows: internal targets only."""
    ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    root = etree.Element(f"{{{ns}}}Relationships", nsmap={None: ns})
    for rid, kind, target in rels:
        etree.SubElement(root, f"{{{ns}}}Relationship", Id=rid, Type=kind, Target=target)
    return to_bytes(root)


def rpr(parent, font=None, cs_font=None, size=None, bold=False, italic=False, colour=None, underline=False):
    """A ``w:rPr`` in schema order (rFonts, b, bCs, i, iCs, color, sz, szCs, u)."""
    r = el(parent, "rPr")
    if font:
        el(r, "rFonts", ascii=font, hAnsi=font, eastAsia=font, cs=cs_font or font)
    if bold:
        el(r, "b")
        el(r, "bCs")
    if italic:
        el(r, "i")
        el(r, "iCs")
    if colour:
        el(r, "color", val=colour.lstrip("#"))
    if size:
        el(r, "sz", val=half_points(size))
        el(r, "szCs", val=half_points(size))
    if underline:
        el(r, "u", val="single")
    return r


def ppr(
    parent,
    keep_next=False,
    keep_lines=False,
    num=None,
    border=None,
    tabs=(),
    before=None,
    after=None,
    line=None,
    indent=None,
    contextual=False,
    jc=None,
    outline=None,
):
    """A ``w:pPr`` in schema order. Spacing in points, indent as (left, hanging, right) twips."""
    p = el(parent, "pPr")
    if keep_next:
        el(p, "keepNext")
    if keep_lines:
        el(p, "keepLines")
    el(p, "widowControl")
    if num:
        numpr = el(p, "numPr")
        el(numpr, "ilvl", val=num[1])
        el(numpr, "numId", val=num[0])
    if border:
        side, size_eighths, colour, space = border
        bdr = el(p, "pBdr")
        el(bdr, side, val="single", sz=size_eighths, space=space, color=colour.lstrip("#"))
    if tabs:
        t = el(p, "tabs")
        for kind, pos, leader in tabs:
            el(t, "tab", val=kind, leader=leader, pos=pos)
    if before is not None or after is not None or line is not None:
        el(
            p,
            "spacing",
            before=None if before is None else round(before * 20),
            after=None if after is None else round(after * 20),
            line=line,
            lineRule="auto" if line else None,
        )
    if indent:
        left, hanging, right = indent
        el(p, "ind", left=left, right=right or None, hanging=hanging or None)
    if contextual:
        el(p, "contextualSpacing")
    if jc:
        el(p, "jc", val=jc)
    if outline is not None:
        el(p, "outlineLvl", val=outline)
    return p
