"""A level's label or name typed with an invisible character is refused in words when it is set
(``check`` names one a file brought in from elsewhere holds): printed on every page's banner,
U+202E would make "Top\u202eterceS" read "Top Secret" backwards, and a zero-width space makes
two levels look alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli.main import _register, cli

_register()


@pytest.fixture
def run(tmp_path: Path):
    path = tmp_path / "lib.briefbook"

    def run(*args: str):
        return CliRunner().invoke(cli, ["--library", str(path), *args])

    assert run("init").exit_code == 0
    return run


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (
            ("levels", "label", "Secret", "en", "Top\u202eterceS"),
            "The label 'Top<U+202E>terceS' contains an invisible character (U+202E), which can make a "
            "banner read otherwise than it was typed. Type it again without it.",
        ),
        (
            ("levels", "label", "Public", "vi", "Công\u200bkhai"),
            "The label 'Công<U+200B>khai' contains an invisible character (U+200B)",
        ),
        (
            ("levels", "rename", "Internal", "Nội\u2066bộ"),
            "The level name 'Nội<U+2066>bộ' contains an invisible character (U+2066), which can make a "
            "banner read otherwise than it was typed. Type it again without it.",
        ),
        (
            ("levels", "set", "Public", "Internal", "Confidential", "Secret", "Top\u200eSecret", "--yes"),
            "The level name 'Top<U+200E>Secret' contains an invisible character (U+200E)",
        ),
    ],
)
def test_a_level_typed_with_an_invisible_character_is_refused_in_words(run, command, said) -> None:
    before = json.loads(run("--json", "levels").output)
    refused = run(*command)
    assert refused.exit_code != 0 and said in refused.output, refused.output
    assert "Traceback" not in refused.output and not {"\u202e", "\u200b", "\u2066"} & set(refused.output)
    assert json.loads(run("--json", "levels").output) == before
    assert "The library is healthy" in run("check").output


def test_a_label_with_a_joiner_that_a_script_needs_is_kept(run) -> None:
    """ZWNJ and ZWJ are letters' business in Persian and Indic scripts, not hiding places."""
    assert run("levels", "label", "Secret", "fa", "سرّی\u200cترین").exit_code == 0
    assert "The library is healthy" in run("check").output
