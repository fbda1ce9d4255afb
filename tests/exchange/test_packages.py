"""Exchange packages: what goes in (ceiling, not for release), what comes back, hostile files."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from briefbook.cli.main import _register, cli
from briefbook.errors import BriefBookError
from briefbook.exchange.package_file import PackageError, read_package
from briefbook.exchange.packages import export_package, import_package, preview_import
from briefbook.exchange.resolve import TAKE_THEIRS, resolve
from briefbook.library import Library, Person, Statement, TalkingPoint, Topic

_register()


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 50), (200, 10, 10)).save(out, "JPEG")
    return out.getvalue()


def _other(tmp_path: Path, name: str = "other.briefbook") -> Library:
    return Library.create(tmp_path / name)


def test_event_package_round_trip_with_photo_and_revisions(library: Library, filled: dict, tmp_path) -> None:
    library.set_photo(filled["thai"].id, _jpeg())
    library.update(TalkingPoint, filled["point"].id, text="Bản sửa thứ hai")
    report = export_package(library, [filled["event"].id], tmp_path / "p.bbpkg")
    assert report.photos == 1
    other = _other(tmp_path)
    plan, result = import_package(other, tmp_path / "p.bbpkg")
    assert result.added == report.items and not plan.of("conflict")
    assert other.get(Person, filled["thai"].id).name == "สีหศักดิ์ พวงเกตุแก้ว"
    assert other.photo(filled["thai"].id) is not None
    assert [p.person.id for p in other.participants(filled["meeting"].id)] == [filled["thai"].id]
    assert other.get(TalkingPoint, filled["point"].id).created_at == filled["point"].created_at
    kept = other.revisions(TalkingPoint, filled["point"].id, "text")
    assert [r.value for r in kept] == [filled["point"].text]
    # The same package again: nothing changes.
    again, result = import_package(other, tmp_path / "p.bbpkg")
    assert result.added == result.updated == result.conflicts == 0
    assert len(again.of("unchanged")) == len(again.changes)


def test_ceiling_and_for_sharing_keep_text_out_of_the_file(library: Library, filled: dict, tmp_path) -> None:
    topic = filled["topic"]
    library.add(TalkingPoint(topic_id=topic.id, text="Bí mật tuyệt đối XYZZY", classification="Secret"))
    library.add(TalkingPoint(topic_id=topic.id, text="Công khai.\n\n\u200b[NFR] nội bộ PLUGH"))
    library.update(Person, filled["person"].id, sensitivities="Nhạy cảm QUUX")
    target = tmp_path / "p.bbpkg"
    export_package(library, [filled["event"].id], target, ceiling=" internal ", for_sharing=True)
    with zipfile.ZipFile(tmp_path / "p.bbpkg") as zf:
        blob = zf.read("manifest.json").decode("utf-8")
    assert "XYZZY" not in blob and "PLUGH" not in blob and "QUUX" not in blob
    assert "Công khai." in blob
    with pytest.raises(BriefBookError, match="not a classification level"):
        export_package(library, [filled["event"].id], tmp_path / "q.bbpkg", ceiling="Top secret")
    assert not (tmp_path / "q.bbpkg").exists()


def test_a_cut_item_sent_back_is_a_conflict_not_a_loss(library: Library, filled: dict, tmp_path) -> None:
    point = library.add(TalkingPoint(topic_id=filled["topic"].id, text="Chung.\n\n[NFR] Riêng"))
    export_package(library, [filled["event"].id], tmp_path / "p.bbpkg", for_sharing=True)
    other = _other(tmp_path)
    import_package(other, tmp_path / "p.bbpkg")
    other.update(TalkingPoint, point.id, text="Chung, đã sửa.")
    export_package(other, [filled["event"].id], tmp_path / "back.bbpkg")
    plan, _ = import_package(library, tmp_path / "back.bbpkg")
    assert point.id in {c.item_id for c in plan.of("conflict")}
    assert "[NFR] Riêng" in library.get(TalkingPoint, point.id).text


def test_both_sides_changed_is_listed_and_resolved_from_the_cli(library_path, tmp_path) -> None:
    runner = CliRunner()

    def run(lib: Path, *args: str):
        result = runner.invoke(cli, ["--library", str(lib), *args], catch_exceptions=False)
        return result

    mine, theirs = library_path, tmp_path / "theirs.briefbook"
    with Library.create(mine) as lib:
        topic = lib.add(Topic(title="Công ước Hà Nội"))
        point = lib.add(TalkingPoint(topic_id=topic.id, text="Ban đầu"))
    assert run(mine, "package", "export", "--items", topic.id, "-o", str(tmp_path / "a.bbpkg")).exit_code == 0
    assert run(theirs, "init").exit_code == 0
    dry = run(theirs, "package", "import", str(tmp_path / "a.bbpkg"), "--dry-run")
    assert "Would import" in dry.output and "2 added" in dry.output
    with Library.open(theirs) as lib:
        assert lib.count(Topic) == 0  # a dry run writes nothing
    assert run(theirs, "package", "import", str(tmp_path / "a.bbpkg"), "--yes").exit_code == 0
    with Library.open(mine) as lib:
        lib.update(TalkingPoint, point.id, text="Của tôi")
    with Library.open(theirs) as lib:
        lib.update(TalkingPoint, point.id, text="Của họ")
    run(theirs, "package", "export", topic.id, "-o", str(tmp_path / "b.bbpkg"))
    out = run(mine, "package", "import", str(tmp_path / "b.bbpkg"), "--yes").output
    assert "1 conflicts" in out and "conflict" in out
    listed = run(mine, "package", "conflicts").output
    assert "Của tôi" in listed and "Của họ" in listed
    with Library.open(mine) as lib:  # both versions kept
        assert lib.get(TalkingPoint, point.id).text == "Của tôi"
        assert "Của họ" in [r.value for r in lib.revisions(TalkingPoint, point.id, "text")]
    assert run(mine, "package", "resolve", point.id, "--take-theirs").exit_code == 0
    assert "No conflicts" in run(mine, "package", "conflicts").output
    with Library.open(mine) as lib:
        assert lib.get(TalkingPoint, point.id).text == "Của họ"
    bad = run(mine, "package", "resolve", point.id, "--keep-mine")
    assert bad.exit_code == 1 and "no conflict" in bad.output


def test_deleting_an_item_still_used_here_is_a_conflict(library: Library, filled: dict, tmp_path) -> None:
    export_package(library, [filled["event"].id], tmp_path / "p.bbpkg")
    other = _other(tmp_path)
    import_package(other, tmp_path / "p.bbpkg")
    # There: the statement is deleted. Here: nothing else changed -> the deletion travels.
    other.delete(Statement, filled["statement"].id)
    export_package(other, [filled["event"].id], tmp_path / "d.bbpkg")
    plan, result = import_package(library, tmp_path / "d.bbpkg")
    assert result.deleted == 1 and not library.exists(Statement, filled["statement"].id)
    # A deleted person who still takes part in a meeting here is a conflict, not a cascade.
    solo = other.add(Person(name="Người mới"))
    export_package(other, [solo.id], tmp_path / "s.bbpkg")
    import_package(library, tmp_path / "s.bbpkg")
    library.set_participant(filled["meeting"].id, solo.id)
    other.delete(Person, solo.id)
    export_package(other, [filled["event"].id], tmp_path / "e.bbpkg")
    plan = preview_import(library, tmp_path / "e.bbpkg")
    change = next(c for c in plan.changes if c.item_id == solo.id)
    assert change.action == "conflict" and change.reason == "still used here"


def _write_zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def _manifest(path: Path) -> dict:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("manifest.json"))


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda m: m.update(format="something else"), "not a BriefBook exchange package"),
        (lambda m: m.update(format_version=99), "newer BriefBook"),
        (lambda m: m["items"][0]["fields"].update(title="Altered"), "does not match its hash"),
        (lambda m: m["items"][0]["fields"].update(evil="x"), "missing or unknown fields"),
        (lambda m: m["items"][0].update(id="../../etc"), "not an id"),
        (lambda m: m["items"].append(m["items"][0]), "same id"),
        (lambda m: m["items"][0]["versions"].clear(), "versions are missing"),
        (lambda m: m.update(items="many"), "wrong kind"),
    ],
)
def test_hostile_manifests_are_refused(library: Library, filled: dict, tmp_path, change, message) -> None:
    good = export_package(library, [filled["event"].id], tmp_path / "p.bbpkg").path
    manifest = _manifest(good)
    change(manifest)
    bad = _write_zip(tmp_path / "bad.bbpkg", {"manifest.json": json.dumps(manifest).encode()})
    other = _other(tmp_path)
    with pytest.raises(PackageError, match=message):
        import_package(other, bad)
    assert other.count(Topic) == 0


def test_hostile_files_are_refused(library: Library, filled: dict, tmp_path) -> None:
    good = export_package(library, [filled["event"].id], tmp_path / "p.bbpkg").path
    raw = zipfile.ZipFile(good).read("manifest.json")
    z = _write_zip
    cases = {
        "not a zip": (tmp_path / "x.bbpkg", "not a package file"),
        "no manifest": (z(tmp_path / "n.bbpkg", {"a.txt": b"x"}), "no manifest"),
        "extra file": (z(tmp_path / "e.bbpkg", {"manifest.json": raw, "run.py": b"x"}), "unexpected"),
        "stray photo": (z(tmp_path / "s.bbpkg", {"manifest.json": raw, "photos/abc": b"x"}), "photo"),
        "not json": (z(tmp_path / "j.bbpkg", {"manifest.json": b"\xff{"}), "cannot be read"),
    }
    (tmp_path / "x.bbpkg").write_bytes(b"PK\x03\x04 not really")
    for path, message in cases.values():
        with pytest.raises(PackageError, match=message):
            read_package(path)


def test_a_package_damaged_inside_its_compressed_data_is_refused_in_words(
    library: Library, filled: dict, tmp_path
) -> None:
    good = export_package(library, [filled["event"].id], tmp_path / "p.bbpkg").path
    data = bytearray(good.read_bytes())
    start = data.index(b"manifest.json") + len("manifest.json")  # the compressed bytes follow the name
    data[start + 5 : start + 40] = bytes(35)
    damaged = tmp_path / "damaged.bbpkg"
    damaged.write_bytes(bytes(data))
    with pytest.raises(PackageError, match="is damaged: a part of it cannot be read"):
        read_package(damaged)  # zlib's own error escaped as a traceback


def test_a_zip_bomb_is_stopped_while_reading(tmp_path, monkeypatch) -> None:
    from briefbook.exchange import package_file

    monkeypatch.setattr(package_file, "MAX_MANIFEST", 1000)
    bomb = tmp_path / "bomb.bbpkg"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", b" " * 100_000)
    with pytest.raises(BriefBookError, match="larger than"):
        read_package(bomb)


def test_unknown_levels_refuse_the_whole_package(library: Library, filled: dict, tmp_path) -> None:
    library.set_classification_levels(["Public", "Internal", "Confidential", "Secret", "Cosmic"])
    library.add(TalkingPoint(topic_id=filled["topic"].id, text="x", classification="Cosmic"))
    export_package(library, [filled["event"].id], tmp_path / "p.bbpkg")
    other = _other(tmp_path)
    with pytest.raises(PackageError, match="Cosmic"):
        import_package(other, tmp_path / "p.bbpkg")
    assert other.count(TalkingPoint) == 0


@pytest.mark.parametrize(
    "text",
    [
        "Chung.\n\n[NFR] Riêng SECRETWORD",
        "Chung.\n\n\u200b[ not  for Release ] Riêng SECRETWORD",
        "- Chung\n- [Không công bố] Riêng SECRETWORD\n  - con SECRETWORD",
        "- Chung\n\n  Đoạn hai\n\n  [NFR] đoạn ba SECRETWORD",
        "> [nfr] trích SECRETWORD",
        "| a | b |\n| - | - |\n| x | [NFR] SECRETWORD |",
        "Chung.\n\n[NFR]: https://example.org\n\n**[NFR]** Riêng SECRETWORD",
        # character references, which the book reads as "[" (and leaves out for sharing)
        "Chung.\n\n&#91;NFR] Riêng SECRETWORD",
        "Chung.\n\n&lsqb;not for release] Riêng SECRETWORD",
        "- Chung\n- &#x5B;NFR] Riêng SECRETWORD",
        "| a | b |\n| - | - |\n| x | &lbrack;NFR] SECRETWORD |",
    ],
)
def test_every_marked_passage_stays_out_of_a_sharing_package(
    library: Library, filled: dict, tmp_path, text: str
) -> None:
    library.add(TalkingPoint(topic_id=filled["topic"].id, text=text))
    library.add(Topic(title="[NFR] Chủ đề nội bộ SECRETWORD"))
    export_package(library, [filled["event"].id], tmp_path / "p.bbpkg", for_sharing=True)
    blob = zipfile.ZipFile(tmp_path / "p.bbpkg").read("manifest.json").decode("utf-8")
    assert "SECRETWORD" not in blob
    assert ("Chung" in text) == ("Chung" in blob)


def test_a_preview_names_a_linked_speaker(library: Library, filled: dict, tmp_path) -> None:
    quote = library.add(Statement(speaker_id=filled["thai"].id, date="2025-12-16", text="ยินดีต้อนรับ"))
    library.link_topic(quote.id, filled["topic"].id)
    export_package(library, [filled["event"].id], tmp_path / "p.bbpkg")
    plan = preview_import(_other(tmp_path), tmp_path / "p.bbpkg")
    title = next(c.title for c in plan.changes if c.item_id == quote.id)
    assert title.startswith("สีหศักดิ์ พวงเกตุแก้ว, 2025-12-16") and "(speaker)" not in title
    # The person already here and not in the package: this library's name for them.
    plan = preview_import(library, tmp_path / "p.bbpkg")
    assert next(c.title for c in plan.changes if c.item_id == quote.id).startswith("สีหศักดิ์")


def test_taking_their_version_takes_their_photo(library: Library, filled: dict, tmp_path) -> None:
    thai = filled["thai"].id
    export_package(library, [filled["event"].id], tmp_path / "p.bbpkg")
    other = _other(tmp_path)
    import_package(other, tmp_path / "p.bbpkg")
    library.update(Person, thai, position="Bộ trưởng")
    their_photo = _jpeg()
    other.update(Person, thai, position="Phó Thủ tướng")
    other.set_photo(thai, their_photo)
    export_package(other, [filled["event"].id], tmp_path / "back.bbpkg")
    plan, _ = import_package(library, tmp_path / "back.bbpkg")
    assert thai in {c.item_id for c in plan.of("conflict")}
    assert library.photo(thai) is None  # a conflict changes nothing yet
    resolve(library, thai, TAKE_THEIRS)
    assert library.get(Person, thai).position == "Phó Thủ tướng"
    assert library.photo(thai) == other.photo(thai)
    # Both sides now agree: the next package from there changes nothing here.
    export_package(other, [filled["event"].id], tmp_path / "again.bbpkg")
    again, _ = import_package(library, tmp_path / "again.bbpkg")
    assert not again.of("conflict") and not again.of("update")


def test_a_new_job_title_travels(library: Library, filled: dict, tmp_path) -> None:
    # A person's "position" is a job title, not a place in a list: it is compared and taken.
    thai = filled["thai"].id
    export_package(library, [filled["event"].id], tmp_path / "p.bbpkg")
    other = _other(tmp_path)
    import_package(other, tmp_path / "p.bbpkg")
    other.update(Person, thai, position="Phó Thủ tướng kiêm Bộ trưởng Ngoại giao")
    export_package(other, [filled["event"].id], tmp_path / "back.bbpkg")
    plan, _ = import_package(library, tmp_path / "back.bbpkg")
    assert thai in {c.item_id for c in plan.of("update")}
    assert library.get(Person, thai).position == "Phó Thủ tướng kiêm Bộ trưởng Ngoại giao"
