"""Strike-through (``~~…~~``, as the editor writes the strike-through it shows) prints struck
through in the PDF and the Word file, comes back from Word as ``~~…~~``, and is a change on
the changes page. The book's Markdown reading had no strike-through: ``~~ví điện tử~~``
printed with its four tildes, while the editor showed the words struck."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest

from briefbook.assemble import assemble
from briefbook.assemble.markdown import blocks
from briefbook.document.model import Document, Metadata, Origin, Paragraph, Run
from briefbook.exchange.diff_words import word_diff
from briefbook.exchange.docx_reader import open_docx, paragraphs
from briefbook.library import Event, Library, Meeting, TalkingPoint, Topic
from briefbook.library.books import new_book
from briefbook.markdown_plain import plain_text
from briefbook.release import ReleaseRefused, check_release
from briefbook.render.docx import render_docx
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template

STRUCK = "Trước: ~~ví điện tử ภาษาไทย ສົມພອນ~~ rồi **~~Mã~~** sau."
PLAIN = "Trước: ví điện tử ภาษาไทย ສົມພອນ rồi **Mã** sau."


def _runs(markdown: str) -> list[Run]:
    return [r for b in blocks(markdown, origin=Origin("Public")) if isinstance(b, Paragraph) for r in b.runs]


def test_tildes_strike_the_words_through_and_are_not_printed() -> None:
    runs = _runs(STRUCK)
    assert [(r.text, r.bold) for r in runs if r.strike and r.text] == [
        ("ví điện tử ภาษาไทย ສົມພອນ", False),
        ("Mã", True),
    ]
    assert not any("~" in r.text for r in runs)
    # Escaped, or a single tilde: text as typed.
    assert [r.text for r in _runs(r"\~~giữ~~ và ~một~") if r.strike] == []
    assert "".join(r.text for r in _runs(r"\~~giữ~~ và ~một~")) == "~~giữ~~ và ~một~"


def test_a_struck_name_reads_without_its_tildes() -> None:
    assert plain_text("~~Thái Lan~~ và Lào") == "Thái Lan và Lào"


def test_the_gate_checks_the_strike_flag_as_any_other_field() -> None:
    hidden = Paragraph([Run("zq", strike="zqsecret", origin=Origin("Secret"))], origin=Origin("Public"))
    meta = Metadata(title="x", origins={"title": Origin("Public")})
    with pytest.raises(ReleaseRefused):
        check_release(Document(meta, [hidden]), ["Public", "Secret"], "Public", sharing=False)


def _book(folder: Path, point: str) -> tuple[Path, Path]:
    folder.mkdir()
    with Library.create(folder / "lib.briefbook") as lib:
        event = lib.add(Event(title="Hội nghị Băng Cốc"))
        meeting = lib.add(Meeting(event_id=event.id, title="Gặp Thái Lan"))
        topic = lib.add(Topic(title="Lừa đảo trực tuyến"))
        lib.add(TalkingPoint(topic_id=topic.id, kind="key_message", status="cleared", text=point))
        lib.link_topic(meeting.id, topic.id)
        document = assemble(lib, new_book(lib, event.id, language="vi", ceiling="Public").id)
    template = load_template("formal-a4")
    render_pdf(document, template, folder / "b.pdf")
    render_docx(document, template, folder / "b.docx")
    return folder / "b.pdf", folder / "b.docx"


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    root = tmp_path_factory.mktemp("strike")
    return {"struck": _book(root / "struck", STRUCK), "plain": _book(root / "plain", PLAIN)}


def _lines_drawn(pdf: Path) -> list[int]:
    """Per page, the straight lines the page's content draws (rules, strike-through)."""
    from pypdf import PdfReader

    return [len(re.findall(rb" l\b", page.get_contents().get_data())) for page in PdfReader(pdf).pages]


def test_the_pdf_strikes_the_words_through_without_tildes(books) -> None:
    from pypdf import PdfReader

    struck, plain = books["struck"][0], books["plain"][0]
    text = "".join(page.extract_text() for page in PdfReader(struck).pages)
    assert "~" not in text and "ví điện tử" in text
    # The same book: the one page of the point draws two lines more (the stretch and "Mã").
    extra = [s - p for s, p in zip(_lines_drawn(struck), _lines_drawn(plain), strict=True)]
    assert sorted(extra) == [0] * (len(extra) - 1) + [2], extra


def test_the_word_file_strikes_the_words_through(books) -> None:
    with zipfile.ZipFile(books["struck"][1]) as z:
        xml = z.read("word/document.xml").decode()
    struck = {
        "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", r))
        for r in re.findall(r"<w:r>(.*?)</w:r>", xml)
        if "<w:strike/>" in r
    }
    assert {"ví điện tử ", "ภาษาไทย", "Mã"} <= struck, struck
    assert "~" not in "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))
    found = [r for p in docx.Document(str(books["struck"][1])).paragraphs for r in p.runs if r.font.strike]
    assert "sau" not in "".join(r.text for r in found)


def test_struck_words_come_back_from_word_struck(books, tmp_path: Path) -> None:
    read = [p.markdown for p in paragraphs(open_docx(books["struck"][1]))]
    point = next(m for m in read if m.startswith("Trước"))
    assert [r.text for r in _runs(point) if r.strike and r.text] == ["ví điện tử ภาษาไทย ສົມພອນ", "Mã"]
    # Tildes typed in Word are text, not a strike-through.
    typed = docx.Document()
    typed.add_paragraph("Giữ ~~nguyên~~ ~50")
    typed.save(tmp_path / "typed.docx")
    markdown = next(p.markdown for p in paragraphs(open_docx(tmp_path / "typed.docx")))
    assert "".join(r.text for r in _runs(markdown)) == "Giữ ~~nguyên~~ ~50"
    assert not any(r.strike for r in _runs(markdown))


def test_striking_words_through_is_a_change_shown_in_words() -> None:
    diff = word_diff("Ủng hộ ví điện tử", "Ủng hộ ~~ví~~ điện tử")
    assert ("-", "ví") in diff and ("+", "ví") in diff  # the word, struck: never its tildes
