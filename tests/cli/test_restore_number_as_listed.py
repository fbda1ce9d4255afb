"""``restore N`` restores the backup 'briefbook backups' showed as number N, or says the list changed.

Backups are numbered newest first, so a backup made after the list was shown (a window's
backup when it opens a library, its automatic one every ten minutes, a colleague's
'briefbook backup') moves every number down by one: 'restore 2', typed from the list on
screen, put back another backup than the one the user chose, and with --yes said nothing.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.library import Library, Topic
from briefbook.store.backup import backup_library, list_backups

_register()


def _run(library_path: Path, *args: str):
    return CliRunner().invoke(cli, ["--library", str(library_path), *args], catch_exceptions=False)


def _titles(path: Path) -> list[str]:
    with Library.open(path, backup=False) as lib:
        return sorted(t.title for t in lib.list(Topic))


def _two_backups(library_path: Path) -> None:
    with Library.create(library_path) as lib:
        lib.add(Topic(title="Một"))
    backup_library(library_path, reason="manual")
    with Library.open(library_path, backup=False) as lib:
        lib.add(Topic(title="Hai"))
    backup_library(library_path, reason="manual")


def test_a_backup_made_after_the_list_was_shown_is_not_restored_in_its_place(library_path: Path) -> None:
    _two_backups(library_path)
    listed = _run(library_path, "backups").output
    assert "\n2 " in listed  # 2: the backup holding only "Một"
    with Library.open(library_path, backup=False) as lib:
        lib.add(Topic(title="Ba"))
    backup_library(library_path, reason="open")  # a window opened the library meanwhile
    result = _run(library_path, "restore", "2", "--yes")
    assert result.exit_code == 1
    assert "changed since" in result.output and "briefbook backups" in result.output
    assert _titles(library_path) == ["Ba", "Hai", "Một"]  # nothing was restored
    _run(library_path, "backups")  # listed again: the numbers on screen are the ones used
    assert _run(library_path, "restore", "3", "--yes").exit_code == 0
    assert _titles(library_path) == ["Một"]


def test_restore_by_number_as_listed_and_without_a_list(library_path: Path) -> None:
    _two_backups(library_path)
    assert _run(library_path, "restore", "2", "--yes").exit_code == 0  # no list shown: today's numbers
    assert _titles(library_path) == ["Một"]
    _run(library_path, "--json", "backups")  # a script's list counts as one shown
    newest = list_backups(library_path)[0]
    assert newest.reason == "before-restore"
    assert _run(library_path, "restore", "1", "--yes").exit_code == 0
    assert _titles(library_path) == ["Hai", "Một"]
