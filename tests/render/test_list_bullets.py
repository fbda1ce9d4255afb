"""A list's bullets are characters the body fonts have, the same in the PDF and the DOCX.

The DOCX draws its bullets in the body font (numbering.xml); a bullet the font lacks
("▪" is in neither Noto Sans nor Noto Serif) is drawn by Word or LibreOffice from any
font the reader's computer has, or as a box.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from briefbook.render import docx_reference, pdf_blocks
from briefbook.render.template import load_template

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def test_the_pdf_and_the_docx_draw_the_same_bullets() -> None:
    assert docx_reference.BULLETS == pdf_blocks.BULLETS


@pytest.mark.parametrize("family", ["NotoSans", "NotoSerif"])
@pytest.mark.parametrize("face", ["Regular", "Bold", "Italic", "BoldItalic"])
def test_every_bullet_is_in_every_body_face(family: str, face: str) -> None:
    cmap = TTFont(FONTS / f"{family}-{face}.ttf", lazy=True).getBestCmap()
    assert [b for b in docx_reference.BULLETS if ord(b) not in cmap] == []


def test_the_numbering_draws_the_bullets_in_the_body_font() -> None:
    xml = docx_reference.numbering_xml(load_template("formal-a4")).decode()
    for bullet in docx_reference.BULLETS:
        assert f'w:val="{bullet}"' in xml
