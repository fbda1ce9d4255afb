"""The PDF layout, its flowables and its page furniture are modules with one job each (STYLE.md 15).

``pdf_layout`` holds the build's state, the page template and the document that lays
the book out once; ``pdf_furniture`` what every page carries (banners, DRAFT, header,
footer); ``pdf_flowables`` the book's own paragraphs and keep-with-next groups.
The flowables stay importable from ``pdf_layout`` for callers written before the split.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.render import pdf_flowables, pdf_furniture, pdf_layout

MAX_LINES = 400

FLOWABLES = ["BookParagraph", "AnchoredParagraph", "KeepWithNext", "KeepUnlessTaller", "heading_flowable"]
LAYOUT = ["BookState", "BookFrame", "BookDoc"]


@pytest.mark.parametrize("name", FLOWABLES)
def test_the_flowables_live_in_their_own_module_and_are_still_found_in_the_layout(name: str) -> None:
    made = getattr(pdf_flowables, name)
    assert made.__module__ == "briefbook.render.pdf_flowables"
    assert getattr(pdf_layout, name) is made


@pytest.mark.parametrize("name", LAYOUT)
def test_the_page_template_and_the_document_stay_in_the_layout(name: str) -> None:
    assert getattr(pdf_layout, name).__module__ == "briefbook.render.pdf_layout"


def test_the_flowables_do_not_import_the_layout_at_run_time() -> None:
    """(The layout imports the flowables: the other way too would be a cycle.)"""
    text = Path(pdf_flowables.__file__).read_text(encoding="utf-8")
    top_level = [line for line in text.splitlines() if line.startswith(("from ", "import "))]
    assert not [line for line in top_level if "pdf_layout" in line]


FURNITURE = ["decorate_cover", "decorate_body", "running_header", "_banners", "_draft_mark", "_text"]


@pytest.mark.parametrize("name", FURNITURE)
def test_the_page_furniture_lives_in_its_own_module(name: str) -> None:
    assert getattr(pdf_layout.BookState, name).__module__ == "briefbook.render.pdf_furniture"


@pytest.mark.parametrize("module", [pdf_flowables, pdf_furniture, pdf_layout])
def test_neither_grows_past_a_few_hundred_lines(module) -> None:
    assert len(Path(module.__file__).read_text(encoding="utf-8").splitlines()) <= MAX_LINES
