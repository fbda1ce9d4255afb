"""Word documents for the import tests, made with python-docx (no binary test files to trust)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def add_link(paragraph, text: str, url: str) -> None:
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def talking_points_docx(path: Path) -> Path:
    d = docx.Document()
    d.add_heading("Công ước Hà Nội", level=1)
    p = d.add_paragraph("Việt Nam ")
    p.add_run("hoan nghênh").bold = True
    p.add_run(" các nước ký ")
    p.add_run("Công ước").italic = True
    p.add_run(" tại Hà Nội; xem ")
    add_link(p, "UNODC", "https://www.unodc.org/")
    p.add_run(".")
    d.add_paragraph("Việt Nam đề nghị các nước:")
    d.add_paragraph("phê chuẩn sớm;", style="List Bullet")
    d.add_paragraph("chia sẻ thông tin *kịp thời*;", style="List Bullet")
    d.add_paragraph("kể cả bằng chứng điện tử.", style="List Bullet 2")
    d.add_paragraph("Nếu được hỏi: Việt Nam sẵn sàng hỗ trợ kỹ thuật.")
    d.add_heading("Online scams", level=1)
    d.add_paragraph("Press line: Viet Nam stands with its partners.")
    d.add_paragraph("Q: Will Viet Nam join the partnership?")
    d.add_paragraph("A: Viet Nam is studying the Joint Statement.")
    d.add_paragraph("If raised: we do not comment on individual cases.")
    d.add_paragraph("A standalone bullet", style="List Bullet")
    d.add_paragraph("Another standalone bullet", style="List Bullet")
    d.save(path)
    return path


def word_list(document, formats: list[str]) -> str:
    """A list definition as Word writes one (an abstractNum with a numFmt per level, and a
    w:num instance of it in numbering.xml); its numId, for :func:`word_item`."""
    numbering = document.part.numbering_part.element
    abstract_id = str(100 + len(numbering.findall(qn("w:abstractNum"))))
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), abstract_id)
    for level, fmt in enumerate(formats):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        text = "•" if fmt == "bullet" else f"%{level + 1}."
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            lvl.append(child)
        abstract.append(lvl)
    first = numbering.find(qn("w:num"))
    if first is not None:  # every abstractNum comes before the first w:num (the schema's order)
        first.addprevious(abstract)
    else:
        numbering.append(abstract)
    num_id = str(200 + len(numbering.findall(qn("w:num"))))
    instance = OxmlElement("w:num")
    instance.set(qn("w:numId"), num_id)
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), abstract_id)
    instance.append(ref)
    numbering.append(instance)
    return num_id


def word_item(document, text: str, num_id: str, level: int):
    """A list paragraph as Word writes one: style "List Paragraph", w:numPr with w:ilvl and w:numId."""
    paragraph = document.add_paragraph(text, style="List Paragraph")
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", str(level)), ("w:numId", num_id)):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        num_pr.append(child)
    paragraph._p.get_or_add_pPr().append(num_pr)
    return paragraph


_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
)


def _xml(text: str):
    from docx.oxml import parse_xml

    return parse_xml(text.replace("NS", _NS, 1))


def boxes_and_pictures_docx(path: Path, picture: Path) -> Path:
    """A ministry template's Word file: a content control holding a paragraph, a table in a
    table's cell, a text box (written twice, as Word does: a drawing and its old-style copy),
    a picture, a footnote's mark and an equation."""
    d = docx.Document()
    d.add_heading("Chống lừa đảo trực tuyến", level=1)
    d.add_paragraph("Điểm đầu của ສົມພອນ.")
    body = d.element.body
    body.insert(
        len(body) - 1,
        _xml(
            "<w:sdt NS><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>PLUGHBLOCK điểm trong ô nội dung"
            "</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    d.add_table(rows=1, cols=1).cell(0, 0).add_table(rows=1, cols=1).cell(0, 0).text = "QUUXNESTED bảng lồng"
    box = "<w:txbxContent><w:p><w:r><w:t>XYZZYBOX hộp văn bản</w:t></w:r></w:p></w:txbxContent>"
    body.insert(
        len(body) - 1,
        _xml(
            "<w:p NS><w:r><w:t>Neo của hộp</w:t></w:r><w:r><mc:AlternateContent>"
            f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>'
            f"<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r></w:p>"
        ),
    )
    d.add_paragraph("Biểu đồ thiệt hại:")
    d.add_picture(str(picture))
    note = d.add_paragraph("Số vụ tăng gấp đôi")
    note._p.append(_xml('<w:r NS><w:footnoteReference w:id="1"/></w:r>'))
    formula = d.add_paragraph("Tỷ lệ thu hồi")
    formula._p.append(_xml("<m:oMath NS><m:r><m:t>r=a/b</m:t></m:r></m:oMath>"))
    d.add_paragraph("Điểm cuối.")
    d.save(path)
    return path
