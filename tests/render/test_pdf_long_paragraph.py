"""A paragraph over many pages is broken into lines once, and its pages are reportlab's.

reportlab's own split hands the next page the rest of the words, broken again there
(a paragraph of N pages was broken about 2N times, its cost growing with the square
of its length). Ours cuts the lines already made (``briefbook.render.pdf_lines``);
these tests hold it to the same pages as reportlab's split, and to the whole text in
order in Vietnamese, Thai and Arabic.
"""

from __future__ import annotations

import copy
import io
import random
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image as PILImage
from pypdf import PdfReader
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import paragraph as rl_paragraph

from briefbook.document.model import (
    Document,
    Heading,
    ListBlock,
    ListItem,
    Metadata,
    Origin,
    PageBreak,
    Paragraph,
    Profile,
    Run,
    Table,
)
from briefbook.render import pdf_flowables
from briefbook.render.pdf import render_pdf
from briefbook.render.pdf_flowables import BookParagraph
from briefbook.render.pdf_fonts import Styles
from briefbook.render.template import load_template

TITLE = "Một đoạn dài"
VIETNAMESE = [
    "Việt Nam đánh giá cao việc tổ chức hội nghị và các sáng kiến quốc tế chống lừa đảo trực tuyến.",
    "Chia sẻ thông tin, tình báo và bằng chứng điện tử nhanh chóng, hiệu quả là then chốt.",
    "Viet Nam stands ready to work with partners to implement the Hanoi Convention.",
    "Bộ Ngoại giao đã chỉ đạo các cơ quan đại diện theo dõi sát tình hình, bảo hộ công dân.",
]
THAI = [
    "ประเทศไทยให้ความสำคัญกับความร่วมมือระหว่างประเทศในการต่อต้านการฉ้อโกงออนไลน์",
    "การแลกเปลี่ยนข้อมูลและหลักฐานอิเล็กทรอนิกส์อย่างรวดเร็วเป็นกุญแจสำคัญ",
    "รัฐมนตรีว่าการกระทรวงการต่างประเทศ สีหศักดิ์ พวงเกตุแก้ว กล่าวเปิดการประชุม",
]
# Without lam-alef: pdftotext reads that ligature's two letters the other way round
# (issue #10), which would hide what this file tests (the order of lines and pages).
ARABIC = [
    "اجتمع الوفد في بانكوك يوم 17 ديسمبر 2025 لمناقشة اتفاقية هانوي.",
    "وقال الوزير إن التعاون بين الدول ضروري لحماية المواطنين من عصابات النصب.",
    "يعمل الوفد مع الشركاء من أجل تنفيذ اتفاقية هانوي بسرعة.",
]
SCRIPTS = {"vi": VIETNAMESE, "thai": THAI, "arabic": ARABIC}
_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_PAGE = re.compile(r"Trang \d+ / \d+")


def _runs(pool: list[str], kb: int, seed: int, *, plain: bool = False) -> list[Run]:
    """About ``kb`` KB of sentences; some bold, italic or linked unless ``plain``."""
    rng, runs, size = random.Random(seed), [], 0
    while size < kb * 1024:
        sentence = rng.choice(pool) + " "
        size += len(sentence.encode())
        k = 1.0 if plain else rng.random()
        runs.append(
            Run(
                sentence,
                bold=k < 0.1,
                italic=0.1 <= k < 0.2,
                link="https://example.org/" if k < 0.03 else None,
            )
        )
    return runs


def _document(*blocks) -> Document:
    return Document(Metadata(title=TITLE, language="vi"), list(blocks))


def _render(document: Document, path: Path) -> Path:
    return render_pdf(document, load_template("formal-a4"), path)


def _body_text(pdf: Path) -> str:
    """What pdftotext reads of the pages' text, without the running header and the page
    numbers, bidi marks or any white space."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    kept = []
    for line in out.splitlines():
        line = _MARKS.sub("", line).strip().strip("\f")
        if line and line != TITLE and not _PAGE.fullmatch(line):
            kept.append(line)
    return re.sub(r"\s+", "", "".join(kept))


def _source(runs: list[Run]) -> str:
    return re.sub(r"\s+", "", "".join(r.text for r in runs))


@pytest.fixture
def breaks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts ``Paragraph.breakLines`` calls (ours wraps reportlab's: pdf_shaping)."""
    Styles(load_template("formal-a4"))  # registers our fonts and installs the shaping hooks first
    count = [0]
    real = rl_paragraph.Paragraph.breakLines

    def counted(self, *args, **kwargs):
        count[0] += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(rl_paragraph.Paragraph, "breakLines", counted)
    return count


CASES = {
    "vi-plain": lambda: _runs(VIETNAMESE, 40, 1, plain=True),  # one frag: reportlab's simple lines
    "vi": lambda: _runs(VIETNAMESE, 40, 2),
    "vi-line-breaks": lambda: [Run(r.text.replace(". ", ".\n"), r.bold) for r in _runs(VIETNAMESE, 40, 14)],
    "thai": lambda: _runs(THAI, 40, 3),  # shaped, cut at ICU's word boundaries
    "arabic": lambda: _runs(ARABIC, 40, 4),  # shaped, right to left, lines reordered
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_paragraph_over_many_pages_is_broken_into_lines_once(
    case: str, breaks: list[int], tmp_path: Path
) -> None:
    runs = CASES[case]()
    pdf = _render(_document(Paragraph(runs)), tmp_path / "long.pdf")
    assert len(PdfReader(pdf).pages) >= 4
    assert breaks[0] == 1  # before: each page's rest broken again (about twice a page)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_text_of_a_paragraph_over_many_pages_is_complete_and_in_order(case: str, tmp_path: Path) -> None:
    runs = CASES[case]()
    pdf = _render(_document(Paragraph(runs)), tmp_path / "long.pdf")
    assert len(PdfReader(pdf).pages) >= 4
    assert _body_text(pdf) == _source(runs)


def _pages(pdf: Path) -> tuple[list[str], list[list[str]]]:
    """Each page's text as pdftotext -layout lays it out, and each page's link targets."""
    layout = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    links = [
        [str(a.get_object().get("/A", {}).get("/URI", "")) for a in page.get("/Annots", []) or []]
        for page in PdfReader(pdf).pages
    ]
    return layout.stdout.split("\f"), links


def test_the_pages_are_those_of_reportlabs_own_split(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same lines on the same pages, links included, as when reportlab splits: a
    100 KB Vietnamese paragraph under a heading, Thai, Arabic, a numbered item, a
    quotation, a passage not for release and a table's cells."""
    document = _document(
        Heading(1, "Đoạn dài", "long"),
        Paragraph(_runs(VIETNAMESE, 100, 5)),
        Heading(2, "ภาษาไทย", "thai"),  # kept with the first lines of what follows (KeepWithNext)
        Paragraph(_runs(THAI, 20, 6)),
        Heading(2, "العربية", "arabic"),
        Paragraph(_runs(ARABIC, 20, 7)),
        Heading(2, "Danh sách", "list"),
        ListBlock([ListItem(_runs(VIETNAMESE, 15, 8)), ListItem([Run("Ngắn.")])], ordered=True),
        Paragraph(_runs(VIETNAMESE, 6, 9), style="quote"),
        # A passage not for release: its side rule splits with it (SideRule).
        Paragraph(_runs(THAI, 8, 13), origin=Origin(level="Internal", not_for_release=True)),
        Table(  # cells longer than a page split inside the row (splitInRow)
            [[[Paragraph([Run("Cột A")])], [Paragraph([Run("Cột B")])]]],
            [[[Paragraph(_runs(VIETNAMESE, 12, 10))], [Paragraph(_runs(THAI, 6, 11))]]],
        ),
    )
    ours = _pages(_render(document, tmp_path / "ours.pdf"))
    monkeypatch.setattr(pdf_flowables, "split_lines", lambda *args: None)  # reportlab's split
    theirs = _pages(_render(document, tmp_path / "reportlab.pdf"))
    assert len(ours[0]) > 30
    assert ours == theirs


# -- the parts themselves, against reportlab's ----------------------------------------------


def _style(**kw) -> ParagraphStyle:
    styles = Styles(load_template("formal-a4"))
    return ParagraphStyle("test", parent=styles.get("body"), **kw)


def _lines(para) -> list[str]:
    info = para.blPara
    if info.kind == 0:
        return [" ".join(words) for _extra, words in info.lines]
    return ["".join(getattr(w, "text", "") for w in line.words) for line in info.lines]


TEXT = " ".join(VIETNAMESE * 6)


MARKUPS = [
    TEXT,  # one frag: reportlab's simple lines
    TEXT.replace("Hanoi", "<b>Hanoi</b>"),
    TEXT.replace("Convention. ", "Convention.<br/>"),  # forced line breaks: never justified
    TEXT.replace("Convention", "Con\u00advention"),  # soft hyphens
    TEXT.replace("Hanoi", "H" * 120),  # a word longer than a line (splitLongWords)
]


@pytest.mark.parametrize("widows", [0, 1])
@pytest.mark.parametrize("orphans", [0, 1])
@pytest.mark.parametrize("markup", MARKUPS, ids=["plain", "bold", "line-breaks", "soft-hyphens", "long-word"])
def test_each_split_keeps_the_lines_reportlab_would_put_on_the_page(
    widows: int, orphans: int, markup: str
) -> None:
    style = _style(allowWidows=widows, allowOrphans=orphans, alignment=TA_JUSTIFY, firstLineIndent=12)
    whole = BookParagraph(markup, style, bulletText="•")
    _w, height = whole.wrap(300, 10_000)
    count = round(height / style.leading)
    assert count > 6
    for fit in range(0, count + 2):
        avail = fit * style.leading + 0.5
        ours = BookParagraph(markup, style, bulletText="•").split(300, avail)
        theirs = RLParagraph(markup, style, bulletText="•").split(300, avail)
        assert len(ours) == len(theirs), fit
        for mine, reportlab in zip(ours, theirs, strict=True):
            reportlab.wrap(300, 10_000)
            expected, height = _lines(reportlab), reportlab.height
            if mine is not ours[0] and expected[0] == "":
                # reportlab's rest after a forced line break begins with the break, broken
                # again into an empty line at the top of the next page; ours has none
                expected, height = expected[1:], height - style.leading
            assert mine.wrap(300, 10_000) == (300, pytest.approx(height))
            assert _lines(mine) == expected
            assert _lines(mine)[0] != ""
            assert mine.bulletText == reportlab.bulletText
            assert mine.style.firstLineIndent == reportlab.style.firstLineIndent
            assert getattr(mine, "_JustifyLast", False) == getattr(reportlab, "_JustifyLast", False)


def test_a_split_breaks_no_lines_and_the_rest_splits_again_from_its_lines(breaks: list[int]) -> None:
    style = _style()
    para = BookParagraph(TEXT, style)
    para.wrap(300, 10_000)
    total = _lines(para)
    assert breaks[0] == 1
    parts, seen = [], []
    rest = para
    while True:
        pieces = rest.split(300, 5 * style.leading + 1)
        if len(pieces) < 2:
            parts.append(rest)
            break
        parts.append(pieces[0])
        rest = pieces[1]
    for part in parts:
        part.wrap(300, 5 * style.leading + 1)  # as the frame does before it draws
        seen += _lines(part)
    assert len(parts) > 3
    assert seen == total
    assert breaks[0] == 1


def test_a_rest_placed_at_another_width_is_broken_again_from_its_own_words(breaks: list[int]) -> None:
    """A frame of another width (or a narrower column) gets the rest's words, as reportlab's."""
    style = _style()
    markup = TEXT.replace("Hanoi", "<i>Hanoi</i>")
    ours = BookParagraph(markup, style).split(300, 4 * style.leading + 1)[1]
    theirs = RLParagraph(markup, style).split(300, 4 * style.leading + 1)[1]
    assert ours.wrap(200, 10_000) == theirs.wrap(200, 10_000)
    assert _lines(ours) == _lines(theirs)
    assert ours.getPlainText() == theirs.getPlainText()


# -- a person's card with a biography longer than a page ------------------------------------


def _card(photo: bool, kb: int) -> Profile:
    image = io.BytesIO()
    PILImage.new("RGB", (300, 400), (90, 120, 160)).save(image, "PNG")
    lines = [
        Paragraph([Run("Thongsavanh Phomvihane", italic=True)]),
        Paragraph([Run("Thứ trưởng Ngoại giao")]),
        Paragraph(_runs(VIETNAMESE, kb, 12, plain=True)),
    ]
    return Profile("ທອງສະຫວັນ ພົມວິຫານ", image.getvalue() if photo else None, lines, anchor="person")


def _page_texts(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in out.split("\f")]


@pytest.mark.parametrize("photo", [False, True])
def test_a_card_longer_than_a_page_starts_under_its_heading(photo: bool, tmp_path: Path) -> None:
    """It split overleaf anyway: moved whole, it left the annex's title alone on a page."""
    document = _document(
        Paragraph([Run("Mở đầu.")]),
        PageBreak(),
        Heading(1, "Phụ lục: tiểu sử", "annex"),
        _card(photo, 10),
    )
    pages = _page_texts(_render(document, tmp_path / "card.pdf"))
    assert "Phụ lục: tiểu sử" in pages[1]
    assert "ພົມວິຫານ" in pages[1] and "Thứ trưởng Ngoại giao" in pages[1]
    assert len(pages[1]) > 2000  # the biography starts there too
    assert _source(_card(photo, 10).lines[2].runs) in _body_text(tmp_path / "card.pdf")


@pytest.mark.parametrize("before", range(36, 44))
def test_the_name_on_a_long_card_never_ends_a_page(before: int, tmp_path: Path) -> None:
    """Started at the foot of a page, the card keeps its name with two lines or more of its text."""
    filler = Paragraph([Run(" ".join(VIETNAMESE[i % 4] for i in range(before)))])
    pages = _page_texts(_render(_document(filler, _card(False, 10)), tmp_path / "card.pdf"))
    page = next(p for p in pages if "ພົມວິຫານ" in p)
    after = page.split("Thứ trưởng Ngoại giao", 1)[1]
    assert len(re.sub(_PAGE, "", after).strip()) > 100, page[-300:]


def test_a_copy_to_try_a_split_on_shares_the_lines_and_leaves_them_whole(breaks: list[int]) -> None:
    """reportlab splits a deep copy of the text beside a photo at each try: the copy
    shares the lines (no copy of every word of a long biography), and splitting it
    changes nothing of the paragraph's own."""
    style = _style()
    para = BookParagraph(TEXT.replace("Hanoi", "<b>Hanoi</b>"), style)
    para.wrap(300, 10_000)
    before = _lines(para)
    twin = copy.deepcopy(para)
    assert twin.blPara is para.blPara and twin.style is para.style
    first, rest = twin.split(300, 5 * style.leading + 1)
    assert _lines(first) + _lines(rest) == before == _lines(para)
    assert para.wrap(300, 10_000) == twin.wrap(300, 10_000)
    assert breaks[0] == 1
