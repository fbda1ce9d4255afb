"""LibreOffice on a machine with no Noto and no Thai font (fontconfig sees only DejaVu)
prints every script's names from the fonts the Word file carries: the issue's test for the
DOCX, per script (Thai, Lao, Khmer, Myanmar, Arabic, Chinese, Vietnamese, emoji)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from briefbook.document.model import Document, Heading, Metadata, Paragraph, Run, Table
from briefbook.export import ExportOptions, export_book
from briefbook.library import Event, Library, Person
from briefbook.library.books import new_book
from briefbook.render.docx import render_docx
from briefbook.render.font_chain import system_chinese_font
from briefbook.render.template import load_template
from tests.render.scripts_samples import NAMES

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")]
# LibreOffice's own PDF text layer gives a cluster's marks in glyph order: Thai ข้า comes out
# as ขา้ and Myanmar နို as နိငု. For these scripts the letters are compared in order and the
# marks as a set; every other script must come out exactly as written.
MARKS_IN_GLYPH_ORDER = {"Thai", "Thai words", "Myanmar"}
PLACES = 4  # each name is a heading, a paragraph, a bold run and a table cell


def _names() -> dict[str, str]:
    names = dict(NAMES)
    if system_chinese_font() is None:  # nothing to embed: the preflight says so instead
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


def _squash(text: str) -> str:
    """No whitespace (LibreOffice's layer splits Khmer and Myanmar words and cell lines) and
    no bidi embedding controls (pdftotext wraps each right-to-left run in them)."""
    return re.sub(r"[\s\u202a-\u202e]", "", unicodedata.normalize("NFC", text))


def _letters_and_marks(text: str) -> tuple[str, list[str]]:
    marks = [c for c in text if unicodedata.category(c) in ("Mn", "Mc")]
    return "".join(c for c in text if unicodedata.category(c) not in ("Mn", "Mc")), sorted(marks)


def _without_system_fonts(book: Path, tmp: Path) -> tuple[str, str]:
    """LibreOffice's PDF of ``book`` (pdftotext, pdffonts), with the system's fonts hidden."""
    dejavu = next((p for p in Path("/usr/share/fonts").rglob("DejaVuSans.ttf")), None)
    if dejavu is None:
        pytest.skip("LibreOffice needs at least one system font to start (DejaVu)")
    conf = tmp / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?><fontconfig><dir>{dejavu.parent}</dir>'
        f"<cachedir>{tmp / 'fc-cache'}</cachedir></fontconfig>"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp), "FONTCONFIG_FILE": str(conf)}
    listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, env=env, check=True)
    families = {f.strip() for line in listed.stdout.splitlines() for f in line.split(",")}
    assert families and all(f.startswith("DejaVu") for f in families), families  # no Noto, no Thai
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp), str(book)],
        check=True, capture_output=True, timeout=180, env=env,
    )  # fmt: skip
    pdf = tmp / (book.stem + ".pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return text, fonts


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> tuple[str, str]:
    tmp = tmp_path_factory.mktemp("lo-no-fonts")
    return _without_system_fonts(
        render_docx(_document(), load_template("formal-a4"), tmp / "scripts.docx"), tmp
    )


def _as_written(text: str, script: str, places: int) -> None:
    """Every place of ``script``'s name is in LibreOffice's text (see MARKS_IN_GLYPH_ORDER)."""
    source, layer = _squash(NAMES[script]), _squash(text)
    if script not in MARKS_IN_GLYPH_ORDER:
        assert layer.count(source) >= places, (script, source, text[:2000])
        return
    letters, marks = _letters_and_marks(source)
    layer_letters, layer_marks = _letters_and_marks(layer)
    assert layer_letters.count(letters) >= places, (script, letters)
    for mark in set(marks):
        assert layer_marks.count(mark) >= places * marks.count(mark), (script, f"U+{ord(mark):04X}")


def test_libreoffice_draws_with_the_embedded_fonts_only(converted):
    _, fonts = converted
    names = [line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:] if line.strip()]
    assert names and not [n for n in names if n.startswith("DejaVu")], names  # nothing fell back
    for family in ("NotoSansThai", "NotoSansLao", "NotoSansKhmer", "NotoSansMyanmar", "NotoSansArabic"):
        assert any(n.startswith(family) for n in names), (family, names)
    assert any(n.startswith("NotoEmoji") for n in names) and any(n.startswith("NotoSerif") for n in names)
    if "Chinese" in _names():
        chinese = system_chinese_font()
        assert any(n.startswith(chinese.display.replace(" ", "")) for n in names), (chinese.display, names)


@pytest.mark.parametrize("script", list(NAMES))
def test_libreoffice_prints_each_script_as_written(converted, script):
    if script not in _names():
        pytest.skip("No Chinese font is installed to embed (the preflight says so)")
    _as_written(converted[0], script, PLACES)


def test_a_book_exported_from_a_new_event_prints_every_name(library: Library, tmp_path):
    """An event made from nothing, with a delegate named in each script, exported as a user
    does (export_book, DOCX only): LibreOffice without the system's fonts prints each name,
    and draws nothing with DejaVu (the delegation table included)."""
    event = library.add(Event(title="Hội nghị khu vực", city="Viêng Chăn", classification="Internal"))
    scripts = [s for s in _names() if s != "Thai words"]  # a phrase, not a name
    for script in scripts:
        person = library.add(Person(name=NAMES[script], position="Khách mời"))
        library.set_delegate(event.id, person.id, "Khách mời")
    book = new_book(library, event.id, title="Sổ tay hội nghị", ceiling="Internal")
    (path,) = export_book(library, book.id, tmp_path / "region.docx", ExportOptions(formats=("docx",)))
    text, fonts = _without_system_fonts(path, tmp_path)
    assert "DejaVu" not in fonts, fonts
    for script in scripts:  # the biography's heading (a long name wraps in the table's narrow cell)
        _as_written(text, script, 1)
