"""The table of shipped fonts' names says what the font files say (render/font_names.py)."""

from __future__ import annotations

from pathlib import Path

from briefbook.render import font_chain, font_files, font_names
from briefbook.render.template import FONTS_DIR


def test_every_shipped_regular_font_is_listed_with_its_own_name_and_size() -> None:
    files = {p.name: p for p in FONTS_DIR.glob("*-Regular.ttf")}
    assert set(font_names.SHIPPED) == set(files)
    for name, (size, family) in font_names.SHIPPED.items():
        assert files[name].stat().st_size == size, f"{name} changed: update render/font_names.py"
        assert font_files.font_display_name(files[name]) == family


def test_the_chain_names_its_fonts_as_the_files_do_without_opening_them(monkeypatch) -> None:
    font_chain._CHAINS.clear()
    opened: list[Path] = []
    real = font_files.font_display_name
    monkeypatch.setattr(
        font_files, "font_display_name", lambda path, index=0: opened.append(path) or real(path)
    )
    chain = font_chain.chain_for("NotoSerif")
    assert not opened
    for font in chain.fonts:
        assert font.display == real(font.file("Regular"))
    font_chain._CHAINS.clear()


def test_a_font_file_not_as_listed_is_read(tmp_path: Path) -> None:
    copy = tmp_path / "NotoSansLao-Regular.ttf"
    copy.write_bytes((FONTS_DIR / "NotoSansLao-Regular.ttf").read_bytes() + b"\0" * 4)
    assert font_names.shipped_name(copy) is None
    assert font_names.shipped_name(FONTS_DIR / "NotoSansLao-Regular.ttf") == "Noto Sans Lao"
