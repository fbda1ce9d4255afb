"""Templates a user copied and changed: every broken one gets a message naming what is wrong."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from briefbook.document.model import Contents, Cover, Document, Heading, Metadata, Paragraph, Run
from briefbook.errors import BriefBookError
from briefbook.render.docx import render_docx
from briefbook.render.pdf import render_pdf
from briefbook.render.template import TEMPLATES_DIR, TemplateError, available_templates, load_template


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    folder = tmp_path / "my-template"
    shutil.copytree(TEMPLATES_DIR / "formal-a4", folder)
    return folder


def _spec(folder: Path) -> dict:
    return json.loads((folder / "template.json").read_text(encoding="utf-8"))


def _write(folder: Path, spec: dict) -> None:
    (folder / "template.json").write_text(json.dumps(spec), encoding="utf-8")


def small_document() -> Document:
    return Document(
        Metadata(title="Sổ tay", banner="INTERNAL", language="vi"),
        [Cover("Sổ tay"), Contents("Mục lục"), Heading(1, "Chương trình", "a"), Paragraph([Run("Nội dung")])],
    )


def test_shipped_templates_load_and_differ() -> None:
    assert {"formal-a4", "compact-a5"} <= set(available_templates())
    a4, a5 = load_template("formal-a4"), load_template("compact-a5")
    assert (a4.page_size, a5.page_size) == ("A4", "A5") and a4.body_font != a5.body_font


def test_a_copied_folder_is_a_template_without_code(copied: Path, tmp_path: Path) -> None:
    spec = _spec(copied)
    spec["colours"]["accent"] = "#7A1F1F"
    spec["page"]["size"] = "Letter"
    _write(copied, spec)
    template = load_template(copied)
    render_pdf(small_document(), template, tmp_path / "x.pdf")
    from pypdf import PdfReader

    assert abs(float(PdfReader(tmp_path / "x.pdf").pages[0].mediabox.width) - 612) < 1


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda f: (f / "template.json").unlink(), "There is no template"),
        (lambda f: (f / "template.json").write_text("{ not json", encoding="utf-8"), "cannot be read"),
        (lambda f: (f / "template.json").write_text("[1, 2]", encoding="utf-8"), "JSON object"),
        (lambda f: (f / "reference.docx").unlink(), "Word styles file"),
    ],
)
def test_broken_files(copied: Path, breakage, message: str) -> None:
    breakage(copied)
    with pytest.raises(TemplateError, match=message):
        load_template(copied)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        (("page", "size"), "A3½", "page.size"),
        (("sizes", "body"), "eleven", "sizes.body"),
        (("sizes", "h1"), -4, "sizes.h1"),
        (("colours", "accent"), "navy", "colours.accent"),
        (("fonts", "body"), "NoSuchFont", "NoSuchFont"),
        (("cover", "align"), "diagonal", "cover.align"),
    ],
)
def test_bad_values_name_the_field(copied: Path, key: tuple[str, str], value, message: str) -> None:
    spec = _spec(copied)
    spec.setdefault(key[0], {})[key[1]] = value
    _write(copied, spec)
    with pytest.raises(TemplateError, match=message.replace(".", r"\.")):
        load_template(copied)


def test_a_missing_font_file_is_named(copied: Path, monkeypatch, tmp_path: Path) -> None:
    fonts = tmp_path / "fonts"
    shutil.copytree(TEMPLATES_DIR.parent / "resources" / "fonts", fonts)
    (fonts / "NotoSerif-Regular.ttf").unlink()
    monkeypatch.setattr("briefbook.render.template.FONTS_DIR", fonts)
    with pytest.raises(TemplateError, match="NotoSerif-Regular.ttf"):
        load_template(copied)


def test_a_corrupt_reference_docx_is_a_clear_message(copied: Path, tmp_path: Path) -> None:
    (copied / "reference.docx").write_bytes(b"this is not a Word file")
    template = load_template(copied)
    with pytest.raises(BriefBookError, match=r"reference\.docx|Word styles|template"):
        render_docx(small_document(), template, tmp_path / "x.docx")
    assert not list(tmp_path.glob("*.docx")) and not list(tmp_path.glob(".*tmp"))


def test_a_reference_docx_missing_a_style_still_renders(copied: Path, tmp_path: Path) -> None:
    reference = copied / "reference.docx"
    with zipfile.ZipFile(reference) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    styles = parts["word/styles.xml"].decode("utf-8")
    start = styles.index('<w:style w:type="paragraph" w:styleId="Heading1"')
    end = styles.index("</w:style>", start) + len("</w:style>")
    parts["word/styles.xml"] = (styles[:start] + styles[end:]).encode("utf-8")
    with zipfile.ZipFile(reference, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    out = render_docx(small_document(), load_template(copied), tmp_path / "x.docx")
    import docx

    assert "Chương trình" in [p.text for p in docx.Document(out).paragraphs]
