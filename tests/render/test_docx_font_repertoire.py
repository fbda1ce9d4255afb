"""Any two of our Word files agree on what an embedded font of a given name holds.

LibreOffice keeps embedded fonts by name for the whole process: with per-book subsets, the
second of two books opened in one LibreOffice drew "MẬT" as "M□T" and its Thai names as
boxes. A font embedded under its own name now holds a fixed repertoire (the body fonts:
Latin, every Vietnamese letter, punctuation and symbols; each script font: its whole script);
a rarer one (emoji, symbols, Chinese, Cyrillic) holds the book's characters under a name with
their hash."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from hypothesis import example, given, settings
from lxml import etree

from briefbook.document.model import Document, Heading, Metadata, Paragraph, Run, Table
from briefbook.render.docx import render_docx
from briefbook.render.docx_fonts import chain_of, obfuscate
from briefbook.render.docx_reference import BULLETS
from briefbook.render.docx_repertoire import VIETNAMESE
from briefbook.render.font_chain import chain_for, system_chinese_font
from briefbook.render.template import FONTS_DIR, load_template
from tests.render.scripts_samples import NAMES
from tests.render.test_glyph_coverage import texts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
TEMPLATE = load_template("formal-a4")


def _book(path: Path, title: str, *texts: str, bold: bool = True) -> Path:
    blocks = [Heading(1, title, "h")]
    for text in texts:
        blocks += [
            Paragraph([Run(text)]),
            Table(header=[[[Paragraph([Run("Tên")])]]], rows=[[[Paragraph([Run(text)])]]]),
        ]
        if bold:
            blocks.append(Paragraph([Run("Đậm: "), Run(text, bold=True)]))
    return render_docx(Document(Metadata(title=title, language="vi"), blocks), TEMPLATE, path)


def _fonts(path: Path) -> dict[str, bytes]:
    """Each embedded font file, de-obfuscated, by its fontTable name and slot."""
    with zipfile.ZipFile(path) as z:
        table = etree.fromstring(z.read("word/fontTable.xml"))
        rels = {
            r.get("Id"): r.get("Target") for r in etree.fromstring(z.read("word/_rels/fontTable.xml.rels"))
        }
        out = {}
        for font in table.findall(f"{W}font"):
            for slot in font:
                if slot.tag.startswith(f"{W}embed"):
                    data = z.read("word/" + rels[slot.get(f"{R}id")])
                    out[f"{font.get(f'{W}name')}/{slot.tag[len(W) :]}"] = obfuscate(
                        data, slot.get(f"{W}fontKey")
                    )
    return out


def _cmap(data: bytes) -> set[int]:
    return set(TTFont(io.BytesIO(data)).getBestCmap())


def _all_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))


def test_two_books_carry_the_same_bytes_under_each_font_name(tmp_path):
    """Two books with different Vietnamese letters, Thai and Lao names, emoji and Cyrillic:
    every font name both embed carries the same bytes in both (fails with per-book subsets:
    "Noto Serif" held each book's own letters)."""
    first = _book(tmp_path / "a.docx", "Hoi dam Bangkok", NAMES["Thai"], "Sergey 🙂", "Thủ trưởng")
    second = _book(
        tmp_path / "b.docx", "MẬT — Đắk Lắk ữ ỹ ặ", NAMES["Lao"], "ประยุทธ์ จันทร์โอชา", "Лавров 👍🏽 ✓ → ≥"
    )
    a, b = _fonts(first), _fonts(second)
    shared = set(a) & set(b)
    assert {"Noto Serif/embedRegular", "Noto Sans/embedBold", "Noto Sans Thai/embedRegular"} <= shared
    for name in shared:
        assert a[name] == b[name], name
    # The emoji fonts hold different emoji, so they have different names.
    emoji_a = {k for k in a if k.startswith("Noto Emoji ")}
    emoji_b = {k for k in b if k.startswith("Noto Emoji ")}
    assert emoji_a and emoji_b and not emoji_a & emoji_b


def test_the_body_fonts_hold_every_vietnamese_letter_whatever_the_book_uses(tmp_path):
    """A book in plain ASCII still embeds every Vietnamese letter, Latin-1 and Latin
    Extended-A letter, the list bullets, ₫ and the quotes and dashes Word pastes: a user
    typing Vietnamese in Word finds them in the embedded font."""
    fonts = _fonts(_book(tmp_path / "ascii.docx", "Plain", "Plain text only", bold=True))
    letters = set(VIETNAMESE) | {
        c for c in range(0xC0, 0x180) if unicodedata.category(chr(c)).startswith("L")
    }
    # Every precomposed Vietnamese vowel with each tone, from the names, not from our table.
    vowels = [c for c in range(0x1EA0, 0x1EFA) if unicodedata.name(chr(c)).startswith("LATIN")]
    assert len(vowels) == 90
    wanted = letters | set(vowels) | {ord(c) for c in "".join(BULLETS) + "₫€“”‘’–—…•→≤≥≠№"}
    for name, file in (
        ("Noto Serif/embedRegular", "NotoSerif-Regular.ttf"),
        ("Noto Serif/embedBold", "NotoSerif-Bold.ttf"),
        ("Noto Sans/embedRegular", "NotoSans-Regular.ttf"),
        ("Noto Sans/embedBold", "NotoSans-Bold.ttf"),
    ):
        has = set(TTFont(str(FONTS_DIR / file)).getBestCmap())
        assert letters | set(vowels) <= has
        missing = (wanted & has) - _cmap(fonts[name])  # (→ ≤ ≥ are the Math font's in Noto Serif)
        assert not missing, (name, [f"U+{c:04X}" for c in sorted(missing)])


@pytest.mark.parametrize("script", ["Thai", "Lao", "Khmer", "Myanmar", "Arabic"])
def test_each_script_font_holds_its_whole_script_from_one_letter(tmp_path, script):
    """One letter of a script embeds its font with every character the chain gives that font
    (what no font before it in the chain has), in every face."""
    chain = chain_for(TEMPLATE.body_font, TEMPLATE.thai_font)
    index = next(i for i, f in enumerate(chain.fonts) if f.script == script)
    font = chain.fonts[index]
    before = set().union(*(f.cmap for f in chain.fonts[:index]))
    coverage = {c for c in font.cmap - before if not chr(c).isspace()}
    letter = NAMES[script].replace(" ", "")[0]
    fonts = _fonts(_book(tmp_path / f"{script}.docx", "Một chữ", letter))
    faces = [k for k in fonts if k.startswith(f"{font.display}/")]
    assert len(faces) == len(font.files), faces  # Regular and Bold
    for face in faces:
        missing = coverage - _cmap(fonts[face])
        assert not missing, (face, [f"U+{c:04X}" for c in sorted(missing)][:20])


def test_a_rare_font_is_named_after_its_subset_in_runs_table_and_font(tmp_path):
    """Emoji, symbols, Cyrillic (outside the body fonts' repertoire) and a Chinese name, in
    the body and in the title the running header shows: each such font is embedded under
    "NAME HASH", which the runs, fontTable.xml and the font's own name records all say, and
    no run keeps the name it was written with before the hash was known."""
    texts = ["Сергей Лавров", "🙂 👍🏽", "✓ ★ ⇒ ∮"]
    if system_chinese_font() is not None:
        texts.append(NAMES["Chinese"])
    blocks = [Heading(1, "Sổ tay 🙂 Лавров", "h"), *(Paragraph([Run(t), Run(t, bold=True)]) for t in texts)]
    # A classification label of the library's own: the headers' runs name their fonts too.
    meta = Metadata(title="Sổ tay 🙂 Лавров", language="vi", banner="MẬT 🙂 Лавров")
    path = render_docx(Document(meta, blocks), TEMPLATE, tmp_path / "rare.docx")
    xml = _all_xml(path)
    assert "\u2063" not in xml  # the pending names' mark
    fonts = _fonts(path)
    hashed = {k.split("/")[0] for k in fonts if re.search(r" [0-9A-F]{8}/", k)}
    families = {re.sub(r" [0-9A-F]{8}$", "", name) for name in hashed}
    assert {"Noto Serif", "Noto Emoji"} <= families, hashed  # Cyrillic: the body font's rest
    assert families & {"Noto Sans Symbols2", "Noto Sans Math"}, hashed
    for name in hashed:
        assert len(name) <= 31  # Word reads font names of up to 31 characters
        assert f'w:ascii="{name}"' in xml  # the runs name it (the header's title too)
    with zipfile.ZipFile(path) as z:
        header = "".join(z.read(n).decode() for n in z.namelist() if re.match(r"word/header\d*\.xml", n))
    assert any(f'w:ascii="{name}"' in header for name in hashed if name.startswith("Noto Emoji"))
    for key, data in fonts.items():
        name = key.split("/")[0]
        assert TTFont(io.BytesIO(data))["name"].getDebugName(1) == name, key
    # The Cyrillic is drawn from the body font's rest, not lost.
    rest = next(k for k in fonts if k.startswith("Noto Serif ") and k.endswith("embedRegular"))
    assert {ord(c) for c in "СергейЛавров"} <= _cmap(fonts[rest])


def test_the_same_rare_characters_give_the_same_name_and_bytes(tmp_path):
    one = _fonts(_book(tmp_path / "1.docx", "A", "🙂 Лавров"))
    two = _fonts(_book(tmp_path / "2.docx", "B khác", "Лавров 🙂", "Thủ tướng"))
    rare = {k for k in one if re.search(r" [0-9A-F]{8}/", k)}
    assert rare and rare <= set(two)
    assert all(one[k] == two[k] for k in rare)


@settings(max_examples=150, deadline=None)
@given(text=texts)
@example("Сергей Лавров: а́ 🙂 ✓ ₫ ẞ ǅ \u1dc0 ไทย")
def test_the_docx_chain_draws_each_character_with_the_pdfs_family(text):
    """The DOCX's chain (the body fonts cut to their repertoire, their rest as fonts of their
    own) gives each character the family the PDF's chain gives it, and leaves the same ones
    uncovered."""
    source = unicodedata.normalize("NFC", text)
    pdf, docx = chain_for(TEMPLATE.body_font, TEMPLATE.thai_font), chain_of(TEMPLATE)
    assert pdf.uncovered(source) == docx.uncovered(source)

    def families(chain):
        out = []
        for index, run in chain.runs(source):
            family = chain.fonts[index].family.rstrip("+") if index >= 0 else None
            out += [(char, family) for char in run if not char.isspace()]
        return out

    assert families(pdf) == families(docx)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_second_of_two_books_converted_in_one_process(tmp_path):
    """The defect itself: two books converted by ONE LibreOffice with the system's fonts
    hidden (fontconfig sees only DejaVu). The second book's Vietnamese letters and Thai and
    Lao names print from its own embedded fonts: nothing falls back to DejaVu (with per-book
    subsets, its Thai name came out as boxes and its Vietnamese in DejaVu)."""
    first = _book(tmp_path / "a.docx", "Hoi dam Bangkok", NAMES["Thai"], "Sergey 🙂")
    thai, lao = "ประยุทธ์ จันทร์โอชา", NAMES["Lao"]
    second = _book(tmp_path / "b.docx", "MẬT — Đắk Lắk ữ ỹ ặ", thai, lao, "Лавров 👍🏽 ✓")
    dejavu = next((p for p in Path("/usr/share/fonts").rglob("DejaVuSans.ttf")), None)
    if dejavu is None:
        pytest.skip("LibreOffice needs at least one system font to start (DejaVu)")
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?><fontconfig><dir>{dejavu.parent}</dir>'
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "FONTCONFIG_FILE": str(conf)}
    out = tmp_path / "pdf"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), str(first), str(second)],
        check=True, capture_output=True, timeout=240, env=env,
    )  # fmt: skip
    for book in (first, second):
        pdf = out / (book.stem + ".pdf")
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "DejaVu" not in fonts, (book.name, fonts)
    text = subprocess.run(
        ["pdftotext", str(out / "b.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    squashed = re.sub(r"[\s\u202a-\u202e]", "", unicodedata.normalize("NFC", text))
    for name in ("MẬT—ĐắkLắkữỹặ", lao.replace(" ", ""), "Лавров"):
        assert name in squashed, (name, text[:1000])
    # Thai: LibreOffice's text layer gives a cluster's marks in glyph order; the letters in order.
    letters = "".join(c for c in thai if unicodedata.category(c) not in ("Mn", "Mc", "Zs"))
    assert letters in "".join(c for c in squashed if unicodedata.category(c) not in ("Mn", "Mc"))
