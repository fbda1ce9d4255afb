"""The search index holds the words a reader sees in each Markdown field, not its markup: a link's
address, the asterisks of bold and the backslash of an escape are not searched or shown, whatever
way the text came in (an add, an edit, an earlier version brought back, a colleague's package),
and a library whose index was made by the version before is indexed again once, backed up first."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.library import Library
from briefbook.library.api import INDEX_VERSION, INDEX_VERSION_KEY

_register()
FIXTURES = Path(__file__).parents[1] / "fixtures"
LINKED = "Việt Nam **ủng hộ** [Công ước](https://treaties.un.org/hanoi-convention) và R\\&D \\\\ mạng."


def _run(path: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--library", str(path), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def _found(path: Path, query: str) -> list[dict]:
    return json.loads(_run(path, "--json", "search", query))


def _library_with_a_linked_point(path: Path) -> str:
    _run(path, "init")
    (topic,) = json.loads(_run(path, "--json", "add", "topic", "--set", "title=Công ước Hà Nội"))
    added = _run(
        path, "--json", "add", "talking_point", "--set", f"topic_id={topic['id']}", "--set", f"text={LINKED}"
    )
    return json.loads(added)[0]["id"]


def _reads_as_text(path: Path, point: str) -> None:
    """The point is found by its words, its extract shows them as read, its markup finds nothing."""
    (hit,) = _found(path, "ung ho cong uoc")
    assert hit["id"] == point
    assert hit["snippet"] == "Việt Nam [ủng] [hộ] [Công] [ước] và R&D \\ mạng.", hit["snippet"]
    for markup in ("treaties", "https", "hanoi convention", "un org"):
        assert _found(path, markup) == [], markup
    assert "The library is healthy" in _run(path, "check")


def test_a_search_finds_the_words_a_reader_sees_not_the_markup(tmp_path: Path) -> None:
    path = tmp_path / "l.briefbook"
    point = _library_with_a_linked_point(path)
    _reads_as_text(path, point)


def test_the_index_reads_as_text_after_an_edit_and_a_revision_brought_back(tmp_path: Path) -> None:
    path = tmp_path / "l.briefbook"
    point = _library_with_a_linked_point(path)
    _run(path, "edit", point, "--set", "text=Một [đoạn khác](https://example.org/other) hẳn.")
    assert _found(path, "example") == [] and len(_found(path, "doan khac")) == 1
    (revision,) = [r["id"] for r in json.loads(_run(path, "--json", "revisions", point, "text"))]
    _run(path, "restore-revision", str(revision))
    _reads_as_text(path, point)


def test_the_index_reads_as_text_after_a_package_is_merged(tmp_path: Path) -> None:
    theirs = tmp_path / "theirs.briefbook"
    point = _library_with_a_linked_point(theirs)
    _run(theirs, "package", "export", "--items", point, "-o", str(tmp_path / "p.bbpkg"))
    ours = tmp_path / "ours.briefbook"
    _run(ours, "init")
    _run(ours, "package", "import", str(tmp_path / "p.bbpkg"), "--yes")
    _reads_as_text(ours, point)


def test_an_index_of_the_version_before_is_read_again_once_after_a_backup(tmp_path: Path) -> None:
    """Made by BriefBook at schema 0012 (index 7): each entry's text is its fields' Markdown."""
    path = tmp_path / "old.briefbook"
    shutil.copy(FIXTURES / "markdown-bodies-index7.briefbook", path)
    (point,) = [h["id"] for h in _found(path, "ung ho cong uoc")]  # (this first open upgrades it)
    backups = [b for b in (tmp_path / "old.backups").iterdir() if b.suffix == ".briefbook"]
    assert len(backups) == 1, backups
    # The file as it was, index and all. Read with sqlite3: the backup is at schema 0012, and
    # this version refuses to open a library read-only that still has schema steps to take.
    with closing(sqlite3.connect(f"{backups[0].as_uri()}?mode=ro", uri=True)) as before:
        sql = "SELECT value FROM settings WHERE key = ?"
        assert before.execute(sql, [INDEX_VERSION_KEY]).fetchone() == ("7",)
    with Library.open(path) as library:
        assert library.setting(INDEX_VERSION_KEY) == INDEX_VERSION
        assert library.check() == []
    _reads_as_text(path, point)
    for markup in ("unodc", "mofa", "example org", "treaties"):  # an event, a person, a statement, a topic
        assert _found(path, markup) == [], markup
    (person,) = _found(path, "phu trach")
    assert "**" not in person["snippet"] and "](" not in person["snippet"], person["snippet"]
    assert len(list((tmp_path / "old.backups").glob("*.briefbook"))) == 1  # once
