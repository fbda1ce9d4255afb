"""The Word file read back with python-docx says what the document model says: every body
paragraph in order with its text and style, every table cell, the banner in every header
and footer, a side rule beside each passage not for release, and right-to-left paragraphs
marked so. The body is written as XML text (render/docx_blocks), not through python-docx,
so this reads it the way Word's own object model would, on a book made from nothing with
nested lists, a table, Thai, Lao, Arabic and Khmer names and a Confidential meeting."""

from __future__ import annotations

import docx
import pytest

from briefbook.assemble import assemble
from briefbook.document.model import (
    Contents,
    Cover,
    Heading,
    ListBlock,
    PageBreak,
    Paragraph,
    Profile,
    Reference,
    Table,
    marked_not_for_release,
)
from briefbook.export import ExportOptions, export_book
from briefbook.library import Event, Meeting, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import new_book
from briefbook.render.docx_styles import STYLE_NAMES
from briefbook.text import clean

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY = {"body": "Normal", "label": "Label", "note": "Note", "quote": "Quote"}
CELL = {"body": "TableText", "label": "TableHeading", "note": "Note", "quote": "Quote"}


def _book(library) -> str:
    event = library.add(
        Event(title="Đối thoại Mekong tại Viêng Chăn", city="Vientiane", start_date="2026-03-10")
    )
    lao = library.add(
        Person(
            name="ສົມພອນ ພົມມະວົງ",
            name_romanised="Somphone Phommavong",
            position="Thứ trưởng",
            biography="Chuyên gia **luật**.\n\n- Trưởng đoàn 2024\n  - cấp hai\n- [NFR] ghi chú nội bộ",
        )
    )
    arab = library.add(Person(name="فيصل بن فرحان", position="Minister", biography="وزير الخارجية."))
    thai = library.add(Person(name="สีหศักดิ์ พวงเกตุแก้ว", position="รัฐมนตรี", classification="Confidential"))
    khmer = library.add(Person(name="ស៊ុក ចិន្តា", position="Minister"))
    meeting = library.add(
        Meeting(
            event_id=event.id,
            title="Gặp song phương",
            kind="bilateral",
            purpose="Trao đổi.\n\n[NFR] Không nêu vấn đề biên giới.",
            objectives="1. Một\n   - phụ a\n   - phụ b\n2. Hai & <ba>",
        )
    )
    secret = library.add(
        Meeting(event_id=event.id, title="Họp kín", kind="side_event", classification="Confidential")
    )
    topic = library.add(
        Topic(
            title="Công ước Hà Nội",
            background="Bảng:\n\n| Nước | Tình trạng |\n|---|---|\n| Lào | Đã ký |\n| ไทย | กำลังพิจารณา |",
        )
    )
    library.add(TalkingPoint(topic_id=topic.id, text="Ủng hộ.\n- ý một\n  - ý hai (تؤكد)", status="cleared"))
    statement = library.add(Statement(speaker_id=arab.id, date="2025-11-06", text="نرحب بالاتفاقية."))
    library.link_topic(meeting.id, topic.id)
    library.link_topic(statement.id, topic.id)
    for person in (lao, arab, khmer):
        library.set_participant(meeting.id, person.id, "counterpart")
    library.set_participant(secret.id, thai.id, "counterpart")
    return new_book(library, event.id, title="Sổ tay Viêng Chăn", ceiling="Confidential").id


def _expected(document):
    """(style name, text, not for release) of every body paragraph after the contents, and
    the text of every table cell, as the model says they are."""
    body: list[tuple[str, str, bool]] = []
    cells: list[list[list[str]]] = []

    def text(runs) -> str:
        return clean("".join(r.text for r in runs))

    def add(style: str, runs, origin=None) -> None:
        body.append((STYLE_NAMES[style], text(runs), marked_not_for_release(runs, origin)))

    def items(block: ListBlock, depth: int) -> None:
        kind = "ListNumber" if block.ordered else "ListBullet"
        for item in block.items:
            add(kind if depth == 0 else kind + "2", item.runs, item.origin)
            if item.children and item.children.items:
                items(item.children, depth + 1)
            for part in item.more:
                if isinstance(part, ListBlock):
                    if part.items:
                        items(part, depth + 1)
                else:
                    add("Normal", part.runs, part.origin or item.origin)

    started = False
    for block in document.blocks:
        if isinstance(block, Cover | Contents):
            continue
        started = started or isinstance(block, Heading)
        if not started or isinstance(block, PageBreak):
            continue
        if isinstance(block, Heading):
            body.append((STYLE_NAMES[f"Heading{min(block.level, 4)}"], block.text, False))
        elif isinstance(block, Paragraph):
            add(BODY[block.style], block.runs, block.origin)
        elif isinstance(block, ListBlock):
            items(block, 0)
        elif isinstance(block, Reference):
            body.append((STYLE_NAMES["Reference"], text(block.runs), False))
        elif isinstance(block, Profile):
            body.append((STYLE_NAMES["Heading4"], block.name, False))
            for line in block.lines:
                add(BODY[line.style], line.runs, line.origin)
        elif isinstance(block, Table):
            cells.append(
                [["\n".join(text(p.runs) for p in cell) for cell in row] for row in block.header + block.rows]
            )
    return body, cells


@pytest.fixture
def exported(library, tmp_path):
    book = _book(library)
    target = tmp_path / "book.docx"
    export_book(library, book, target, ExportOptions(formats=("docx",), ceiling="Confidential"))
    return assemble(library, book, ceiling="Confidential"), docx.Document(str(target))


def test_every_paragraph_and_cell_reads_back_with_its_text_and_style(exported):
    document, word = exported
    body, cells = _expected(document)
    first = next(b for b in document.blocks if isinstance(b, Heading))
    paragraphs = word.paragraphs
    # python-docx shows built-in style names capitalised ("Heading 1" for "heading 1").
    start = next(
        i for i, p in enumerate(paragraphs) if p.text == first.text and p.style.name.startswith("Heading")
    )
    shown = [(p.style.name.lower(), p.text, p) for p in paragraphs[start:] if p.style.name != "Small"]
    assert len(shown) == len(body)
    for (style, text, p), (want_style, want_text, rule) in zip(shown, body, strict=True):
        assert style == want_style.lower(), (text, want_text)
        if want_style == STYLE_NAMES["Reference"]:  # the words, a tab, then the page number
            assert text.startswith(want_text + "\t") and text.split("\t")[-1].isdigit()
        else:
            assert text == want_text
        borders = p._p.find(f"{W}pPr/{W}pBdr/{W}left")
        assert (borders is not None) == rule, text
    assert [[[c.text for c in row.cells] for row in t.rows] for t in word.tables] == cells
    assert any("Lào" in c for t in cells for row in t for c in row)  # the topic's table is there


def test_the_book_holds_what_the_test_means_it_to(exported):
    _document, word = exported
    texts = "\n".join(p.text for p in word.paragraphs)
    for name in ("ສົມພອນ ພົມມະວົງ", "فيصل بن فرحان", "สีหศักดิ์ พวงเกตุแก้ว", "ស៊ុក ចិន្តា", "Họp kín", "Hai & <ba>"):
        assert name in texts
    styles = {p.style.name for p in word.paragraphs}
    assert {"List Number", "List Bullet 2", "Cross Reference", "Heading 4"} <= styles
    assert any(p._p.find(f"{W}pPr/{W}pBdr") is not None for p in word.paragraphs)  # not for release


def test_banner_in_every_header_and_footer_and_right_to_left_marked(exported):
    document, word = exported
    section = word.sections[0]
    banner = document.meta.banner
    assert banner
    for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
        assert banner in "\n".join(p.text for p in part.paragraphs)
    arabic = [p for p in word.paragraphs if p.text.startswith(("فيصل", "وزير"))]
    assert arabic
    for p in arabic:
        if p.style.name == STYLE_NAMES["Reference"]:  # a line the book builds: left to right
            assert p._p.find(f"{W}pPr/{W}bidi") is None
        else:
            assert p._p.find(f"{W}pPr/{W}bidi") is not None
            runs = p._p.findall(f"{W}r/{W}rPr/{W}rtl")
            assert runs


def test_a_table_or_photo_after_a_page_break_keeps_each_paragraph_property_once(tmp_path):
    """A table cannot carry a page break: a 1 pt paragraph before it does, with one w:spacing
    (it had two, the page break's and its own: a file Word's schema does not allow)."""
    import io
    import zipfile

    from lxml import etree
    from PIL import Image as PILImage

    from briefbook.document.model import Document, Metadata, Run
    from briefbook.render.docx import render_docx
    from briefbook.render.template import load_template

    photo = io.BytesIO()
    PILImage.new("RGB", (60, 80), (20, 60, 120)).save(photo, "PNG")
    cell = [[Paragraph([Run("ô")])]]
    blocks = [
        Heading(1, "Một", "h1"),
        PageBreak(),
        Table([], [cell]),
        Paragraph([Run("giữa")]),
        PageBreak(),
        Profile("ສົມພອນ", photo.getvalue(), [Paragraph([Run("Thứ trưởng")])], anchor="p"),
    ]
    target = tmp_path / "t.docx"
    render_docx(Document(Metadata(title="T"), blocks), load_template("formal-a4"), target)
    body = etree.fromstring(zipfile.ZipFile(target).read("word/document.xml"))
    tiny = [p for p in body.iter(f"{W}pPr") if p.find(f"{W}spacing[@{W}lineRule='exact']") is not None]
    assert len(tiny) == 2  # one before each
    for ppr in body.iter(f"{W}pPr"):
        names = [etree.QName(child).localname for child in ppr]
        assert len(names) == len(set(names)), names
    for ppr in tiny:
        assert ppr.find(f"{W}pageBreakBefore") is not None
        assert ppr.find(f"{W}spacing").get(f"{W}before") == "0"


def test_the_embedded_fonts_draw_the_note_written_for_a_broken_picture(tmp_path):
    """The fonts are cut to the texts the file draws, read as the runs are written: the note
    that stands for a picture that cannot be read is drawn too (its Vietnamese letters were
    missing from the fonts of a book that had none of them elsewhere)."""
    import io
    import zipfile

    from fontTools.ttLib import TTFont
    from lxml import etree

    from briefbook.document.model import Document, Image, Metadata, Run
    from briefbook.render.docx import render_docx
    from briefbook.render.docx_blocks import MISSING_PICTURE
    from briefbook.render.docx_fonts import obfuscate
    from briefbook.render.template import load_template

    target = tmp_path / "t.docx"
    blocks = [Paragraph([Run("Plain text only.")]), Image(b"not a picture")]
    render_docx(Document(Metadata(title="Book", language="vi"), blocks), load_template("formal-a4"), target)
    package = zipfile.ZipFile(target)
    rels = etree.fromstring(package.read("word/_rels/fontTable.xml.rels"))
    files = {r.get("Id"): r.get("Target") for r in rels}
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    drawn: set[int] = set()
    for slot in etree.fromstring(package.read("word/fontTable.xml")).iter(f"{W}embedRegular"):
        data = obfuscate(package.read("word/" + files[slot.get(r_id)]), slot.get(f"{W}fontKey"))
        drawn |= set(TTFont(io.BytesIO(data)).getBestCmap())
    note = MISSING_PICTURE["vi"]
    assert note in "".join(t for t in package.read("word/document.xml").decode().split("<") if "Không" in t)
    assert {ord(c) for c in note if not c.isspace()} <= drawn
