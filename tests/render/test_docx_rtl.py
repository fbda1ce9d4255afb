"""Right-to-left paragraphs in the Word file: a paragraph written in Arabic (its first letter
with a direction Arabic, no Latin, Vietnamese or Thai letter outside isolates) is a bidi
paragraph (``w:bidi``: Word and LibreOffice start it at the right, put a list's number there
and mirror its indents), by the rule the PDF uses; a paragraph of the book's own language
that only starts with an Arabic name stays left to right. Arabic runs are ``w:rtl`` with the
complex-script font, size and weight."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from briefbook.document.model import (
    Document,
    Heading,
    ListBlock,
    ListItem,
    Metadata,
    Paragraph,
    Profile,
    Run,
    Table,
)
from briefbook.export import ExportOptions, export_book
from briefbook.library import Event, Library, Meeting, Person, TalkingPoint, Topic
from briefbook.library.books import new_book
from briefbook.render import bidi_lines
from briefbook.render.docx import render_docx
from briefbook.render.template import load_template

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Arabic without lam-alef (pdftotext reverses that ligature's two letters).
AR_NAME = "محمد بن سلمان"
AR_TEXT = "ولي العهد ورئيس مجلس الوزراء في المملكة العربية السعودية"
# w:pPr children in the schema's order (ECMA-376 Part 1, 17.3.1.26), the ones we write.
PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore widowControl numPr pBdr tabs bidi spacing ind "
    "contextualSpacing jc outlineLvl rPr"
).split()
CASES = {
    AR_TEXT: True,
    "2025: " + AR_NAME: True,  # digits and punctuation have no direction: Arabic comes first
    "«" + AR_NAME + "» said the Minister": False,  # the book's direction: English follows
    AR_NAME + " gặp Bộ trưởng Ngoại giao": False,  # a Vietnamese line that begins with a name
    "Mohammed " + AR_NAME: False,  # a Latin letter first: left to right, as in the PDF
    "Lê Anh Tuấn": False,
    "สีหศักดิ์ " + AR_NAME: False,
    "2025": False,
    "\u200fAhmed said": False,  # a right-to-left mark kept in a name does not turn the line
    "\u200f2025": True,  # ... but is a strong letter of its own where nothing else is
    "\u2066" + AR_NAME + "\u2069 said Ahmed": False,  # an isolate is skipped (rule P2)
    # An Arabic statement that quotes Latin letters is still Arabic: more of its words are.
    "قال الوزير إن ASEAN و UNODC شريكان": True,
    "اتفاقية \u202aUN 2025\u202c هانوي": True,  # a left-to-right embedding inside
    AR_NAME + " (UNODC)": True,
}


def _document() -> Document:
    blocks = [
        Heading(1, AR_NAME, "h-ar"),
        Heading(1, "Section", "h-en"),
        *(Paragraph([Run(text)]) for text in CASES),
        Paragraph([Run("السيد "), Run("أحمد", bold=True), Run(" قال: نعم")]),
        ListBlock([ListItem([Run("البند الثاني")], children=ListBlock([ListItem([Run("بند فرعي")])])),
                   ListItem([Run("Second")])], ordered=True),
        ListBlock([ListItem([Run("مجلس الوزراء")], more=[Paragraph([Run("في المملكة")])])]),
        Table(header=[[[Paragraph([Run("Name")])], [Paragraph([Run("الاسم")])]]],
              rows=[[[Paragraph([Run("Mohammed")])], [Paragraph([Run(AR_NAME)])]]]),
        Profile(AR_NAME, None, [Paragraph([Run(AR_TEXT)])], anchor="p1"),
        Profile(AR_NAME + " (2)", None, [], anchor=None),
    ]  # fmt: skip
    return Document(Metadata(title="RTL", language="en"), blocks)


@pytest.fixture(scope="module")
def body(tmp_path_factory) -> etree._Element:
    path = render_docx(_document(), load_template("formal-a4"), tmp_path_factory.mktemp("rtl") / "rtl.docx")
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def _paragraphs(body) -> dict[str, etree._Element]:
    return {_text(p): p for p in body.iter(f"{W}p") if _text(p)}


def _bidi(p) -> bool:
    return p.find(f"{W}pPr/{W}bidi") is not None


def test_the_direction_is_the_books_unless_the_paragraph_is_all_arabic_as_in_the_pdf(body):
    paragraphs = _paragraphs(body)
    for text, rtl in CASES.items():
        assert bidi_lines.reads_from_right(text) is rtl  # the PDF's own rule agrees
        assert _bidi(paragraphs[text]) is rtl, text
    assert _bidi(paragraphs["السيد أحمد قال: نعم"])


def test_bidi_paragraphs_start_at_the_right_without_a_physical_alignment(body):
    """Word and LibreOffice read w:jc left/right in a bidi paragraph as its start and end:
    no w:jc (or the style's) puts an Arabic paragraph at the right margin; "right" would
    send it to the left."""
    for p in body.iter(f"{W}p"):
        if _bidi(p):
            assert p.find(f"{W}pPr/{W}jc") is None


def test_headings_profiles_lists_and_cells(body):
    paragraphs = _paragraphs(body)
    assert _bidi(paragraphs[AR_NAME]) and not _bidi(paragraphs["Section"])
    headings = [p for p in body.iter(f"{W}p") if _text(p) == AR_NAME]
    styles = {
        p.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
        for p in headings
        if p.find(f"{W}pPr/{W}pStyle") is not None
    }
    assert {"Heading1", "Heading4", "TableText"} <= styles, styles  # heading, profile name, cell
    assert all(_bidi(p) for p in headings)
    assert _bidi(paragraphs[AR_NAME + " (2)"])  # a profile name without a bookmark
    for text in ("البند الثاني", "بند فرعي", "مجلس الوزراء"):
        p = paragraphs[text]
        assert _bidi(p) and p.find(f"{W}pPr/{W}numPr") is not None, text  # the number on the right
    more = paragraphs["في المملكة"]  # an item's later paragraph: indented from the start (right)
    assert _bidi(more) and more.find(f"{W}pPr/{W}ind") is not None
    assert not _bidi(paragraphs["Second"]) and not _bidi(paragraphs["Mohammed"])
    assert _bidi(paragraphs["الاسم"])


def test_paragraph_properties_keep_the_schema_order(body):
    for p in body.iter(f"{W}pPr"):
        names = [etree.QName(c).localname for c in p]
        known = [n for n in names if n in PPR_ORDER]
        assert known == sorted(known, key=PPR_ORDER.index), names


def test_arabic_runs_are_rtl_with_the_complex_script_font_size_and_weight(body, tmp_path):
    bold = None
    for r in body.iter(f"{W}r"):
        text = "".join(t.text or "" for t in r.iter(f"{W}t"))
        if not re.search("[\u0600-\u06ff]", text):
            continue
        rpr = r.find(f"{W}rPr")
        assert rpr is not None and rpr.find(f"{W}rtl") is not None and rpr.find(f"{W}cs") is not None, text
        assert rpr.find(f"{W}rFonts").get(f"{W}cs") == "Noto Sans Arabic"
        if text == "أحمد":
            bold = rpr
    assert bold is not None and bold.find(f"{W}bCs") is not None
    # Sizes: every style that sets a size sets the complex-script size too (szCs), so
    # Arabic follows the style's size in Word.
    path = render_docx(_document(), load_template("formal-a4"), tmp_path / "s.docx")
    with zipfile.ZipFile(path) as z:
        styles = etree.fromstring(z.read("word/styles.xml"))
    for rpr in styles.iter(f"{W}rPr"):
        sz, sz_cs = rpr.find(f"{W}sz"), rpr.find(f"{W}szCs")
        if sz is not None:
            assert sz_cs is not None and sz_cs.get(f"{W}val") == sz.get(f"{W}val")


def _arabic_book(library: Library) -> str:
    """An event made from nothing: a Gulf counterpart with an Arabic name and Arabic text."""
    event = library.add(Event(title="Đối thoại Việt Nam – Qatar", city="Doha", classification="Internal"))
    meeting = library.add(Meeting(event_id=event.id, title="Gặp song phương", kind="bilateral"))
    person = library.add(Person(name=AR_NAME, position=AR_TEXT))
    topic = library.add(
        Topic(title="Hợp tác năng lượng", background=f"{AR_TEXT}\n\n1. {AR_NAME}\n2. مجلس الوزراء")
    )
    library.add(TalkingPoint(topic_id=topic.id, text=AR_TEXT, status="cleared"))
    library.set_participant(meeting.id, person.id, "counterpart")
    library.link_topic(meeting.id, topic.id)
    return new_book(library, event.id, title="Sổ tay Doha", ceiling="Internal").id


def test_a_real_book_marks_its_arabic_paragraphs(library: Library, tmp_path):
    (path,) = export_book(
        library, _arabic_book(library), tmp_path / "doha.docx", ExportOptions(formats=("docx",))
    )
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    # A cross-reference (a who's-who line) is the book's own line: left to right (its page
    # number at the right margin), whatever the name it starts with.
    written = [p for p in body.iter(f"{W}p") if "PAGEREF" not in etree.tostring(p, encoding=str)]
    arabic = [p for p in written if bidi_lines.reads_from_right(_text(p))]
    assert len(arabic) >= 4  # profile heading, position, background, its list, the point
    assert all(_bidi(p) for p in arabic)
    assert any(p.find(f"{W}pPr/{W}numPr") is not None for p in arabic)
    assert not any(_bidi(p) for p in body.iter(f"{W}p") if p not in arabic)
    test_paragraph_properties_keep_the_schema_order(body)  # keep-with-next added later too


def _lines(pdf) -> list[tuple[int, float, float, float, str]]:
    """Each line LibreOffice drew: its page, top, (left, right) in points, and its words in
    reading order (pdftotext gives an Arabic line's words as drawn: right to left, letters
    reversed). A list's number is a line of its own at the same height as its item."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True))
    out = []
    for page, node in enumerate(root.iter("{*}page")):
        for line in node.iter("{*}line"):
            words = [w.text or "" for w in line.iter("{*}word")]
            if all(re.fullmatch("[\u0600-\u06ff]+", w) for w in words):
                words = [w[::-1] for w in reversed(words)]
            box = [float(line.get(k)) for k in ("yMin", "xMin", "xMax")]
            out.append((page, *box, " ".join(words)))
    return out


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_sets_arabic_paragraphs_at_the_right_and_reads_them_in_order(library: Library, tmp_path):
    (path,) = export_book(
        library, _arabic_book(library), tmp_path / "doha.docx", ExportOptions(formats=("docx",))
    )
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "doha.pdf"
    layout = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    # pdftotext wraps each direction's run in embedding controls; the letters between are in order.
    shown = [re.sub("[\u202a-\u202e]", "", line).strip() for line in layout.splitlines()]
    assert AR_TEXT in shown and AR_NAME in shown  # the background, the biography's heading
    assert any(line.startswith(AR_TEXT) and line.endswith(".1") for line in shown)  # a point, number last
    t = load_template("formal-a4")
    left, right = t.margin_left_mm * 72 / 25.4, (t.page_width_mm - t.margin_right_mm) * 72 / 25.4
    lines = _lines(pdf)
    # (The delegation table's cells end at their own column's edge: its page is left out.)
    table_page = next(line[0] for line in lines if line[4].startswith("Họ tên"))
    body = [line for line in lines if line[0] != table_page]
    # Whole-width Arabic paragraphs (the background, the biography): at the right margin.
    paragraphs = [line for line in body if line[4] in (AR_TEXT, AR_NAME)]
    items = [line for line in body if line[4] in (AR_NAME, "مجلس الوزراء", AR_TEXT) and line[3] < right - 10]
    paragraphs = [line for line in paragraphs if line not in items]
    assert len(paragraphs) >= 3 and len(items) == 3, lines  # the point, the background's two items
    for _, _, x0, x1, text in paragraphs:
        assert abs(x1 - right) < 3 and x0 > left + 20, (x0, x1, right, text)
    # A list item: indented from the right margin by one list step, its number on its right.
    # (LibreOffice 7.4 starts the number at the margin and lets it run 9 pt past it: it reads
    # the numbering's lvlJc "left" as the page's left, where Word reads it as the paragraph's
    # start; writing "right" would move Word's number the other way.)
    step = 6.35 * 72 / 25.4
    for page, top, _, x1, text in items:
        assert abs(x1 - (right - step)) < 3, (x1, right - step, text)
        number = [n for n in lines if n[0] == page and abs(n[1] - top) < 1 and re.fullmatch(r"[.\d ]+", n[4])]
        assert number and number[0][2] > x1 and number[0][2] > right - step, (text, number)
    heading = next(line for line in lines if line[4] == "Hợp tác năng lượng")
    assert abs(heading[2] - left) < 3
