"""A long paragraph broken into lines in pieces (``briefbook.render.pdf_breaking``) gets
exactly the lines, frag words and widest line that one call of reportlab's
``breakLines`` gives it.

The pieces are made tiny here (a few words), so that every kind of line start meets a
piece's end: bold and links (several frags), forced line breaks, soft hyphens, words
longer than a line, a bullet and a first-line indent, Thai cut at word boundaries and
shaped, Arabic reordered, and one-font paragraphs (reportlab's "kind 0").
"""

from __future__ import annotations

import random

import pytest
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph as rl_paragraph

from briefbook.document.model import Document, Metadata, Run
from briefbook.render import pdf_breaking
from briefbook.render.pdf_blocks import paragraph
from briefbook.render.pdf_flowables import BookParagraph
from briefbook.render.pdf_layout import BookState
from briefbook.render.template import load_template

VIETNAMESE = [
    "Việt Nam đánh giá cao việc tổ chức hội nghị và các sáng kiến quốc tế chống lừa đảo trực tuyến.",
    "Viet Nam stands ready to work with partners to implement the Hanoi Convention.",
    "Bộ Ngoại giao đã chỉ đạo các cơ quan đại diện theo dõi sát tình hình, bảo hộ công dân.",
]
THAI = [
    "ประเทศไทยให้ความสำคัญกับความร่วมมือระหว่างประเทศในการต่อต้านการฉ้อโกงออนไลน์",
    "รัฐมนตรีว่าการกระทรวงการต่างประเทศ สีหศักดิ์ พวงเกตุแก้ว (Sihasak) กล่าวเปิดการประชุม",
]
ARABIC = [
    "اجتمع الوفد في بانكوك يوم 17 ديسمبر 2025 لمناقشة اتفاقية هانوي.",
    "وقال الوزير إن التعاون بين الدول ضروري لحماية المواطنين.",
]


def _runs(pool: list[str], count: int, seed: int, *, plain: bool = False, extra: str = "") -> list[Run]:
    rng = random.Random(seed)
    runs = []
    for _ in range(count):
        k = 1.0 if plain else rng.random()
        text = rng.choice(pool) + " "
        if extra == "long" and rng.random() < 0.2:
            text = "https://example.org/" + "x" * rng.randint(60, 400) + " " + text
        elif extra == "breaks" and rng.random() < 0.3:
            text = text.replace(". ", ".\n")
        elif extra == "shy":
            text = text.replace("Convention", "Con\u00advention")
        runs.append(
            Run(text, bold=k < 0.1, italic=0.1 <= k < 0.2, link="https://example.org/" if k < 0.03 else None)
        )
    return runs


CASES = {
    "vi-plain": lambda: _runs(VIETNAMESE, 60, 1, plain=True),
    "vi": lambda: _runs(VIETNAMESE, 60, 2),
    "vi-plain-long-words": lambda: _runs(VIETNAMESE, 60, 3, plain=True, extra="long"),
    "vi-long-words": lambda: _runs(VIETNAMESE, 60, 4, extra="long"),
    "vi-line-breaks": lambda: _runs(VIETNAMESE, 60, 5, extra="breaks"),
    "vi-plain-line-breaks": lambda: _runs(VIETNAMESE, 60, 6, plain=True, extra="breaks"),
    "vi-soft-hyphens": lambda: _runs(VIETNAMESE, 60, 7, extra="shy"),
    "thai": lambda: _runs(THAI, 40, 8),
    "thai-plain": lambda: _runs(THAI, 40, 9, plain=True),
    "arabic": lambda: _runs(ARABIC, 40, 10),
}


def _state() -> BookState:
    document = Document(Metadata(title="Một đoạn dài", language="vi"), [])
    return BookState(document, load_template("formal-a4"), forward_refs=False, progress=None)


def _describe(para) -> tuple:
    """Everything reportlab's breakLines leaves: the lines, the frag words they index, the
    widest line."""
    info = para.blPara
    if info.kind == 0:
        lines = [
            (round(extra, 6), [(type(w).__name__, str(w)) for w in words]) for extra, words in info.lines
        ]
        frag_words = None
    else:
        lines = [
            (
                round(line.extraSpace, 6),
                line.wordCount,
                line.lineBreak,
                line.sFW,
                line.fontSize,
                line.ascent,
                line.descent,
                line.maxWidth,
                getattr(line, "bb_rtl", None),
                [(w.fontName, w.fontSize, w.text, getattr(w, "bb_level", None)) for w in line.words],
            )
            for line in info.lines
        ]
        frag_words = [
            (type(w).__name__, round(w[0], 6), [(f.fontName, str(s)) for f, s in w[1:]]) for w in para.frags
        ]
    return info.kind, lines, frag_words, round(para._width_max, 6), para.height


def _broken(make, width, *, pieces: bool, monkeypatch: pytest.MonkeyPatch, chunk: int = 5):
    monkeypatch.setattr(pdf_breaking, "CHUNK", chunk)
    monkeypatch.setattr(pdf_breaking, "LONG", 0)
    para = make()
    para.bb_pieces = pieces
    para.wrap(width, 100_000)
    return para


@pytest.mark.parametrize("width", [120, 300])
@pytest.mark.parametrize("case", sorted(CASES))
def test_lines_broken_in_pieces_are_those_of_one_call(case: str, width: int, monkeypatch) -> None:
    state = _state()
    runs = CASES[case]()

    def make():
        return paragraph(state, runs)

    one = _describe(_broken(make, width, pieces=False, monkeypatch=monkeypatch))
    assert len(one[1]) > 20
    for chunk in (3, 5, 8, 40):
        assert _describe(_broken(make, width, pieces=True, monkeypatch=monkeypatch, chunk=chunk)) == one, (
            chunk
        )


@pytest.mark.parametrize("indent", [0, 40])
@pytest.mark.parametrize("case", ["vi-plain", "vi", "thai"])
def test_a_bullet_and_a_first_line_indent_stay_on_the_first_line(case: str, indent: int, monkeypatch) -> None:
    state = _state()
    runs = CASES[case]()
    style = ParagraphStyle("indented", parent=state.styles.get("body", "".join(r.text for r in runs)))
    style.firstLineIndent, style.alignment = indent, TA_JUSTIFY

    def make():
        return BookParagraph(state.markup.runs(runs), style, bulletText="•")

    one = _describe(_broken(make, 250, pieces=False, monkeypatch=monkeypatch))
    assert _describe(_broken(make, 250, pieces=True, monkeypatch=monkeypatch, chunk=4)) == one
    # One width rather than a list (reportlab then narrows every line for the bullet).
    single = make()
    single.bb_pieces = False
    single.blPara = single.breakLines(250)
    pieces = make()
    pieces.blPara = pieces.breakLines(250)
    assert _describe(pieces) == _describe(single)


def test_a_short_paragraph_is_broken_in_one_call(monkeypatch) -> None:
    """Below ``LONG`` characters nothing changes: reportlab's breakLines is called once."""
    calls = []
    real = pdf_breaking._many_frags

    monkeypatch.setattr(pdf_breaking, "_many_frags", lambda *a: calls.append(1) or real(*a))
    para = paragraph(_state(), CASES["vi"]())
    para.wrap(300, 10_000)
    assert len("".join(r.text for r in CASES["vi"]())) < pdf_breaking.LONG
    assert calls == []


def test_reportlabs_own_paragraphs_keep_one_call(monkeypatch) -> None:
    """The bench's floor is plain reportlab: its paragraphs are not broken in pieces."""
    monkeypatch.setattr(pdf_breaking, "LONG", 0)
    state = _state()
    runs = CASES["vi"]()
    para = rl_paragraph.Paragraph(state.markup.runs(runs), state.styles.get("body"))
    assert pdf_breaking.break_long(para, 300, lambda *a: pytest.fail("broken in pieces")) is None
