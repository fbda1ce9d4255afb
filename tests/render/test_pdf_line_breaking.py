"""Each paragraph of a PDF is broken into lines once, however often reportlab wraps it."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.platypus import paragraph as rl_paragraph

from briefbook.document.model import Document, Heading, Metadata, Paragraph, Run
from briefbook.render.pdf import render_pdf
from briefbook.render.pdf_flowables import BookParagraph
from briefbook.render.template import load_template


@pytest.fixture
def breaks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    count = [0]
    real = rl_paragraph.Paragraph.breakLines

    def counted(self, *args, **kwargs):
        count[0] += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(rl_paragraph.Paragraph, "breakLines", counted)
    return count


def test_a_paragraph_is_broken_once_per_width(breaks: list[int]) -> None:
    from reportlab.lib.styles import getSampleStyleSheet

    para = BookParagraph(
        "Việt Nam kiên quyết chống lừa đảo trực tuyến. " * 20, getSampleStyleSheet()["Normal"]
    )
    first = para.wrap(300, 800)
    assert para.wrap(300, 100) == first and para.wrap(300, 5000) == first  # the height changes nothing
    assert breaks[0] == 1
    para.wrap(200, 800)
    assert breaks[0] == 2


def test_headings_kept_with_their_paragraphs_are_broken_once_each(breaks: list[int], tmp_path: Path) -> None:
    blocks = []
    for i in range(30):
        blocks.append(Heading(2, f"Cuộc gặp {i}", f"m{i}"))
        blocks.append(Paragraph([Run("Chia sẻ thông tin và bằng chứng điện tử là then chốt. " * 3)]))
    document = Document(Metadata(title="Sổ tay", language="vi"), blocks)
    render_pdf(document, load_template("formal-a4"), tmp_path / "book.pdf")
    # Each heading and paragraph once, plus the few that a page break splits (each part once).
    assert 60 <= breaks[0] <= 66
