"""The first open after an update: said step by step, and never leaves a library half-changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.library import Event, Library
from briefbook.library.upgrade import upgrade_due
from briefbook.store import schema
from briefbook.store.migrate import schema_version
from briefbook.store.schema import known_migrations

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _old(tmp_path: Path, name: str = "library-0006_meeting_their_positions.briefbook") -> Path:
    path = tmp_path / "old.briefbook"
    shutil.copy(FIXTURES / name, path)
    return path


def test_upgrade_due_reads_without_changing_the_file(tmp_path: Path) -> None:
    path = _old(tmp_path)
    before = path.read_bytes()
    assert upgrade_due(path)
    assert path.read_bytes() == before
    Library.open(path, backup=False).close()
    assert not upgrade_due(path)
    assert not upgrade_due(tmp_path / "none.briefbook") and not upgrade_due(tmp_path)
    (tmp_path / "text.briefbook").write_text("not a library")
    assert not upgrade_due(tmp_path / "text.briefbook")


def test_the_open_reports_each_step(tmp_path: Path) -> None:
    path = _old(tmp_path)
    heard: list[tuple[str, int, int]] = []
    with Library.open(path, backup=False, progress=lambda *a: heard.append(a)) as library:
        assert library.count(Event) == 1
    steps = len(known_migrations()) - 6
    assert heard[0] == ("backup", 0, 1)
    assert [h for h in heard if h[0] == "migrate"] == [("migrate", i, steps) for i in range(steps + 1)]
    assert heard[-1] == ("index", 0, 1)


def test_a_step_that_fails_leaves_the_library_at_the_step_before(tmp_path: Path, monkeypatch) -> None:
    """Each step is one transaction with its record: a crash, a kill or a closed window half-way
    leaves the file at the last whole step, and the next open goes on from there."""
    path = _old(tmp_path)
    step = next(m for m in schema.MIGRATIONS._migrations if m.name == "0008_stored_sort_keys")
    real = step.fn

    def half_done(db):
        real(db)  # the columns and keys are written ...
        raise OSError("the laptop's lid was closed")  # ... and the step never finishes

    monkeypatch.setattr(step, "fn", half_done)
    with pytest.raises(OSError):
        Library.open(path, backup=False)
    monkeypatch.undo()
    import sqlite3

    conn = sqlite3.connect(path)
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    columns = {r[1] for r in conn.execute("PRAGMA table_info(talking_points)")}
    conn.close()
    assert applied[-1] == "0007_search_index_fingerprints"
    assert not any(c.endswith("_key") for c in columns)  # nothing of the failed step stayed
    with Library.open(path, backup=False) as library:
        assert schema_version(library.db) == known_migrations()[-1] and library.check() == []


def test_the_command_line_says_it_is_updating(tmp_path: Path) -> None:
    path = _old(tmp_path)
    _register()
    result = CliRunner().invoke(cli, ["--library", str(path), "list", "event"])
    assert result.exit_code == 0, result.output
    said = result.stderr.splitlines()
    assert said[0] == "Updating your library to this version of BriefBook: saving a copy of it first…"
    assert (
        f"Updating your library to this version of BriefBook: step 1 of {len(known_migrations()) - 6}…"
        in said
    )
    assert "Hội nghị Bangkok" in result.stdout
    again = CliRunner().invoke(cli, ["--library", str(path), "list", "event"])
    assert again.exit_code == 0 and again.stderr == ""  # once only


def test_the_command_line_asks_the_open_itself_not_a_second_look_at_the_file(
    tmp_path: Path, monkeypatch
) -> None:
    """The notes come from the open's own report of its stages: no command opens the file once
    more beforehand to ask whether it will update it (``upgrade_due``, the window's question)."""
    from briefbook.library import upgrade

    def asked(path) -> bool:
        raise AssertionError("the command line opened the library a second time to ask")

    monkeypatch.setattr(upgrade, "upgrade_due", asked)
    current = tmp_path / "now.briefbook"
    Library.create(current).close()
    _register()
    result = CliRunner().invoke(cli, ["--library", str(current), "list", "event"])
    assert result.exit_code == 0 and result.stderr == "", result.output
    old = _old(tmp_path)
    result = CliRunner().invoke(cli, ["--library", str(old), "list", "event"])
    assert result.exit_code == 0 and "saving a copy of it first" in result.stderr.splitlines()[0]
