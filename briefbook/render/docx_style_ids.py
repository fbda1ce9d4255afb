"""Our style keys -> the style ids of the template's reference document, found once by name."""

from __future__ import annotations

from lxml import etree

from briefbook.render.docx_styles import STYLE_NAMES
from briefbook.render.docx_xml import w

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


class StyleIds:
    """Our style keys -> the style ids of the reference document, looked up once by name.

    A reference re-saved by a localised Word may rename ids (``Heading1`` becomes
    ``berschrift1``) but keeps the built-in names (``heading 1``), so names win.
    A missing style falls back to a related one, then to Normal (``None``).
    """

    def __init__(self, styles_element: etree._Element):
        by_name, ids = {}, set()
        name_tag, val = w("name"), w("val")
        for style in styles_element.iter(w("style")):
            sid = style.get(w("styleId"))
            name = style.find(name_tag)
            ids.add(sid)
            if name is not None:
                by_name.setdefault(name.get(val, "").lower(), sid)
        self.ids: dict[str, str | None] = {}
        for key, name in STYLE_NAMES.items():
            found = by_name.get(name.lower()) or (key if key in ids else None)
            self.ids[key] = found
        # The w:num each list style points at (Word may renumber them when it re-saves the file).
        self.num_ids: dict[str, str] = {}
        num_path = f"{w('pPr')}/{w('numPr')}/{w('numId')}"
        for style in styles_element.iter(w("style")):
            num = style.find(num_path)
            if num is not None:
                self.num_ids[style.get(w("styleId"))] = num.get(val)
        for key, other in FALLBACKS.items():
            self.ids[key] = self.ids[key] or self.ids[other]
        self.normal = self.ids["Normal"]  # the default paragraph style needs no w:pStyle

    def __getitem__(self, key: str) -> str | None:
        sid = self.ids.get(key)
        return None if sid == self.normal else sid
