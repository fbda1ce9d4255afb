"""A cross-reference line (who's who, background) never prints its page number over its own
text. Found on a new event: "… Laos [Counterpart]12", the "12" drawn on the bracket.

The line reserves room for the number with no-break spaces after the marker where the
number is drawn. reportlab glued the marker to the last word and broke the line before the
spaces, so a line whose text just fitted kept the marker at the right margin and put the
spaces alone on a line of their own."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from briefbook.export import ExportOptions, export_book
from briefbook.library import Event, Library, Meeting, Person
from briefbook.library.books import new_book

ROLE = "[Counterpart]"
# Texts growing a letter at a time, so that one of them ends just at the right margin (the
# Latin ones: the precise check); the last word in Thai and Lao letters too, which the marker
# after them must not break (PDFium's boxes after Lao marks are a letter off: a looser check).
ENDINGS = ["x" * n for n in range(24)] + ["ใจดี" * n for n in range(1, 9)] + ["ວົງສາ" * n for n in range(1, 6)]


@pytest.fixture
def exported(library: Library, tmp_path: Path) -> Path:
    event = library.add(Event(title="Hội nghị Bangkok"))
    for n, ending in enumerate(ENDINGS):
        meeting = library.add(Meeting(event_id=event.id, title=f"Cuộc gặp {n}", kind="bilateral"))
        position = f"Vice Minister, Ministry of Foreign Affairs, Laos {ending}".strip()
        person = library.add(Person(name=f"P{n:02d}", position=position))
        library.set_participant(meeting.id, person.id, "counterpart")
    book = new_book(library, event.id, title="Sổ tay", language="en")
    out = tmp_path / "book.pdf"
    export_book(library, book.id, out, ExportOptions(formats=("pdf",)))
    return out


def test_the_page_number_is_drawn_after_the_text_it_ends(exported: Path) -> None:
    checked = 0
    pdf = pdfium.PdfDocument(str(exported))
    try:
        for page in pdf:
            text_page = page.get_textpage()
            text = text_page.get_text_range()
            start = text.find(ROLE)
            if start < 0:
                continue
            end = start + len(ROLE) - 1
            role_left = text_page.get_charbox(start)[0]
            _left, bottom, right, _top = text_page.get_charbox(end)
            # The number is drawn late (pdf_late), so it is found by where it is, not by its
            # place in the page's text: the digits after the role, on the baseline it is on.
            number = [
                text_page.get_charbox(i)
                for i in range(len(text))
                if text[i].isdigit()
                and abs(text_page.get_charbox(i)[1] - bottom) < 3
                and text_page.get_charbox(i)[0] > role_left
            ]
            assert number, ("no page number on the line", text[max(0, start - 40) : end + 1])
            number_left = min(box[0] for box in number)
            assert number_left > right + 2, (text[max(0, start - 40) : end + 1], number_left, right)
            checked += 1
    finally:
        pdf.close()
    assert checked == len(ENDINGS)
