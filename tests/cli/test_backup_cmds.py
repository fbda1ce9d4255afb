"""``briefbook backup``, ``backups`` and ``restore``, as a person and a script use them."""

from __future__ import annotations

import json
import re
import shlex
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli.backup_cmds import human_size
from briefbook.cli.main import _register, cli
from briefbook.library import Library, Topic
from briefbook.store import backup_catalog
from briefbook.store.backup import list_backups

_register()


@pytest.fixture
def run(library_path: Path):
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(
            cli, ["--library", str(library_path), *args], input=input, catch_exceptions=False
        )

    return invoke


def _titles(path: Path) -> list[str]:
    with Library.open(path, backup=False) as lib:
        return sorted(t.title for t in lib.list(Topic))


def test_backup_prints_the_path_and_size(run, library_path: Path) -> None:
    assert run("init").exit_code == 0
    result = run("backup")
    assert result.exit_code == 0, result.output
    m = re.fullmatch(r"Backed up to (.+\.manual\.briefbook) \((\d+(\.\d)? KB)\)\n", result.output)
    assert m, result.output
    assert Path(m.group(1)).exists() and m.group(2) == human_size(Path(m.group(1)).stat().st_size)
    data = json.loads(run("backup", "--json").output)
    assert Path(data["path"]).stat().st_size == data["size"]
    assert len(list_backups(library_path)) == 2


def test_backups_lists_date_and_size_newest_first(
    run, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("init")
    assert "There are no backups" in run("backups").output
    run("backup")
    run("add", "topic", "--set", "title=Mới")  # the last backup is a moment old: none is due yet
    run("list", "topic")  # a command that only reads never backs up
    assert len(list_backups(library_path)) == 1
    monkeypatch.setattr(backup_catalog, "clock", lambda: time.time() + 601)
    run("add", "topic", "--set", "title=Mười phút sau")  # an edit 10 minutes after the last backup
    text = run("backups").output
    lines = text.splitlines()
    assert lines[0].split() == ["#", "date", "size", "kind", "file"]
    assert re.match(r"1\s+\d\d/\d\d/\d{4} \d\d:\d\d\s+\d+(\.\d)? KB\s+auto\s+test\.", lines[1])
    assert re.match(r"2\s+.*\s+manual\s+", lines[2])
    for args in (("backups", "--json"), ("--json", "backups")):
        listed = json.loads(run(*args).output)
        assert [b["number"] for b in listed] == [1, 2]
        assert listed[0]["created"].endswith("Z") and listed[0]["size"] > 0
        assert [b["path"] for b in listed] == [str(b.path) for b in list_backups(library_path)]


def test_restore_asks_first_and_keeps_the_current_file(run, library_path: Path) -> None:
    run("init")
    run("add", "topic", "--set", "title=Trước")
    run("backup")
    run("add", "topic", "--set", "title=Sau")
    number = str(next(i for i, b in enumerate(list_backups(library_path), 1) if b.reason == "manual"))

    refused = run("restore", number, input="n\n")
    assert refused.exit_code == 1 and "Nothing was changed." in refused.output
    assert "The current file is backed up first" in refused.output
    assert _titles(library_path) == ["Sau", "Trước"]

    done = run("restore", number, input="y\n")
    assert done.exit_code == 0, done.output
    assert "Restored" in done.output and "before-restore" in done.output
    assert _titles(library_path) == ["Trước"]
    kept = [b for b in list_backups(library_path) if b.reason == "before-restore"]
    assert len(kept) == 1 and _titles(kept[0].path) == ["Sau", "Trước"]

    assert run("restore", "--yes", str(kept[0].path)).exit_code == 0
    assert _titles(library_path) == ["Sau", "Trước"]


def test_restore_works_when_the_library_is_damaged_using_the_offered_command(run, library_path: Path) -> None:
    run("init")
    run("add", "topic", "--set", "title=Công ước Hà Nội")
    run("backup")
    library_path.write_bytes(library_path.read_bytes()[:6000])

    broken = run("list", "topic")
    assert broken.exit_code == 1
    assert "damaged" in broken.output and "A good backup from" in broken.output
    offered = shlex.split(broken.output.split("to restore it: ")[1])
    assert offered[:3] == ["briefbook", "--library", str(library_path)] and offered[3] == "restore"

    runner = CliRunner()
    result = runner.invoke(cli, [*offered[1:], "--yes"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert ".damaged." in result.output  # where the damaged file was set aside
    assert _titles(library_path) == ["Công ước Hà Nội"]
    assert run("list", "topic").exit_code == 0


def test_restore_latest_and_plain_errors(run, library_path: Path, tmp_path: Path) -> None:
    run("init")
    result = run("restore", "latest", "--yes")
    assert result.exit_code == 1 and "There are no backups" in result.output
    run("backup")
    assert "There is no backup number 7" in run("restore", "7", "--yes").output
    assert "There is no backup at" in run("restore", str(tmp_path / "nope.briefbook"), "--yes").output
    (tmp_path / "fake.briefbook").write_text("no")
    assert (
        "damaged or not a BriefBook library"
        in run("restore", str(tmp_path / "fake.briefbook"), "--yes").output
    )
    assert run("restore", "latest", "--yes").exit_code == 0


def test_backup_of_a_missing_library_is_a_plain_error(run) -> None:
    result = run("backup")
    assert result.exit_code == 1 and "Error: There is no library at" in result.output


def test_human_sizes() -> None:
    assert [human_size(n) for n in (0, 999, 1000, 217_088, 20_400_000, 123_456_789)] == [
        "0 B",
        "999 B",
        "1.0 KB",
        "217 KB",
        "20.4 MB",
        "123 MB",
    ]


def test_commands_that_only_read_never_back_up(
    run, filled, library, library_path, monkeypatch, tmp_path
) -> None:
    """Even when a backup is long due (an hour on, the library changed): reading costs what it reads."""
    from briefbook.library.books import new_book

    book = new_book(library, filled["event"].id)
    library.close()
    monkeypatch.setattr(backup_catalog, "clock", lambda: time.time() + 3600)
    for args in (
        ("list", "topic"),
        ("show", filled["topic"].id),
        ("search", "cong uoc"),
        ("check",),
        ("preflight", book.id),
        ("export", book.id, "-o", str(tmp_path / "book.pdf"), "--ceiling", "Public"),
    ):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
    assert list_backups(library_path) == []
    run("add", "topic", "--set", "title=Một thay đổi")  # the first write when one is due backs up
    assert [b.reason for b in list_backups(library_path)] == ["auto"]


@pytest.mark.parametrize(
    "command", [["backups"], ["backup"], ["restore", "latest", "--yes"], ["--json", "backups"]]
)
def test_a_folder_is_not_a_library(tmp_path: Path, command: list[str]) -> None:
    folder = tmp_path / "Thư mục ไทย"
    folder.mkdir()
    args = (
        [a for a in command if a == "--json"]
        + ["--library", str(folder)]
        + [a for a in command if a != "--json"]
    )
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert result.output == f"Error: {folder} is a folder, not a BriefBook library file.\n"
    assert list(folder.iterdir()) == []  # nothing was written into it


def test_backups_of_a_missing_library_say_it_is_not_there(run, library_path: Path) -> None:
    """A mistyped path was answered "no backups yet", as if the library were fine."""
    for args in (["backups"], ["backups", "--json"], ["restore", "latest", "--yes"]):
        result = run(*args)
        assert result.exit_code == 1, (args, result.output)
        assert f"Error: There is no library at {library_path}, and no backups of one." in result.output
        assert "yet" not in result.output
    assert not library_path.exists()


def test_a_deleted_library_s_backups_are_still_listed_and_restored(run, library_path: Path) -> None:
    run("init")
    run("backup")
    library_path.unlink()
    result = run("backups")
    assert result.exit_code == 0 and "The library itself is not at" in result.output
    assert run("restore", "1", "--yes").exit_code == 0
    assert library_path.exists()
