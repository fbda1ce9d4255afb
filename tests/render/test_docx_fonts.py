"""The Word file carries its fonts: each script's runs name the font that draws them, and
subsets of those fonts are embedded (obfuscated, as ECMA-376 requires), so LibreOffice on a
machine without Noto or Thai fonts prints the names as written."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from hypothesis import HealthCheck, example, given, settings
from lxml import etree

from briefbook.document.model import Document, Heading, Metadata, Paragraph, Run, Table
from briefbook.render.docx import render_docx
from briefbook.render.docx_fonts import obfuscate
from briefbook.render.font_chain import chain_for, system_chinese_font
from briefbook.render.template import FONTS_DIR, load_template
from tests.render.scripts_samples import NAMES
from tests.render.test_glyph_coverage import texts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _names() -> dict[str, str]:
    names = dict(NAMES)
    if system_chinese_font() is None:
        names.pop("Chinese")
    return names


def _document() -> Document:
    blocks = []
    for script, text in _names().items():
        blocks += [
            Heading(2, text, f"h{len(blocks)}"),
            Paragraph([Run(text)]),
            Paragraph([Run("Bold: "), Run(text, bold=True)]),
            Table(header=[[[Paragraph([Run(script)])]]], rows=[[[Paragraph([Run(text)])]]]),
        ]
    return Document(Metadata(title="Scripts", language="vi"), blocks)


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("docxfonts") / "scripts.docx"
    return render_docx(_document(), load_template("formal-a4"), target)


def _xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def _embedded(path: Path) -> dict[str, TTFont]:
    """Each embedded font, de-obfuscated with its key, by family name and slot."""
    table = _xml(path, "word/fontTable.xml")
    rels = {r.get("Id"): r.get("Target") for r in _xml(path, "word/_rels/fontTable.xml.rels")}
    out = {}
    with zipfile.ZipFile(path) as z:
        for font in table.findall(f"{W}font"):
            for slot in font:
                if not slot.tag.startswith(f"{W}embed"):
                    continue
                data = z.read("word/" + rels[slot.get(f"{R}id")])
                plain = obfuscate(data, slot.get(f"{W}fontKey"))  # XOR is its own inverse
                out[f"{font.get(f'{W}name')}/{slot.tag[len(W) :]}"] = TTFont(io.BytesIO(plain))
    return out


def test_every_script_font_is_embedded_as_a_subset(book):
    fonts = _embedded(book)
    for family in ("Noto Serif", "Noto Sans", "Noto Sans Thai", "Noto Sans Lao", "Noto Sans Khmer"):
        assert f"{family}/embedRegular" in fonts and f"{family}/embedBold" in fonts, sorted(fonts)
    for family in ("Noto Sans Myanmar", "Noto Sans Arabic"):
        assert f"{family}/embedRegular" in fonts
    # The emoji font holds the book's emoji only, under a name with the hash of that subset.
    (emoji,) = [k for k in fonts if k.startswith("Noto Emoji ")]
    assert re.fullmatch(r"Noto Emoji [0-9A-F]{8}/embedRegular", emoji), emoji
    lao = fonts["Noto Sans Lao/embedRegular"]
    cmap = lao.getBestCmap()
    full = TTFont(str(FONTS_DIR / "NotoSansLao-Regular.ttf"))
    assert set(cmap) == set(full.getBestCmap())  # the whole script, whatever the book uses
    assert "GSUB" in lao or "GPOS" in lao  # shaping rules kept
    assert "hdmx" not in lao and "fpgm" not in lao  # no hinting: still cut down
    assert not any("Italic" in k for k in fonts)  # no italics in the book: none embedded


def test_subsets_keep_names_shaping_glyphs_and_drop_hints(book):
    """What Word needs of an embedded font: its family name (Word matches the font to
    fontTable.xml by it), every glyph the shaping rules reach from the characters used
    (Thai's sara am, Lao's stacked vowels), and no hinting (smaller; renders well)."""
    from fontTools import subset

    fonts = _embedded(book)
    for key, file in (
        ("Noto Sans Thai/embedRegular", "NotoSansThai-Regular.ttf"),
        ("Noto Sans Lao/embedBold", "NotoSansLao-Bold.ttf"),
        ("Noto Serif/embedRegular", "NotoSerif-Regular.ttf"),
    ):
        embedded, full = fonts[key], TTFont(str(FONTS_DIR / file))
        assert embedded["name"].getDebugName(1) == full["name"].getDebugName(1) == key.split("/")[0]
        assert {n.nameID for n in full["name"].names if n.platformID == 3} <= {
            n.nameID for n in embedded["name"].names
        }
        # fontTools' subsetter over the same characters: the glyphs shaping can produce.
        options = subset.Options()
        options.hinting = False
        reference = TTFont(str(FONTS_DIR / file))
        cutter = subset.Subsetter(options)
        cutter.populate(unicodes=set(embedded.getBestCmap()))
        cutter.subset(reference)
        assert len(embedded.getGlyphOrder()) == len(reference.getGlyphOrder())
        widths = sorted(embedded["hmtx"][g] for g in embedded.getGlyphOrder())
        assert widths == sorted(reference["hmtx"][g] for g in reference.getGlyphOrder())
        assert sorted(
            embedded["GSUB"].table.FeatureList.FeatureRecord[i].FeatureTag
            for i in range(embedded["GSUB"].table.FeatureList.FeatureCount)
        ) == sorted(
            reference["GSUB"].table.FeatureList.FeatureRecord[i].FeatureTag
            for i in range(reference["GSUB"].table.FeatureList.FeatureCount)
        )
        assert "fpgm" not in embedded and "prep" not in embedded


def test_parts_settings_and_content_types(book):
    with zipfile.ZipFile(book) as z:
        names = z.namelist()
        types = z.read("[Content_Types].xml").decode()
    assert any(n.startswith("word/fonts/") and n.endswith(".odttf") for n in names)
    assert "application/vnd.openxmlformats-officedocument.obfuscatedFont" in types
    settings = _xml(book, "word/settings.xml")
    assert settings.find(f"{W}embedTrueTypeFonts") is not None
    assert settings.find(f"{W}saveSubsetFonts") is not None


def test_runs_name_their_script_font_and_arabic_runs_are_rtl(book):
    body = _xml(book, "word/document.xml")
    fonts_of: dict[str, set[str]] = {}
    rtl: set[str] = set()
    for r in body.iter(f"{W}r"):
        text = "".join(t.text or "" for t in r.iter(f"{W}t"))
        rfonts = r.find(f"{W}rPr/{W}rFonts")
        if rfonts is not None:
            fonts_of.setdefault(rfonts.get(f"{W}cs"), set()).add(text)
        if r.find(f"{W}rPr/{W}rtl") is not None and r.find(f"{W}rPr/{W}cs") is not None:
            rtl.add(text)
    assert NAMES["Lao"] in fonts_of["Noto Sans Lao"]
    assert NAMES["Khmer"] in fonts_of["Noto Sans Khmer"]
    assert NAMES["Arabic"] in fonts_of["Noto Sans Arabic"]
    assert NAMES["Arabic"] in rtl and NAMES["Lao"] not in rtl


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
# A mark after a character no font has goes with it (U+FFFD), while the same mark on a Lao
# letter before is kept: "named" holds the mark, yet it is also written once.
@example("\u0eb1\u0eba\u0eb1")
@example("\u0531\u06100\u0610")
def test_any_text_keeps_every_character_and_embeds(tmp_path_factory, text):
    """Random assigned code points, marks, joiners and emoji: the DOCX keeps each character
    a font of the book has, shows U+FFFD for one none has (as the PDF does; the preflight
    names it), and its fonts embed."""
    source = unicodedata.normalize("NFC", text)
    formal = load_template("formal-a4")
    named = set(chain_for(formal.body_font, formal.thai_font).uncovered(source))
    path = tmp_path_factory.mktemp("d") / "d.docx"
    render_docx(Document(Metadata(title="d"), [Paragraph([Run(source)])]), formal, path)
    body = _xml(path, "word/document.xml")
    written = "".join(t.text or "" for t in body.iter(f"{W}t"))
    for char in source:
        if char.isspace():
            continue
        if char in named:
            assert "\ufffd" in written, f"U+{ord(char):04X}"
            if source.count(char) == 1:  # its one place is uncovered: replaced, not written
                assert char not in written, f"U+{ord(char):04X}"
        else:
            assert char in written, f"U+{ord(char):04X}"
    assert _embedded(path)  # every embedded part de-obfuscates to a font fontTools opens


def test_the_body_font_subset_holds_the_list_bullets(book):
    """The bullets are drawn in the body font (numbering.xml): its embedded subset must hold
    them even when no text of the book has one, or Word and LibreOffice show a box."""
    cmap = _embedded(book)["Noto Serif/embedRegular"].getBestCmap()
    assert ord("•") in cmap and ord("–") in cmap
