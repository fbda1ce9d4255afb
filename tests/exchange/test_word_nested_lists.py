"""A Word document's nested lists keep their levels and kinds when imported as talking points.

Each document is made as Word or LibreOffice makes one: Word's own numbering (w:numPr with
w:ilvl, the level's kind in numbering.xml's abstractNum), the style-based kind ("List
Bullet 2", "List Number 2"), and LibreOffice's DOCX of an HTML page with nested lists.
Each imported point is read back by the book's parser, as the book will print it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from briefbook.assemble.markdown import blocks
from briefbook.document.model import ListBlock, Origin, Paragraph
from briefbook.exchange.proposals import apply_proposal
from briefbook.exchange.word_points import propose_talking_points
from briefbook.library import Library, TalkingPoint
from tests.exchange.make_docs import word_item, word_list

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _outline(text: str) -> list[str]:
    """The book's reading of a point: one line per paragraph or item, two spaces a level,
    ``1.`` for a numbered item and ``-`` for a bullet."""
    out: list[str] = []

    def walk(block: ListBlock, depth: int) -> None:
        for item in block.items:
            out.append("  " * depth + ("1. " if block.ordered else "- ") + "".join(r.text for r in item.runs))
            for part in ([item.children] if item.children else []) + list(item.more):
                if isinstance(part, ListBlock):
                    walk(part, depth + 1)

    for block in blocks(text, origin=Origin("Public")):
        if isinstance(block, ListBlock):
            walk(block, 0)
        elif isinstance(block, Paragraph):
            out.append("".join(r.text for r in block.runs))
    return out


def _imported(library: Library, path: Path) -> list[list[str]]:
    proposal = propose_talking_points(library, path)
    apply_proposal(library, proposal)
    return [_outline(p.text) for p in library.list(TalkingPoint, order_by="position")]


STEPS = ["Our three steps:", "1. sign;", "1. ratify;", "  1. by parliament;", "    1. in 2026.",
         "1. implement."]  # fmt: skip
ASKS = ["We ask partners to:", "- ratify early;", "- share information;", "  - including evidence;",
        "    - within days.", "- train officers."]  # fmt: skip
MIXED = ["Mixed:", "1. first", "  - a bullet under a number", "1. second"]


def test_words_own_numbering_keeps_levels_and_numbers(library: Library, tmp_path: Path) -> None:
    """Word's numbered list is in numbering.xml, its paragraphs styled "List Paragraph": it
    was imported as bullets, and every item under a numbered one moved up a level."""
    d = docx.Document()
    d.add_heading("Hanoi Convention", level=1)
    d.add_paragraph("Our three steps:")
    numbers = word_list(d, ["decimal", "lowerLetter", "lowerRoman"])
    for text, level in [("sign;", 0), ("ratify;", 0), ("by parliament;", 1), ("in 2026.", 2),
                        ("implement.", 0)]:  # fmt: skip
        word_item(d, text, numbers, level)
    d.add_paragraph("We ask partners to:")
    bullets = word_list(d, ["bullet", "bullet", "bullet"])
    for text, level in [("ratify early;", 0), ("share information;", 0), ("including evidence;", 1),
                        ("within days.", 2), ("train officers.", 0)]:  # fmt: skip
        word_item(d, text, bullets, level)
    d.add_paragraph("Mixed:")
    mixed = word_list(d, ["decimal", "bullet"])
    for text, level in [("first", 0), ("a bullet under a number", 1), ("second", 0)]:
        word_item(d, text, mixed, level)
    d.save(tmp_path / "steps.docx")
    assert _imported(library, tmp_path / "steps.docx") == [STEPS, ASKS, MIXED]


def test_style_based_lists_keep_levels(library: Library, tmp_path: Path) -> None:
    """ "List Number 2" is level 0 of a list of its own in Word, indented: its level is its name."""
    d = docx.Document()
    d.add_paragraph("By style:")
    d.add_paragraph("one", style="List Number")
    d.add_paragraph("one point one", style="List Number 2")
    d.add_paragraph("a bullet in it", style="List Bullet 3")
    d.add_paragraph("two", style="List Number")
    d.save(tmp_path / "styles.docx")
    assert _imported(library, tmp_path / "styles.docx") == [
        ["By style:", "1. one", "  1. one point one", "    - a bullet in it", "1. two"]
    ]


def test_numbering_switched_off_is_not_a_list_item(library: Library, tmp_path: Path) -> None:
    """w:numId 0 removes the numbering a style gives: Word shows a plain paragraph."""
    d = docx.Document()
    d.add_paragraph("Before:")
    d.add_paragraph("an item", style="List Number")
    word_item(d, "not an item", "0", 0)
    d.save(tmp_path / "off.docx")
    assert _imported(library, tmp_path / "off.docx") == [["Before:", "1. an item"], ["not an item"]]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_docx_keeps_levels_and_numbers(library: Library, tmp_path: Path) -> None:
    """LibreOffice writes every list as "Text Body" paragraphs with w:numPr."""
    (tmp_path / "lists.html").write_text(
        "<html><body><h1>Hanoi Convention</h1><p>Our three steps:</p>"
        "<ol><li>sign;</li><li>ratify;<ol><li>by parliament;<ol><li>in 2026.</li></ol></li></ol></li>"
        "<li>implement.</li></ol><p>We ask partners to:</p><ul><li>ratify early;</li>"
        "<li>share information;<ul><li>including evidence;<ul><li>within days.</li></ul></li></ul></li>"
        "<li>train officers.</li></ul><p>Mixed:</p><ol><li>first<ul><li>a bullet under a number</li>"
        "</ul></li><li>second</li></ol></body></html>",
        encoding="utf-8",
    )
    profile = tmp_path / "profile"
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to",
         "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(tmp_path / "lists.html")],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    assert _imported(library, tmp_path / "lists.docx") == [STEPS, ASKS, MIXED]
