"""A DOCX that behaves like Word's own, checked on the demo book: real headings with
outline levels, list paragraphs with their numbering, bookmarks and cross-references
that resolve, a running header that names the brief, and contents page numbers that
LibreOffice's own layout of the file agrees with."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from briefbook.demo.loader import load_demo
from briefbook.export import export_book
from briefbook.library import Book, Library
from tests.render.layout_check import contents_agreement, libreoffice_pdf


@pytest.fixture(scope="module")
def demo_docx(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("word")
    with Library.create(folder / "demo.briefbook") as lib:
        load_demo(lib)
        export_book(lib, lib.list(Book)[0].id, folder / "demo.pdf")
    return folder / "demo.docx"


def xml(path: Path, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


def test_briefs_sub_sections_and_people_are_real_headings(demo_docx: Path) -> None:
    d = docx.Document(str(demo_docx))
    by_style: dict[str, list[str]] = {}
    for p in d.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert "Phiên khai mạc (Opening session)" in by_style["Heading 2"]
    assert {"Khái quát cuộc gặp", "Nội dung cần nêu", "Thành phần"} <= set(by_style["Heading 3"])
    assert "Delphine Schantz" in by_style["Heading 4"]  # a person in the biographies annex
    styles = xml(demo_docx, "word/styles.xml")
    for style_id, level in (("Heading3", 2), ("Heading4", 3)):
        found = re.search(rf'w:styleId="{style_id}".*?</w:style>', styles, re.S).group(0)
        assert f'<w:outlineLvl w:val="{level}"/>' in found


def test_every_list_paragraph_has_numbering_properties(demo_docx: Path) -> None:
    body = xml(demo_docx)
    paragraphs = re.findall(r"<w:p>.*?</w:p>|<w:p [^>]*>.*?</w:p>", body)
    lists = [p for p in paragraphs if re.search(r'<w:pStyle w:val="List(Bullet|Number)2?"', p)]
    assert len(lists) > 50 and all("<w:numPr>" in p for p in lists)


def test_every_link_and_page_reference_has_its_bookmark(demo_docx: Path) -> None:
    body = xml(demo_docx)
    bookmarks = set(re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"', body))
    anchors = re.findall(r'<w:hyperlink w:anchor="([^"]+)"', body)
    pagerefs = re.findall(r"PAGEREF (\S+) \\h", body)
    assert len(pagerefs) > 40  # the contents and the cross-references
    assert set(anchors) <= bookmarks and set(pagerefs) <= bookmarks
    assert len(bookmarks) == len(re.findall(r"<w:bookmarkStart ", body))  # names are unique


def test_the_running_header_names_the_brief(demo_docx: Path) -> None:
    header = "".join(xml(demo_docx, n) for n in zipfile.ZipFile(demo_docx).namelist() if "header" in n)
    assert 'STYLEREF "Running Head" \\l' in header
    body = xml(demo_docx)
    assert body.count('<w:rStyle w:val="RunningHead"/>') >= 6  # the briefs and the sections
    assert '<w:updateFields w:val="true"/>' in xml(demo_docx, "word/settings.xml")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_puts_the_headings_on_the_pages_the_contents_say(demo_docx: Path, tmp_path: Path) -> None:
    rows = contents_agreement(demo_docx, libreoffice_pdf(demo_docx, tmp_path))
    agree = sum(claimed == actual for _, claimed, actual in rows)
    assert len(rows) >= 18 and agree >= len(rows) * 17 / 18, [r for r in rows if r[1] != r[2]]
