"""A book exports from a library that cannot be written (a read-only share, disk or file).

Found by a user's walk (review2): the export wrote its files, then failed recording what
it included ("Error: The library file is read-only; changes cannot be saved."), so the
command line said Error with both files written, and a desk officer with a colleague's
library on a read-only share could not tell whether the book was made.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.export import ExportOptions, export_book
from briefbook.library import Library
from briefbook.library.books import new_book
from briefbook.store import database
from tests.conftest import fill

_register()


def _library_with_book(path: Path) -> str:
    with Library.open(path, create=True, backup=False) as lib:
        filled = fill(lib)
        return new_book(lib, filled["event"].id, title="Sổ tay", ceiling="Secret").id


def test_a_read_only_library_exports_and_records_nothing(tmp_path: Path) -> None:
    path = tmp_path / "lib.briefbook"
    book_id = _library_with_book(path)
    before = path.read_bytes()
    with Library.open(path, read_only=True, backup=False) as lib:
        assert lib.read_only
        written = export_book(lib, book_id, tmp_path / "book.pdf", ExportOptions(formats=("pdf", "docx")))
    assert sorted(p.name for p in written) == ["book.docx", "book.pdf"]
    assert all(p.stat().st_size > 0 for p in written)
    assert path.read_bytes() == before


def test_the_command_line_says_the_export_was_not_recorded(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "lib.briefbook"
    book_id = _library_with_book(path)
    monkeypatch.setattr(database, "on_read_only_media", lambda p: True)  # as on a read-only share
    result = CliRunner().invoke(
        cli, ["--library", str(path), "export", book_id, "-o", str(tmp_path / "book"), "--format", "pdf"]
    )
    assert result.exit_code == 0, result.output
    assert f"Wrote {tmp_path / 'book.pdf'}" in result.output
    assert "read-only" in result.output and "not recorded" in result.output
    assert (tmp_path / "book.pdf").stat().st_size > 0
