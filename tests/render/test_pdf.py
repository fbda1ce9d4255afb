"""The PDF renderer, read back with pypdf (and Poppler's pdftotext where it is installed)."""

from __future__ import annotations

import datetime as dt
import getpass
import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PIL import Image as PILImage
from pypdf import PdfReader

from briefbook.document.model import (
    Contents,
    Cover,
    Document,
    Heading,
    Image,
    ListBlock,
    ListItem,
    Metadata,
    PageBreak,
    Paragraph,
    Profile,
    Run,
    Table,
)
from briefbook.errors import BriefBookError, Cancelled
from briefbook.render import pdf_crypt
from briefbook.render.pdf import build_bare, render_pdf
from briefbook.render.pdf_blocks import IMAGE_FAILED, image_flowable
from briefbook.render.template import load_template

MARKUP = 'R&D <b>not bold</b> </para> <img src="/etc/passwd">'
VIETNAMESE = ["Thứ trưởng Bộ Ngoại giao Lê Anh Tuấn", "Đông Nam Á", "lừa đảo trực tuyến"]
THAI = "กระทรวงการต่างประเทศ"
LINK = "https://www.unodc.org/roseap/?a=1&b=2"
PDFTOTEXT = shutil.which("pdftotext")


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (width, height), (31, 56, 100)).save(out, "PNG")
    return out.getvalue()


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph([Run(text)], style=style)


def make_document(language: str = "en", *, draft: bool = False) -> Document:
    blocks = [
        Cover(
            title="Global Partnership Against Online Scams",
            subtitle="Briefing book",
            event="International conference",
            place_and_dates="Bangkok, 17–18 December",
            classification="CONFIDENTIAL",
            recipient="Deputy Foreign Minister Lê Anh Tuấn",
            issue_date="10 December",
            drafted_by="Drafted by: Legal Department",
            cleared_by="Cleared by: Director-General",
            copy_number="Copy 3",
        ),
        Contents(title="Mục lục" if language == "vi" else "Contents"),
        Heading(1, "Scene-setter", "scene"),
        Paragraph(
            [
                Run(VIETNAMESE[0]),
                Run(" dự hội nghị về "),
                Run(VIETNAMESE[2], italic=True),
                Run(" tại "),
                Run(VIETNAMESE[1], bold=True),
                Run(". Host: "),
                Run(THAI),
                Run(" and UNODC ("),
                Run("site", link=LINK),
                Run(", "),
                Run("bad", link="javascript:alert(1)"),
                Run(", see "),
                Run("objectives", link="#objectives"),
                Run(")."),
            ]
        ),
        _p(MARKUP),
        _p("Purpose", "label"),
        _p("Source: VnExpress (invented for the example).", "note"),
        _p("“No country can fight online scams alone.”", "quote"),
        Heading(2, "Objectives & <b>aims</b>", "objectives"),
        ListBlock(
            [
                ListItem(
                    [Run("Support the "), Run("Hanoi Convention", italic=True)],
                    ListBlock([ListItem([Run("signing")]), ListItem([Run("ratification")])], ordered=True),
                ),
                ListItem([Run("https://example.org/" + "averyveryverylongpathsegment" * 12)]),
            ]
        ),
        PageBreak(),
        Heading(1, "Programme", "programme"),
        Table(
            header=[[[_p("Time")], [_p("Session")]]],
            rows=[[[_p(f"{9 + i}:00")], [_p(f"Session {i}")]] for i in range(60)],
            widths=[1, 4],
        ),
        Heading(2, "Counterparts", "people"),
        Profile(
            name="Maris Sangiampongsa",
            photo=_png(120, 160),
            lines=[_p("Minister of Foreign Affairs")],
            anchor="p-maris",
        ),
        Profile(name="Someone Else", photo=b"\x89PNG\r\n\x1a\n broken", lines=[_p("Position")]),
        Image(_png(900, 300), caption="Venue", max_width_mm=100),
        Image(b"GIF89a nonsense", caption="Corrupt"),
        Heading(3, "Notes", "notes"),
        _p("End of book."),
    ]
    meta = Metadata(
        title="Online Scams Briefing Book",
        subject="Bangkok conference",
        author="Legal Department",
        language=language,
        date=dt.date(2025, 12, 10),
        banner="CONFIDENTIAL",
        draft=draft,
        keywords=["scams", "UNODC"],
    )
    return Document(meta, blocks)


@pytest.fixture(scope="module")
def a4():
    return load_template("formal-a4")


@pytest.fixture(scope="module")
def rendered(a4, tmp_path_factory):
    """The sample book in English and Vietnamese, rendered once for the read-back tests."""
    folder = tmp_path_factory.mktemp("pdf")
    calls: list[tuple[int, int]] = []
    en = render_pdf(
        make_document("en"), a4, folder / "book-en.pdf", progress=lambda d, t: calls.append((d, t))
    )
    vi = render_pdf(make_document("vi", draft=True), a4, folder / "book-vi.pdf")
    return {"en": en, "vi": vi, "progress": calls, "folder": folder}


def _texts(path: Path) -> list[str]:
    return [unicodedata.normalize("NFC", p.extract_text()) for p in PdfReader(path).pages]


def _outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    out = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return out


def test_outline_has_every_heading_nested_by_level(rendered):
    reader = PdfReader(rendered["en"])
    doc = make_document()
    assert [(d, t) for d, t, _ in _outline(reader)] == [(h.level - 1, h.text) for h in doc.headings()]


def test_named_destinations_at_anchors(rendered):
    reader = PdfReader(rendered["en"])
    names = set(reader.named_destinations)
    assert {"scene", "objectives", "programme", "people", "notes", "p-maris"} <= names


def test_pages_headings_and_contents_numbers_agree(rendered):
    reader = PdfReader(rendered["en"])
    texts = _texts(rendered["en"])
    landed = {title: page for _, title, page in _outline(reader)}
    for title, page in landed.items():
        assert title in texts[page - 1], f"{title!r} is not on page {page}"
    assert landed["Programme"] > landed["Scene-setter"]  # the page break was honoured
    if PDFTOTEXT:
        layout = subprocess.run(
            [PDFTOTEXT, "-layout", "-f", "2", "-l", "2", str(rendered["en"]), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        printed = {}
        for line in layout.splitlines():
            m = re.match(r"\s*(.+?)\s{2,}(\d+)\s*$", line)
            if m:
                printed[m.group(1)] = int(m.group(2))
        contents = {h.text: landed[h.text] for h in make_document().headings(2)}
        assert printed == contents
    assert "Notes" not in texts[1]  # level 3 is not in a 2-level contents


def test_page_x_of_y_and_banner_on_every_page(rendered):
    for language, pattern in (("en", "Page {} of {}"), ("vi", "Trang {} / {}")):
        texts = _texts(rendered[language])
        total = len(texts)
        assert total >= 5
        for number, text in enumerate(texts, start=1):
            assert text.count("CONFIDENTIAL") >= 2, f"banner missing on page {number}"
            if number == 1:
                assert pattern.format(number, total) not in text  # the cover has no number
                assert "Online Scams Briefing Book" not in text  # ... nor the running header
            else:
                assert pattern.format(number, total) in text
                # The running header: the book, or the level-2 heading (a brief) the page is in.
                heads = ("Online Scams Briefing Book", "Objectives & <b>aims</b>", "Counterparts")
                assert any(h in text for h in heads), number


def test_draft_mark_on_every_page_drawn_not_written(rendered):
    """The DRAFT mark is on every page as paths: it never mixes into copied or searched text."""
    texts = _texts(rendered["vi"])
    assert not any("DỰ THẢO" in t or "THẢO" in t for t in texts)
    reader = PdfReader(rendered["vi"])
    for page in reader.pages:  # the word's outlines: closed curves filled in one path, under the alpha
        content = page.get_contents().get_data()
        mark = content[content.find(b"gs") : content.find(b"gs") + 40000]
        assert mark.count(b" c ") > 20 and b" h " in mark and re.search(rb"\bf\b", mark)
    plain = PdfReader(rendered["en"]).pages[1].get_contents().get_data()
    assert b"gs" not in plain  # no mark on a book without drafts


def test_vietnamese_and_thai_text_extracts_as_written(rendered):
    text = " ".join(" ".join(_texts(rendered["vi"])).split())  # lines may break anywhere
    for phrase in VIETNAMESE:
        assert phrase in text
    assert THAI in text
    assert "Mục lục" in _texts(rendered["vi"])[1]


def test_thai_uses_the_thai_font(rendered):
    reader = PdfReader(rendered["en"])
    fonts = {str(f["/BaseFont"]) for f in _fonts(reader)}
    assert any("NotoSansThai" in f for f in fonts)


def test_markup_in_user_text_is_literal(rendered):
    texts = _texts(rendered["en"])
    assert MARKUP in "\n".join(texts)
    titles = [t for _, t, _ in _outline(PdfReader(rendered["en"]))]
    assert "Objectives & <b>aims</b>" in titles
    assert "Objectives & <b>aims</b>" in texts[1]  # the contents entry


def test_links_are_escaped_and_filtered(rendered):
    reader = PdfReader(rendered["en"])
    uris = []
    for page in reader.pages:
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A")
            if action and "/URI" in action:
                uris.append(str(action["/URI"]))
    assert LINK in uris
    assert not any(u.startswith("javascript") for u in uris)


def _fonts(reader: PdfReader):
    seen = {}

    def collect(resources):
        if not resources:
            return
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            seen[id(font)] = font
        for xobj in (resources.get("/XObject") or {}).values():
            xobj = xobj.get_object()
            if xobj.get("/Subtype") == "/Form":
                collect(xobj.get("/Resources"))

    for page in reader.pages:
        collect(page.get("/Resources"))
    return list(seen.values())


def test_fonts_are_embedded(rendered):
    fonts = _fonts(PdfReader(rendered["en"]))
    assert fonts
    for font in fonts:
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert descriptor is not None, f"{font['/BaseFont']} is not embedded (a base-14 font?)"
        assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]


def test_metadata_from_the_book_only(rendered):
    reader = PdfReader(rendered["vi"])
    meta = reader.metadata
    assert meta.title == "Online Scams Briefing Book"
    assert meta.author == "Legal Department"
    assert meta.subject == "Bangkok conference"
    assert meta["/Keywords"] == "scams, UNODC"
    assert meta.creator == "BriefBook" and meta.producer == "BriefBook"
    assert meta["/CreationDate"].startswith("D:20251210")
    assert reader.trailer["/Root"]["/Lang"] == "vi"
    user = getpass.getuser()
    for value in meta.values():
        assert user not in str(value) or user in "Online Scams Briefing Book Legal Department BriefBook"
    raw = rendered["vi"].read_bytes()
    assert str(rendered["folder"]).encode() not in raw
    assert b"/tmp/" not in raw


def test_progress_reaches_the_total(rendered):
    calls = rendered["progress"]
    total = len(make_document().blocks)
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    done = [d for d, _ in calls]
    assert done == sorted(done)


def test_cancel_keeps_the_previous_file_and_leaves_no_temp(a4, tmp_path):
    target = tmp_path / "book.pdf"
    target.write_bytes(b"previous export")

    def cancel(done, total):
        if done >= 5:
            raise Cancelled("The export was cancelled.")

    with pytest.raises(Cancelled):
        render_pdf(make_document(), a4, target, progress=cancel)
    assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.pdf"]


def test_replaces_the_previous_file_atomically(a4, tmp_path):
    target = tmp_path / "book.pdf"
    target.write_bytes(b"previous export")
    assert render_pdf(make_document(), a4, str(target)) == target
    assert target.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.pdf"]


def test_unwritable_targets_give_plain_errors(a4, tmp_path, monkeypatch):
    doc = Document(Metadata(title="t"), [_p("x")])
    with pytest.raises(BriefBookError, match="does not exist"):
        render_pdf(doc, a4, tmp_path / "missing" / "book.pdf")
    with pytest.raises(BriefBookError, match="is a folder"):
        render_pdf(doc, a4, tmp_path)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("briefbook.render.pdf.tempfile.mkstemp", refuse)
    with pytest.raises(BriefBookError, match=r"Cannot write the PDF to .*book\.pdf: the folder is read-only"):
        render_pdf(doc, a4, tmp_path / "book.pdf")


@pytest.mark.skipif(getpass.getuser() == "root", reason="root may write into read-only folders")
def test_read_only_folder(a4, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(BriefBookError, match="read-only"):
            render_pdf(Document(Metadata(title="t"), [_p("x")]), a4, folder / "book.pdf")
    finally:
        folder.chmod(0o755)


def test_thousand_row_table_repeats_its_header(a4, tmp_path):
    rows = [[[_p(f"row {i}")], [_p(f"value {i}")]] for i in range(1000)]
    doc = Document(
        Metadata(title="t", banner="B"), [Table(header=[[[_p("Name")], [_p("Value")]]], rows=rows)]
    )
    texts = _texts(render_pdf(doc, a4, tmp_path / "rows.pdf"))
    assert len(texts) > 10
    assert all("Name" in t and "Value" in t for t in texts)  # header on every page
    assert "row 999" in texts[-1]


def test_cell_taller_than_a_page_splits(a4, tmp_path):
    lines = Paragraph([Run("\n".join(f"line {i}" for i in range(300)))])
    many = [_p(f"para {i}") for i in range(300)]
    doc = Document(
        Metadata(title="t"),
        [Table(header=[[[_p("A")], [_p("B")]]], rows=[[[_p("tall")], [lines]], [[_p("many")], many]])],
    )
    text = "\n".join(_texts(render_pdf(doc, a4, tmp_path / "tall.pdf")))
    assert "line 299" in text and "para 299" in text


def test_password_protection(a4, tmp_path):
    if not pdf_crypt.available():
        pytest.skip("the cryptography package is not installed")
    path = render_pdf(make_document(), a4, tmp_path / "secret.pdf", password="mật khẩu", allow_printing=False)
    reader = PdfReader(path)
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)  # AES-256
    assert not reader.decrypt("wrong")
    assert reader.decrypt("mật khẩu")
    assert VIETNAMESE[0] in unicodedata.normalize("NFC", reader.pages[2].extract_text())
    assert reader.metadata.title == "Online Scams Briefing Book"
    assert not (int(encrypt["/P"]) & 4)  # printing not allowed
    if PDFTOTEXT:
        opened = subprocess.run(
            [PDFTOTEXT, "-upw", "mật khẩu", "-f", "3", "-l", "3", str(path), "-"],
            capture_output=True,
            text=True,
        )
        assert opened.returncode == 0 and "Scene-setter" in opened.stdout
        refused = subprocess.run([PDFTOTEXT, str(path), "-"], capture_output=True, text=True)
        assert refused.returncode != 0


def test_images_scale_down_never_up():
    small = image_flowable(_png(40, 40), 500, 500)
    assert (small.drawWidth, small.drawHeight) == pytest.approx((30, 30))  # 40 px at 96 dpi
    big = image_flowable(_png(2000, 1000), 200, 500)
    assert (big.drawWidth, big.drawHeight) == pytest.approx((200, 100))
    assert image_flowable(b"not an image", 100, 100) is None


def test_corrupt_images_are_noted_not_fatal(rendered):
    text = "\n".join(_texts(rendered["en"]))
    assert text.count(IMAGE_FAILED) == 2


def test_long_words_wrap_inside_the_frame(a4):
    from briefbook.render.pdf_blocks import paragraph
    from briefbook.render.pdf_layout import BookState

    state = BookState(make_document(), a4, forward_refs=True, progress=None)
    para = paragraph(state, [Run("https://example.org/" + "x" * 400 + " " + "ๆ" * 200)])
    para.wrap(state.frame_w, 10_000)
    assert max(para.getActualLineWidths0()) <= state.frame_w + 0.01


def test_compact_template_and_bare_build(tmp_path):
    a5 = load_template("compact-a5")
    doc = make_document("vi")
    full = PdfReader(render_pdf(doc, a5, tmp_path / "a5.pdf"))
    bare = PdfReader(build_bare(make_document("vi"), a5, tmp_path / "bare.pdf"))
    assert full.pages[0].mediabox.width == pytest.approx(148 / 25.4 * 72, abs=0.5)
    assert len(bare.pages) == len(full.pages)
    assert not bare.outline


def test_thai_paragraphs_are_shaped(a4):
    from briefbook.render.pdf_fonts import Styles

    styles = Styles(a4)
    assert styles.get("body", "ผู้ใหญ่บ้าน").shaping == 1
    assert styles.get("body", "Đông Nam Á").shaping == 0  # NFC Vietnamese needs no shaping


def test_odd_documents_still_export(a4, tmp_path):
    assert len(PdfReader(render_pdf(Document(Metadata(title="")), a4, tmp_path / "empty.pdf")).pages) == 1
    odd = Document(
        Metadata(title="{title} {pages}", language="xx-YY"),
        [
            _p("before the cover"),
            Cover(title="Cover in the middle", draft=True),
            Heading(2, "", ""),
            Heading(5, "Deep", "d"),
            Heading(1, "Same anchor", "d"),
            Contents(title="", levels=6),
            Table(header=[], rows=[]),
            Table(header=[], rows=[[[_p("ragged")], []], [[_p("row")]]], widths=[1, 0]),
            ListBlock([]),
            Profile(name="", photo=None, lines=[]),
            Paragraph([]),
            Paragraph([Run("\n\n\t")]),
        ],
    )
    reader = PdfReader(render_pdf(odd, a4, tmp_path / "odd.pdf"))
    texts = [p.extract_text() for p in reader.pages]
    assert "Cover in the middle" in texts[1] and "Page 2 of" not in texts[1]
    assert len(_outline(reader)) == 3
