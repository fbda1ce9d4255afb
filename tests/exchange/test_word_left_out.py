"""What a Word file shows is imported, or said: nothing in it vanishes without a word.

Found by a careless user's walk (lead, stop 26) with a ministry template's file: the text of a
content control holding whole paragraphs, of a table inside a table's cell and of a text box
was dropped from the import, and a picture (a chart under a point), a footnote and an equation
were left out with "0 dropped" in the preview.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from briefbook.exchange.word_points import propose_talking_points
from briefbook.library import Library
from tests.exchange.make_docs import boxes_and_pictures_docx


@pytest.fixture
def sent(tmp_path: Path) -> Path:
    picture = tmp_path / "biểu đồ.png"
    Image.new("RGB", (40, 40), "red").save(picture)
    return boxes_and_pictures_docx(tmp_path / "mẫu của Bộ.docx", picture)


def test_the_text_of_content_controls_nested_tables_and_text_boxes_is_imported(
    library: Library, sent: Path
) -> None:
    proposal = propose_talking_points(library, sent)
    texts = [p.record.text for p in proposal.items if p.kind == "talking_point"]
    assert texts == [
        "Điểm đầu của ສົມພອນ.",
        "PLUGHBLOCK điểm trong ô nội dung",
        "QUUXNESTED bảng lồng",
        "Neo của hộp",
        "XYZZYBOX hộp văn bản",  # once: Word's old-style copy of the box is not read again
        "Biểu đồ thiệt hại:",
        "Số vụ tăng gấp đôi",
        "Tỷ lệ thu hồi",
        "Điểm cuối.",
    ], texts


def test_a_picture_a_footnote_and_an_equation_are_said_with_where_they_were(
    library: Library, sent: Path
) -> None:
    said = propose_talking_points(library, sent).messages
    assert said == [
        "Pictures, charts and objects in mẫu của Bộ.docx are left out (BriefBook imports text only): "
        "1, the first after “…lồng Neo của hộp XYZZYBOX hộp văn bản Biểu đồ thiệt hại:”.",
        "Footnotes and endnotes in mẫu của Bộ.docx are left out (copy them into the text to keep them): "
        "1, the first after “…XYZZYBOX hộp văn bản Biểu đồ thiệt hại: Số vụ tăng gấp đôi”.",
        "Equations in mẫu của Bộ.docx are left out (BriefBook imports text only): "
        "1, the first after “…văn bản Biểu đồ thiệt hại: Số vụ tăng gấp đôi Tỷ lệ thu hồi”.",
    ], said


def test_a_word_article_says_them_too(library: Library, sent: Path) -> None:
    from briefbook.exchange.articles import propose_statements

    said = " ".join(propose_statements(library, sent).messages)
    assert "Pictures, charts and objects in mẫu của Bộ.docx are left out" in said
    assert "Footnotes and endnotes in mẫu của Bộ.docx are left out" in said
