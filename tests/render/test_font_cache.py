"""The fixed font subsets are kept in the data folder, verified by their hash; the cache is
only a saving: a damaged copy is cut again, an unwritable folder changes nothing."""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import pytest

from briefbook.document.model import Document, Metadata, Paragraph, Run
from briefbook.render import docx_fonts, font_cache
from briefbook.render.docx import render_docx
from briefbook.render.template import FONTS_DIR, load_template

FONT = str(FONTS_DIR / "NotoSansLao-Regular.ttf")
CODES = frozenset(range(0x0E81, 0x0EB0))


def _cut(path: str, index: int, codes: frozenset[int]) -> bytes:
    return docx_fonts._subset_cached(path, index, codes)


def _never(*_args) -> bytes:
    raise AssertionError("cut again, though the cache holds it")


def test_a_subset_made_once_is_read_back(tmp_path):
    first = font_cache.cached(FONT, 0, CODES, _cut)
    assert list((tmp_path / "data" / font_cache.FOLDER).glob("*.ttf"))
    assert font_cache.cached(FONT, 0, CODES, _never) == first
    other = CODES | {0x0EB0}
    assert font_cache.cached(FONT, 0, other, _cut) != first  # other characters, another entry


def test_a_damaged_copy_is_cut_again_and_replaced(tmp_path):
    good = font_cache.cached(FONT, 0, CODES, _cut)
    (file,) = (tmp_path / "data" / font_cache.FOLDER).glob("*.ttf")
    damaged = bytearray(file.read_bytes())
    damaged[100] ^= 0xFF
    file.write_bytes(bytes(damaged))
    assert font_cache.cached(FONT, 0, CODES, _cut) == good
    assert font_cache.cached(FONT, 0, CODES, _never) == good  # the copy was replaced
    file.write_bytes(b"short")
    assert font_cache.cached(FONT, 0, CODES, _cut) == good


def test_an_unusable_data_folder_only_costs_the_cut(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    monkeypatch.setenv("BRIEFBOOK_DATA_DIR", str(blocked))
    assert font_cache.cached(FONT, 0, CODES, _cut) == _cut(FONT, 0, CODES)


@pytest.mark.parametrize("cache", ["cold", "warm", "unwritable"])
def test_the_word_file_is_the_same_with_or_without_the_cache(tmp_path, monkeypatch, cache):
    template = load_template("formal-a4")
    document = Document(Metadata(title="Sổ tay", language="vi"), [Paragraph([Run("MẬT ไทย ລາວ")])])
    docx_fonts._fixed_part.cache_clear()
    reference = render_docx(document, template, tmp_path / "reference.docx").read_bytes()
    if cache == "cold":
        monkeypatch.setenv("BRIEFBOOK_DATA_DIR", str(tmp_path / "fresh"))
    elif cache == "unwritable":
        (tmp_path / "file").write_text("x")
        monkeypatch.setenv("BRIEFBOOK_DATA_DIR", str(tmp_path / "file"))
    else:  # warm: what the first render left, and no cutting
        monkeypatch.setattr(docx_fonts, "_subset_cached", _never)
    docx_fonts._fixed_part.cache_clear()
    again = render_docx(document, template, tmp_path / "again.docx").read_bytes()
    docx_fonts._fixed_part.cache_clear()
    assert again == reference
    assert Path(tmp_path / "again.docx").is_file()


def test_a_fixed_font_part_is_kept_deflated_and_written_as_it_is(tmp_path, monkeypatch):
    """The part the zip stores is read back from the cache, not cut, obfuscated or deflated
    again, and reads back as the obfuscated subset with its key."""
    from briefbook.render import docx_font_parts, zip_writer

    key, part = docx_font_parts.kept_part(FONT, 0, CODES, _cut)
    assert list((tmp_path / "data" / font_cache.FOLDER).glob(f"*.{docx_font_parts.KIND}"))
    subset = _cut(FONT, 0, CODES)
    assert key == docx_font_parts.font_key(subset)
    assert zip_writer.inflated(part) == docx_font_parts.obfuscate(subset, key)
    monkeypatch.setattr(zip_writer, "deflated", _never)
    monkeypatch.setattr(docx_font_parts, "deflated", _never)
    assert docx_font_parts.kept_part(FONT, 0, CODES, _never) == (key, part)


def test_a_warm_export_deflates_no_font(tmp_path, monkeypatch):
    """Only the XML is deflated once the fixed parts are kept: every font part comes ready."""
    from briefbook.render import zip_writer

    template = load_template("formal-a4")
    document = Document(Metadata(title="Sổ tay", language="vi"), [Paragraph([Run("MẬT ไทย ລາວ")])])
    docx_fonts._fixed_part.cache_clear()
    render_docx(document, template, tmp_path / "cold.docx")
    docx_fonts._fixed_part.cache_clear()
    deflating = zip_writer.deflated
    names: list[int] = []

    def counted(data: bytes, level: int):
        names.append(len(data))
        return deflating(data, level)

    monkeypatch.setattr(zip_writer, "deflated", counted)
    render_docx(document, template, tmp_path / "warm.docx")
    docx_fonts._fixed_part.cache_clear()
    with zipfile.ZipFile(tmp_path / "warm.docx") as archive:
        assert archive.testzip() is None
        xml = [i.file_size for i in archive.infolist() if not i.filename.endswith(".odttf")]
        fonts = [i for i in archive.infolist() if i.filename.endswith(".odttf")]
    assert fonts
    assert sorted(names) == sorted(xml)


def test_the_harfbuzz_version_is_read_without_loading_harfbuzz() -> None:
    """The keys name uharfbuzz's own __version__, read from its _version.py in a process that
    has not loaded it (and stays so): the same keys as before, so kept entries stay valid."""
    import subprocess
    import sys

    import uharfbuzz

    probe = (
        "import sys\nfrom briefbook.render import font_cache\n"
        "print(font_cache.harfbuzz_version(), 'uharfbuzz' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == [uharfbuzz.__version__, "False"]


def test_the_version_falls_back_to_the_package_when_its_file_says_nothing(monkeypatch) -> None:
    import uharfbuzz

    font_cache.harfbuzz_version.cache_clear()
    monkeypatch.delitem(sys.modules, "uharfbuzz")
    monkeypatch.setattr(font_cache, "_VERSION", re.compile("(?!)"))
    try:
        assert font_cache.harfbuzz_version() == uharfbuzz.__version__
    finally:
        font_cache.harfbuzz_version.cache_clear()


@pytest.mark.parametrize(
    "name", ["NotoSerif-Regular.ttf", "NotoSansLao-Regular.ttf", "NotoEmoji-Regular.ttf"]
)
def test_a_kept_character_map_is_the_fonts_own(tmp_path, monkeypatch, name):
    """Kept in the cache and read back (never read from the font again) as HarfBuzz reads it."""
    from briefbook.render import font_files

    path = FONTS_DIR / name
    if not path.is_file():
        pytest.skip(f"{name} is not shipped")
    own = font_files._cmap(path, 0)
    assert font_cache.cmap(path) == own
    assert list((tmp_path / "data" / font_cache.FOLDER).glob(f"*.{font_cache.CMAP_KIND}"))
    monkeypatch.setattr(font_files, "_cmap", _never)
    assert font_cache.cmap(path) == own
