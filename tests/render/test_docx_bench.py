"""DOCX export speed against pandoc on the same ~500-page book.

Prints the figures (run with ``pytest -m slow -s tests/render/test_docx_bench.py``)
and fails if BriefBook takes more than half of pandoc's time to write the
same content as DOCX (pandoc reads the Markdown equivalent of the document).
"""

from __future__ import annotations

import random
import shutil
import subprocess
import time

import pytest

from briefbook.document.model import (
    Contents,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Metadata,
    Paragraph,
    Run,
    Table,
)
from briefbook.render.docx import render_docx
from briefbook.render.template import load_template

WORDS = (
    "delegation cooperation convention online fraud scams victims return citizens ministry partnership "
    "regional capacity law enforcement Việt Nam Thái Lan hợp tác lừa đảo trực tuyến công dân"
).split()


def synthetic_book(sections: int = 500, seed: int = 1) -> tuple[Document, str]:
    """A book of ``sections`` x (heading, 8 paragraphs, a 5-item list, a 6-row table), and the
    same content as pandoc Markdown. About 500 A4 pages in formal-a4."""
    rnd = random.Random(seed)

    def words(n: int) -> str:
        return " ".join(rnd.choice(WORDS) for _ in range(n)) + "."

    blocks: list = [Contents("Contents")]
    md: list[str] = []
    for s in range(sections):
        title = f"Section {s + 1}: {words(4)[:-1]}"
        blocks.append(Heading(1, title, f"s{s}"))
        md.append(f"# {title}\n")
        for _ in range(8):
            a, b, c = words(9), words(4), words(12)
            blocks.append(Paragraph([Run(a + " "), Run(b, bold=True), Run(" " + c)]))
            md.append(f"{a} **{b}** {c}\n")
        items = [words(12) for _ in range(5)]
        blocks.append(ListBlock([ListItem([Run(i)]) for i in items]))
        md.append("\n".join(f"- {i}" for i in items) + "\n")
        rows = [[words(2)[:-1], words(5), words(2)] for _ in range(6)]
        blocks.append(
            Table(
                header=[[[Paragraph([Run(h)])] for h in ("Time", "Topic", "Who")]],
                rows=[[[Paragraph([Run(c)])] for c in r] for r in rows],
                widths=[1, 3, 1.5],
            )
        )
        md.append(
            "| Time | Topic | Who |\n|---|---|---|\n" + "\n".join(f"| {' | '.join(r)} |" for r in rows) + "\n"
        )
    meta = Metadata(title="Synthetic book", banner="CONFIDENTIAL", language="vi")
    return Document(meta, blocks), "\n".join(md)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_docx_export_is_at_least_twice_as_fast_as_pandoc(tmp_path):
    document, markdown = synthetic_book()
    (tmp_path / "book.md").write_text(markdown, encoding="utf-8")
    template = load_template("formal-a4")
    ours, theirs = [], []
    for _ in range(2):
        start = time.perf_counter()
        render_docx(document, template, tmp_path / "ours.docx")
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        subprocess.run(
            [
                "pandoc",
                "-f",
                "markdown",
                "-t",
                "docx",
                "-o",
                str(tmp_path / "pandoc.docx"),
                str(tmp_path / "book.md"),
            ],
            check=True,
        )
        theirs.append(time.perf_counter() - start)
    ratio = min(ours) / min(theirs)
    figures = f"BriefBook {min(ours):.2f} s, pandoc {min(theirs):.2f} s, ratio {ratio:.2f}"
    print(f"\n{len(document.blocks)} blocks: {figures}")
    assert ratio <= 0.5
