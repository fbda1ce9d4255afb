"""The fonts to embed are read from the cuts the body's runs already made: the same fonts with
the same characters as cutting every text again, and no text cut a second time."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings

from briefbook.document.model import Document, Heading, Metadata, Paragraph, Run
from briefbook.render import font_chain
from briefbook.render.docx import _DocxBook
from briefbook.render.docx_fonts import used_fonts
from briefbook.render.template import load_template
from tests.render.scripts_samples import NAMES
from tests.render.test_glyph_coverage import texts


@pytest.fixture(scope="module")
def formal():
    return load_template("formal-a4")


def _written(document: Document, template) -> dict:
    book = _DocxBook(document, template, {})
    for _ in book.write_blocks():
        pass
    return book.writer.written


def _sets(found: dict) -> dict:
    return {family: (font.family, chars) for family, (font, chars) in found.items()}


def _document(*texts: str) -> Document:
    blocks = [Heading(2, "Tên", "h")]
    for text in texts:
        blocks += [
            Paragraph([Run(text)]),
            Paragraph([Run("Đậm: "), Run(text, bold=True, link="https://x.org")]),
        ]
    return Document(Metadata(title="Sổ tay ລາວ محمد", language="vi"), blocks)


def test_the_cuts_give_the_fonts_a_second_cut_gives(formal):
    document = _document(*NAMES.values(), "ລາວ\x07 ไทย\u200b", "Tab\tและ\nบรรทัด", "\ue000 \U0001f600 ✓ → ≥")
    written = _written(document, formal)
    assert any(isinstance(cut, list) for cut in written.values())  # the mixed texts hold their cut
    assert _sets(used_fonts(document, formal, written)) == _sets(used_fonts(document, formal, list(written)))


def test_no_text_is_cut_again_for_the_embedding(formal, monkeypatch):
    document = _document(*NAMES.values())
    written = _written(document, formal)
    cut_again: list[str] = []
    real = font_chain.Chain.runs

    def spy(self, text):
        cut_again.append(text)
        return real(self, text)

    monkeypatch.setattr(font_chain.Chain, "runs", spy)
    used_fonts(document, formal, written)
    assert cut_again == [document.meta.title]  # only what no run wrote: the header field shows it


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
@example("\u0eb1\u0eba\u0eb1")
@example("\u0531\u06100\u0610")
@example("ก\x00ข\ufffe")  # text that cleaning changes is cut again, as cleaned
def test_any_text_embeds_the_same_fonts_either_way(formal, text):
    source = unicodedata.normalize("NFC", text)
    document = _document(source, source[::-1])
    written = _written(document, formal)
    assert _sets(used_fonts(document, formal, written)) == _sets(used_fonts(document, formal, list(written)))


def _render(document: Document, template, path) -> bytes:
    from briefbook.render.docx import render_docx

    render_docx(document, template, path)
    return path.read_bytes()


@pytest.mark.parametrize(
    "texts",
    [
        ("Việt Nam đánh giá cao", "Ổn định, phát triển"),
        (*NAMES.values(), "Điện mừng \U0001f600 ✓ → ≥", "Привет, Σ", "ລາວ\x07 ไทย\u200b"),
    ],
)
def test_the_fixed_fonts_are_embedded_alike_without_the_texts_characters(
    formal, tmp_path, monkeypatch, texts
):
    """The template's own fonts are fixed, embedded whole: the export no longer gathers the text's
    characters for them (base=False), and writes the very same file as when it did."""
    from briefbook.render import docx_fonts

    document = _document(*texts)
    written = _written(document, formal)
    own = {formal.body_font, formal.heading_font}
    gathered = used_fonts(document, formal, written)
    left = used_fonts(document, formal, written, base=False)
    assert set(gathered) == set(left)
    for family in gathered:
        if family in own:  # BriefBook's words and printable ASCII only: no "ệ" from the text
            assert "ệ" in gathered[family][1] and "ệ" not in left[family][1]
        else:  # the other fonts still get the characters they draw
            assert gathered[family][1] == left[family][1]
    ours = _render(document, formal, tmp_path / "ours.docx")
    real = docx_fonts.used_fonts
    monkeypatch.setattr(docx_fonts, "used_fonts", lambda *a, **k: real(*a, **{**k, "base": True}))
    assert _render(document, formal, tmp_path / "gathered.docx") == ours
