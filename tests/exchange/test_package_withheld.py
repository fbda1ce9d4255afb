"""A package made for sharing carries nothing a book for sharing never prints, and says so.

Found by a review: a person's internal notes (no book prints them) travelled in a Public
package made for sharing, and a package below Confidential emptied the importing library's
sensitivities without a word. Now such fields are left out of the file
(``release.withheld_fields``), the export's summary says so, the import's preview says so,
and the importing library keeps its own values.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.exchange.package_file import PackageError, read_package
from briefbook.exchange.packages import export_package, import_package, preview_import
from briefbook.library import Library, Organisation, Person

_register()

NOTES_LEFT = (
    "The internal notes of 2 people are left out of this package for sharing: no book prints them, "
    "and a library that imports it keeps its own."
)
NOTES_KEPT = (
    "This package carries no internal notes of people (it was made for sharing): the notes kept "
    "here stay as they are."
)


def _fill_notes(library: Library, filled: dict) -> Organisation:
    org = library.add(Organisation(name="UNODC", description="ORGDESC mô tả nội bộ"))
    library.update(Person, filled["thai"].id, notes="NOTESTHAI gặp riêng", organisation_id=org.id)
    library.update(Person, filled["person"].id, notes="NOTESVN ghi chú", sensitivities="SENSVN")
    return org


def _manifest_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("manifest.json").decode("utf-8")


def test_a_package_for_sharing_carries_no_notes_and_says_so(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    _fill_notes(library, filled)
    report = export_package(library, [filled["event"].id], tmp_path / "p.bbpkg", for_sharing=True)
    text = _manifest_text(tmp_path / "p.bbpkg")
    assert "NOTESTHAI" not in text and "NOTESVN" not in text and "ORGDESC" not in text
    assert "SENSVN" in text  # at Secret a book for sharing prints sensitivities: they travel
    assert NOTES_LEFT in report.left_out
    assert any("descriptions of 1 organisation are left out" in line for line in report.left_out)
    assert json.loads(text)["withheld"] == {"person": ["notes"], "organisation": ["description"]}


def test_a_package_not_for_sharing_still_carries_notes(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    _fill_notes(library, filled)
    report = export_package(library, [filled["event"].id], tmp_path / "p.bbpkg", ceiling="Internal")
    text = _manifest_text(tmp_path / "p.bbpkg")
    assert "NOTESTHAI" in text and "ORGDESC" in text  # between colleagues: notes go
    assert "SENSVN" not in text  # below Confidential, as before, and now said
    assert any(line.startswith("The sensitivities of 1 person are left out") for line in report.left_out)
    assert not any("internal notes" in line for line in report.left_out)


def test_the_importing_library_keeps_its_own_notes_and_sensitivities(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    _fill_notes(library, filled)
    export_package(library, [filled["event"].id], tmp_path / "full.bbpkg")
    other = Library.create(tmp_path / "other.briefbook")
    import_package(other, tmp_path / "full.bbpkg")
    library.update(Person, filled["person"].id, biography="Tiểu sử mới.")
    export_package(library, [filled["event"].id], tmp_path / "p.bbpkg", ceiling="Public", for_sharing=True)
    plan = preview_import(other, tmp_path / "p.bbpkg")
    assert NOTES_KEPT in plan.notes
    assert [c.action for c in plan.changes if c.item_id == filled["person"].id] == ["update"]
    import_package(other, tmp_path / "p.bbpkg")
    person = other.get(Person, filled["person"].id)
    assert person.biography == "Tiểu sử mới."  # their edit is taken
    assert (person.notes, person.sensitivities) == ("NOTESVN ghi chú", "SENSVN")  # ours stay
    org_id = library.get(Person, filled["thai"].id).organisation_id
    assert other.get(Organisation, org_id).description == "ORGDESC mô tả nội bộ"


def test_notes_edited_here_are_no_conflict_with_a_package_that_carries_none(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    _fill_notes(library, filled)
    export_package(library, [filled["event"].id], tmp_path / "full.bbpkg")
    other = Library.create(tmp_path / "other.briefbook")
    import_package(other, tmp_path / "full.bbpkg")
    other.update(Person, filled["thai"].id, notes="Ghi chú của chúng tôi")
    export_package(library, [filled["event"].id], tmp_path / "p.bbpkg", for_sharing=True)
    plan, result = import_package(other, tmp_path / "p.bbpkg")
    assert result.conflicts == 0 and not plan.of("conflict"), [(c.kind, c.title) for c in plan.of("conflict")]
    assert other.get(Person, filled["thai"].id).notes == "Ghi chú của chúng tôi"


def test_a_new_person_arrives_without_notes(library: Library, filled: dict, tmp_path: Path) -> None:
    _fill_notes(library, filled)
    export_package(library, [filled["event"].id], tmp_path / "p.bbpkg", for_sharing=True)
    other = Library.create(tmp_path / "other.briefbook")
    plan, _ = import_package(other, tmp_path / "p.bbpkg")
    assert NOTES_KEPT in plan.notes
    assert other.get(Person, filled["thai"].id).notes == ""


@pytest.mark.parametrize("withheld", [["notes"], {"person": "notes"}, {"person": ["classification"]},
                                      {"nosuchkind": ["notes"]}, {"person": [["notes"]]}])  # fmt: skip
def test_a_hostile_withheld_list_is_refused(library: Library, filled: dict, tmp_path: Path, withheld) -> None:
    export_package(library, [filled["event"].id], tmp_path / "p.bbpkg", for_sharing=True)
    manifest = json.loads(_manifest_text(tmp_path / "p.bbpkg"))
    manifest["withheld"] = withheld
    with zipfile.ZipFile(tmp_path / "bad.bbpkg", "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
    with pytest.raises(PackageError, match="damaged or altered"):
        read_package(tmp_path / "bad.bbpkg")


def test_an_older_package_for_sharing_is_read_as_withholding_what_its_rules_left_out(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    export_package(library, [filled["event"].id], tmp_path / "p.bbpkg", ceiling="Public", for_sharing=True)
    manifest = json.loads(_manifest_text(tmp_path / "p.bbpkg"))
    del manifest["withheld"]  # as written before this rule
    with zipfile.ZipFile(tmp_path / "old.bbpkg", "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
    assert read_package(tmp_path / "old.bbpkg").withheld == {
        "person": ["notes", "sensitivities"],
        "organisation": ["description"],
    }


def test_cli_says_it_on_both_sides(library_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()

    def run(lib: Path, *args: str) -> str:
        result = runner.invoke(cli, ["--library", str(lib), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    run(library_path, "demo")
    with Library.open(library_path) as lib:
        event_id = lib.list("event")[0].id
        person = lib.list(Person)[0]
        lib.update(Person, person.id, notes="NOTESDEMO riêng")
    out = run(library_path, "package", "export", event_id, "-o", str(tmp_path / "p.bbpkg"), "--for-sharing")
    assert re.search(
        r"left out: The internal notes of \d+ people are left out of this package for sharing", out
    )
    assert "NOTESDEMO" not in _manifest_text(tmp_path / "p.bbpkg")
    other = tmp_path / "other.briefbook"
    run(other, "init")
    out = run(other, "package", "import", str(tmp_path / "p.bbpkg"), "--dry-run")
    assert NOTES_KEPT in " ".join(out.split()), out
