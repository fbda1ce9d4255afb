"""Right-to-left blocks as a reader sees them: justified Arabic, Arabic list items with
their bullets and numbers on the right (nested lists too), Arabic table cells aligned
right. Positions come from ``pdftotext -bbox`` (A4, margins 25 mm and 20 mm)."""

from __future__ import annotations

import re
import shutil
import subprocess
from xml.etree import ElementTree

import pytest
from reportlab.lib.units import mm

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
from briefbook.render import pdf_layout
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template

PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
LEFT, RIGHT = 25 * mm, (210 - 20) * mm
INDENT = 6.5 * mm
_MARKS = re.compile("[\u200e\u200f\u202a-\u202e]")
SENTENCE = "يعمل الوفد مع الشركاء من أجل تنفيذ اتفاقية هانوي بسرعة، وقال الوزير إن التعاون ضروري. "


@pytest.fixture(scope="module")
def a4():
    return load_template("formal-a4")


def _words(path) -> list[tuple[float, float, float, str]]:
    """Each word on page 1: (middle height, left, right, text without direction marks)."""
    command = [PDFTOTEXT, "-bbox", "-f", "1", "-l", "1", str(path), "-"]
    out = subprocess.run(command, capture_output=True, check=True)
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", out.stdout.decode("utf-8"))
    words = []
    for w in ElementTree.fromstring(xml).iter("{http://www.w3.org/1999/xhtml}word"):
        text = _MARKS.sub("", w.text or "")
        if text:
            middle = (float(w.get("yMin")) + float(w.get("yMax"))) / 2
            words.append((middle, float(w.get("xMin")), float(w.get("xMax")), text))
    return words


def _lines(words) -> list[list[tuple[float, float, float, str]]]:
    lines: list[list] = []
    for word in sorted(words):
        if lines and word[0] - lines[-1][0][0] < 5:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w[1]) for line in lines]


def _render(a4, tmp_path, blocks):
    return render_pdf(Document(Metadata(title="t"), blocks), a4, tmp_path / "b.pdf")


def test_a_justified_arabic_paragraph_is_flush_on_both_sides_and_its_last_line_right(a4, tmp_path):
    path = _render(a4, tmp_path, [Paragraph([Run(SENTENCE * 5)])])
    lines = [ln for ln in _lines(_words(path)) if any("\u0600" <= c <= "\u06ff" for w in ln for c in w[3])]
    assert len(lines) >= 4, lines
    for line in lines[:-1]:
        assert abs(line[0][1] - LEFT) < 2 and abs(line[-1][2] - RIGHT) < 2, line
    last = lines[-1]
    assert abs(last[-1][2] - RIGHT) < 2, last  # flush right
    assert last[0][1] > LEFT + 20, last  # and short: not stretched to the left margin


def _item_lines(path, text: str):
    """The line holding ``text``'s first word, and that word."""
    for line in _lines(_words(path)):
        for word in line:
            if word[3] == text.split()[0][::-1] or word[3] == text.split()[0]:
                return line, word
    raise AssertionError(f"{text!r} not found")


def test_an_arabic_list_item_has_its_number_on_the_right(a4, tmp_path):
    items = ["رسالة رئيسية عن التعاون", "اتفاقية هانوي والمادة ١٢", "الخطوة الثالثة"]
    path = _render(a4, tmp_path, [ListBlock([ListItem([Run(t)]) for t in items], ordered=True)])
    for n, text in enumerate(items, start=1):
        line, _word = _item_lines(path, text)
        number = line[-1]
        assert number[3] == f".{n}", line  # the number, its full stop on its left, ends the line
        assert abs(number[2] - RIGHT) < 2, number
        text_words = line[:-1]
        assert abs(text_words[-1][2] - (RIGHT - INDENT)) < 3, line  # the text right-aligned at the indent


def test_a_nested_arabic_list_is_indented_from_the_right(a4, tmp_path):
    inner = ListBlock([ListItem([Run("نقطة فرعية أولى")]), ListItem([Run("نقطة فرعية ثانية")])])
    outer = ListBlock([ListItem([Run("رسالة رئيسية")], children=inner), ListItem([Run("رسالة أخرى")])])
    path = _render(a4, tmp_path, [outer])
    top, _ = _item_lines(path, "رسالة رئيسية")
    sub, _ = _item_lines(path, "نقطة فرعية أولى")
    assert top[-1][3] == "•" and sub[-1][3] == "–", (top, sub)
    assert abs(top[-1][2] - RIGHT) < 2, top
    assert abs(sub[-1][2] - (RIGHT - INDENT)) < 2, sub  # the inner bullet one indent in
    assert abs(sub[-2][2] - (RIGHT - 2 * INDENT)) < 3, sub


def test_a_vietnamese_item_keeps_its_bullet_on_the_left_beside_an_arabic_one(a4, tmp_path):
    block = ListBlock([ListItem([Run("Điểm thứ nhất")]), ListItem([Run("نقطة بالعربية")])])
    path = _render(a4, tmp_path, [block])
    latin, _ = _item_lines(path, "Điểm thứ nhất")
    arabic, _ = _item_lines(path, "نقطة بالعربية")
    assert latin[0][3] == "•" and abs(latin[0][1] - LEFT) < 2, latin
    assert arabic[-1][3] == "•" and abs(arabic[-1][2] - RIGHT) < 2, arabic


def test_arabic_table_cells_are_aligned_right_in_their_cells(a4, tmp_path):
    table = Table(
        header=[[[Paragraph([Run("الاسم")])], [Paragraph([Run("Chức vụ")])]]],
        rows=[[[Paragraph([Run("محمد بن سلمان")])], [Paragraph([Run("Thái tử")])]]],
    )
    path = _render(a4, tmp_path, [table])
    middle = LEFT + (RIGHT - LEFT) / 2  # two equal columns
    name, _ = _item_lines(path, "محمد بن سلمان")
    arabic = [w for w in name if w[2] <= middle + 1]
    assert abs(arabic[-1][2] - (middle - 4)) < 2, name  # flush with the cell's right padding
    latin = [w for w in name if w[1] >= middle]
    assert abs(latin[0][1] - (middle + 4)) < 2, name  # the Vietnamese cell stays left


@pytest.mark.parametrize(
    "title", ["اتفاقية هانوي لمكافحة الجرائم الإلكترونية", "การหลอกลวงทางออนไลน์ข้ามชาติ", "Chương hai"]
)
def test_a_contents_leader_starts_where_a_shaped_title_ends(a4, tmp_path, monkeypatch, title):
    # reportlab measured a shaped line by the widths of its codes (the boxes text
    # extractors see, wider than the glyphs for a cluster), so the leader began late.
    ends = []
    own = pdf_layout.BookState.contents_entry_end

    def recorded(self, canv, kind, label):
        ends.append(canv._curr_tx_info["cur_x"])  # where the leader starts (frame's left: 0)
        return own(self, canv, kind, label)

    monkeypatch.setattr(pdf_layout.BookState, "contents_entry_end", recorded)
    blocks = [Contents("Mục lục"), Heading(1, "Chương một", "h1"), Heading(2, title, "h2")]
    path = _render(a4, tmp_path, blocks)
    entry = [ln for ln in _lines(_words(path)) if len(ln) > 1 and ln[-1][3] == "2"][1]
    assert abs(ends[-1] - (entry[-2][2] - LEFT)) < 1.5, (ends, entry)
