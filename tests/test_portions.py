"""Portion marking, optional per template: each paragraph above the book's lowest level
shows its level in brackets, in the words of the book's language."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from pypdf import PdfReader

from briefbook.demo.loader import load_demo
from briefbook.export import ExportOptions, export_book
from briefbook.library import Book, Library
from briefbook.render.template import TEMPLATES_DIR, load_template


def marked_template(tmp_path: Path) -> Path:
    folder = tmp_path / "marked"
    shutil.copytree(TEMPLATES_DIR / "formal-a4", folder)
    spec = json.loads((folder / "template.json").read_text(encoding="utf-8"))
    spec["portion_marking"] = True
    (folder / "template.json").write_text(json.dumps(spec), encoding="utf-8")
    return folder


def test_paragraphs_above_the_lowest_level_show_their_level(tmp_path: Path) -> None:
    assert not load_template("formal-a4").portion_marking  # off unless the template asks
    folder = marked_template(tmp_path)
    assert load_template(folder).portion_marking
    with Library.create(tmp_path / "demo.briefbook") as lib:
        load_demo(lib)
        book = lib.list(Book)[0].id
        export_book(lib, book, tmp_path / "marked.pdf", ExportOptions(formats=("pdf",), template=str(folder)))
        export_book(lib, book, tmp_path / "plain.pdf", ExportOptions(formats=("pdf",)))
        internal = lib.level_label("Internal", "vi").upper()
        confidential = lib.level_label("Confidential", "vi").upper()
    marked = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "marked.pdf").pages)
    plain = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "plain.pdf").pages)
    # The bilateral meeting is Internal: its brief's lines are marked; a Confidential point more so.
    assert f"({internal}) Cảm ơn Thái Lan đồng tổ chức hội nghị" in marked
    assert f"({confidential})" in marked
    assert f"({internal})" not in plain and f"({confidential})" not in plain
    # Public text (the opening session's steer) carries no mark.
    assert "Gặp: Ngài Sihasak Phuangketkeow; Bà Delphine Schantz" in marked
