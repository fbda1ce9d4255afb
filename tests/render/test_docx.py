"""The DOCX renderer, tested on what it wrote: the file is read back with
python-docx and, where python-docx has no API (fields, numbering, package
parts), as XML."""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import io
import os
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from PIL import Image as PILImage

from briefbook.document.model import (
    Contents,
    Cover,
    Document,
    Heading,
    Image,
    ListBlock,
    ListItem,
    Metadata,
    PageBreak,
    Paragraph,
    Profile,
    Run,
    Table,
)
from briefbook.errors import BriefBookError, Cancelled
from briefbook.render import docx_package
from briefbook.render.docx import render_docx
from briefbook.render.docx_reference import is_up_to_date
from briefbook.render.template import available_templates, load_template

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
NFD_VIETNAMESE = unicodedata.normalize("NFD", "Lừa đảo trực tuyến")
THAI = "กระทรวงการต่างประเทศ"
HOSTILE = "R&D <b> </para> ]]> \x00 line\x0bnext page\x0cafter 🙂"


def png(width: int, height: int, dpi: float | None = None, colour=(30, 60, 120)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(
        out, format="PNG", **({"dpi": (dpi, dpi)} if dpi else {})
    )
    return out.getvalue()


def paragraphs(*texts: str) -> list[Paragraph]:
    return [Paragraph([Run(t)]) for t in texts]


def row(*texts: str) -> list[list[Paragraph]]:
    """A table row: one cell (a list of paragraphs) per text."""
    return [[Paragraph([Run(t)])] for t in texts]


def book(language: str = "en", draft: bool = True, cover: bool = True) -> Document:
    meta = Metadata(
        title="Global Partnership Against Online Scams",
        subject="Briefing book",
        author="Department of International Law",
        language=language,
        date=dt.date(2025, 12, 10),
        banner="CONFIDENTIAL",
        draft=draft,
        keywords=["online scams", "UNODC"],
    )
    blocks: list = []
    if cover:
        blocks.append(
            Cover(
                title="Global Partnership Against Online Scams",
                subtitle="Briefing book",
                place_and_dates="Bangkok, 17–18 December",
                classification="CONFIDENTIAL",
                drafted_by="Drafted by: Desk officer",
                draft=draft,
            )
        )
    blocks += [
        Contents(title="Contents", levels=2),
        Heading(1, "Scene-setter", "scene"),
        Paragraph(
            [Run("Plain, "), Run("bold", bold=True), Run(" and "), Run("italic", italic=True), Run(".")]
        ),
        Paragraph(
            [
                Run("UNODC", link="https://www.unodc.org/"),
                Run(" and "),
                Run("bad", link="javascript:alert(1)"),
            ]
        ),
        Paragraph([Run("See the profile", link="#person")]),
        Heading(2, "Objectives", "objectives"),
        Paragraph([Run("Purpose")], style="label"),
        ListBlock(
            [
                ListItem([Run("First bullet")], ListBlock([ListItem([Run("Nested number")])], ordered=True)),
                ListItem([Run("Second bullet")], ListBlock([ListItem([Run("Nested bullet")])])),
            ]
        ),
        ListBlock([ListItem([Run("One")]), ListItem([Run("Two")])], ordered=True),
        ListBlock([ListItem([Run("Again one")])], ordered=True),
        Paragraph([Run("A quoted statement.")], style="quote"),
        Paragraph([Run("Source: press briefing, 6 November.")], style="note"),
        Heading(3, "Details", "details"),
        Table(
            header=[row("Time", "Session")],
            rows=[row("09:00", "Opening"), row("10:00")],
            widths=[1, 3],
        ),
        Image(png(96, 48), caption="A picture", max_width_mm=80),
        Image(b"\x89PNG\r\n\x1a\n not really", caption="Broken"),
        PageBreak(),
        Heading(1, "Counterparts", "people"),
        Profile("Lê Anh Tuấn", png(120, 160), paragraphs("Deputy Minister"), anchor="person"),
        Profile("No photo", None, paragraphs("Line")),
        Paragraph([Run(HOSTILE)]),
        Paragraph([Run(NFD_VIETNAMESE + " " + THAI)]),
    ]
    return Document(meta, blocks)


@pytest.fixture(scope="module")
def formal():
    return load_template("formal-a4")


@pytest.fixture(scope="module")
def rendered(formal, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("docx") / "book.docx"
    render_docx(book(), formal, target, page_numbers={"scene": 3, "objectives": 4})
    return target


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def body_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


# -- reference.docx -------------------------------------------------------------


@pytest.mark.parametrize("name", available_templates())
def test_reference_docx_is_built_from_template_json(name):
    assert is_up_to_date(load_template(name)), (
        "reference.docx is out of date: run python templates/build_reference_docx.py"
    )


@pytest.mark.parametrize("name", available_templates())
def test_reference_docx_has_the_styles_and_nothing_else(name):
    template = load_template(name)
    path = template.reference_docx
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        core = z.read("docProps/core.xml")
    assert not any(n.startswith("customXml") or "thumbnail" in n or n == "docProps/app.xml" for n in names)
    assert etree.fromstring(core).getchildren() == []  # blank core properties
    reference = docx.Document(str(path))
    styles = {s.name: s for s in reference.styles}
    for wanted in (
        "Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Bullet 2",
        "List Number", "List Number 2", "Caption", "BriefBook Table", "toc 1", "toc 2", "Quote", "Note",
        "Small", "Label", "Header", "Footer", "Hyperlink", "TOC Heading",
    ):  # fmt: skip
        assert wanted in styles, wanted
    for level in (1, 2, 3):
        assert styles[f"Heading {level}"].element.find(f"{W}pPr/{W}outlineLvl").get(f"{W}val") == str(
            level - 1
        )
    fonts = part(path, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}ascii") == fonts.get(f"{W}hAnsi") == fonts.get(f"{W}eastAsia")
    assert fonts.get(f"{W}cs") == "Noto Sans Thai"
    body_font = {"NotoSerif": "Noto Serif", "NotoSans": "Noto Sans"}[template.body_font]
    assert fonts.get(f"{W}ascii") == body_font
    h1 = styles["Heading 1"].element
    assert h1.find(f"{W}rPr/{W}bCs") is not None
    assert h1.find(f"{W}rPr/{W}szCs").get(f"{W}val") == str(round(template.heading_sizes[0] * 2))
    assert h1.find(f"{W}rPr/{W}color").get(f"{W}val") == template.accent_colour[1:]
    section = reference.sections[0]
    assert abs(section.page_width.mm - template.page_width_mm) < 0.1
    assert abs(section.left_margin.mm - template.margin_left_mm) < 0.1


# -- content ----------------------------------------------------------------------


def test_styles_and_headings(rendered):
    d = docx.Document(str(rendered))
    used = [p.style.name for p in d.paragraphs]
    wanted = "Title,Subtitle,Label,Quote,Note,Caption,toc 1,toc 2,Heading 1,Heading 2,Heading 3".split(",")
    wanted += ["List Bullet", "List Bullet 2", "List Number", "List Number 2"]
    for style in wanted:
        assert style in used, style
    headings = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
    # A person's name is a real heading (Heading 4) too, so readers see the profiles.
    assert headings == ["Scene-setter", "Objectives", "Details", "Counterparts", "No photo"]
    assert [p.style.name for p in d.paragraphs if p.text == "No photo"] == ["Heading 4"]
    styles = part(rendered, "word/styles.xml")
    assert styles.find(".//w:style[@w:styleId='Heading1']/w:pPr/w:outlineLvl", NS) is not None
    outline = styles.find(".//w:style[@w:styleId='Heading4']/w:pPr/w:outlineLvl", NS)
    assert outline.get(f"{W}val") == "3"


def test_runs_links_and_bookmarks(rendered):
    d = docx.Document(str(rendered))
    para = next(p for p in d.paragraphs if p.text.startswith("Plain"))
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in para.runs] == [
        ("Plain, ", False, False),
        ("bold", True, False),
        (" and ", False, False),
        ("italic", False, True),
        (".", False, False),
    ]
    root = part(rendered, "word/document.xml")
    links = root.findall(".//w:hyperlink", NS)
    external = [link.get(R_ID) for link in links if link.get(R_ID)]
    assert len(external) == 1
    rel = d.part.rels[external[0]]
    assert rel.is_external and rel.target_ref == "https://www.unodc.org/"
    assert not any("javascript" in r.target_ref for r in d.part.rels.values() if r.is_external)
    assert "UNODC and bad" in body_text(rendered)  # the unsafe link's text stays, as plain text
    bookmarks = {b.get(f"{W}name") for b in root.iter(f"{W}bookmarkStart")}
    internal = [link.get(f"{W}anchor") for link in links if link.get(f"{W}anchor")]
    assert all(name in bookmarks for name in internal)
    assert len({name for name in internal if name.startswith("_Ref")}) == 1  # the link to the profile


def test_contents_is_a_filled_toc_field(rendered):
    root = part(rendered, "word/document.xml")
    instructions = [t.text for t in root.iter(f"{W}instrText")]
    assert any(i.strip() == 'TOC \\o "1-2" \\h \\z \\u' for i in instructions)
    entries = [p for p in root.iter(f"{W}p") if p.find("w:pPr/w:pStyle", NS) is not None
               and p.find("w:pPr/w:pStyle", NS).get(f"{W}val").startswith("TOC") and
               p.find("w:pPr/w:pStyle", NS).get(f"{W}val") != "TOCHeading"]  # fmt: skip
    texts = ["".join(t.text for t in p.iter(f"{W}t")) for p in entries]
    assert texts == ["Scene-setter3", "Objectives4", "Counterparts" + texts[2][len("Counterparts") :]]
    assert texts[2][len("Counterparts") :].isdigit()  # an estimate where the PDF gave none
    bookmarks = {b.get(f"{W}name") for b in root.iter(f"{W}bookmarkStart")}
    for p in entries:
        link = p.find("w:hyperlink", NS)
        assert link.get(f"{W}anchor") in bookmarks and link.get(f"{W}anchor").startswith("_Toc")
        assert link.find("w:r/w:tab", NS) is not None
    kinds = [f.get(f"{W}fldCharType") for f in root.iter(f"{W}fldChar")]
    assert kinds.count("begin") == kinds.count("end") == 1 + len(entries)  # TOC + one PAGEREF per entry
    settings = part(rendered, "word/settings.xml")
    assert settings.find("w:updateFields", NS).get(f"{W}val") == "true"
    assert etree.QName(settings.find("w:updateFields", NS).getnext()).localname == "compat"
    dots = part(rendered, "word/styles.xml").find(".//w:style[@w:styleId='TOC1']/w:pPr/w:tabs/w:tab", NS)
    assert dots.get(f"{W}leader") == "dot"


def test_headers_and_footers_on_every_page(rendered):
    d = docx.Document(str(rendered))
    assert len(d.sections) == 1
    section = d.sections[0]
    assert section.different_first_page_header_footer
    header = [p.text for p in section.header.paragraphs]
    assert header[0] == "CONFIDENTIAL"
    assert header[1] == "Global Partnership Against Online Scams\tDRAFT"
    first = [p.text for p in section.first_page_header.paragraphs]
    assert first == ["CONFIDENTIAL", "DRAFT"]
    assert [p.text for p in section.first_page_footer.paragraphs] == ["CONFIDENTIAL"]
    footer = section.footer._element
    assert [f.get(f"{W}instr").strip() for f in footer.iter(f"{W}fldSimple")] == ["PAGE", "NUMPAGES"]
    assert "".join(t.text for t in footer.iter(f"{W}t")).startswith("Page 1 of 1")
    assert [p.text for p in section.footer.paragraphs][-1] == "CONFIDENTIAL"
    for p in list(section.header.paragraphs) + list(section.first_page_header.paragraphs):
        if "CONFIDENTIAL" in p.text:
            assert p.style.name == "Banner" and p.style.font.bold
    first_fields = list(section.first_page_footer._element.iter(f"{W}fldSimple"))
    assert first_fields == []  # no page number on the cover


def test_vietnamese_words_and_no_cover(formal, tmp_path):
    target = render_docx(book("vi", draft=False, cover=False), formal, tmp_path / "vi.docx")
    d = docx.Document(str(target))
    section = d.sections[0]
    assert not section.different_first_page_header_footer
    assert [p.text for p in section.header.paragraphs] == [
        "CONFIDENTIAL",
        "Global Partnership Against Online Scams",
    ]
    footer_text = "".join(t.text for t in section.footer._element.iter(f"{W}t"))
    assert footer_text.startswith("Trang 1 / 1")
    lang = part(target, "word/styles.xml").find(".//w:docDefaults//w:lang", NS)
    assert lang.get(f"{W}val") == "vi-VN" and lang.get(f"{W}bidi") == "th-TH"
    assert d.core_properties.language == "vi-VN"


def test_lists_restart_and_nest(rendered):
    root = part(rendered, "word/document.xml")
    numbering = part(rendered, "word/numbering.xml")

    def num_of(text):
        p = next(p for p in root.iter(f"{W}p") if "".join(t.text for t in p.iter(f"{W}t")) == text)
        num = p.find("w:pPr/w:numPr/w:numId", NS)
        return None if num is None else num.get(f"{W}val")

    one, two, again = num_of("One"), num_of("Two"), num_of("Again one")
    assert one == two and one != again  # each numbered list gets its own w:num, so it restarts at 1
    for num_id in (one, again, num_of("Nested number")):
        num = numbering.find(f"w:num[@w:numId='{num_id}']", NS)
        assert num.find("w:lvlOverride/w:startOverride", NS).get(f"{W}val") == "1"
    assert num_of("First bullet") == "1"  # bullets carry numPr too, not only through their style


def test_table_header_widths_and_cells(rendered):
    d = docx.Document(str(rendered))
    table = next(t for t in d.tables if t.style is not None and t.style.name == "BriefBook Table")
    assert [c.text for c in table.rows[0].cells] == ["Time", "Session"]
    assert [c.text for c in table.rows[2].cells] == ["10:00", ""]  # short rows are padded
    tbl = table._tbl
    assert tbl.find("w:tr/w:trPr/w:tblHeader", NS) is not None
    assert tbl.findall("w:tr", NS)[1].find("w:trPr/w:tblHeader", NS) is None
    assert not list(tbl.iter(f"{W}cantSplit"))
    cols = [int(c.get(f"{W}w")) for c in tbl.findall("w:tblGrid/w:gridCol", NS)]
    assert cols[1] == pytest.approx(3 * cols[0], abs=3)


def test_thousand_row_table_has_every_row_and_one_header(formal, tmp_path):
    rows = [[[Paragraph([Run(f"row {i}")])], [Paragraph([Run("x" * 40)])], []] for i in range(1000)]
    document = Document(Metadata("Big"), [Table(header=[row("A", "B", "C")], rows=rows)])
    target = render_docx(document, load_template("formal-a4"), tmp_path / "big.docx")
    tbl = part(target, "word/document.xml").find(".//w:tbl", NS)
    rows_xml = tbl.findall("w:tr", NS)
    assert len(rows_xml) == 1001
    assert [r.find("w:trPr/w:tblHeader", NS) is not None for r in rows_xml[:2]] == [True, False]


def test_images_keep_natural_size_and_damaged_ones_become_a_note(rendered, formal, tmp_path):
    d = docx.Document(str(rendered))
    shapes = d.inline_shapes
    assert len(shapes) == 2  # the figure and the profile photo; the broken one is a note
    figure = shapes[0]
    assert figure.width.mm == pytest.approx(96 / 96 * 25.4, abs=0.1)  # 96 px at 96 dpi: never upscaled
    assert "Picture not shown" in body_text(rendered)
    images = [
        Image(png(3000, 1500, dpi=300), max_width_mm=60),  # 254 mm natural: capped at 60
        Image(png(300, 300, dpi=300), max_width_mm=150),  # 25.4 mm natural: kept
        Image(b"GIF89a\x00\x00"),
        Image(b""),
    ]
    target = render_docx(Document(Metadata("Pictures"), images), formal, tmp_path / "pictures.docx")
    shapes = docx.Document(str(target)).inline_shapes
    assert [round(s.width.mm, 1) for s in shapes] == [60.0, 25.4]
    assert round(shapes[0].height.mm, 1) == 30.0
    assert body_text(target).count("Picture not shown") == 2


def test_photo_turned_by_exif_is_stored_upright(formal, tmp_path):
    exif = PILImage.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    out = io.BytesIO()
    PILImage.new("RGB", (200, 100), (200, 30, 30)).save(out, format="JPEG", exif=exif, dpi=(100, 100))
    target = render_docx(Document(Metadata("Turned"), [Image(out.getvalue())]), formal, tmp_path / "t.docx")
    shape = docx.Document(str(target)).inline_shapes[0]
    assert (round(shape.width.mm, 1), round(shape.height.mm, 1)) == (25.4, 50.8)


def test_deeply_nested_lists(formal, tmp_path):
    deep = ListBlock([ListItem([Run("level 0")])])
    node = deep
    for level in range(1, 12):
        child = ListBlock([ListItem([Run(f"level {level}")])], ordered=level % 2 == 0)
        node.items[0].children = child
        node = child
    target = render_docx(Document(Metadata("Deep"), [deep]), formal, tmp_path / "deep.docx")
    d = docx.Document(str(target))
    assert [p.text for p in d.paragraphs] == [f"level {i}" for i in range(12)]
    levels = [p._p.find("w:pPr/w:numPr/w:ilvl", NS) for p in d.paragraphs]
    assert [None if x is None else int(x.get(f"{W}val")) for x in levels][-1] == 8


def test_profile_is_photo_beside_text(rendered):
    d = docx.Document(str(rendered))
    layout = next(t for t in d.tables if "Lê Anh Tuấn" in t.rows[0].cells[1].text)
    assert len(layout.columns) == 2
    assert layout.rows[0].cells[0]._tc.find(".//w:drawing", NS) is not None
    assert [p.text for p in layout.rows[0].cells[1].paragraphs] == ["Lê Anh Tuấn", "Deputy Minister"]
    borders = layout._tbl.find("w:tblPr/w:tblBorders", NS)
    assert {b.get(f"{W}val") for b in borders} == {"nil"}
    assert "No photo\nLine" in body_text(rendered)


def test_hostile_text_comes_back(formal, tmp_path):
    big = "Lorem ipsum dolor sit amet. " * 37_500  # ~1 MB
    document = Document(
        Metadata("Hostile <title> & \x00 co"),
        [Paragraph([Run(HOSTILE)]), Paragraph([Run(NFD_VIETNAMESE), Run(" " + THAI)]), Paragraph([Run(big)])],
    )
    target = render_docx(document, formal, tmp_path / "hostile.docx")
    d = docx.Document(str(target))
    texts = [p.text for p in d.paragraphs]
    assert texts[0] == "R&D <b> </para> ]]>  line\nnext pageafter 🙂"
    assert texts[1] == unicodedata.normalize("NFC", NFD_VIETNAMESE) + " " + THAI
    assert texts[2] == big
    assert d.paragraphs[0]._p.find(".//w:br[@w:type='page']", NS) is not None
    assert d.core_properties.title == "Hostile <title> & co"


def test_metadata_and_nothing_from_the_computer(rendered, tmp_path):
    props = docx.Document(str(rendered)).core_properties
    assert props.title == "Global Partnership Against Online Scams"
    assert props.subject == "Briefing book"
    assert props.author == "Department of International Law"
    assert props.keywords == "online scams, UNODC"
    assert props.language == "en-GB"
    assert props.created == props.modified == dt.datetime(2025, 12, 10, tzinfo=props.created.tzinfo)
    assert props.last_modified_by == "" and props.comments == "" and props.revision in (0, 1)
    forbidden = ["python-docx", "2013-12-23", str(rendered.parent), str(Path.home())]
    user = getpass.getuser()
    if len(user) >= 4:
        forbidden.append(user)
    with zipfile.ZipFile(rendered) as z:
        names = z.namelist()
        assert not any(n.startswith("customXml") or "thumbnail" in n or n.endswith("app.xml") for n in names)
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        for name in names:
            data = z.read(name).decode("utf-8", "replace")
            for word in forbidden:
                assert word not in data, f"{word!r} found in {name}"


def test_no_date_means_no_dates(formal, tmp_path):
    target = render_docx(Document(Metadata("Undated")), formal, tmp_path / "undated.docx")
    core = part(target, "docProps/core.xml")
    assert [etree.QName(c).localname for c in core] == ["title", "language"]


def test_same_book_same_bytes(formal, tmp_path):
    a = render_docx(book(), formal, tmp_path / "a.docx").read_bytes()
    b = render_docx(book(), formal, tmp_path / "b.docx").read_bytes()
    assert a == b


def test_schema_order_of_properties(rendered):
    """Word rejects out-of-order property children that LibreOffice accepts."""
    orders = {  # from the WordprocessingML schema, for the children we write; "/" joins equals
        "pPr": "pStyle keepNext keepLines pageBreakBefore widowControl numPr pBdr shd tabs spacing ind "
        "contextualSpacing jc outlineLvl rPr",
        "rPr": "rStyle rFonts b bCs i iCs caps noProof webHidden color sz szCs u lang",
        "tblPr": "tblStyle tblW jc tblInd tblBorders shd tblLayout tblCellMar tblLook",
        "tcPr": "tcW gridSpan vMerge tcBorders shd tcMar vAlign",
        "sectPr": "headerReference/footerReference pgSz pgMar cols titlePg docGrid",
    }
    with zipfile.ZipFile(rendered) as z:
        xml_parts = [
            n for n in z.namelist() if re.fullmatch(r"word/(document|styles|header\d*|footer\d*)\.xml", n)
        ]
        for name in xml_parts:
            root = etree.fromstring(z.read(name))
            for tag, order in orders.items():
                rank = {n: i for i, names in enumerate(order.split()) for n in names.split("/")}
                for node in root.iter(f"{W}{tag}"):
                    names = [etree.QName(c).localname for c in node]
                    assert all(n in rank for n in names), (name, tag, names)
                    assert names == sorted(names, key=rank.__getitem__), (name, tag, names)


def test_styles_are_found_by_name_in_a_localised_reference(formal, tmp_path):
    """Word in another language saves its own style ids; names stay."""
    source = zipfile.ZipFile(formal.reference_docx)
    localised = tmp_path / "reference.docx"
    with zipfile.ZipFile(localised, "w") as out:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/styles.xml":
                data = data.replace(b'w:styleId="Heading1"', b'w:styleId="berschrift1"')
            out.writestr(name, data)
    template = dataclasses.replace(formal, reference_docx=localised)
    target = render_docx(book(), template, tmp_path / "localised.docx")
    d = docx.Document(str(target))
    assert [p.text for p in d.paragraphs if p.style.name == "Heading 1"] == ["Scene-setter", "Counterparts"]


# -- progress and writing ----------------------------------------------------------


def test_progress_counts_blocks(formal, tmp_path):
    document = book()
    seen = []
    render_docx(
        document, formal, tmp_path / "p.docx", progress=lambda done, total: seen.append((done, total))
    )
    total = len(document.blocks)
    assert seen == [(i, total) for i in range(total + 1)]


def test_cancel_leaves_previous_file_and_no_temp(formal, tmp_path):
    target = tmp_path / "book.docx"
    target.write_bytes(b"previous export")

    def cancel(done, total):
        if done == 5:
            raise Cancelled("Export cancelled.")

    with pytest.raises(Cancelled):
        render_docx(book(), formal, target, progress=cancel)
    assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.docx"]


def test_failure_while_writing_removes_temp(formal, tmp_path, monkeypatch):
    target = tmp_path / "book.docx"
    target.write_bytes(b"previous export")

    def broken_zip(fh, members, compresslevel=6):
        fh.write(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx_package, "write_zip", broken_zip)
    with pytest.raises(BriefBookError, match="No space left"):
        render_docx(book(), formal, target)
    assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.docx"]


def test_unwritable_targets_give_plain_errors(formal, tmp_path, monkeypatch):
    with pytest.raises(BriefBookError, match="is a folder"):
        render_docx(book(), formal, tmp_path)
    with pytest.raises(BriefBookError, match="does not exist"):
        render_docx(book(), formal, tmp_path / "missing" / "book.docx")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(docx_package.tempfile, "mkstemp", refuse)
    with pytest.raises(BriefBookError, match="Permission denied"):
        render_docx(book(), formal, tmp_path / "book.docx")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write to read-only folders")
def test_read_only_folder(formal, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(BriefBookError, match="permission"):
            render_docx(book(), formal, folder / "book.docx")
    finally:
        folder.chmod(0o755)


# -- LibreOffice ------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_it(rendered, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    subprocess.run(
        ["libreoffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(rendered)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "book.pdf"
    assert pdf.exists()
    reader = pypdf.PdfReader(str(pdf))
    assert 4 <= len(reader.pages) <= 8
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Scene-setter" in text and "CONFIDENTIAL" in text and "Page 2 of" in text
    assert THAI in text.replace("\n", "")
