"""What the forward references cost: render_pdf against build_bare on the same flowables.
Prints figures; not a test.

    python bench/pdf_bare.py [SECTIONS] [TEMPLATE]

Its floor, ``build_bare``, is not a minimal render: it lays out our own flowables with
our own styles, keep-with-next groups and page furniture (cover, banner, headers), in one
pass without the outline, the bookmarks and the forward references (the contents' page
numbers, "of Y"). So the ratio prices those references only (target <= 1.15x), on six
sentences repeated, without Thai. The PDF's honest floor, a minimal reportlab render of
the same text (``SimpleDocTemplate`` of plain ``Paragraph``s, the same fonts and shaping,
nothing else), on real books in Vietnamese, Thai and mixed scripts, is
``bench/export.py``'s.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from briefbook.document.model import (
    Contents,
    Cover,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Metadata,
    Paragraph,
    Run,
    Table,
)
from briefbook.render.pdf import build_bare, render_pdf
from briefbook.render.template import load_template

TEXT = (
    "Thứ trưởng Bộ Ngoại giao Lê Anh Tuấn nhấn mạnh hợp tác quốc tế trong phòng, chống lừa đảo "
    "trực tuyến tại khu vực Đông Nam Á; the delegation will reaffirm support for the Hanoi Convention "
    "and raise the safe return of citizens from Myanmar via Thailand. "
)


def synthetic(sections: int = 500) -> Document:
    blocks: list = [
        Cover(title="Synthetic briefing book", subtitle="Benchmark", classification="INTERNAL"),
        Contents(title="Contents"),
    ]
    for s in range(1, sections + 1):
        blocks.append(Heading(1 if s % 5 == 1 else 2, f"Section {s}: talking points", f"s{s}"))
        for p in range(8):
            blocks.append(Paragraph([Run(f"{p + 1}. "), Run(TEXT, bold=p == 0), Run(TEXT[: 40 + 10 * p])]))
        blocks.append(
            ListBlock([ListItem([Run(f"Point {i}: " + TEXT[:90])]) for i in range(1, 5)], ordered=s % 2 == 0)
        )
        cell = [Paragraph([Run("Cell text " + TEXT[:60])])]
        blocks.append(
            Table(
                header=[[[Paragraph([Run(h)])] for h in ("Who", "What", "When")]],
                rows=[[cell, cell, [Paragraph([Run(f"Day {r}")])]] for r in range(6)],
                widths=[1, 3, 1],
            )
        )
    meta = Metadata(title="Synthetic briefing book", language="vi", banner="INTERNAL")
    return Document(meta, blocks)


def main() -> None:
    sections = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    template = load_template(sys.argv[2] if len(sys.argv) > 2 else "formal-a4")
    with tempfile.TemporaryDirectory() as tmp:
        build_bare(synthetic(5), template, Path(tmp, "warm.pdf"))  # fonts loaded, caches warm
        # CPU time of this process: the figures hold on a machine busy with other work.
        times: dict[str, list[float]] = {"bare": [], "full": []}
        for _ in range(3):
            document = synthetic(sections)
            t0 = time.process_time()
            build_bare(document, template, Path(tmp, "bare.pdf"))
            times["bare"].append(time.process_time() - t0)
            document = synthetic(sections)
            t0 = time.process_time()
            render_pdf(document, template, Path(tmp, "full.pdf"))
            times["full"].append(time.process_time() - t0)
        from pypdf import PdfReader

        pages = len(PdfReader(Path(tmp, "full.pdf")).pages)
    bare, full = min(times["bare"]), min(times["full"])
    print(f"{sections} sections, {pages} pages, template {template.name}")
    print(f"build_bare: {bare:.2f} s   render_pdf: {full:.2f} s   ratio {full / bare:.3f} (target <= 1.15)")
    print("(best of 3, CPU seconds; document construction not timed)")


if __name__ == "__main__":
    main()
