"""Inline code (Markdown's backticks: a reference number, an address) prints in a monospace
font with every Vietnamese letter, in the PDF and in the Word file; what that font lacks (Thai,
Lao inside code) falls back to its script's font, never to a missing glyph. It was printed in
the body font, so ``HĐ-2026/ĐN-07`` read as prose and the mark was dropped without a word.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from briefbook.assemble import assemble
from briefbook.assemble.markdown import blocks
from briefbook.document.model import Document, Metadata, Origin, Paragraph, Run
from briefbook.library import Event, Library, Meeting, TalkingPoint, Topic
from briefbook.library.books import new_book
from briefbook.release import ReleaseRefused, check_release
from briefbook.render.docx import render_docx
from briefbook.render.pdf import render_pdf
from briefbook.render.template import FONTS_DIR, load_template
from tests.render.test_docx_libreoffice import SOFFICE, _without_system_fonts

POINT = "Nhắc lại hiệp định số `HĐ-2026/ĐN-07`, mã `ສົມພອນ-42 ภาษาไทย` và **`Mã-Đậm`**. Thường: zqplain."


def _runs(found) -> list[Run]:
    return [r for b in found for r in getattr(b, "runs", [])]


def test_backticks_make_a_code_run_without_the_backticks() -> None:
    runs = _runs(blocks(POINT, origin=Origin("Public")))
    code = [(r.text, r.bold) for r in runs if r.code]
    assert code == [("HĐ-2026/ĐN-07", False), ("ສົມພອນ-42 ภาษาไทย", False), ("Mã-Đậm", True)]
    assert not any("`" in r.text for r in runs)
    assert not any(r.code for r in runs if "zqplain" in r.text)


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> tuple[Path, Document]:
    folder = tmp_path_factory.mktemp("code")
    with Library.create(folder / "code.briefbook") as lib:
        event = lib.add(Event(title="Hội nghị Viêng Chăn"))
        meeting = lib.add(Meeting(event_id=event.id, title="Gặp Lào"))
        topic = lib.add(Topic(title="Biên giới", classification="Confidential"))
        lib.add(TalkingPoint(topic_id=topic.id, kind="key_message", status="cleared", text=POINT))
        lib.link_topic(meeting.id, topic.id)
        document = assemble(lib, new_book(lib, event.id, language="vi", ceiling="Confidential").id)
    template = load_template("formal-a4")
    render_pdf(document, template, folder / "code.pdf")
    render_docx(document, template, folder / "code.docx")
    return folder, document


def _code_runs(node, inherited=None, out=None) -> list[tuple[Run, Origin | None]]:
    """Every code run of the document with the origin it carries or inherits."""
    out = [] if out is None else out
    if isinstance(node, Run):
        if node.code:
            out.append((node, node.origin or inherited))
    elif isinstance(node, list | tuple):
        for v in node:
            _code_runs(v, inherited, out)
    elif hasattr(node, "__dataclass_fields__"):
        own = getattr(node, "origin", None) or inherited
        for name in node.__dataclass_fields__:
            if name != "origin":
                _code_runs(getattr(node, name), own, out)
    return out


def test_code_runs_keep_their_items_level_through_assembly(book) -> None:
    found = _code_runs(book[1].blocks)
    assert {r.text for r, _o in found} == {"HĐ-2026/ĐN-07", "ສົມພອນ-42 ภาษาไทย", "Mã-Đậm"}
    assert {o.level for _r, o in found} == {"Confidential"}


def test_the_gate_checks_code_as_any_text() -> None:
    secret = Paragraph([Run("zqsecret-ref", code=True, origin=Origin("Secret"))], origin=Origin("Public"))
    meta = Metadata(title="x", origins={"title": Origin("Public")})
    with pytest.raises(ReleaseRefused):
        check_release(Document(meta, [secret]), ["Public", "Secret"], "Public", sharing=False)


def _pdf_fonts_of(pdf: Path) -> dict[str, set[str]]:
    """Each text the PDF shows, with the fonts that draw it (pypdf's text visitor)."""
    from pypdf import PdfReader

    drawn: dict[str, set[str]] = {}
    for page in PdfReader(pdf).pages:

        def visit(text, _cm, _tm, font, _size):
            if text.strip() and font is not None:
                base = str(font.get("/BaseFont", "")).split("+")[-1]
                drawn.setdefault(text.strip(), set()).add(base)

        page.extract_text(visitor_text=visit)
    return drawn


def test_the_pdf_prints_code_in_the_monospace_font_and_thai_lao_in_their_own(book) -> None:
    drawn = _pdf_fonts_of(book[0] / "code.pdf")

    def fonts(piece: str) -> set[str]:
        return set().union(*(f for t, f in drawn.items() if piece in t))

    assert fonts("HĐ-2026/ĐN-07") == {"NotoSansMono-Regular"}
    assert fonts("Mã-Đậm") == {"NotoSansMono-Bold"}
    assert fonts("-42") == {"NotoSansMono-Regular"}
    assert fonts("ສົມພອນ") == {"NotoSansLao-Regular"}
    assert fonts("ภาษาไทย") == {"NotoSansThai-Regular"}
    assert "NotoSansMono" not in " ".join(fonts("zqplain"))
    assert not any("\ufffd" in t for t in drawn)


def _docx_runs(docx: Path) -> tuple[list[tuple[str, str]], str]:
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml").decode()
        table = z.read("word/fontTable.xml").decode()
    runs = []
    for run in re.findall(r"<w:r>(.*?)</w:r>", xml):
        font = re.search(r'<w:rFonts w:ascii="([^"]*)"', run)
        text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", run))
        runs.append((text, font.group(1) if font else ""))
    return runs, table


def test_the_word_file_names_the_monospace_font_and_embeds_it(book) -> None:
    runs, table = _docx_runs(book[0] / "code.docx")
    by_text = dict(runs)
    assert by_text["HĐ-2026/ĐN-07"] == "Noto Sans Mono"
    assert by_text["Mã-Đậm"] == "Noto Sans Mono"
    assert by_text["ສົມພອນ"] == "Noto Sans Lao"
    assert by_text["ภาษาไทย"] == "Noto Sans Thai"
    assert by_text["-42 "] == "Noto Sans Mono"
    assert all(font != "Noto Sans Mono" for text, font in runs if "zqplain" in text)
    # Embedded, and said to be fixed-pitch: where it is not embedded, Word takes a monospace font.
    entry = re.search(r'<w:font w:name="Noto Sans Mono">(.*?)</w:font>', table).group(1)
    assert '<w:pitch w:val="fixed"/>' in entry and "w:embedRegular" in entry and "w:embedBold" in entry


def test_the_monospace_font_is_shipped_with_its_licence() -> None:
    for style in ("Regular", "Bold"):
        assert (FONTS_DIR / f"NotoSansMono-{style}.ttf").is_file()
    assert "Noto Sans Mono" in (FONTS_DIR / "OFL.txt").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_code_in_the_embedded_monospace_font(book, tmp_path) -> None:
    """With the system's fonts hidden (DejaVu only, DejaVu Sans Mono among them), LibreOffice
    draws the code with the Noto Sans Mono the file carries, and its text as written."""
    text, fonts = _without_system_fonts(book[0] / "code.docx", tmp_path)
    names = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:] if line.strip()}
    assert {"NotoSansMono-Regular", "NotoSansMono-Bold"} <= names, names
    assert not [n for n in names if n.startswith("DejaVu")], names
    assert "HĐ-2026/ĐN-07" in text and "Mã-Đậm" in text
