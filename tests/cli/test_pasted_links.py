"""Every form of an item's link the window opens is an id on the command line too.

Found by a user's walk (review2): the window's search field opens "<briefbook://item/ID>"
(the form a mail program or Word makes of a pasted "briefbook:ID"), and the command line
said "There is no item with id <briefbook://item/…>".
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.item_ids import typed_id
from briefbook.library import Library
from tests.conftest import fill

_register()


def test_the_forms_of_a_link_are_ids(library_path: Path) -> None:
    with Library.create(library_path) as lib:
        topic = fill(lib)["topic"]
    for form in (f"briefbook:{topic.id}", f"<briefbook://item/{topic.id}>", f"briefbook://item/{topic.id}"):
        assert typed_id(form) == topic.id, form
        result = CliRunner().invoke(cli, ["--library", str(library_path), "show", form])
        assert result.exit_code == 0 and "Công ước Hà Nội" in result.output, (form, result.output)
