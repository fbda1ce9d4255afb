"""Arabic reads back as written from the PDF, in both pdftotext and pypdf.

Each case is a paragraph between two others in the same direction (poppler reads a
whole page in the direction most of its letters have). pypdf must give the source
exactly; pdftotext too, once the direction marks it adds (and the invisible ones we
give it: pdf_writing) are taken out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

from briefbook.document.model import Document, Metadata, Paragraph, Run
from briefbook.render.bidi_lines import reads_from_right
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template

PDFTOTEXT = shutil.which("pdftotext")
_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
ARABIC_PAGE = "كتاب قلم بيت شمس قمر نجمة بحر جبل نهر شجرة وردة مدينة سماء أرض طريق باب"
LATIN_PAGE = "Bộ Ngoại giao chuẩn bị hồ sơ cho đoàn đại biểu tham dự hội nghị quốc tế"

CASES = {
    "a name": "محمد بن سلمان",
    "a long name": "وزير الخارجية عبد الله بن زايد آل نهيان",
    "lam-alef": "لا إله",
    "lam-alef inside words": "السلام عليكم وفد الإمارات",
    "Arabic-Indic numbers": "الفقرة ١٢٣ من المادة ٤٥",
    "an Arabic-Indic number at the end": "عام ١٤٤٦",
    "a year in a sentence": "المادة 12 من الاتفاقية لعام 2025",
    "a year at the end": "عقد الاجتماع عام 2025",
    "digits inside Arabic words": "سنة١٤٤٦هـ والبند٢٣",
    "a Latin name in brackets": "محمد بن سلمان (Mohammed)",
    "a sentence ending in a full stop": "قال محمد.",
    "a year in brackets": "وزير الخارجية (2025)",
    "an Arabic name in a Vietnamese line": "Bộ trưởng gặp محمد بن سلمان tại Riyadh",
    "an Arabic name before a comma": "Hội nghị UNODC và محمد بن سلمان, ngày 17/12/2025",
    "an Arabic name before a full stop": "Gặp محمد.",
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    a4 = load_template("formal-a4")
    out = {}
    for name, text in CASES.items():
        page = ARABIC_PAGE if reads_from_right(text) else LATIN_PAGE
        blocks = [Paragraph([Run(page)]), Paragraph([Run(text)]), Paragraph([Run(page)])]
        path = tmp_path_factory.mktemp("layer") / "case.pdf"
        out[name] = render_pdf(Document(Metadata(title="t"), blocks), a4, path)
    return out


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in unicodedata.normalize("NFC", text).splitlines()]


@pytest.mark.parametrize("name", list(CASES))
def test_pypdf_reads_the_source_exactly(pdfs, name):
    assert CASES[name] in _lines(PdfReader(pdfs[name]).pages[0].extract_text())


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
@pytest.mark.parametrize("name", list(CASES))
def test_pdftotext_reads_the_source(pdfs, name):
    out = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", str(pdfs[name]), "-"], capture_output=True, check=True)
    assert CASES[name] in _lines(_MARKS.sub("", out.stdout.decode("utf-8")))


def test_no_glyph_stands_for_a_direction_mark(pdfs):
    # The marks poppler is given are ActualText only: pypdf (which reads no ActualText)
    # finds none, nor any private-use code.
    for path in pdfs.values():
        text = PdfReader(path).pages[0].extract_text()
        assert not _MARKS.search(text)
        assert not re.search("[\ue000-\uf8ff\U000f0000-\U0010ffff]", text)
