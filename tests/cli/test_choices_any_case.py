"""The command line takes its choices as people type them: in any case, with stray spaces, as
it already took kinds of item and levels. ``--format PDF`` and ``--drafts OMIT`` were refused
with a list of choices (found exporting a new event's book)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.library import Event, Library
from briefbook.library.books import new_book

_register()


def run(path: Path, *args: str):
    return CliRunner().invoke(cli, ["--library", str(path), *args])


def test_choices_in_any_case_and_with_spaces(tmp_path: Path) -> None:
    path = tmp_path / "l.briefbook"
    with Library.create(path) as library:
        event = library.add(Event(title="Hội nghị Bangkok"))
        book = new_book(library, event.id, title="Sổ tay", ceiling="Public", language="vi")
    out = tmp_path / "book"
    done = run(
        path, "export", book.id, "-o", str(out), "--format", " PDF ", "--drafts", "OMIT", "--language", "En"
    )
    assert done.exit_code == 0, done.output
    assert out.with_suffix(".pdf").is_file() and not out.with_suffix(".docx").exists()
    listed = run(path, "list", " Event ")
    assert listed.exit_code == 0 and "Hội nghị Bangkok" in listed.output, listed.output
    refused = run(path, "export", book.id, "-o", str(out), "--format", "odt")
    assert refused.exit_code != 0 and "'odt' is not one of" in refused.output
