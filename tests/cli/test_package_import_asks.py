"""'briefbook package import' shows what it would change and asks, as the other imports do.

It wrote at once, deleting and replacing items from someone else's file unasked, though the
README says imports ask before writing. Now: a question (no answer, or no terminal: nothing
written), ``--yes`` for scripts, and ``--json`` writes only with ``--yes``."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.library import Library, Topic

_register()


def _package(tmp_path: Path) -> tuple[Path, Path]:
    """A package of one Lao-titled topic, and an empty library to import it into."""
    with Library.create(tmp_path / "theirs.briefbook") as lib:
        topic = lib.add(Topic(title="ສົນທິສັນຍາ ແມ່ນ້ຳຂອງ"))
    runner = CliRunner()
    made = runner.invoke(
        cli, ["--library", str(tmp_path / "theirs.briefbook"), "package", "export", "--items", topic.id,
              "-o", str(tmp_path / "p.bbpkg")],
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    Library.create(tmp_path / "mine.briefbook").close()
    return tmp_path / "p.bbpkg", tmp_path / "mine.briefbook"


def _topics(path: Path) -> list[str]:
    with Library.open(path, backup=False) as lib:
        return [t.title for t in lib.list(Topic)]


def _import(mine: Path, package: Path, *args: str, answer: str | None = None, as_json: bool = False):
    before = ["--json"] if as_json else []
    command = ["--library", str(mine), *before, "package", "import", str(package), *args]
    return CliRunner().invoke(cli, command, input=answer)


def test_package_import_asks_and_no_writes_nothing(tmp_path: Path) -> None:
    package, mine = _package(tmp_path)
    said = _import(mine, package, answer="n\n")
    assert "Would import" in said.output and "1 added" in said.output
    assert "into the library? [y/N]" in said.output
    assert said.output.rstrip().endswith("Nothing was written.")
    assert _topics(mine) == []


def test_package_import_without_a_terminal_or_an_answer_writes_nothing(tmp_path: Path) -> None:
    package, mine = _package(tmp_path)
    said = _import(mine, package)  # (no input: what a script without --yes gets)
    assert said.exit_code != 0 and "Traceback" not in said.output
    assert _topics(mine) == []


def test_package_import_yes_and_an_answer_write(tmp_path: Path) -> None:
    package, mine = _package(tmp_path)
    said = _import(mine, package, answer="y\n")
    assert said.exit_code == 0 and "Imported" in said.output
    assert _topics(mine) == ["ສົນທິສັນຍາ ແມ່ນ້ຳຂອງ"]
    (tmp_path / "again").mkdir()
    package, mine = _package(tmp_path / "again")
    said = _import(mine, package, "--yes")
    assert said.exit_code == 0 and "Imported" in said.output and "?" not in said.output
    assert _topics(mine) == ["ສົນທິສັນຍາ ແມ່ນ້ຳຂອງ"]


def test_package_import_json_writes_only_with_yes(tmp_path: Path) -> None:
    package, mine = _package(tmp_path)
    said = _import(mine, package, as_json=True)
    assert said.exit_code != 0 and "add --yes to write, or --dry-run" in said.output
    assert _topics(mine) == []
    said = _import(mine, package, "--yes", as_json=True)
    assert said.exit_code == 0 and json.loads(said.output)["summary"]["add"] == 1
    assert _topics(mine) == ["ສົນທິສັນຍາ ແມ່ນ້ຳຂອງ"]
