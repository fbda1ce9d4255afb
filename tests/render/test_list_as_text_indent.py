"""A list printed as lines of text keeps its levels in the PDF as in the DOCX: a biography's
nested list (a profile holds paragraphs only).

Found on a new event: "• Ambassador / – to Thailand / · 2015–2019" printed all at the
margin in the PDF. The levels were em spaces (U+2003), which reportlab breaks lines at and
drops at a line's start; Word kept them."""

from __future__ import annotations

from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest

from briefbook.export import ExportOptions, export_book
from briefbook.library import Event, Library, Meeting, Person
from briefbook.library.books import new_book

NESTED = "- Đại sứ\n  - tại Thái Lan\n    - 2015–2019"
LINES = ("Đại sứ", "tại Thái Lan", "2015–2019")


@pytest.fixture
def exported(library: Library, tmp_path: Path) -> Path:
    event = library.add(Event(title="Hội nghị Bangkok"))
    meeting = library.add(Meeting(event_id=event.id, title="Gặp Thứ trưởng Lào", kind="bilateral"))
    # (A Latin name: PDFium's character boxes are counted otherwise than its text after shaped
    # Lao letters on the page.)
    person = library.add(Person(name="Somphone Vongsa", position="Thứ trưởng", biography=NESTED))
    library.set_participant(meeting.id, person.id, "counterpart")
    book = new_book(library, event.id, title="Sổ tay", language="vi")
    out = tmp_path / "book.pdf"
    export_book(library, book.id, out, ExportOptions(formats=("pdf", "docx")))
    return out


def _biography_lefts(path: Path) -> list[float]:
    """Where each of the biography's three lines starts (its bullet), on the annex's page."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            text_page = page.get_textpage()
            text = text_page.get_text_range()
            if "Somphone Vongsa" not in text or "Đại sứ" not in text:
                continue
            lefts = []
            at = text.index("Somphone Vongsa")
            for line in LINES:
                where = text.index(line, at)
                line_start = text.rfind("\n", 0, where) + 1
                bullet = next(i for i in range(line_start, where) if not text[i].isspace())
                lefts.append(text_page.get_charbox(bullet)[0])
                at = where
            return lefts
    finally:
        pdf.close()
    raise AssertionError("the biography is not printed")


def test_each_level_is_printed_further_in_than_the_one_above(exported: Path) -> None:
    first, second, third = _biography_lefts(exported)
    assert first + 5 < second and second + 5 < third, (first, second, third)


def test_the_docx_keeps_the_levels_too(exported: Path) -> None:
    paragraphs = [p.text for p in docx.Document(str(exported.with_suffix(".docx"))).paragraphs]
    (bio,) = [i for i, t in enumerate(paragraphs) if t == "• Đại sứ"]
    first, second, third = paragraphs[bio : bio + 3]
    indent = [len(t) - len(t.lstrip("\u00a0\u2003 ")) for t in (first, second, third)]
    assert indent[0] < indent[1] < indent[2]
