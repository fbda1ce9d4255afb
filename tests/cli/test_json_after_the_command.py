"""``--json`` is taken after the command as well as before it.

``briefbook list event --json`` was refused with "No such option '--json'. Did you mean
'--sort'?" though ``briefbook --json list event`` worked: a script writer puts the flag where
other tools take it (review5)."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from briefbook.cli.main import cli


@pytest.fixture
def run(library_path):
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(cli, ["--library", str(library_path), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    invoke("init")
    invoke("add", "event", "--set", "title=Hội nghị Viêng Chăn", "--set", "start_date=2026-12-15")
    invoke("add", "person", "--set", "name=ສົມພອນ ວົງສາ")
    return invoke


@pytest.mark.parametrize(
    "command",
    [("list", "event"), ("list", "person"), ("search", "Viêng"), ("book", "list"), ("levels",)],
)
def test_json_after_the_command_prints_what_json_before_it_prints(run, command) -> None:
    after = run(*command, "--json")
    assert json.loads(after) == json.loads(run("--json", *command))


def test_json_after_a_command_that_writes(run) -> None:
    (made,) = json.loads(run("add", "topic", "--set", "title=Lừa đảo trực tuyến", "--json"))
    assert made["title"] == "Lừa đảo trực tuyến"
    assert made["id"] in run("list", "topic")


def _commands(group: click.Group, ctx: click.Context, path: tuple[str, ...] = ()):
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, ctx, (*path, name))


def test_every_command_takes_json_after_it() -> None:
    ctx = click.Context(cli)
    lacking = [" ".join(path) for path, command in _commands(cli, ctx) if "--json" not in _opts(command)]
    assert not lacking


def _opts(command: click.Command) -> set[str]:
    return {opt for param in command.params for opt in param.opts}
