"""The PDF renderer does its expensive work once: each paragraph is broken into lines
once per width (however often the keep-with-next groups, the cover and the frame ask
it to wrap) and each word is shaped once per font (however often it is re-wrapped)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import uharfbuzz
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import paragraph as rl_paragraph

from briefbook.assemble import assemble
from briefbook.demo import create_demo_library
from briefbook.library import Library
from briefbook.library.books import new_book
from briefbook.render import pdf_shaping
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template
from tests.vientiane import add_vientiane


def _book(path: Path):
    with Library.open(path, backup=False) as lib:
        book = lib.list("book")[0]
        return assemble(lib, book.id), load_template(book.template)


@pytest.fixture
def demo(tmp_path: Path):
    return _book(create_demo_library(tmp_path / "demo.briefbook"))


def test_each_paragraph_is_broken_into_lines_once(demo, tmp_path: Path, monkeypatch) -> None:
    document, template = demo
    pdf_shaping.install()
    breaks: Counter = Counter()
    kept: list = []  # the paragraphs stay alive, so that no two share an id
    break_lines = rl_paragraph.Paragraph.breakLines

    def counted(self, width, *args, **kw):
        breaks[(id(self), repr(width))] += 1
        kept.append(self)
        return break_lines(self, width, *args, **kw)

    monkeypatch.setattr(rl_paragraph.Paragraph, "breakLines", counted)
    render_pdf(document, template, tmp_path / "book.pdf")
    assert len(breaks) > 200  # the demo's cover, contents, briefs, references and people
    twice = {k for k, n in breaks.items() if n > 1}
    styles = Counter(
        p.style.name for p in {id(p): p for p in kept}.values() if any(k[0] == id(p) for k in twice)
    )
    assert not twice, f"{len(twice)} paragraphs broken again at the same width: {styles.most_common(4)}"


def test_each_word_is_shaped_once(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "vientiane.briefbook"
    with Library.create(path) as lib:
        event = add_vientiane(lib)["event"]
        new_book(lib, event.id, title="Sổ tay Viêng Chăn")
    document, template = _book(path)
    shaped: Counter = Counter()
    shape = uharfbuzz.shape

    def counted(font, buf, *args, **kw):
        shaped[(id(font), tuple((i.codepoint, i.cluster) for i in buf.glyph_infos))] += 1
        return shape(font, buf, *args, **kw)

    monkeypatch.setattr(uharfbuzz, "shape", counted)
    fonts = [f for f in pdfmetrics._fonts.values() if isinstance(f, pdf_shaping.ShapingFont)]
    for face in {id(f.face): f.face for f in fonts}.values():
        face.bb_shapes.clear()  # words shaped by earlier tests in this process count too
        face.bb_layouts.clear()
    render_pdf(document, template, tmp_path / "book.pdf")
    assert shaped  # the Lao name and the Thai text were shaped
    assert max(shaped.values()) == 1


def test_late_page_numbers_are_drawn_in_the_pages_without_forms(demo, tmp_path: Path) -> None:
    """ "Trang X / Y" and the contents' page numbers are drawn into each page's own content
    once the layout ends (no form object per number, no mark left behind)."""
    import pypdf

    document, template = demo
    out = render_pdf(document, template, tmp_path / "book.pdf")
    data = out.read_bytes()
    assert b"/Subtype /Form" not in data
    reader = pypdf.PdfReader(out)
    total = len(reader.pages)
    contents = reader.pages[1]
    assert b"%bb-late" not in contents.get_contents().get_data()
    text = contents.extract_text()
    assert f"2 / {total}" in text  # the footer of the contents page
    assert all(b"%bb-late" not in p.get_contents().get_data() for p in reader.pages)
    numbers = [line.split()[-1] for line in text.splitlines() if line.split() and line.split()[-1].isdigit()]
    assert len(numbers) > 10 and all(1 <= int(n) <= total for n in numbers)


def test_the_draft_mark_is_made_once_and_drawn_on_every_page(demo, tmp_path: Path, monkeypatch) -> None:
    import re

    import pypdf

    from briefbook.render import pdf_furniture

    document, template = demo
    assert document.meta.draft  # the demo book holds drafts: DỰ THẢO across every page
    made = []
    draw = pdf_furniture.draw_outlined_word
    monkeypatch.setattr(pdf_furniture, "draw_outlined_word", lambda *a, **k: made.append(a) or draw(*a, **k))
    out = render_pdf(document, template, tmp_path / "book.pdf")
    assert len(made) == 1  # its outline formatted once for the book
    reader = pypdf.PdfReader(out)
    for page in reader.pages:
        tints = page["/Resources"]["/ExtGState"]
        (name,) = [n for n, state in tints.items() if state.get("/ca") == 0.09]
        content = page.get_contents().get_data()
        assert f"{name} gs".encode() in content
        assert len(re.findall(rb" c\b", content)) >= 60  # the word's curves, on each page


@pytest.mark.parametrize(
    "name", ["Type", "F1+0", "gRLs0", "a b#(c)/<d>", "Đề cương", "bb-heading-12", "", "%[]{}"]
)
def test_remembered_pdf_names_are_escaped_as_reportlab_escapes_them(name: str) -> None:
    from briefbook.render import pdf_names

    assert pdf_names.pdf_name(name) == pdf_names._rl_name(name)
    assert pdf_names.pdf_name(name) == pdf_names.pdf_name(name)  # from memory the second time


def test_a_copied_frame_is_the_same_frame_and_independent() -> None:
    """reportlab measures groups on a deep copy of the frame: ours copies cheaply, and the
    copy may change (its position, its backgrounds) without touching the frame."""
    import copy

    from briefbook.render.pdf_layout import BookFrame

    frame = BookFrame(10, 20, 300, 400, id="body", leftPadding=0)
    frame._frameBGs = [("#fff", 0, 0)]
    frame._generated_content = ["a flowable"]
    twin = copy.deepcopy(frame)
    assert type(twin) is BookFrame and twin.__dict__ == frame.__dict__
    twin._frameBGs.append("more")
    twin._generated_content.clear()
    twin._y -= 50
    assert frame._frameBGs == [("#fff", 0, 0)] and frame._generated_content == ["a flowable"]
    assert frame._y == twin._y + 50
