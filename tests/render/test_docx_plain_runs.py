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


def _both(run: Run, **how) -> tuple[str, str]:
    """(the writer's XML for ``run``, the XML with the short path off). The writer asks its own
    ``_plain_primary`` scan (its template's font chain's, made at its first run) whether a run
    may take the short path; answered "no" for every text, each run takes the full one."""
    short = WRITER.run(run, **how)
    assert WRITER._chain is not None  # (the scan is the chain's from here on: it is the one to swap)
    real = WRITER._plain_primary
    WRITER._plain_primary = lambda text: True  # something found in every text: never the short path
    try:
        return short, WRITER.run(run, **how)
    finally:
        WRITER._plain_primary = real


def test_the_full_writer_is_what_the_short_path_is_compared_with() -> None:
    """(The comparison below is worth something only if the swapped scan reaches the writer: a
    plain run's full XML has its text escaped and cleaned by the full writer, run by run.)"""
    calls = []
    real = docx_runs.RunWriter._written_run

    def counted(self, *args, **kwargs):
        calls.append(args[0])
        return real(self, *args, **kwargs)

    docx_runs.RunWriter._written_run = counted
    try:
        short, full = _both(Run("Hà Nội, một lần nữa"))
    finally:
        docx_runs.RunWriter._written_run = real
    assert short == full and calls == ["Hà Nội, một lần nữa"]


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


def _paragraph_xml(writer: BlockWriter, text: str) -> str:
    out: list[str] = []
    writer.paragraph(out, None, [Run(text)])
    return out[0]


def test_a_paragraph_the_primary_font_draws_is_read_for_its_direction_only_if_that_font_has_rtl() -> None:
    """A paragraph whose runs the template's font draws all alone is left to right when that
    font draws no right-to-left letter (the direction is not looked for again); with a primary
    font that draws Arabic it is looked for, and found."""
    from briefbook.render.docx_fonts import chain_of
    from briefbook.render.font_chain import Chain

    writer = _writer()
    assert not chain_of(TEMPLATE).draws_rtl
    assert "<w:bidi/>" not in _paragraph_xml(writer, "Việt Nam ủng hộ")
    assert "<w:bidi/>" in _paragraph_xml(writer, "فيصل بن فرحان")  # another font's: looked for
    real = chain_of(TEMPLATE)
    arabic = next(f for f in real.fonts if f.script == "Arabic")
    writer._chain, writer._chain_of = Chain([arabic, *real.fonts]), TEMPLATE
    assert writer._chain.draws_rtl and writer._chain.all_primary("فيصل بن فرحان")
    before = writer.mixed_runs
    assert "<w:bidi/>" in _paragraph_xml(writer, "فيصل بن فرحان")
    assert writer.mixed_runs == before  # the primary font drew it all: the shortcut's case
