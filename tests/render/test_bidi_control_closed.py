"""A bidi control left open in one field reorders that field only, not the book's words after
it on the line. Found on a new event: a counterpart whose position held a lone U+202E (pasted,
or sent in someone's file) printed "Đại ]trapretnuoC[ ứs" in the PDF, and LibreOffice showed
the DOCX the same way: the role the book adds read backwards. Each run now closes what it
opens (U+202C, U+2069); the characters stored are kept."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from briefbook.export import ExportOptions, export_book
from briefbook.invisible import closed_controls
from briefbook.library import Event, Library, Meeting, Person
from briefbook.library.books import new_book

RLO, PDF, RLI, PDI = "\u202e", "\u202c", "\u2067", "\u2069"


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ("Đại sứ", "Đại sứ"),
        (f"Đại{RLO} sứ", f"Đại{RLO} sứ{PDF}"),
        (f"Đại{RLO} sứ{PDF} x", f"Đại{RLO} sứ{PDF} x"),  # closed by the text: as it is
        (f"a{RLI}b{RLO}c", f"a{RLI}b{RLO}c{PDF}{PDI}"),
        (f"a{RLI}b{RLO}c{PDI}d", f"a{RLI}b{RLO}c{PDI}d"),  # a PDI closes what its isolate holds
        (f"{PDF}{PDI}x", f"{PDF}{PDI}x"),  # closers with nothing open stay as typed
    ],
)
def test_what_a_text_leaves_open_is_closed_at_its_end(text: str, closed: str) -> None:
    assert closed_controls(text) == closed


@pytest.fixture
def exported(library: Library, tmp_path: Path) -> Path:
    event = library.add(Event(title="Hội nghị Bangkok"))
    meeting = library.add(Meeting(event_id=event.id, title="Họp báo", kind="press"))
    person = library.add(Person(name="Nguyễn Văn A", position=f"Đại{RLO} sứ"))
    library.set_participant(meeting.id, person.id, "counterpart")
    book = new_book(library, event.id, title="Sổ tay", language="en")
    out = tmp_path / "book.pdf"
    export_book(library, book.id, out, ExportOptions(formats=("pdf", "docx")))
    return out


def test_the_pdf_prints_the_role_after_the_position_as_written(exported: Path) -> None:
    layout = subprocess.run(
        ["pdftotext", "-layout", str(exported), "-"], capture_output=True, text=True, check=True
    ).stdout
    (line,) = [t for t in layout.splitlines() if "Nguyễn Văn A —" in t]
    assert "[Counterpart]" in line, line


def test_the_docx_run_of_the_position_closes_its_override(exported: Path) -> None:
    with zipfile.ZipFile(exported.with_suffix(".docx")) as z:
        xml = z.read("word/document.xml").decode()
    texts = [t for t in xml.split("<w:t") if RLO in t]
    assert texts and all(f"{PDF}</w:t>" in t for t in texts)
