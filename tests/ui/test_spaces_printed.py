"""The spaces a user types in the editor are printed: in the PDF as in the DOCX (Word).

The editor keeps runs of spaces, spaces at a paragraph's start (stored ``&#32;``) and after
a Shift+Enter, and the spaces inside code; the book's parser reads them back. reportlab's
``Paragraph`` split its text at any run of spaces and dropped those at a line's start, so
the PDF printed ``Việt    Nam`` as ``Việt Nam`` and no indent at all. Each text here is
typed in the real editor, saved, assembled by the book's parser and exported in both
formats; the PDF is read back through its text layer (pypdf), the DOCX with python-docx.
"""

from __future__ import annotations

import random

import pytest
from docx import Document as WordDocument
from pypdf import PdfReader

from briefbook.assemble.markdown import blocks
from briefbook.document.model import Document, Metadata, Origin
from briefbook.render.docx import render_docx
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template
from briefbook.ui.editors.rich_text import MarkdownEdit
from tests.ui.test_markdown_literals import _reopened

WORDS = ["Việt", "Nam", "hội", "nghị", "ประเทศไทย", "ສປປ", "2025", "a"]


def _exported(stored: str, tmp_path, fmt: str) -> str:
    """The text of ``stored`` as the book's export prints it: the PDF's text layer (its
    no-break spaces read as spaces), or the DOCX's paragraphs; a paragraph a line."""
    document = Document(Metadata(title="Spaces", banner="PUBLIC"), blocks(stored, origin=Origin("Public")))
    template = load_template("formal-a4")
    if fmt == "pdf":
        target = render_pdf(document, template, tmp_path / "book.pdf")
        text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
        return text.replace("\u00a0", " ")
    target = render_docx(document, template, tmp_path / "book.docx")
    return "\n".join(p.text for p in WordDocument(str(target)).paragraphs)


def _typed(qtbot, text: str) -> str:
    """``text`` typed in the editor (a "\\n" as Shift+Enter, a "|" between paragraphs), saved."""
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.insertPlainText("\n".join(p.replace("\n", "\u2028") for p in text.split("|")))
    return edit.markdown()


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize(
    "text",
    [
        "Việt    Nam  hội nghị",
        "   ba dấu cách ở đầu",
        "Trước|    bốn dấu cách, không phải mã",
        "một dòng\n   sau Shift+Enter",
        "ประเทศไทย     ສປປ ລາວ   2025",
    ],
)
def test_the_spaces_typed_are_printed(qtbot, tmp_path, fmt: str, text: str) -> None:
    printed = _exported(_typed(qtbot, text), tmp_path, fmt)
    for line in text.replace("|", "\n").split("\n"):
        assert line in printed.split("\n"), printed


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_spaces_inside_code_are_printed(qtbot, tmp_path, fmt: str) -> None:
    stored = _reopened(qtbot, "Trước\n\n```\nx = 1\n    thụt   vào\n```\n\nmã `a    b` trong dòng").markdown()
    printed = _exported(stored, tmp_path, fmt).split("\n")
    assert "x = 1" in printed and "    thụt   vào" in printed, printed
    assert "mã a    b trong dòng" in printed, printed


@pytest.mark.parametrize("seed", range(3))
def test_a_paragraph_with_runs_of_spaces_still_wraps_and_keeps_every_space(
    qtbot, tmp_path, seed: int
) -> None:
    """Lines break between words: each line of the PDF ends where a space was typed, the
    next starts with a word, and the lines joined again are the text, every space in it.
    (The text layer keeps a run's last space at a line's end, and no lone space there: a
    line is joined to the next by the space it does not end in.)"""
    rng = random.Random(seed)
    words = "".join(rng.choice(WORDS) + " " * rng.choice([1, 1, 2, 3, 4, 7]) for _ in range(90)).strip()
    text = f"  ĐẦU {words} CUỐI"
    printed = _exported(_typed(qtbot, text), tmp_path, "pdf")
    lines = printed[printed.index("  ĐẦU") : printed.index("CUỐI") + 4].split("\n")
    assert len(lines) > 3  # wrapped
    assert all(line[:1].strip() for line in lines[1:])  # a wrapped line starts with a word
    joined = lines[0]
    for line in lines[1:]:
        joined += line if text.startswith(joined + line) else " " + line
    assert joined == text


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_run_of_spaces_between_formats_is_printed(qtbot, tmp_path, fmt: str) -> None:
    stored = _reopened(qtbot, "**Việt**    Nam *hội*   nghị").markdown()
    assert "Việt    Nam hội   nghị" in _exported(stored, tmp_path, fmt).split("\n")
