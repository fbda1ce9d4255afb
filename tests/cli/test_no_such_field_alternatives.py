"""A field an item does not have is refused with the fields it has, and the likeliest one.

"A person has no field 'full_name'." left the user guessing the spelling one try at a time
(the fields are in no help text of ``add``); the refusal now names them all, and the one
meant when the typed name is close to it ('Name', 'titel', 'start date')."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from briefbook.cli.main import cli
from briefbook.library import Person


def _refusal(library_path, *args: str) -> str:
    runner = CliRunner()
    runner.invoke(cli, ["--library", str(library_path), "init"])
    refused = runner.invoke(cli, ["--library", str(library_path), *args])
    assert refused.exit_code == 1
    return refused.output


def test_the_fields_a_person_has_are_named(library_path) -> None:
    said = _refusal(library_path, "add", "person", "--set", "full_name=ສົມພອນ ວົງສາ")
    assert "A person has no field 'full_name'." in said
    assert f"Its fields are: {', '.join(Person.data_fields())}." in said
    assert "Traceback" not in said


@pytest.mark.parametrize(
    ("kind", "typed", "meant"),
    [
        ("topic", "titel", "title"),
        ("topic", "Title", "title"),
        ("event", "start date", "start_date"),
        ("person", "romanised_name", "name_romanised"),
    ],
)
def test_a_near_miss_is_named(library_path, kind: str, typed: str, meant: str) -> None:
    said = _refusal(library_path, "add", kind, "--set", f"{typed}=Mekong")
    assert f"has no field '{typed}'. Did you mean '{meant}'?" in said


def test_nothing_close_suggests_nothing(library_path) -> None:
    said = _refusal(library_path, "list", "topic", "--where", "zzzz=1")
    assert "A topic has no field 'zzzz'. Its fields are: " in said
    assert "Did you mean" not in said
