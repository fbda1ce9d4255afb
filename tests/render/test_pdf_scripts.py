"""Every script of the region in the PDF: drawn by a font that has it, shaped, and read
back from the text layer (pdftotext and pypdf) exactly as written."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata

import pytest
from pypdf import PdfReader

from briefbook.document.model import Document, Heading, Metadata, Paragraph, Profile, Run, Table
from briefbook.render import segment
from briefbook.render.font_chain import system_chinese_font
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template
from tests.render.scripts_samples import NAMES

PDFTOTEXT = shutil.which("pdftotext")
_BIDI_MARKS = re.compile("[\u202a-\u202e\u200e\u200f]")  # poppler wraps right-to-left lines in these


def _scripts() -> dict[str, str]:
    names = dict(NAMES)
    if system_chinese_font() is None:
        names.pop("Chinese")
    return names


@pytest.fixture(scope="module")
def a4():
    return load_template("formal-a4")


@pytest.fixture(scope="module")
def book(a4, tmp_path_factory):
    blocks = []
    for script, text in _scripts().items():
        blocks += [
            Heading(2, text, f"h-{len(blocks)}"),
            Paragraph([Run(text)]),
            Paragraph([Run("Bold: "), Run(text, bold=True), Run(" italic: "), Run(text, italic=True)]),
            Table(header=[[[Paragraph([Run(script)])]]], rows=[[[Paragraph([Run(text)])]]]),
            Profile(name=text, photo=None, lines=[Paragraph([Run(text)])]),
        ]
    path = tmp_path_factory.mktemp("scripts") / "scripts.pdf"
    return render_pdf(Document(Metadata(title="Scripts", banner="PUBLIC"), blocks), a4, path)


def _lines_pdftotext(path) -> list[str]:
    out = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    text = unicodedata.normalize("NFC", _BIDI_MARKS.sub("", out.stdout.decode("utf-8")))
    return [" ".join(line.split()) for line in text.splitlines()]


def _lines_pypdf(path) -> list[str]:
    text = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    return [" ".join(line.split()) for line in unicodedata.normalize("NFC", text).splitlines()]


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
@pytest.mark.parametrize("script", list(NAMES))
def test_pdftotext_reads_each_script_as_written(book, script):
    if script not in _scripts():
        pytest.skip("no Chinese font on this machine (the preflight says so)")
    lines = _lines_pdftotext(book)
    # Heading, paragraph, bold, table cell, profile name and line: each a line as written.
    assert lines.count(NAMES[script]) >= 4, lines


@pytest.mark.parametrize("script", list(NAMES))
def test_pypdf_reads_each_script_as_written(book, script):
    if script not in _scripts():
        pytest.skip("no Chinese font on this machine (the preflight says so)")
    lines = _lines_pypdf(book)
    assert lines.count(NAMES[script]) >= 4, lines


def test_the_thai_name_from_the_issue_copies_out_whole(a4, tmp_path):
    path = render_pdf(Document(Metadata(title="t"), [Paragraph([Run("สีหศักดิ์")])]), a4, tmp_path / "t.pdf")
    assert "สีหศักดิ์" in _lines_pypdf(path)
    assert not re.search("[\ue000-\uf8ff\U000f0000-\U0010ffff]", "".join(_lines_pypdf(path)))
    if PDFTOTEXT:
        assert "สีหศักดิ์" in _lines_pdftotext(path)


def test_each_script_is_drawn_by_its_own_font(book):
    fonts = set()
    for page in PdfReader(book).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    for family in ("NotoSansThai", "NotoSansLao", "NotoSansKhmer", "NotoSansMyanmar", "NotoSansArabic"):
        assert any(f.startswith(family) for f in fonts), (family, fonts)
    assert any(f.startswith("NotoEmoji") for f in fonts), fonts


def test_a_word_mixing_latin_and_thai_is_shaped_per_font(a4, tmp_path):
    text = "(สีหศักดิ์), Lê(ສອນໄຊ)"
    path = render_pdf(Document(Metadata(title="t"), [Paragraph([Run(text)])]), a4, tmp_path / "m.pdf")
    assert text in _lines_pypdf(path)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed")
@pytest.mark.parametrize(
    "text",
    ["Lê\u200dAnh", "Tu\u200cấn", "Bộ\u00adNgoại", "ab\u200bcd", "ก\u200dข", "ສອນ\u200cໄຊ", "محمد\u200c"],
)
def test_joiners_and_soft_hyphens_are_never_drawn(a4, tmp_path, text):
    """The page with the invisible character looks exactly like the page without it."""
    pictures = []
    for shown in (text, "".join(c for c in text if c not in "\u200b\u200c\u200d\u00ad")):
        pdf = render_pdf(Document(Metadata(title="t"), [Paragraph([Run(shown)])]), a4, tmp_path / "j.pdf")
        command = ["pdftoppm", "-r", "50", "-gray", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "j")]
        subprocess.run(command, check=True)
        pictures.append(next(tmp_path.glob("j*.pgm")).read_bytes())
        next(tmp_path.glob("j*.pgm")).unlink()
    assert pictures[0] == pictures[1]


def test_thai_lines_break_between_words(a4, tmp_path):
    text = NAMES["Thai words"] * 6
    doc = Document(
        Metadata(title="t"),
        [Table(header=[], rows=[[[Paragraph([Run(text)])], [Paragraph([Run("x")])]]], widths=[1, 3])],
    )
    path = render_pdf(doc, a4, tmp_path / "w.pdf")
    lines = [line for line in _lines_pypdf(path) if segment.needs_segmenting(line)]
    assert len(lines) > 3
    words = set(segment.words(NAMES["Thai words"].replace(" ", "")))
    for line in lines:
        for piece in line.split(" "):
            # Every line starts and ends on a word of the text, never inside one.
            assert any(piece.startswith(w) for w in words), (piece, words)
            assert any(piece.endswith(w) for w in words), (piece, words)


def test_the_segmenter_loads_only_for_text_without_spaces(tmp_path):
    code = (
        "import sys\n"
        "from briefbook.document.model import Document, Metadata, Paragraph, Run\n"
        "from briefbook.render.pdf import render_pdf\n"
        "from briefbook.render.template import load_template\n"
        "def book(text, name):\n"
        "    doc = Document(Metadata(title='t'), [Paragraph([Run(text)])])\n"
        f"    render_pdf(doc, load_template('formal-a4'), r'{tmp_path}/' + name)\n"
        "book('Lê Anh Tuấn, محمد', 'a.pdf')\n"
        "print('icu4py' in sys.modules)\n"
        "book('สีหศักดิ์', 'b.pdf')\n"
        "print('icu4py' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
