"""A book received in a colleague's package keeps counting its versions from theirs: its next
export here is the version after the last one they handed out, never a number already used.

Before, the export records stayed behind (they are the sender's), so the receiving library's
first export of a book at version 2 was "version 1" again: two different texts, each handed
out as version 1, and the book's version went down."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefbook.cli.main import _register, cli

_register()


def _run(path: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--library", str(path), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def _version(path: Path, book: str) -> str:
    return next(line for line in _run(path, "book", "show", book).splitlines() if "version:" in line).strip()


def test_a_book_from_a_package_is_exported_as_the_version_after_the_senders(tmp_path: Path) -> None:
    theirs, ours = tmp_path / "theirs.briefbook", tmp_path / "ours.briefbook"
    _run(theirs, "demo")
    book = _run(theirs, "list", "book").splitlines()[1][:36]
    point = _run(theirs, "list", "talking_point").splitlines()[1][:36]
    _run(theirs, "export", book, "-o", str(tmp_path / "a1.pdf"), "--format", "pdf")
    _run(theirs, "edit", point, "--set", "text=Văn bản thứ hai.")
    _run(theirs, "export", book, "-o", str(tmp_path / "a2.pdf"), "--format", "pdf")
    assert _version(theirs, book) == "version: 2"
    _run(theirs, "package", "export", book, "-o", str(tmp_path / "p.bbpkg"))
    _run(ours, "init")
    _run(ours, "package", "import", str(tmp_path / "p.bbpkg"), "--yes")
    assert _version(ours, book) == "version: 2"
    _run(ours, "edit", point, "--set", "text=Văn bản của chúng tôi.")
    _run(ours, "export", book, "-o", str(tmp_path / "b.pdf"), "--format", "pdf")
    assert _version(ours, book) == "version: 3"
    # And the same copy again is that version again, not a fourth.
    _run(ours, "export", book, "-o", str(tmp_path / "b.docx"), "--format", "docx")
    assert _version(ours, book) == "version: 3"
