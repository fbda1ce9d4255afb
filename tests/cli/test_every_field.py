"""Every field of every kind through the CLI: ``edit --set``, and ``show --json`` → ``edit --from-json``.

The cases come from the record definitions (tests/field_cases.py), so a field
added later is covered without new test code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.library import Library
from briefbook.library.records import RECORD_TYPES
from tests.field_cases import CASES, case_id, new_value, seed

_register()


def invoke(path: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["--library", str(path), *args], input=input, catch_exceptions=False)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_edit_set_changes_the_field(library: Library, library_path: Path, case: tuple[str, str]) -> None:
    kind, name = case
    made = seed(library)
    value = new_value(library, made, kind, name)
    result = invoke(library_path, "edit", made[kind].id, "--set", f"{name}={value}")
    assert result.exit_code == 0, result.output
    assert getattr(library.get(kind, made[kind].id), name) == value


@pytest.mark.parametrize("kind", sorted(RECORD_TYPES))
def test_show_json_feeds_edit_from_json(library: Library, library_path: Path, kind: str) -> None:
    made = seed(library)
    item = made[kind]
    shown = invoke(library_path, "--json", "show", item.id).output
    data = json.loads(shown)
    assert data["item"]["item_type"] == kind
    for name in RECORD_TYPES[kind].data_fields():  # every field under its own name, ``kind`` included
        assert name in data["item"]
    unchanged = invoke(library_path, "edit", item.id, "--from-json", "-", input=shown)
    assert unchanged.exit_code == 0, unchanged.output
    assert library.get(kind, item.id) == item  # nothing changed, not even updated_at

    expected = {name: new_value(library, made, kind, name) for name in RECORD_TYPES[kind].data_fields()}
    data["item"].update(expected)
    edited = invoke(library_path, "--json", "edit", item.id, "--from-json", "-", input=json.dumps(data))
    assert edited.exit_code == 0, edited.output
    stored = library.get(kind, item.id)
    assert {name: getattr(stored, name) for name in expected} == expected
    assert json.loads(edited.output)["item_type"] == kind


def test_from_json_refuses_another_item_or_kind(library: Library, library_path: Path) -> None:
    made = seed(library)
    meeting = json.loads(invoke(library_path, "--json", "show", made["meeting"].id).output)
    other = invoke(
        library_path, "edit", made["meeting_other"].id, "--from-json", "-", input=json.dumps(meeting)
    )
    assert other.exit_code == 1 and "another item" in other.output
    as_point = invoke(
        library_path,
        "edit",
        made["talking_point"].id,
        "--from-json",
        "-",
        input=json.dumps({**meeting["item"], "id": made["talking_point"].id}),
    )
    assert as_point.exit_code == 1 and "describes a meeting, not a talking point" in as_point.output


def test_list_json_keeps_the_records_own_kind(library: Library, library_path: Path) -> None:
    made = seed(library)
    library.update("meeting", made["meeting"].id, kind="bilateral")
    listed = json.loads(invoke(library_path, "--json", "list", "meeting").output)
    mine = next(m for m in listed if m["id"] == made["meeting"].id)
    assert mine["kind"] == "bilateral" and mine["item_type"] == "meeting"
