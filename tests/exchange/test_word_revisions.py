"""A Word file's text inside tracked insertions, content controls, smart tags and simple
fields is imported; tracked deletions are not.

Found by a user's walk (review2): talking points drafted in Word with Track Changes on lost
every inserted word on import ("Việt Nam ủng hộ hợp tác" for "... hợp tác toàn diện"), and
the text of a content control (a ministry template's date or name box) was dropped too,
without a word: the reader looked only at a paragraph's own runs and links.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefbook.exchange.word_points import propose_talking_points
from briefbook.library import Library


def _wrapped(tag: str, text: str, **attrs: str):
    outer = OxmlElement(tag)
    for k, v in attrs.items():
        outer.set(qn(k), v)
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText" if tag in ("w:del", "w:moveFrom") else "w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    outer.append(run)
    return outer


def _document(path: Path) -> Path:
    d = docx.Document()
    d.add_heading("Công ước Hà Nội", 1)
    p = d.add_paragraph("Việt Nam ủng hộ hợp tác", style="List Bullet")
    tracked = {"w:id": "1", "w:author": "Vụ", "w:date": "2025-01-01T00:00:00Z"}
    p._p.append(_wrapped("w:del", " XYZZYGONE", **tracked))
    p._p.append(_wrapped("w:ins", " toàn diện", **tracked))
    p._p.append(_wrapped("w:moveTo", " PLUGHMOVED", **tracked))
    p._p.append(_wrapped("w:moveFrom", " QUUXMOVEDAWAY", **tracked))
    q = d.add_paragraph("Ngày ký:", style="List Bullet")
    sdt = OxmlElement("w:sdt")
    content = _wrapped("w:sdtContent", " 17/12/2025")
    sdt.append(content)
    q._p.append(sdt)
    q._p.append(_wrapped("w:smartTag", " tại Hà Nội", **{"w:element": "place"}))
    q._p.append(_wrapped("w:fldSimple", " (trang 3)", **{"w:instr": "PAGE"}))
    d.save(path)
    return path


def test_tracked_insertions_and_boxes_are_imported_deletions_not(library: Library, tmp_path: Path) -> None:
    proposal = propose_talking_points(library, _document(tmp_path / "tracked.docx"))
    texts = [p.record.text for p in proposal.items if p.kind == "talking_point"]
    assert texts == [
        "Việt Nam ủng hộ hợp tác toàn diện PLUGHMOVED",
        "Ngày ký: 17/12/2025 tại Hà Nội (trang 3)",
    ], texts


def test_hidden_text_is_left_out_and_said(library: Library, tmp_path: Path) -> None:
    """Word's hidden text (Font → Hidden: a drafter's note, not printed by Word) stayed in the
    imported point and so reached the minister's book; it is left out now, and said."""
    d = docx.Document()
    d.add_heading("Công ước Hà Nội", 1)
    p = d.add_paragraph("Việt Nam ủng hộ Công ước.", style="List Bullet")
    p.add_run(" XYZZYHIDDEN không nói điều này").font.hidden = True
    d.save(tmp_path / "hidden.docx")
    proposal = propose_talking_points(library, tmp_path / "hidden.docx")
    texts = [p.record.text for p in proposal.items if p.kind == "talking_point"]
    assert texts == ["Việt Nam ủng hộ Công ước."]
    said = [m for m in proposal.messages if "hidden" in m.lower()]
    assert said and "XYZZYHIDDEN không nói điều này" in said[0] and "hidden.docx" in said[0]


def test_a_hidden_paragraph_and_a_hidden_cell_are_said_too(library: Library, tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("Công ước Hà Nội", 1)
    d.add_paragraph("Điểm một.", style="List Bullet")
    d.add_paragraph().add_run("PLUGHPARA ghi chú ẩn").font.hidden = True
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Điểm trong bảng."
    table.cell(0, 1).paragraphs[0].add_run("QUUXCELL ẩn").font.hidden = True
    d.save(tmp_path / "hidden.docx")
    proposal = propose_talking_points(library, tmp_path / "hidden.docx")
    texts = [p.record.text for p in proposal.items if p.kind == "talking_point"]
    assert texts == ["Điểm một.", "Điểm trong bảng."], texts
    said = " ".join(proposal.messages)
    assert "PLUGHPARA ghi chú ẩn" in said and "and 1 more" in said


def test_a_word_articles_hidden_text_is_said_too(library: Library, tmp_path: Path) -> None:
    from briefbook.exchange.articles import propose_statements

    d = docx.Document()
    d.add_paragraph("Ngày 6/11/2025, Người phát ngôn Phạm Thu Hằng cho biết: “Việt Nam sẵn sàng hợp tác.”")
    d.add_paragraph().add_run("PLUGHNOTE ghi chú của phóng viên").font.hidden = True
    d.save(tmp_path / "bai.docx")
    proposal = propose_statements(library, tmp_path / "bai.docx")
    assert any("PLUGHNOTE ghi chú của phóng viên" in m for m in proposal.messages), proposal.messages
    assert all("PLUGHNOTE" not in p.record.text for p in proposal.items if p.kind == "statement")
