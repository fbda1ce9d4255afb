"""Lines the book builds that start with an Arabic name are still lines of a Vietnamese
book: left to right, in the PDF and in the DOCX. A who's-who line keeps the role after the
name and the dotted leader and the biography's page at the right margin (it was laid out
from the right, the page number lost in the PDF and put at the left in Word); a statement's
credit line reads "— name, date" (it read from the right, date first)."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from briefbook.export import ExportOptions, export_book
from briefbook.library import Event, Library, Meeting, Person, Statement, Topic
from briefbook.library.books import new_book

NAME = "فيصل بن فرحان آل سعود"


@pytest.fixture
def exported(library: Library, tmp_path: Path) -> Path:
    event = library.add(Event(title="Hội nghị Riyadh"))
    meeting = library.add(Meeting(event_id=event.id, title="Hội đàm với Ả Rập Xê Út", kind="bilateral"))
    person = library.add(
        Person(name=NAME, name_romanised="Faisal bin Farhan Al Saud", position="وزير الخارجية")
    )
    library.set_participant(meeting.id, person.id, "counterpart")
    topic = library.add(Topic(title="Lao động di cư"))
    library.link_topic(meeting.id, topic.id)
    quote = library.add(
        Statement(speaker_id=person.id, date="2025-06-18", text="Chúng tôi hoan nghênh hợp tác.")
    )
    library.link_topic(quote.id, topic.id)
    book = new_book(library, event.id, title="Sổ tay Riyadh", language="vi")
    out = tmp_path / "book.pdf"
    export_book(library, book.id, out, ExportOptions(formats=("pdf", "docx")))
    return out


def test_the_pdf_line_keeps_its_leader_and_page_on_the_right(exported: Path) -> None:
    layout = subprocess.run(
        ["pdftotext", "-layout", str(exported), "-"], capture_output=True, text=True
    ).stdout
    (line,) = [t for t in layout.splitlines() if "Faisal bin Farhan Al Saud" in t and "Phía bạn" in t]
    assert line.rstrip()[-1].isdigit()  # the biography's page, at the end of the same line
    assert line.index("Faisal") < line.index("Phía bạn")  # the role after the name, as written


def test_the_docx_reference_is_not_a_right_to_left_paragraph(exported: Path) -> None:
    xml = zipfile.ZipFile(exported.with_suffix(".docx")).read("word/document.xml").decode()
    paragraphs = [p for p in xml.split("<w:p>") + xml.split("<w:p ") if "Faisal bin Farhan" in p]
    references = [p.split("</w:p>")[0] for p in paragraphs if "PAGEREF" in p]
    assert references and all("<w:bidi/>" not in p for p in references)


def test_a_credit_line_reads_dash_name_date_from_the_left(exported: Path) -> None:
    layout = subprocess.run(
        ["pdftotext", "-layout", str(exported), "-"], capture_output=True, text=True
    ).stdout
    credits = [t.strip() for t in layout.splitlines() if "18/06/2025" in t and "—" in t]
    assert credits and all(t.startswith("—") and t.endswith("18/06/2025") for t in credits), credits
    xml = zipfile.ZipFile(exported.with_suffix(".docx")).read("word/document.xml").decode()
    paragraphs = [p.split("</w:p>")[0] for p in xml.split("<w:p>")]
    notes = [p for p in paragraphs if "18/06/2025" in p and "—" in p]
    assert notes and all("<w:bidi/>" not in p for p in notes)
