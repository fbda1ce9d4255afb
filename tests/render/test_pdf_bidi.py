"""Right-to-left text that wraps: each line of the PDF reads in the order of the text.

The words' positions come from ``pdftotext -bbox``; a right-to-left word is read from
the right, so on each line its words, taken from right to left, must follow the
text's order, and the first line must hold the first words.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader

from briefbook.document.model import Document, Metadata, Paragraph, Run
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template

PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")

# Forty distinct Arabic words (without the lam-alef ligature, whose two letters poppler's
# word boxes give in the order of the glyph, not of the text).
ARABIC = (
    "كتاب قلم بيت شمس قمر نجمة بحر جبل نهر شجرة وردة مدينة سماء أرض طريق باب نافذة مفتاح "
    "مدرسة معلم طبيب مهندس سفير وزير رئيس حكومة دولة شعب تاريخ ثقافة علم فن موسيقى رسم "
    "شعر نثر قصة رواية مسرح سينما"
).split()
NAME = "عبد الله بن زايد".split()
VIETNAMESE = "Bộ trưởng Ngoại giao đã tiếp ngài".split()
AFTER = "tại trụ sở Bộ vào sáng nay để trao đổi về hợp tác song phương".split()
_BIDI_MARKS = re.compile("[\u202a-\u202e\u200e\u200f]")
_RTL = re.compile("[\u0590-\u08ff]")


@pytest.fixture(scope="module")
def a4():
    return load_template("formal-a4")


def _lines(path, page: int = 1) -> list[list[tuple[float, str]]]:
    """The words of a page as lines from the top, each word (left edge, text as written)."""
    command = [PDFTOTEXT, "-bbox", "-f", str(page), "-l", str(page), str(path), "-"]
    out = subprocess.run(command, capture_output=True, check=True)
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", out.stdout.decode("utf-8"))
    words = []
    for w in ElementTree.fromstring(xml).iter("{http://www.w3.org/1999/xhtml}word"):
        text = unicodedata.normalize("NFC", _BIDI_MARKS.sub("", w.text or ""))
        if not text:
            continue  # a direction mark for poppler's reading order (pdf_writing): invisible
        if _RTL.search(text):
            text = text[::-1]  # poppler gives a right-to-left word's letters as drawn
        middle = (float(w.get("yMin")) + float(w.get("yMax"))) / 2
        words.append((middle, float(w.get("xMin")), text))
    lines: list[list[tuple[float, str]]] = []
    last = None
    for middle, x, text in sorted(words):
        if last is None or middle - last > 5:
            lines.append([])
            last = middle
        lines[-1].append((x, text))
    return lines


def _read(line: list[tuple[float, str]], rtl: bool) -> list[str]:
    return [t for _x, t in sorted(line, reverse=rtl)]


def test_a_wrapped_arabic_paragraph_reads_from_the_right_line_by_line(a4, tmp_path):
    text = " ".join(ARABIC)
    path = render_pdf(Document(Metadata(title="t"), [Paragraph([Run(text)])]), a4, tmp_path / "ar.pdf")
    lines = [line for line in _lines(path) if any(_RTL.search(t) for _x, t in line)]
    assert len(lines) >= 3, lines
    read = [_read(line, rtl=True) for line in lines]
    assert read[0][0] == ARABIC[0], read  # the first line starts with the first word
    assert [w for line in read for w in line] == ARABIC, read
    # The paragraph reads from the right: every line but the last ends at the right margin,
    # and the last one too (it is right-aligned).
    rights = [max(x for x, _t in line) for line in lines]
    assert max(rights) - min(rights) < 30, rights
    # The text layer still has the paragraph as written.
    extracted = " ".join(unicodedata.normalize("NFC", PdfReader(path).pages[0].extract_text()).split())
    assert text in extracted


def test_an_arabic_paragraph_split_over_two_pages_reads_on(a4, tmp_path):
    filler = [Paragraph([Run("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 6)])] * 9
    words = ARABIC * 3
    doc = Document(Metadata(title="t"), [*filler, Paragraph([Run(" ".join(words))])])
    path = render_pdf(doc, a4, tmp_path / "split.pdf")
    assert len(PdfReader(path).pages) == 2
    pages = [[ln for ln in _lines(path, page) if any(_RTL.search(t) for _x, t in ln)] for page in (1, 2)]
    assert pages[0] and pages[1], "the paragraph did not split over the pages"
    read = [_read(line, rtl=True) for page in pages for line in page]
    assert [w for line in read for w in line] == words, read


def test_an_arabic_name_that_wraps_inside_a_vietnamese_line_keeps_its_order(a4, tmp_path):
    wrapped = 0
    for extra in range(0, 14):
        before = (VIETNAMESE * 3)[: len(VIETNAMESE) + extra]
        words = [*before, *NAME, *AFTER]
        doc = Document(Metadata(title="t"), [Paragraph([Run(" ".join(words))])])
        lines = _lines(render_pdf(doc, a4, tmp_path / f"mixed{extra}.pdf"))
        lines = [line for line in lines if any(t in words for _x, t in line)]
        latin = [t for line in lines for t in _read([w for w in line if not _RTL.search(w[1])], rtl=False)]
        arabic = [[t for t in _read(line, rtl=True) if _RTL.search(t)] for line in lines]
        assert latin == [*before, *AFTER], (extra, lines)
        assert [w for line in arabic for w in line] == NAME, (extra, arabic)
        if sum(1 for line in arabic if line) > 1:
            wrapped += 1
            first = next(i for i, line in enumerate(lines) if arabic[i])
            # The name's first words end their line, the very first at its right end.
            assert max(lines[first])[1] == arabic[first][0], (extra, lines[first])
    assert wrapped, "no offset made the name wrap: the test proves nothing"


def test_arabic_indic_numbers_read_left_to_right_among_arabic_words(a4, tmp_path):
    text = "الفقرة ١٢٣ من المادة ٤٥"
    path = render_pdf(Document(Metadata(title="t"), [Paragraph([Run(text)])]), a4, tmp_path / "n.pdf")
    out = subprocess.run(
        [PDFTOTEXT, "-bbox", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    drawn = [_BIDI_MARKS.sub("", w) for w in re.findall(r"<word [^>]*>([^<]*)</word>", out)]
    drawn = [w for w in drawn if w]
    # Digits are drawn left to right (the box's text is in the order drawn) ...
    assert "١٢٣" in drawn and "٤٥" in drawn, drawn
    # ... and, read from the right, the number comes after the word before it.
    lines = [line for line in _lines(path) if any(_RTL.search(t) for _x, t in line)]
    read = [t if not t[0].isdigit() else t[::-1] for t in _read(lines[0], rtl=True)]
    assert read == text.split(), read


def test_numbers_between_arabic_words_in_a_vietnamese_line_follow_the_algorithm(a4, tmp_path):
    # UAX #9: 12 follows a Latin letter (left to right); 34 sits between Arabic words, so
    # it belongs to their run, which is reversed as a whole: Số 12 علي 34 محمد on the page.
    doc = Document(Metadata(title="t"), [Paragraph([Run("Số 12 محمد 34 علي")])])
    lines = _lines(render_pdf(doc, a4, tmp_path / "m.pdf"))
    line = next(ln for ln in lines if any(_RTL.search(t) for _x, t in ln))
    assert _read(line, rtl=False) == ["Số", "12", "علي", "34", "محمد"], line


@pytest.mark.parametrize("mark", ["", "\u200f"])
def test_a_vietnamese_paragraph_that_begins_with_an_arabic_name_reads_from_the_left(a4, tmp_path, mark):
    """The book's language sets the paragraph's direction (Unicode's first-strong rule made
    this paragraph right to left: right-aligned, the name at the right end and the
    Vietnamese before it). A right-to-left mark kept in the name changes nothing."""
    text = mark + " ".join([*NAME, *AFTER[:6]])
    doc = Document(Metadata(title="t", language="vi"), [Paragraph([Run(text)]), Paragraph([Run(AFTER[0])])])
    lines = _lines(render_pdf(doc, a4, tmp_path / "name.pdf"))
    line = next(ln for ln in lines if any(_RTL.search(t) for _x, t in ln))
    plain = next(ln for ln in lines if [t for _x, t in ln] == [AFTER[0]])
    read = _read(line, rtl=False)
    # From the left margin: the name (its words read from the right), then the Vietnamese.
    assert min(line)[0] == pytest.approx(plain[0][0], abs=0.5), (line, plain)
    assert read == [*NAME[::-1], *AFTER[:6]], read
