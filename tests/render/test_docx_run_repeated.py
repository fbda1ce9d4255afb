"""A run the Word writer has written once is not cleaned, cut into fonts and escaped again.

A book repeats runs outside the plain path: a label in bold, a counterpart's name in Lao or
Arabic on every line that names them, a line shared by briefs. Each such run's XML is kept by
its text and look; a repeat writes the same XML and leaves the same cut for the font
embedding, and a different look (bold, a link, a character style) is its own run."""

from __future__ import annotations

import io

import docx

from briefbook.document.model import Run
from briefbook.render import docx_runs
from briefbook.render.docx_blocks import BlockWriter
from briefbook.render.docx_sanitise import sanitised_reference
from briefbook.render.docx_style_ids import StyleIds
from briefbook.render.template import load_template

TEMPLATE = load_template("formal-a4")
MIXED = "Gặp ສົມພອນ ວົງສາ, ប្រាក់ សុខុន và فيصل بن فرحان & <đoàn>"


def _writer() -> BlockWriter:
    doc = docx.Document(io.BytesIO(sanitised_reference(TEMPLATE)))
    made = BlockWriter(doc.part, StyleIds(doc.styles.element), doc.part.numbering_part.element, 9000, "vi")
    made.template = TEMPLATE
    return made


def test_a_repeated_mixed_run_is_cut_into_fonts_once(monkeypatch) -> None:
    cuts: list[str] = []
    real = docx_runs.pieces

    def counted(template, text):
        cuts.append(text)
        return real(template, text)

    monkeypatch.setattr(docx_runs, "pieces", counted)
    writer = _writer()
    first = writer.run(Run(MIXED))
    again = [writer.run(Run(MIXED)) for _ in range(3)]
    assert cuts == [MIXED]
    assert again == [first] * 3
    # Each repeat still counts as a run in another font (a paragraph's direction is asked)
    # and leaves its cut where the font embedding reads it.
    assert writer.mixed_runs == 4
    assert writer.written[MIXED] == real(TEMPLATE, MIXED)


def test_another_look_is_another_run() -> None:
    writer, fresh = _writer(), _writer()
    looks = [
        (Run(MIXED), {}),
        (Run(MIXED, bold=True), {}),
        (Run(MIXED, italic=True, strike=True), {}),
        (Run(MIXED), {"hyperlink": True}),
        (Run(MIXED), {"char_style": "Code"}),
        (Run("Mục đích", bold=True), {}),
        (Run("Mục đích"), {"char_style": "Code"}),
    ]
    written = [writer.run(run, **how) for run, how in looks]
    assert len(set(written)) == len(written)
    # In any order, and again: each look's XML is what a fresh writer writes for it.
    for (run, how), xml in reversed(list(zip(looks, written, strict=True))):
        assert writer.run(run, **how) == xml == fresh.run(run, **how)


def test_a_repeated_paragraph_is_read_for_its_direction_once(monkeypatch) -> None:
    from briefbook.render import docx_blocks

    read: list[str] = []
    real = docx_blocks.reads_from_right

    def counted(text: str) -> bool:
        read.append(text)
        return real(text)

    monkeypatch.setattr(docx_blocks, "reads_from_right", counted)
    writer = _writer()
    arabic = [Run("فيصل بن فرحان، وزير الخارجية")]
    mixed = [Run("Gặp "), Run("فيصل بن فرحان", bold=True)]
    out: list[str] = []
    for _ in range(3):
        writer.paragraph(out, None, arabic)
        writer.paragraph(out, "Label", mixed)
    assert read == ["فيصل بن فرحان، وزير الخارجية", "Gặp فيصل بن فرحان"]
    assert out[0] == out[2] == out[4] and "<w:bidi/>" in out[0]  # from the right, each time
    assert out[1] == out[3] == out[5] and "<w:bidi/>" not in out[1]
