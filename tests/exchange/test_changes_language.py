"""A copy's changes page and ``book changes`` compare with the last copy of its kind in its
language: a Vietnamese copy's reader holds the last Vietnamese copy, not the English one made
for another reader since (it said "changes since version 2", a version its reader never had)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader

from briefbook.cli.main import _register, cli
from briefbook.library import Library

_register()


def _run(path: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--library", str(path), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_a_vietnamese_copy_is_compared_with_the_last_vietnamese_copy(tmp_path: Path) -> None:
    path = tmp_path / "l.briefbook"
    _run(path, "demo")
    book = _run(path, "list", "book").splitlines()[1][:36]
    point = _run(path, "list", "talking_point").splitlines()[1][:36]
    _run(path, "export", book, "-o", str(tmp_path / "v1.pdf"), "--format", "pdf", "--language", "vi")
    _run(path, "export", book, "-o", str(tmp_path / "v2.pdf"), "--format", "pdf", "--language", "en")
    _run(path, "edit", point, "--set", "text=Văn bản mới hoàn toàn.")
    assert _run(path, "book", "changes", book).startswith("Since version 1 (")  # the book is Vietnamese
    out = tmp_path / "v3.pdf"
    _run(path, "export", book, "-o", str(out), "--format", "pdf", "--language", "vi", "--changes")
    text = _pdf_text(out)
    assert "Những thay đổi từ phiên bản 1" in text and "phiên bản 2" not in text
    # The English copy's reader holds version 2: theirs is compared with it.
    out = tmp_path / "v4.pdf"
    _run(path, "export", book, "-o", str(out), "--format", "pdf", "--language", "en", "--changes")
    assert "Changes since version 2" in _pdf_text(out)


def test_a_record_made_before_languages_were_kept_counts_as_a_copy_of_any(tmp_path: Path) -> None:
    """A record from before schema step 0013 has the language '' (the column's default)."""
    path = tmp_path / "l.briefbook"
    _run(path, "demo")
    book = _run(path, "list", "book").splitlines()[1][:36]
    _run(path, "export", book, "-o", str(tmp_path / "v1.pdf"), "--format", "pdf", "--language", "vi")
    with Library.open(path) as library:
        assert library.db.execute("SELECT language FROM export_records").fetchall() == [("vi",)]
        library.db.execute("UPDATE export_records SET language = ''")
    out = tmp_path / "en.pdf"
    _run(path, "export", book, "-o", str(out), "--format", "pdf", "--language", "en", "--changes")
    assert "Nothing has changed since version 1." in _pdf_text(out)
