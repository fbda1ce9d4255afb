"""A talking point made of a paragraph, a bullet list, a numbered list and closing
paragraphs keeps that shape in both formats (issue #11 item 5): the numbered list
keeps its numbers and stays apart from the bullet list, and the closing paragraphs
are the point's own paragraphs, not lines glued into the last numbered item. A list
item of several paragraphs keeps them as paragraphs too.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from briefbook.assemble import assemble
from briefbook.assemble.markdown import items
from briefbook.document.model import ListBlock, Origin, Paragraph
from briefbook.library import Event, Library, Meeting, TalkingPoint, Topic
from briefbook.library.books import new_book
from briefbook.render.docx import render_docx
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template

POINT = "\n".join(
    [
        "zqopen we welcome the visit.",
        "- zqbulleta trade",
        "- zqbulletb energy",
        "",
        "1. zqfirst step",
        "2. zqsecond step",
        "3. zqthird step",
        "",
        "zqclosea the first closing paragraph.",
        "",
        "zqcloseb the second closing paragraph.",
    ]
)
SEVERAL = "- zqmultione opening of the item\n\n  zqmultitwo more of the same item\n- zqmultithree"
WORDS = set(re.findall(r"zq\w+", POINT + SEVERAL))


def test_the_point_is_one_item_with_its_parts_in_order() -> None:
    (point,) = items(POINT)
    assert "".join(r.text for r in point.runs).startswith("zqopen")
    assert not point.children.ordered and len(point.children.items) == 2
    numbered, close_a, close_b = point.more
    assert isinstance(numbered, ListBlock) and numbered.ordered
    assert [i.runs[0].text.split()[0] for i in numbered.items] == ["zqfirst", "zqsecond", "zqthird"]
    assert all(not i.more for i in numbered.items)
    assert isinstance(close_a, Paragraph) and close_a.runs[0].text.startswith("zqclosea")
    assert isinstance(close_b, Paragraph) and close_b.runs[0].text.startswith("zqcloseb")
    first, _ = items(SEVERAL)
    assert [p.runs[0].text.split()[0] for p in first.more] == ["zqmultitwo"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("shape")
    with Library.create(folder / "shape.briefbook") as lib:
        event = lib.add(Event(title="Shape event"))
        meeting = lib.add(Meeting(event_id=event.id, title="Shape meeting"))
        topic = lib.add(Topic(title="Shape topic"))
        for text in (POINT, SEVERAL):
            lib.add(TalkingPoint(topic_id=topic.id, kind="key_message", status="cleared", text=text))
        lib.link_topic(meeting.id, topic.id)
        book = new_book(lib, event.id, language="en", ceiling="Secret")
        document = assemble(lib, book.id)
    template = load_template("formal-a4")
    render_pdf(document, template, folder / "shape.pdf")
    render_docx(document, template, folder / "shape.docx")
    return folder


def _pdf_words(pdf: Path) -> list[tuple[str, float, float]]:
    """Each word of the PDF with its left edge and baseline (pdftotext -bbox)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', html)
    return [(w, float(x), float(y)) for x, y, w in found]


def test_the_pdf_numbers_the_list_and_keeps_the_closing_paragraphs_apart(exported) -> None:
    pdf = exported / "shape.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert set(re.findall(r"zq\w+", text)) >= WORDS, WORDS - set(re.findall(r"zq\w+", text))
    words = _pdf_words(pdf)
    at = {w: (x, y) for w, x, y in words if w.startswith("zq")}
    # The points are numbered 1., 2., ...; a numbered list inside a point is numbered
    # a., b., c. (the book's nested numbering: 1., a., i.), never bulleted.
    assert any(w == "1." and abs(wy - at["zqopen"][1]) < 2 for w, _x, wy in words)
    for number, word in (("a.", "zqfirst"), ("b.", "zqsecond"), ("c.", "zqthird")):
        x, y = at[word]
        assert any(w == number and abs(wy - y) < 2 and wx < x for w, wx, wy in words), (number, word)
    # The closing paragraphs are the point's text, indented as its first paragraph
    # (not a nested item's text), each on lines of its own below the list.
    assert abs(at["zqclosea"][0] - at["zqopen"][0]) < 1
    assert abs(at["zqcloseb"][0] - at["zqopen"][0]) < 1
    assert at["zqfirst"][0] > at["zqopen"][0] + 5
    assert at["zqthird"][1] < at["zqclosea"][1] < at["zqcloseb"][1]
    assert abs(at["zqmultitwo"][0] - at["zqmultione"][0]) < 1


def _docx_paragraphs(docx: Path) -> tuple[list[str], str]:
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml").decode()
        numbering = z.read("word/numbering.xml").decode()
    return re.findall(r"<w:p>.*?</w:p>|<w:p .*?</w:p>", xml), numbering


def _num_format(numbering: str, num_id: str, level: str) -> str:
    num = re.search(rf'<w:num w:numId="{num_id}">.*?</w:num>', numbering, re.S).group(0)
    abstract = re.search(r'<w:abstractNumId w:val="(\d+)"', num).group(1)
    body = re.search(rf'<w:abstractNum w:abstractNumId="{abstract}".*?</w:abstractNum>', numbering, re.S)
    lvl = re.search(rf'<w:lvl w:ilvl="{level}".*?</w:lvl>', body.group(0), re.S).group(0)
    return re.search(r'<w:numFmt w:val="(\w+)"', lvl).group(1)


def test_the_docx_numbers_the_list_and_keeps_the_closing_paragraphs_apart(exported) -> None:
    paragraphs, numbering = _docx_paragraphs(exported / "shape.docx")
    text = " ".join(t for p in paragraphs for t in re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))
    assert set(re.findall(r"zq\w+", text)) >= WORDS

    def holding(word: str) -> str:
        (p,) = [p for p in paragraphs if word in p]
        return p

    def numbers(p: str) -> tuple[str, str] | None:
        m = re.search(r'<w:numPr><w:ilvl w:val="(\d)"/><w:numId w:val="(\d+)"/></w:numPr>', p)
        return (m.group(2), m.group(1)) if m else None

    for word in ("zqfirst", "zqsecond", "zqthird"):
        num = numbers(holding(word))
        assert num is not None and _num_format(numbering, *num) == "lowerLetter", word  # a., b., c.
    assert _num_format(numbering, *numbers(holding("zqopen"))) == "decimal"  # the point: 1.
    assert _num_format(numbering, *numbers(holding("zqbulleta"))) == "bullet"
    assert numbers(holding("zqbulleta"))[0] != numbers(holding("zqfirst"))[0]
    for word in ("zqclosea", "zqcloseb", "zqmultitwo"):
        p = holding(word)
        assert numbers(p) is None and "List" not in p and "zqthird" not in p, word
        assert re.search(r'<w:ind w:left="\d+"', p), word
    assert "zqcloseb" not in holding("zqclosea")


def test_later_paragraphs_not_for_release_leave_a_sharing_export() -> None:
    public = Origin("Public")
    (point,) = items("zqopen\n\n- zqb\n\n[NFR] zqsecret\n\nzqclose", releasable=True, origin=public)
    shown = [r.text for b in point.more if isinstance(b, Paragraph) for r in b.runs]
    assert shown == ["zqclose"]
    (internal,) = items("zqopen\n\n- zqb\n\n[NFR] zqsecret\n\nzqclose", origin=public, label="NFR")
    assert [b.not_for_release for b in internal.more] == [True, False]
    # A marker at the start of a list item covers its later paragraphs too.
    assert [
        i.runs[0].text for i in items("- [NFR] zqa\n\n  zqa2\n- zqok", releasable=True, origin=public)
    ] == ["zqok"]
