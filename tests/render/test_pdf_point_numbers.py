"""A talking point whose text starts with a list keeps its number in the PDF.

Found by fixes10 and seen in a book of one's own (lead, stop 26): a cleared point written
"- Mở đầu bằng danh sách\\n  - mục con\\n\\nĐoạn sau." is one item with no text of its
own, its list under it; the PDF gave the item an empty first paragraph, reportlab drew no
number beside it, and the point's list read as the end of the point before. The number now
stands on the first line of its list, as a browser or Word puts it; the Word file keeps its
numbered paragraph (LibreOffice shows "7." above the list).
"""

from __future__ import annotations

from pathlib import Path

from briefbook.assemble.markdown import items
from briefbook.document.model import Document, ListBlock, Metadata, Origin
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template
from tests.render.layout_check import pdf_lines

PUBLIC = Origin("Public")
POINTS = [
    "zqna Điểm mở đầu bằng chữ.",
    "- zqnb Mở đầu bằng danh sách ສົມພອນ\n  - zqnc mục con\n\nzqnd Đoạn sau.",
    "- zqne Danh sách phẳng\n- zqnf mục hai\n\nzqng Đoạn sau.",
    "zqnh Điểm cuối.",
]


def test_a_point_that_starts_with_a_list_keeps_its_number(tmp_path: Path) -> None:
    points = [i for text in POINTS for i in items(text, origin=PUBLIC)]
    document = Document(
        Metadata(title="Sổ tay", language="vi", banner="Public"),
        [ListBlock(points, ordered=True, origin=PUBLIC)],
    )
    render_pdf(document, load_template("formal-a4"), tmp_path / "points.pdf")
    first_words = {}
    for line in pdf_lines(tmp_path / "points.pdf"):
        words = line.text.split()
        for word in words:
            if word.startswith("zqn"):
                first_words[word] = words
    assert first_words["zqna"][0] == "1.", first_words
    assert first_words["zqnb"][:2] == ["2.", "–"], first_words  # the number, then its list's first bullet
    assert first_words["zqne"][:2] == ["3.", "–"], first_words
    assert first_words["zqnh"][0] == "4.", first_words
