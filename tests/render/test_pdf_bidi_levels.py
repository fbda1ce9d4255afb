"""The bidirectional algorithm in full: explicit controls and numbers in right-to-left text.

Each line's glyphs, in the order the page draws them (left to right), must spell what
the Unicode bidirectional algorithm (python-bidi's unicode-bidi, ``get_display``) gives
for that line, explicit embeddings, overrides and isolates included; the controls
themselves are never drawn and never in the text layer.
"""

from __future__ import annotations

import pytest
from bidi import get_base_level, get_display
from pypdf import PdfReader

from briefbook.document.model import Document, Metadata, Paragraph, Run
from briefbook.render.bidi_lines import CONTROLS
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template
from tests.render.drawn import drawn_lines

CASES = {
    "override in Latin": "Code \u202eXYZ\u202c ends",
    "isolate of English in Arabic": "قال \u2066Hello World\u2069 اليوم",
    "left-to-right embedding in Arabic": "اتفاقية \u202aUN 2025\u202c هانوي",
    "right-to-left embedding of Latin": "\u202bSố 12\u202c",
    "right-to-left mark": "a\u200fb",
    "right-to-left override of Arabic": "\u202eمحمد\u202c",
    "left-to-right override of Arabic": "نص \u202dمحمد\u202c نص",
    "first-strong isolate": "قال \u2068Hello\u2069 اليوم",
    "Arabic letter mark before a number": "رقم \u061c-12 هنا",
    "a European number in an Arabic sentence": "المادة 12 من المعاهدة لعام 2025",
    "digits inside Arabic words": "م12 و2025م",
    "Arabic-Indic digits inside Arabic words": "سنة١٤٤٦هـ والبند٢٣",
    "an Arabic-Indic number": "الفقرة ١٢٣ من المادة ٤٥",
    "numbers between Arabic words in a Vietnamese line": "Số 12 محمد 34 علي",
}


@pytest.fixture(scope="module")
def a4():
    return load_template("formal-a4")


def _expected(text: str) -> str:
    visual = get_display(text, base_dir="R" if get_base_level(text) else "L")
    return CONTROLS.sub("", visual)


@pytest.mark.parametrize("name", list(CASES))
def test_each_line_is_drawn_in_the_algorithms_order(a4, tmp_path, name):
    text = CASES[name]
    path = render_pdf(Document(Metadata(title="t"), [Paragraph([Run(text)])]), a4, tmp_path / "b.pdf")
    lines = [line for line in drawn_lines(path) if line not in ("t", "Page 1 of 1")]
    assert lines == [_expected(text)], (ascii(lines), ascii(_expected(text)))


@pytest.mark.parametrize("name", [n for n in CASES if CONTROLS.search(CASES[n])])
def test_the_controls_are_never_drawn_nor_extracted(a4, tmp_path, name):
    path = render_pdf(Document(Metadata(title="t"), [Paragraph([Run(CASES[name])])]), a4, tmp_path / "c.pdf")
    assert not any(CONTROLS.search(line) for line in drawn_lines(path))
    assert not CONTROLS.search(PdfReader(path).pages[0].extract_text())


def test_an_override_wrapping_onto_the_next_line_keeps_its_level(a4, tmp_path):
    # An override opened on one line holds on the next: levels are the paragraph's,
    # resolved before the lines are broken.
    words = [f"w{i:02d}" for i in range(40)]
    text = "Start \u202e" + " ".join(words) + "\u202c end"
    path = render_pdf(Document(Metadata(title="t"), [Paragraph([Run(text)])]), a4, tmp_path / "w.pdf")
    lines = [line for line in drawn_lines(path) if line not in ("t", "Page 1 of 1")]
    assert len(lines) >= 2, lines
    # Every word inside the override is drawn backwards, on every line.
    drawn_words = [w for line in lines for w in line.split() if w not in ("Start", "end")]
    assert sorted(drawn_words) == sorted(w[::-1] for w in words), lines
