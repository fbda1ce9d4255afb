"""Reading a Word document someone sent: bounded, then its paragraphs as Markdown with their role.

A .docx is a zip: before python-docx parses it we check the file's size and
every part's declared size (zipfile never inflates a part past its declared
size, so the check bounds memory). Text keeps bold, italic, links and code (a run in a
monospace font: backticks) as Markdown; list paragraphs say their level and kind
(:mod:`.docx_numbering`); headings say theirs.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from briefbook.errors import BriefBookError
from briefbook.exchange.docx_numbering import Numbering
from briefbook.exchange.limits import megabytes, read_file
from briefbook.markdown_code import code_span

MAX_DOCX = 50 << 20
MAX_UNPACKED = 200 << 20
MAX_PARTS = 5_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_TILDES = re.compile(r"~{2,}")
_SAFE_LINK = re.compile(r"^(https?://|mailto:)[^\s()<>]+$", re.I)


@dataclass
class DocParagraph:
    """One paragraph: Markdown text, heading level (0: none), list level (None: not a list item)."""

    markdown: str
    plain: str
    heading: int = 0
    list_level: int | None = None
    ordered: bool = False
    caption: bool = False
    hidden: str = ""  # its hidden text (Word's Font → Hidden), left out of ``markdown`` and ``plain``


def open_docx(path: str | Path):
    """The python-docx Document, or a clear refusal (too big, not a Word file, damaged)."""
    import docx

    path = Path(path)
    data = read_file(path, MAX_DOCX, f"The document {path.name}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise BriefBookError(
            f"{path.name} is not a Word document (.docx); BriefBook cannot read it."
        ) from None
    infos = archive.infolist()
    if len(infos) > MAX_PARTS or sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise BriefBookError(
            f"{path.name} unpacks to more than {megabytes(MAX_UNPACKED)}; BriefBook does not read it."
        )
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged file
        raise BriefBookError(
            f"{path.name} is damaged or not a Word document ({type(exc).__name__})."
        ) from None


def paragraphs(document) -> list[DocParagraph]:
    """The document's paragraphs in order: table cells included (each cell's paragraphs in turn,
    nested tables too), and those inside content controls and text boxes."""
    out: list[DocParagraph] = []
    numbering = Numbering(document)
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def cell_paragraphs(element) -> list[DocParagraph]:
        read: list[DocParagraph] = []
        for block in _blocks(element):
            if block.tag == _W + "p":
                read += [_paragraph(Paragraph(block, document), numbering), *boxes(block)]
            else:  # a table inside the cell
                cells = [cell for row in Table(block, document).rows for cell in row.cells]
                read += [p for cell in cells for p in cell_paragraphs(cell._tc)]
        return read

    def boxes(paragraph_element) -> list[DocParagraph]:
        return [p for box in _text_boxes(paragraph_element) for p in cell_paragraphs(box)]

    for block in _blocks(document.element.body):
        if block.tag == _W + "p":
            out.append(_paragraph(Paragraph(block, document), numbering))
            out += boxes(block)  # a text box's text, after the paragraph it is anchored in
        else:
            for row in Table(block, document).rows:
                cells, hidden = [], []
                for cell in row.cells:
                    read = cell_paragraphs(cell._tc)
                    text = " ".join(p.markdown for p in read).strip()
                    if text and text not in cells:
                        cells.append(text)
                    hidden += [p.hidden for p in read if p.hidden and p.hidden not in hidden]
                if cells or hidden:
                    joined = " — ".join(cells)
                    out.append(DocParagraph(joined, joined, hidden=" ".join(hidden)))
    # A paragraph of hidden text alone is kept (without text) so that the import can say so.
    return [p for p in out if p.plain.strip() or p.hidden]


# Holders of whole paragraphs and tables: a template's content controls (a "Talking points"
# box), custom XML and tracked insertions of whole paragraphs. Word shows what they hold, so a
# reader that looked only at the body's own paragraphs dropped it without a word.
_BLOCK_HOLDERS = frozenset(_W + tag for tag in ("sdt", "sdtContent", "customXml", "ins", "moveTo"))
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _blocks(element):
    """The paragraphs and tables of a body, cell or text box in reading order, holders opened."""
    for child in element.iterchildren():
        if child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif child.tag in _BLOCK_HOLDERS:
            yield from _blocks(child)


def _text_boxes(paragraph_element) -> list:
    """The text boxes anchored in a paragraph, outermost only, each once: Word writes a box
    twice (a drawing, and an old-style copy in ``mc:Fallback`` for older readers)."""
    found = []
    for box in paragraph_element.iter(_W + "txbxContent"):
        ancestors = {a.tag for a in box.iterancestors()}
        if _MC_FALLBACK not in ancestors and _W + "txbxContent" not in ancestors:
            found.append(box)
    return found


def hidden_note(name: str, paras: list[DocParagraph]) -> str | None:
    """What an import says of a Word file's hidden text, which it leaves out (Word prints none
    of it): the first passage word for word, and how many more."""
    hidden = [p.hidden for p in paras if p.hidden]
    if not hidden:
        return None
    more = f" and {len(hidden) - 1} more" if len(hidden) > 1 else ""
    return f"Hidden text in {name} is left out (Word does not print it): “{hidden[0][:200]}”{more}."


def _paragraph(paragraph, numbering: Numbering) -> DocParagraph:
    found = paragraph.style
    style = (found.name if found is not None else "") or ""
    heading = 0
    match = re.match(r"(?i)^(heading|title|đề mục)\s*(\d*)", style)
    if match:
        heading = int(match.group(2) or 1) if match.group(1).lower() != "title" else 1
    outline = paragraph._p.find(f"{_W}pPr/{_W}outlineLvl")
    if not heading and outline is not None:
        try:
            heading = int(outline.get(_W + "val")) + 1
        except (TypeError, ValueError):
            heading = 0
    listed = numbering.of(paragraph, found)
    list_level = listed.level if listed is not None else None
    ordered = listed.ordered if listed is not None else False
    markdown, plain, hidden = _inline(paragraph)
    return DocParagraph(markdown, plain, heading, list_level, ordered, "caption" in style.lower(), hidden)


def _inline(paragraph) -> tuple[str, str, str]:
    """(Markdown, plain text, hidden text) of a paragraph. Hidden text is what Word neither shows
    nor prints unless asked (a drafter's note): it stays out of the point, and the import says so."""
    from docx.text.hyperlink import Hyperlink

    parts: list[str] = []
    plain: list[str] = []
    hidden: list[str] = []
    for item in _inner_content(paragraph):
        if isinstance(item, Hyperlink):
            text = "".join(r.text for r in item.runs if not r.font.hidden)
            hidden += [r.text for r in item.runs if r.font.hidden]
            url = (item.address or "").strip()
            plain.append(text)
            shown = _runs_markdown([r for r in item.runs if not r.font.hidden], looks=False)
            if text.strip() and _SAFE_LINK.match(url):
                parts.append(f"[{shown}]({url})")
            else:
                parts.append(shown)
            continue
        text = item.text
        if item.font.hidden:
            hidden.append(text)
            continue
        plain.append(text)
        if not text:
            continue
        parts.append(item)
    markdown = _runs_markdown(parts)
    return _join_marks(markdown).strip(), "".join(plain).strip(), " ".join("".join(hidden).split())


def _runs_markdown(items: list, looks: bool = True) -> str:
    """The Markdown of runs (and of links' Markdown, already written, as strings): each run
    bold or italic as it is (not ``looks``: a link's text, read without), each stretch of
    runs in a monospace font (or Word's "Code" or "HTML Code" style) with the same look one
    code span, as the book prints inline code, and each stretch of struck-through runs one
    ``~~…~~`` (the book prints it struck, as Word showed it)."""
    if not looks or not any(not isinstance(i, str) and i.font.strike for i in items):
        return _looks_markdown(items, looks)
    out: list[str] = []
    for struck, group in groupby(items, key=lambda i: not isinstance(i, str) and bool(i.font.strike)):
        text = _looks_markdown(list(group), looks)
        out.append(_spaces_outside(text, lambda core: f"~~{core}~~") if struck and text.strip() else text)
    return "".join(out)


def _looks_markdown(items: list, looks: bool) -> str:
    out: list[str] = []
    code: list[str] = []
    look: tuple[bool, bool] = (False, False)

    def close_code() -> None:
        if code:
            out.append(_styled_code("".join(code), *look))
            code.clear()

    for item in items:
        if isinstance(item, str):
            close_code()
            out.append(item)
            continue
        text, bold, italic = item.text, looks and bool(item.bold), looks and bool(item.italic)
        if not text:
            continue
        if _monospace(item) and text.strip():
            if code and look != (bold, italic):
                close_code()
            look = (bold, italic)
            code.append(text)
            continue
        close_code()
        out.append(_styled(_escape(text), bold, italic))
    close_code()
    return "".join(out)


# Fonts that draw every character the same width: text set in one is code (an address, a file
# reference, a command), printed by the book in its monospace font when written in backticks.
_MONOSPACE = re.compile(
    r"(?i)^(?:noto sans mono|courier(?: new)?|consolas|dejavu sans mono|liberation mono"
    r"|lucida console|menlo|monaco|source code pro|cascadia (?:code|mono)|.* mono)$"
)
_CODE_STYLES = frozenset({"code", "html code", "source code", "verbatim char"})


def _monospace(run) -> bool:
    """The run is set in a monospace font, or in a character style for code."""
    style = run.style
    if style is not None and (style.name or "").strip().lower() in _CODE_STYLES:
        return True
    fonts = run._r.find(f"{_W}rPr/{_W}rFonts")
    names = [run.font.name] if fonts is None else [fonts.get(_W + a) for a in ("ascii", "hAnsi")]
    return any(name and _MONOSPACE.match(name.strip()) for name in names)


def _styled_code(text: str, bold: bool, italic: bool) -> str:
    """``text`` as a code span (:func:`~briefbook.markdown_code.code_span`), its spaces at
    either end outside it, in its look."""
    mark = "***" if bold and italic else "**" if bold else "*" if italic else ""
    return _spaces_outside(text.replace("\t", " "), lambda core: f"{mark}{code_span(core)}{mark}")


def _spaces_outside(text: str, mark: Callable[[str], str]) -> str:
    """``text`` without its spaces at either end, marked (``mark``), the spaces outside: an
    emphasis, strike-through or code mark touches the text it marks, or Markdown reads it as
    text."""
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{mark(text.strip())}{trail}"


# What a paragraph shows lies in its runs and links, and in these holders of runs: tracked
# insertions and moves (Word shows them; accepting is the usual end), content controls (a
# template's date or name box), smart tags, simple fields, custom XML and direction marks.
# Tracked deletions and moves away (w:del, w:moveFrom) are text Word shows struck out: not
# the document's text. python-docx's iter_inner_content() yields only a paragraph's own runs
# and links, so every word inside a holder was dropped without a word.
_HOLDERS = frozenset(
    _W + tag
    for tag in ("ins", "moveTo", "sdt", "sdtContent", "smartTag", "fldSimple", "customXml", "dir", "bdo")
)


def _inner_content(paragraph):
    """The runs and links of a paragraph in reading order, those inside holders included."""
    from docx.text.hyperlink import Hyperlink
    from docx.text.run import Run

    def walk(element):
        for child in element.iterchildren():
            if child.tag == _W + "r":
                yield Run(child, paragraph)
            elif child.tag == _W + "hyperlink":
                yield Hyperlink(child, paragraph)
            elif child.tag in _HOLDERS:
                yield from walk(child)

    yield from walk(paragraph._p)


def _styled(text: str, bold: bool, italic: bool) -> str:
    if not (bold or italic) or not text.strip():
        return text
    mark = "**" if bold and not italic else "*" if italic and not bold else "***"
    return _spaces_outside(text, lambda core: f"{mark}{core}{mark}")


def _join_marks(text: str) -> str:
    """``**a****b**`` (two bold runs side by side) reads as ``**ab**``."""
    return text.replace("****", "")


def _escape(text: str) -> str:
    text = _MD_SPECIAL.sub(r"\\\1", text.replace("\t", " "))
    # Two tildes or more would strike what follows through: a "~" alone stays as typed.
    text = _TILDES.sub(lambda m: "\\~" * len(m.group()), text)
    return re.sub(r"^(\s*)([#+-]|\d+[.)])(\s)", r"\1\\\2\3", text)
