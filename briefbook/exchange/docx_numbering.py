"""Which paragraphs of a Word document are list items, at which level, numbered or bulleted.

Word keeps a list item's marker apart from its text: the paragraph (or its style,
or a style that style is based on) names a numbering instance (``w:numPr``: a
``w:numId`` and a level ``w:ilvl``), and ``word/numbering.xml`` says what each
level of that instance shows (``w:numFmt``: ``bullet``, ``decimal``,
``lowerLetter`` …), through its abstract definition, a level override, or a
numbering style's link. Word's own numbered lists, and every list LibreOffice
writes, are styled "List Paragraph" or "Text Body": their kind is in
numbering.xml alone, so reading the style's name took every one of them for
bullets. ``w:numId`` 0 switches off the numbering a style gives.

The style-based kind ("List Bullet 2", "List Number 3") is level 0 of a list of
its own, indented further: its level is in its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_UNNUMBERED = frozenset({"bullet", "none", ""})
_MAX_LEVEL = 8  # Word's levels are 0-8; a larger value is a damaged or hostile file


@dataclass(frozen=True)
class ListLevel:
    """A list paragraph's level (0: the outermost) and whether its marker is a number or letter."""

    level: int
    ordered: bool


class Numbering:
    """A document's numbering definitions, read once, asked once per paragraph."""

    def __init__(self, document) -> None:
        self._formats: dict[tuple[str, int], str] = {}
        self._by_style: dict[str, tuple[str | None, int | None]] = {}
        self._styles = document.styles.element if document is not None else None
        root = _numbering_root(document)
        if root is None:
            return
        abstract: dict[str, dict[int, str]] = {}
        links: dict[str, str] = {}  # abstractNumId -> the numbering style it takes its levels from
        for definition in root.iterfind(_W + "abstractNum"):
            key = definition.get(_W + "abstractNumId") or ""
            abstract[key] = _level_formats(definition)
            link = definition.find(_W + "numStyleLink")
            if link is not None and link.get(_W + "val"):
                links[key] = link.get(_W + "val")
        instances: dict[str, tuple[str, dict[int, str]]] = {}
        for instance in root.iterfind(_W + "num"):
            ref = instance.find(_W + "abstractNumId")
            overrides: dict[int, str] = {}
            for override in instance.iterfind(_W + "lvlOverride"):
                level = override.find(_W + "lvl")
                if level is not None:
                    overrides.update(_level_formats_of([level], _level(override.get(_W + "ilvl"))))
            instances[instance.get(_W + "numId") or ""] = (
                ref.get(_W + "val") if ref is not None else "",
                overrides,
            )
        for num_id, (abstract_id, overrides) in instances.items():
            levels = dict(abstract.get(abstract_id, {}))
            if abstract_id in links:  # levels defined by a numbering style: follow it once
                linked = self._style_num_id(links[abstract_id])
                if linked and linked in instances:
                    levels = dict(abstract.get(instances[linked][0], {})) | levels
            levels.update(overrides)
            for level, fmt in levels.items():
                self._formats[(num_id, level)] = fmt

    def of(self, paragraph, style) -> ListLevel | None:
        """The paragraph's list level, or None when it is not a list item (``style``: its
        paragraph style, which python-docx finds by a search of the styles at each ask)."""
        name = ((style.name if style is not None else "") or "").lower()
        num_id, level = _num_pr(paragraph._p.find(f"{_W}pPr/{_W}numPr"))
        key = style.style_id if style is not None else ""
        if key not in self._by_style:  # (a style's chain is walked once: each step is a search too)
            self._by_style[key] = self._style_numbering(style)
        style_num, style_level = self._by_style[key]
        num_id = num_id if num_id is not None else style_num
        if num_id == "0":  # numbering switched off for this paragraph
            return None
        if level is None:
            level = style_level
        if num_id is None and "list" not in name:
            return None
        word_level = level or 0  # the level whose marker Word draws
        if level is None:  # "List Bullet 2": level 0 of a list of its own, its depth in its name
            digits = re.findall(r"\d+", name)
            level = int(digits[0]) - 1 if digits and "list" in name else 0
        level = max(0, min(level, _MAX_LEVEL))
        fmt = self._formats.get((num_id or "", word_level))
        ordered = fmt not in _UNNUMBERED if fmt is not None else "number" in name
        return ListLevel(level, ordered)

    def _style_numbering(self, style) -> tuple[str | None, int | None]:
        """The numId and level a paragraph style (or one it is based on) gives, nearest first."""
        num_id = level = None
        seen = 0
        while style is not None and seen < 20:
            found_id, found_level = _num_pr(style.element.find(f"{_W}pPr/{_W}numPr"))
            num_id = num_id if num_id is not None else found_id
            level = level if level is not None else found_level
            style = style.base_style
            seen += 1
        return num_id, level

    def _style_num_id(self, style_id: str) -> str | None:
        if self._styles is None:
            return None
        for style in self._styles.iterfind(_W + "style"):
            if style.get(_W + "styleId") == style_id:
                return _num_pr(style.find(f"{_W}pPr/{_W}numPr"))[0]
        return None


def _numbering_root(document):
    """numbering.xml's root element, or None; read without making one (python-docx's
    ``numbering_part`` adds an empty part to a document that has none)."""
    if document is None:
        return None
    for rel in document.part.rels.values():
        if rel.reltype == _NUMBERING and not rel.is_external:
            return getattr(rel.target_part, "element", None)
    return None


def _num_pr(num_pr) -> tuple[str | None, int | None]:
    if num_pr is None:
        return None, None
    num_id = num_pr.find(_W + "numId")
    level = num_pr.find(_W + "ilvl")
    return (
        num_id.get(_W + "val") if num_id is not None else None,
        _level(level.get(_W + "val")) if level is not None else None,
    )


def _level(value: str | None) -> int:
    try:
        return max(0, min(int(value or 0), _MAX_LEVEL))
    except ValueError:
        return 0


def _level_formats(definition) -> dict[int, str]:
    return _level_formats_of(definition.iterfind(_W + "lvl"), None)


def _level_formats_of(levels, default: int | None) -> dict[int, str]:
    out: dict[int, str] = {}
    for lvl in levels:
        level = _level(lvl.get(_W + "ilvl")) if lvl.get(_W + "ilvl") is not None else (default or 0)
        fmt = lvl.find(_W + "numFmt")
        out[level] = (fmt.get(_W + "val") or "") if fmt is not None else ""
    return out
