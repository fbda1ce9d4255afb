"""A run with no look and nothing to clean, escape, break or cut is written by a short path
(most of a book's runs): for any text, it gives exactly the XML the full run writer gives."""

from __future__ import annotations

import io

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefbook.document.model import Run
from briefbook.render import docx_runs
from briefbook.render.docx_blocks import BlockWriter
from briefbook.render.docx_sanitise import sanitised_reference
from briefbook.render.docx_style_ids import StyleIds
from briefbook.render.template import load_template

TEMPLATE = load_template("formal-a4")


def _writer() -> BlockWriter:
    doc = docx.Document(io.BytesIO(sanitised_reference(TEMPLATE)))
    made = BlockWriter(doc.part, StyleIds(doc.styles.element), doc.part.numbering_part.element, 9000, "vi")
    made.template = TEMPLATE
    return made


WRITER = _writer()


class _Always:
    """A pattern that finds something in every text: the short path is never taken."""

    @staticmethod
    def search(text: str) -> bool:
        return True


def _both(run: Run, **how) -> tuple[str, str]:
    """(the writer's XML for ``run``, the XML with the short path off)."""
    short = WRITER.run(run, **how)
    real = docx_runs._PLAIN
    docx_runs._PLAIN = _Always  # type: ignore[assignment]
    try:
        return short, WRITER.run(run, **how)
    finally:
        docx_runs._PLAIN = real


SAMPLES = [
    "Việt Nam đánh giá cao",
    "Vie\u0302\u0323t Nam (NFD)",  # normalised to NFC on the way
    "ທອງສະຫວັນ ພົມວິຫານ",
    "สีหศักดิ์ พวงเกตุแก้ว",
    "فيصل بن فرحان",
    "a & b < c > d",
    "tab\there",
    "line\nbreak",
    "form\x0cfeed",
    "vertical\x0btab",
    "bell\x07 and \ufffe",
    "x" * docx_runs.CHUNK,
    "x" * (docx_runs.CHUNK + 1),
    "\u0344" * docx_runs.CHUNK,  # NFC makes each of these two characters: longer than a chunk
    "\ufb2c" * 10,
    " ",
]


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("look", [{}, {"bold": True}, {"italic": True}, {"link": "https://a.example"}])
def test_the_short_path_writes_what_the_full_writer_writes(text, look) -> None:
    short, full = _both(Run(text, **look))
    assert short == full
    short, full = _both(Run(text, **look), hyperlink=True)
    assert short == full


def test_plain_text_takes_the_short_path() -> None:
    assert WRITER.run(Run("Việt Nam")) == '<w:r><w:t xml:space="preserve">Việt Nam</w:t></w:r>'


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=40))
def test_any_text_is_written_the_same_by_both_paths(text: str) -> None:
    short, full = _both(Run(text))
    assert short == full
