"""'briefbook link' again without --role keeps the role a link has; an empty role shows no "()".

Found by a user's walk (review2): linking the head of delegation again "to be sure" wiped
the role "Trưởng đoàn" (a meeting's chair became a counterpart), and 'show' printed
"Lê Anh Tuấn ()" for a delegate without a role.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.library import Library
from tests.conftest import fill

_register()


def test_linking_again_without_a_role_keeps_it(library_path: Path) -> None:
    with Library.create(library_path) as lib:
        filled = fill(lib)
        lib.set_participant(filled["meeting"].id, filled["thai"].id, "chair")
    event, person = filled["event"].id, filled["person"].id
    meeting, thai = filled["meeting"].id, filled["thai"].id

    def run(*args: str):
        return CliRunner().invoke(cli, ["--library", str(library_path), *args], catch_exceptions=False)

    assert run("link", event, person).exit_code == 0
    assert run("link", meeting, thai).exit_code == 0
    with Library.open(library_path) as lib:
        assert [p.role for p in lib.delegation(event)] == ["Trưởng đoàn"]
        assert [p.role for p in lib.participants(meeting)] == ["chair"]
    assert run("link", event, person, "--role", "").exit_code == 0  # an explicit empty role clears it
    shown = run("show", event).output
    assert "delegation: Lê Anh Tuấn\n" in shown and "()" not in shown


def test_two_items_that_cannot_be_linked_are_told_what_can(library_path: Path) -> None:
    """'A meeting and a event cannot be linked.' named neither the grammar nor the links there are."""
    with Library.create(library_path) as lib:
        filled = fill(lib)
    said = CliRunner().invoke(
        cli, ["--library", str(library_path), "link", filled["meeting"].id, filled["event"].id]
    )
    assert said.exit_code == 1
    words = " ".join(said.output.split())
    assert "A meeting and an event cannot be linked." in words
    assert "Link a meeting with a person (a participant) or a topic" in words
