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
