"""The space after a list's last line is the space between its items, in the PDF as in Word.

Word (and LibreOffice) give every list paragraph its space after (the item style's), so the
paragraph after a list stands as far from its last item as one item from the next. The PDF's
lists gave reportlab a space after of 0 for the list, which it puts on the last item's indenter
over the paragraph's own: the paragraph after a list, a nested one above all, touched its last
line; so did the item after a passage not for release (its side rule hid the paragraph's space).
Measured on the text layer's baselines: every gap below is one item's line and its space.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from briefbook.assemble.markdown import blocks, items
from briefbook.document.model import Document, ListBlock, Metadata, Origin, Paragraph, Run
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template
from tests.render.layout_check import pdf_lines

PUBLIC = Origin("Public")

# Talking points as the assembly makes them: one item each, its lists under it.
POINTS = [
    "- zqpa Hợp tác\n  - zqpb năng lượng\n  - zqpc thương mại\n\nzqpd Đoạn sau danh sách lồng.",
    "- zqpe Hợp tác\n- zqpf năng lượng\n\nzqpg Đoạn sau danh sách phẳng.",
    "Mở đầu zqph.\n\n- zqpi ສົມພອນ\n  - zqpj ວົງສາ\n- zqpk cuối",
    "zqpl Điểm tiếp theo.",
    "- [NFR] zqpm Nội bộ\n- zqpn công khai\n- [Không công bố] zqpo nội bộ",
    "zqpp Điểm cuối.",
]
# A field printed as blocks (a section's text): the list is a block of its own.
TOP = "- zqta Một\n  - zqtb Hai\n  - zqtc Ba\n\nzqtd Đoạn sau.\n\n- zqte Bốn\n- zqtf Năm\n\nzqtg Đoạn cuối."


@pytest.fixture(scope="module")
def baselines(tmp_path_factory) -> list[tuple[str, float]]:
    points = [i for text in POINTS for i in items(text, origin=PUBLIC)]
    document = Document(
        Metadata(title="Sổ tay", language="vi", banner="Public"),
        [
            ListBlock(points, ordered=True, origin=PUBLIC),
            Paragraph([Run("zqpz Sau các điểm.", origin=PUBLIC)], "body", PUBLIC),
            *blocks(TOP, origin=PUBLIC),
        ],
    )
    target = tmp_path_factory.mktemp("lists") / "lists.pdf"
    render_pdf(document, load_template("formal-a4"), target)
    found = []
    for line in pdf_lines(Path(target)):
        words = [w for w in line.text.split() if w.startswith("zq")]
        if words:
            assert line.page == 1, "the test's text is meant to fit one page"
            found.append((words[0], line.y))
    return found


def _gaps(baselines: list[tuple[str, float]], first: str, last: str) -> dict[str, float]:
    names = [w for w, _ in baselines]
    span = baselines[names.index(first) : names.index(last) + 1]
    return {w: above - y for (_, above), (w, y) in pairwise(span)}


def _same(gap: float) -> object:
    """Equal to ``gap`` as the text layer's baselines (rounded to 0.1 pt) can tell; the old
    code's touching paragraph was a whole item space (3.3 pt at 11 pt) nearer."""
    return pytest.approx(gap, abs=0.25)


def test_the_paragraph_after_a_list_in_a_point_stands_as_far_as_the_next_item(baselines) -> None:
    gaps = _gaps(baselines, "zqpa", "zqpz")
    step = gaps["zqpb"]  # a nested item under its parent: one line and the item's space
    assert gaps["zqpd"] == _same(step), gaps  # after a nested list
    assert gaps["zqpg"] == _same(step), gaps  # after a flat list
    assert gaps["zqpl"] == _same(step), gaps  # the next point, after a point ending in a list
    assert gaps["zqpk"] == _same(step), gaps  # the next item, after a nested list
    assert gaps["zqpn"] == _same(step), gaps  # after a passage not for release
    assert gaps["zqpp"] == _same(step), gaps
    assert gaps["zqpz"] == _same(step), gaps  # the paragraph after the list of points
    assert all(gap == _same(step) for gap in gaps.values()), gaps


def test_the_paragraph_after_a_list_block_stands_as_far_as_the_next_item(baselines) -> None:
    gaps = _gaps(baselines, "zqta", "zqtf")
    assert gaps["zqtd"] == _same(gaps["zqtb"]), gaps  # after a nested list
    assert gaps["zqte"] > gaps["zqtb"], gaps  # a body paragraph's own space after it
    after_flat = _gaps(baselines, "zqtf", "zqtg")
    assert after_flat["zqtg"] == _same(gaps["zqtf"]), (gaps, after_flat)
