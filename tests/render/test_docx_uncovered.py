"""A character no font of the book has: the preflight names it, and both files show U+FFFD
where it was (the DOCX kept the character itself, so Word drew its own box or nothing)."""

from __future__ import annotations

import subprocess
import unicodedata
import zipfile

from briefbook.assemble import preflight
from briefbook.export import ExportOptions, export_book
from briefbook.library import Library, Person
from briefbook.library.books import new_book
from briefbook.library.records import Event
from briefbook.render.docx_fonts import pieces
from briefbook.render.template import load_template
from tests.render.test_docx_fonts import _embedded

PRIVATE, UNASSIGNED = "\ue000", "\u0378"  # a private-use character; a code point Unicode has not assigned
NAME = f"Karim {PRIVATE}Haddad{UNASSIGNED} Nasser"
SHOWN = "Karim \ufffdHaddad\ufffd Nasser"


def _docx_parts(path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")}


def test_both_files_and_the_preflight_agree_on_a_name_no_font_has(library: Library, tmp_path):
    event = library.add(Event(title="Hội nghị Doha", classification="Internal"))
    person = library.add(Person(name=NAME, position="Đại sứ"))
    library.set_delegate(event.id, person.id, "Khách mời")
    book = new_book(library, event.id, title="Sổ tay Doha", ceiling="Internal")

    found = [w for w in preflight(library, book) if w.code == "glyph_missing"]
    assert [w.item_id for w in found] == [person.id]
    assert "U+E000" in found[0].message and "U+0378" in found[0].message
    assert "field “name”" in found[0].message

    written = {p.suffix: p for p in export_book(library, book.id, tmp_path / "doha.pdf", ExportOptions())}
    pdf, docx = written[".pdf"], written[".docx"]
    pdftotext = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    layer = unicodedata.normalize("NFC", pdftotext.stdout)
    parts = _docx_parts(docx)
    for char in (PRIVATE, UNASSIGNED):
        assert char not in layer
        assert not [n for n, xml in parts.items() if char in xml]  # nowhere in the Word file
    assert SHOWN in layer
    body = parts["word/document.xml"]
    shown = body.count(SHOWN)
    assert shown >= 1 and shown == layer.count(SHOWN)  # each place the PDF shows the name
    assert ord("\ufffd") in _embedded(docx)["Noto Serif/embedRegular"].getBestCmap()  # drawn from the file


def test_runs_show_replacement_but_keep_joiners_and_breaks():
    formal = load_template("formal-a4")
    assert pieces(formal, "a\ue000b") == [(None, "a\ufffdb")]
    text = "x\U000f0001\u200d\ufe0f\n\x0cy"  # joiners stay invisible, breaks stay breaks
    assert "".join(t for _, t in pieces(formal, text)) == "x\ufffd\u200d\ufe0f\n\x0cy"


def test_a_book_title_no_font_has_shows_u_fffd_on_every_page_header(library: Library, tmp_path):
    """The title is in each page's running header (a field whose cached result Word and
    LibreOffice show); the preflight names the character there too."""
    event = library.add(Event(title="Hội nghị Doha", classification="Internal"))
    book = new_book(library, event.id, title=f"Sổ tay {PRIVATE} Doha", ceiling="Internal")
    found = [w for w in preflight(library, book) if w.code == "glyph_missing"]
    assert found and all("U+E000" in w.message for w in found)
    options = ExportOptions(formats=("docx",))
    (docx,) = export_book(library, book.id, tmp_path / "doha.docx", options)
    parts = _docx_parts(docx)
    headers = [xml for name, xml in parts.items() if name.startswith("word/header")]
    assert any("Sổ tay \ufffd Doha" in xml for xml in headers)
    assert not [n for n, xml in parts.items() if n.startswith("word/") and PRIVATE in xml]
