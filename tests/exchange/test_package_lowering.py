"""A colleague's package never lowers an item's classification, or raises a book's ceiling,
without the user's say: such a change is held as a conflict, named with its levels.

Found by a user's walk (review2): a package edited by hand (or by a careless colleague) that
set a Secret talking point to Public was taken silently as "update", and the next Public
copy of the book printed the point.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.exchange.packages import export_package, import_package
from briefbook.exchange.resolve import TAKE_THEIRS, resolve
from briefbook.library import Book, Library, TalkingPoint
from briefbook.library.books import new_book

_register()


def _sent_back(library: Library, filled: dict, tmp_path: Path, change) -> tuple[Library, Path]:
    export_package(library, [filled["event"].id], tmp_path / "p.bbpkg")
    other = Library.create(tmp_path / "other.briefbook")
    import_package(other, tmp_path / "p.bbpkg")
    change(other)
    export_package(other, [filled["event"].id], tmp_path / "back.bbpkg")
    return other, tmp_path / "back.bbpkg"


def test_a_point_lowered_by_a_colleague_is_a_conflict_until_taken(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    point = filled["point"]
    library.update(TalkingPoint, point.id, classification="Secret")
    _, back = _sent_back(
        library, filled, tmp_path, lambda o: o.update(TalkingPoint, point.id, classification="Public")
    )
    plan, _ = import_package(library, back)
    held = [c for c in plan.of("conflict") if c.item_id == point.id]
    assert held and "from Secret to Public" in held[0].held
    assert library.get(TalkingPoint, point.id).classification == "Secret"
    resolve(library, point.id, TAKE_THEIRS)  # the user's own choice
    assert library.get(TalkingPoint, point.id).classification == "Public"


def test_a_point_raised_by_a_colleague_is_taken(library: Library, filled: dict, tmp_path: Path) -> None:
    point = filled["point"]
    _, back = _sent_back(
        library, filled, tmp_path, lambda o: o.update(TalkingPoint, point.id, classification="Secret")
    )
    plan, _ = import_package(library, back)
    assert point.id in {c.item_id for c in plan.of("update")}
    assert library.get(TalkingPoint, point.id).classification == "Secret"


def test_a_books_ceiling_raised_by_a_colleague_is_a_conflict(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    book = new_book(library, filled["event"].id, ceiling="Internal")
    _, back = _sent_back(library, filled, tmp_path, lambda o: o.update(Book, book.id, ceiling="Secret"))
    plan, _ = import_package(library, back)
    held = [c for c in plan.of("conflict") if c.item_id == book.id]
    assert held and "from Internal to Secret" in held[0].held
    assert library.get(Book, book.id).ceiling == "Internal"


def test_the_command_line_names_the_lowering(library_path: Path, tmp_path: Path) -> None:
    from tests.conftest import fill

    with Library.create(library_path) as lib:
        filled = fill(lib)
        lib.update(TalkingPoint, filled["point"].id, classification="Confidential")
        _, back = _sent_back(
            lib,
            filled,
            tmp_path,
            lambda o: o.update(TalkingPoint, filled["point"].id, classification="Public"),
        )
    command = ["--library", str(library_path), "package", "import", str(back), "--yes"]
    out = CliRunner().invoke(cli, command).output
    assert "1 conflicts" in out
    assert "would lower its classification from Confidential to Public" in out, out


def test_a_passage_unmarked_by_a_colleague_is_held(library: Library, filled: dict, tmp_path: Path) -> None:
    """A package that takes the [NFR] marker off a passage would put it in the next copy for
    sharing: held as a conflict, like a lowered level."""
    point = library.add(TalkingPoint(topic_id=filled["topic"].id, text="Chung.\n\n[NFR] XYZZY riêng."))
    _, back = _sent_back(
        library, filled, tmp_path, lambda o: o.update(TalkingPoint, point.id, text="Chung.\n\nXYZZY riêng.")
    )
    plan, _ = import_package(library, back)
    held = [c for c in plan.of("conflict") if c.item_id == point.id]
    assert held and "not for release" in held[0].held
    assert "[NFR] XYZZY" in library.get(TalkingPoint, point.id).text


def test_an_item_made_shareable_by_a_colleague_is_held(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    from briefbook.library import Topic

    topic = library.add(Topic(title="[NFR] Chủ đề nội bộ", background="Nền."))
    export_package(library, [topic.id], tmp_path / "t.bbpkg")
    other = Library.create(tmp_path / "other.briefbook")
    import_package(other, tmp_path / "t.bbpkg")
    other.update(Topic, topic.id, title="Chủ đề công khai")
    export_package(other, [topic.id], tmp_path / "t2.bbpkg")
    plan, _ = import_package(library, tmp_path / "t2.bbpkg")
    held = [c for c in plan.of("conflict") if c.item_id == topic.id]
    assert held and "not for release" in held[0].held
    assert library.get(Topic, topic.id).title == "[NFR] Chủ đề nội bộ"


def test_an_edit_that_keeps_the_marked_passages_is_taken(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    point = library.add(TalkingPoint(topic_id=filled["topic"].id, text="Chung.\n\n[NFR] Riêng."))
    edited = "Chung, đã sửa.\n\n[NFR] Riêng."
    _, back = _sent_back(library, filled, tmp_path, lambda o: o.update(TalkingPoint, point.id, text=edited))
    plan, _ = import_package(library, back)
    assert point.id in {c.item_id for c in plan.of("update")}


def test_a_package_ranking_the_levels_otherwise_is_refused(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    """A colleague's library ranking Internal above Confidential: its "Internal" item would
    be below Confidential here, lower than its sender meant. Refused, saying why."""
    import pytest

    from briefbook.exchange.package_file import PackageError

    other = Library.create(tmp_path / "other.briefbook")
    other.set_classification_levels(["Public", "Confidential", "Internal", "Secret"], confirm=True)
    from briefbook.library import Topic

    topic = other.add(Topic(title="XYZZY chủ đề", classification="Internal"))
    export_package(other, [topic.id], tmp_path / "p.bbpkg")
    with pytest.raises(PackageError, match="ranks its classification levels in another order"):
        import_package(library, tmp_path / "p.bbpkg")
    assert not library.exists(Topic, topic.id)


def test_a_package_holding_more_than_its_ceiling_says_so(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    """A package that says "nothing above Public" but holds a Secret item (edited by hand, or
    made by another tool): the item keeps its level here, and the import says so by name."""
    import json
    import zipfile

    from briefbook.exchange.content import content_hash

    export_package(library, [filled["event"].id], tmp_path / "p.bbpkg", ceiling="Public")
    with zipfile.ZipFile(tmp_path / "p.bbpkg") as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(members["manifest.json"])
    for item in manifest["items"]:
        if item["id"] == filled["point"].id:
            item["id"] = "0f0f0f0f-0000-4000-8000-000000000001"  # a new item, as a colleague adds one
            item["fields"]["classification"] = "Secret"
            item["fields"]["text"] = "XYZZY bí mật"
            content = {
                k: item[k] for k in ("kind", "id", "created_at", "updated_at", "fields", "links", "photo")
            }
            item["hash"] = content_hash(content)
            item["versions"] = [["a" * 32, item["hash"]]]
    members["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    with zipfile.ZipFile(tmp_path / "edited.bbpkg", "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    plan, _ = import_package(library, tmp_path / "edited.bbpkg")
    said = [m for m in plan.notes if "above the package's own ceiling" in m]
    assert said and "XYZZY bí mật" in said[0] and "Secret" in said[0] and "Public" in said[0]
    assert library.get(TalkingPoint, "0f0f0f0f-0000-4000-8000-000000000001").classification == "Secret"


def test_a_marked_passage_edited_or_deleted_is_taken(library: Library, filled: dict, tmp_path: Path) -> None:
    edited = library.add(TalkingPoint(topic_id=filled["topic"].id, text="Chung.\n\n[NFR] Riêng một."))
    deleted = library.add(TalkingPoint(topic_id=filled["topic"].id, text="Chung hai.\n\n[NFR] Riêng hai."))

    def change(other: Library) -> None:
        other.update(TalkingPoint, edited.id, text="Chung.\n\n[NFR] Riêng một, đã sửa kỹ.")
        other.update(TalkingPoint, deleted.id, text="Chung hai.")

    _, back = _sent_back(library, filled, tmp_path, change)
    plan, _ = import_package(library, back)
    assert {edited.id, deleted.id} <= {c.item_id for c in plan.of("update")}


def test_a_long_marker_taken_off_and_the_text_touched_is_held(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    point = library.add(
        TalkingPoint(
            topic_id=filled["topic"].id, text="Chung.\n\n[Không công bố] Đề nghị hỗ trợ hồi hương kín."
        )
    )
    unmarked = "Chung.\n\nĐề nghị hỗ trợ hồi hương."
    _, back = _sent_back(library, filled, tmp_path, lambda o: o.update(TalkingPoint, point.id, text=unmarked))
    plan, _ = import_package(library, back)
    assert point.id in {c.item_id for c in plan.of("conflict")}


def test_a_package_that_would_hold_nothing_is_not_written(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    """A book of a Confidential event exported as a Public package: the book goes with its
    event, so the file held nothing ("Wrote …: 0 items"), ready to be sent the night before."""
    import pytest

    from briefbook.errors import ValidationError
    from briefbook.library import Event

    library.update(Event, filled["event"].id, classification="Confidential")
    book = new_book(library, filled["event"].id, ceiling="Confidential")
    with pytest.raises(ValidationError, match="Nothing of what was chosen can go in a package at Public"):
        export_package(library, [book.id], tmp_path / "p.bbpkg", ceiling="Public")
    assert not (tmp_path / "p.bbpkg").exists()
