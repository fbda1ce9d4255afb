"""Checks over exported files, as a reader sees them (used by tests and runnable by hand).

    python -m tests.render.layout_check stranded BOOK.pdf [TEMPLATE]
    python -m tests.render.layout_check contents BOOK.docx

``stranded``: headings, labels and profile names that end a page (fewer than two
lines of text follow them on their page), read from the PDF's text layer with
pypdf (font, size and position of every line).

``contents``: converts the DOCX with LibreOffice (``soffice --headless --convert-to
pdf``) and counts the contents entries whose page number is the page LibreOffice
put the heading on.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader


@dataclass
class Line:
    page: int
    y: float  # baseline, from the bottom of the page
    size: float
    font: str
    text: str


def pdf_lines(path: Path) -> list[Line]:
    """Every line of text of every page: fragments on one baseline joined, top to bottom."""
    lines: list[Line] = []
    for number, page in enumerate(PdfReader(str(path)).pages, start=1):
        parts: list[tuple[float, float, float, str, str]] = []

        def visit(text, cm, tm, font, size, parts=parts):
            if not text.strip():
                return
            scale = (cm[3] or 1) * (tm[3] or 1)
            y = cm[5] + tm[5] * cm[3]
            x = cm[4] + tm[4] * cm[0]
            name = str((font or {}).get("/BaseFont", ""))
            parts.append((round(y, 1), x, abs(size * scale), name, text))

        page.extract_text(visitor_text=visit)
        by_y: dict[float, list] = {}
        for y, x, size, name, text in parts:
            key = next((k for k in by_y if abs(k - y) < 1.5), y)
            by_y.setdefault(key, []).append((x, size, name, text))
        for y in sorted(by_y, reverse=True):
            frags = sorted(by_y[y])
            size = max(f[1] for f in frags)
            font = next(f[2] for f in frags if f[1] == size)
            text = " ".join(" ".join(f[3].split()) for f in frags)
            lines.append(Line(number, y, size, font, text))
    return lines


def stranded_headings(
    path: Path,
    body_size: float,
    top_mm: float,
    bottom_mm: float,
    skip_pages: frozenset[int] = frozenset({1}),
    lines: list[Line] | None = None,
) -> list[Line]:
    """Headings, labels and profile names (bold, in the sans heading font, larger than
    the body text) in the last lines of a full page: fewer than two lines of their
    own text follow them there, and the rest of their text is overleaf.

    A heading of several lines counts once. Page furniture (running header, banners,
    page number) is left out by position: lines outside the text area given by the
    template's top and bottom margins (in mm); the cover (page 1) is skipped.

    ``lines``: ``pdf_lines(path)`` if already read (reading a page's text is most of the time).
    """
    reader = PdfReader(str(path))
    heights = [float(p.mediabox.height) for p in reader.pages]
    by_page: dict[int, list[Line]] = {}
    for line in pdf_lines(path) if lines is None else lines:
        if line.page in skip_pages:
            continue
        top = heights[line.page - 1] - top_mm * 72 / 25.4
        if bottom_mm * 72 / 25.4 - 2 < line.y < top + 2:
            by_page.setdefault(line.page, []).append(line)
    found: list[Line] = []
    bottom = bottom_mm * 72 / 25.4
    pages = sorted(by_page)
    for index, page in enumerate(pages):
        items = by_page[page]
        following = by_page[pages[index + 1]] if index + 1 < len(pages) else []
        # The heading's text goes on overleaf only if the next page starts with text, not a heading.
        goes_on = bool(following) and not is_heading(following[0], body_size)
        k = 0
        while k < len(items):
            line = items[k]
            if not is_heading(line, body_size):
                k += 1
                continue
            end = k + 1  # the heading's further lines, and headings right under it: one group
            while end < len(items) and is_heading(items[end], body_size):
                end += 1
            after = 0
            for x in items[end:]:
                if is_heading(x, body_size):
                    break
                after += 1
            # Stranded: the page is full (its last line within three lines of the foot of the
            # text area: the text goes on overleaf) and fewer than two lines of the heading's
            # own text are under it (keep-with-next and orphan control promise two).
            full = items[-1].y < bottom + 3.5 * body_size * 1.4
            if full and goes_on and after < 2 and end + after == len(items):
                found.append(line)
            k = end
    return found


def text_area_lines(
    path: Path, top_mm: float, bottom_mm: float, lines: list[Line] | None = None
) -> list[Line]:
    """The lines inside the text area (no running header, banner or page number); ``lines``
    as for :func:`stranded_headings`."""
    heights = [float(p.mediabox.height) for p in PdfReader(str(path)).pages]
    return [
        x
        for x in (pdf_lines(path) if lines is None else lines)
        if bottom_mm * 72 / 25.4 - 2 < x.y < heights[x.page - 1] - top_mm * 72 / 25.4 + 2
    ]


def is_heading(line: Line, body_size: float) -> bool:
    return "Bold" in line.font and "Sans" in line.font and line.size > body_size + 0.25


# -- LibreOffice's layout of the DOCX --------------------------------------------


def docx_contents(path: Path) -> list[tuple[str, int]]:
    """(heading text, page number) of each contents entry, as the DOCX's TOC shows them."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    entries = []
    for p in re.findall(r"<w:p>.*?</w:p>|<w:p [^>]*>.*?</w:p>", xml):
        if not re.search(r'<w:pStyle w:val="TOC\d"', p) or "PAGEREF" not in p:
            continue
        texts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)
        title, page = "".join(texts[:-1]), texts[-1]
        entries.append((_unescape(title), int(page)))
    return entries


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def libreoffice_pdf(docx: Path, out: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice is not installed")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
             "--outdir", str(out), str(docx)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    return out / (docx.stem + ".pdf")


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def contents_agreement(docx: Path, converted_pdf: Path) -> list[tuple[str, int, int | None]]:
    """(entry, page the contents say, page LibreOffice put it on) for every entry."""
    entries = docx_contents(docx)
    pages = [
        _norm(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(converted_pdf), "-"],
                             capture_output=True, text=True).stdout)
        for n in range(1, len(PdfReader(str(converted_pdf)).pages) + 1)
    ]  # fmt: skip

    # The contents pages (the first run of pages listing several entries with dotted
    # leaders): the search starts after them.
    def listing(text: str) -> bool:
        return "....." in text and sum(_norm(t) in text for t, _ in entries) >= 3

    start = next((i for i, t in enumerate(pages) if listing(t)), -1)
    while 0 <= start < len(pages) and listing(pages[start]):
        start += 1
    start = max(start, 0)
    out = []
    for title, claimed in entries:
        key = _norm(title)
        found = next((i for i in range(start, len(pages)) if key in pages[i]), None)
        if found is not None:
            start = found
        out.append((title, claimed, None if found is None else found + 1))
    return out


def main(argv: list[str]) -> int:
    if argv[:1] == ["stranded"]:
        from briefbook.render.template import load_template

        t = load_template(argv[2] if len(argv) > 2 else "formal-a4")
        found = stranded_headings(Path(argv[1]), t.body_size, t.margin_top_mm, t.margin_bottom_mm)
        for line in found:
            print(f"p. {line.page}: {line.text[:70]} ({line.size:.1f} pt, y={line.y:.0f})")
        print(f"{len(found)} stranded headings")
        return 0
    if argv[:1] == ["contents"]:
        docx = Path(argv[1])
        with tempfile.TemporaryDirectory() as out:
            rows = contents_agreement(docx, libreoffice_pdf(docx, Path(out)))
        for title, claimed, actual in rows:
            print(f"{'ok ' if claimed == actual else 'OFF'} {claimed:>3} {actual!s:>4}  {title[:70]}")
        print(f"{sum(c == a for _, c, a in rows)} of {len(rows)} entries on the page the contents say")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
