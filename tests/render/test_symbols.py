"""The symbols of pasted Word text (arrows, ≥ ≤ ≠, check marks, stars, squares and bullets)
print in both formats from the shipped symbol fonts: → was printed as U+FFFD."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx

from briefbook.document.model import Document, Metadata, Paragraph, Run
from briefbook.render.docx import render_docx
from briefbook.render.font_chain import chain_for
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template

TEXT = "Kim ngạch tăng → 20%, mục tiêu ≥ 5 tỷ USD ✓ ★ ■ ● ≤ ≠ ⇒ ✗ ← ↑ ↓ ↔ ≈ ∞ √ ☆ □ ○ ◆ ▪"


def test_the_chain_draws_every_symbol_a_desk_officer_pastes() -> None:
    a4 = load_template("formal-a4")
    assert chain_for(a4.body_font, a4.thai_font).uncovered(TEXT) == []


def test_both_files_hold_the_symbols(tmp_path: Path) -> None:
    a4 = load_template("formal-a4")
    document = Document(Metadata(title="Ký hiệu"), [Paragraph([Run(TEXT)])])
    render_pdf(document, a4, tmp_path / "s.pdf")
    layer = subprocess.run(["pdftotext", str(tmp_path / "s.pdf"), "-"], capture_output=True, text=True).stdout
    assert " ".join(layer.split()).count(TEXT) == 1
    render_docx(document, a4, tmp_path / "s.docx")
    assert [p.text for p in docx.Document(str(tmp_path / "s.docx")).paragraphs if "20%" in p.text] == [TEXT]
