"""A heading before one huge talking point stays with the point's first lines, not all of it.

A book with a 0.8 MB point left the page before "Points to make" 85% empty: the heading
and its list went overleaf together. The group keeping a heading with what follows asked
the list to split and took its first part, the first item: a one-line item ("a short point
first"), shorter than the two lines a heading wants under it, or a huge item, taller than
the room left, and either way the group moved whole. Word keeps a heading with the first
lines of what follows only.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from briefbook.document.model import Document, Heading, ListBlock, ListItem, Metadata, Paragraph, Run
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template

WORDS = "Việt Nam và Lào khẳng định cam kết hợp tác chặt chẽ phòng chống lừa đảo trực tuyến".split()


def _huge(seed: int, size: int = 300_000) -> str:
    rng = random.Random(seed)
    return ("HUGEPOINTSTARTS " + " ".join(rng.choice(WORDS) for _ in range(size // 4)))[:size]


def _pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    return text.split("\f")


def _before(filler_lines: int) -> list:
    """A meeting brief's start taking part of the first page."""
    return [
        Heading(2, "Bilateral with Lao PDR", "bilateral"),
        *(Paragraph([Run(f"Steer line {n}: cooperation against scams.")]) for n in range(filler_lines)),
        Paragraph([Run("Points to make", bold=True)], "label"),
    ]


def _item(text: str) -> ListItem:
    return ListItem([Run(text)], None, None, [])


CASES = {
    "a short point, then the huge one": lambda: ListBlock(
        [_item("A short point first."), _item(_huge(1)), _item("A point after.")], ordered=True
    ),
    "the huge point first": lambda: ListBlock([_item(_huge(2)), _item("A point after.")], ordered=True),
    "the huge point alone, as a paragraph": lambda: Paragraph([Run(_huge(3))]),
}


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("template", ["formal-a4", "compact-a5"])
def test_the_heading_stays_with_the_first_lines_of_a_huge_point(tmp_path: Path, case: str, template: str):
    blocks = [*_before(8), CASES[case]()]
    path = render_pdf(Document(Metadata(title="t"), blocks), load_template(template), tmp_path / "b.pdf")
    pages = _pages(path)
    first = next(n for n, page in enumerate(pages) if "Bilateral with Lao PDR" in page)
    assert "Points to make" in pages[first], (case, template)
    assert "HUGEPOINTSTARTS" in pages[first], (case, template)  # its first lines below the heading


def test_a_heading_never_stays_at_a_page_foot_with_less_than_two_lines_under_it(tmp_path: Path) -> None:
    """The heading moves overleaf with the point when the page has room for one line only."""
    template = load_template("formal-a4")
    kept, moved = 0, 0
    for filler in range(24, 31):  # (31 steer lines fill the first page)
        point = ListBlock([_item(_huge(4, 20_000)), _item("A point after.")], ordered=True)
        document = Document(Metadata(title="t"), [*_before(filler), point])
        pages = _pages(render_pdf(document, template, tmp_path / f"{filler}.pdf"))
        first = next(n for n, page in enumerate(pages) if "Bilateral with Lao PDR" in page)
        if "Points to make" not in pages[first]:
            moved += 1
            assert "Points to make" in pages[first + 1]
            continue
        kept += 1
        under = pages[first].split("Points to make", 1)[1]
        lines = [line for line in under.splitlines() if line.strip() and "Page " not in line]
        assert len(lines) >= 2 and "HUGEPOINTSTARTS" in lines[0], (filler, under)
    assert kept and moved  # (both sides of the page's foot were met)
