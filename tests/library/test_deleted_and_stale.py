"""No silent destruction, no lost update: deletes say what goes with them and come back; stale edits fail."""

from __future__ import annotations

import io
from dataclasses import asdict
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from briefbook.cli.main import _register, cli
from briefbook.errors import Conflict, NotFound, StaleEdit
from briefbook.library import Book, Event, Library, Meeting, Person, Statement, TalkingPoint, Topic
from briefbook.library import deleted as deleted_module
from briefbook.library.books import new_book


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (30, 40), "red").save(out, format="JPEG")
    return out.getvalue()


def _run(library_path: Path, *args: str):
    _register()
    return CliRunner().invoke(cli, ["--library", str(library_path), *args])


def test_what_goes_with_an_event_and_nothing_with_a_point(library: Library, filled: dict) -> None:
    new_book(library, filled["event"].id)
    going = library.what_goes_with("event", filled["event"].id)
    assert "1 meeting" in going and "1 book" in going and "1 delegation entry" in going
    assert "1 participant link" in going
    assert library.what_goes_with("talking_point", filled["point"].id) == []
    library.set_photo(filled["person"].id, _jpeg())
    assert "1 statement's speaker" in library.what_goes_with("person", filled["person"].id)
    assert not any("photo" in g for g in library.what_goes_with("person", filled["person"].id))


def test_a_deleted_event_comes_back_with_everything_after_a_restart(
    library: Library, filled: dict, library_path: Path
) -> None:
    book = new_book(library, filled["event"].id)
    library.delete(Event, filled["event"].id)
    assert library.count(Meeting) == 0 and library.count(Book) == 0
    library.close()
    with Library.open(library_path, backup=False) as lib:
        [entry] = lib.deleted_items()
        assert entry.kind == "event" and entry.item_id == filled["event"].id
        assert "1 book" in entry.with_it and entry.title.startswith("Hội nghị")
        lib.undelete_item(entry.id)
        assert lib.get(Book, book.id).title == book.title
        assert [p.person.id for p in lib.participants(filled["meeting"].id)] == [filled["thai"].id]
        assert filled["meeting"].id in {h.id for h in lib.search("phien khai mac")}
        assert lib.deleted_items() == [] and lib.check() == []
        with pytest.raises(NotFound):
            lib.undelete_item(entry.id)


def test_a_person_comes_back_with_photo_and_speaker_but_never_over_a_new_speaker(
    library: Library, filled: dict
) -> None:
    person, statement = filled["person"], filled["statement"]
    library.set_photo(person.id, _jpeg())
    photo = library.photo(person.id)
    library.delete(Person, person.id)
    assert library.get(Statement, statement.id).speaker_id is None
    other = library.add(Statement(text="Khác", speaker_id=filled["thai"].id))
    library.undelete_item(person.id)  # by item id: its newest delete
    assert library.photo(person.id) == photo
    assert library.get(Statement, statement.id).speaker_id == person.id
    assert library.get(Statement, other.id).speaker_id == filled["thai"].id


def test_undelete_never_overwrites_and_says_what_to_bring_back_first(library: Library, filled: dict) -> None:
    meeting = filled["meeting"]
    library.delete(Meeting, meeting.id)
    library.delete(Event, filled["event"].id)
    with pytest.raises(Conflict, match="Bring that back first"):
        library.undelete_item(meeting.id)
    assert library.count(Meeting) == 0
    library.undelete_item(filled["event"].id)
    library.undelete_item(meeting.id)
    assert library.get(Meeting, meeting.id).title == meeting.title
    topic = library.add(Topic(title="Tạm"))
    snapshot = library.delete(Topic, topic.id)
    library.undelete(snapshot)  # the GUI's Undo: the entry goes too
    assert all(e.item_id != topic.id for e in library.deleted_items())
    library.delete(Topic, topic.id)
    library.undelete(library.delete(Topic, library.add(Topic(id=topic.id + "x", title="B")).id))
    entry = next(e for e in library.deleted_items() if e.item_id == topic.id)
    library.add(Topic(id=topic.id, title="Đã tạo lại"))
    with pytest.raises(Conflict, match="in the library again"):
        library.undelete_item(entry.id)
    assert library.get(Topic, topic.id).title == "Đã tạo lại"


def test_only_the_newest_deletes_are_kept(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deleted_module, "KEEP_DELETED", 3)
    for i in range(5):
        library.delete(Topic, library.add(Topic(title=f"T{i}")).id)
    assert [e.title for e in library.deleted_items()] == ["T4", "T3", "T2"]


def test_an_edit_from_an_older_version_is_refused_and_shows_the_other(
    library: Library, filled: dict, library_path: Path
) -> None:
    topic = filled["topic"]
    with Library.open(library_path, backup=False) as other:  # another window or process
        other.update(Topic, topic.id, title="Sửa ở cửa sổ khác")
    with pytest.raises(StaleEdit, match="changed in another window or program") as refused:
        library.update(Topic, topic.id, expected_updated_at=topic.updated_at, title="Sửa của tôi")
    assert "Sửa ở cửa sổ khác" in str(refused.value)
    assert refused.value.current.title == "Sửa ở cửa sổ khác"
    assert library.get(Topic, topic.id).title == "Sửa ở cửa sổ khác"
    current = library.get(Topic, topic.id)
    assert library.update(Topic, topic.id, expected_updated_at=current.updated_at, title="Sau").title == "Sau"


def test_a_whole_record_edit_refused_shows_the_fields_that_differ(
    library: Library, filled: dict, library_path: Path
) -> None:
    """As 'edit --from-json' sends every field: the message shows those the other version
    holds differently, not the first three of the record (topic id, kind, question)."""
    point = library.add(TalkingPoint(topic_id=filled["topic"].id, text="Hợp tác với MRC.", status="cleared"))
    with Library.open(library_path, backup=False) as other:
        other.update(TalkingPoint, point.id, text="Hợp tác với Ủy hội sông Mê Công.")
    whole = {k: v for k, v in asdict(point).items() if k not in ("id", "created_at", "updated_at")}
    whole["status"] = "draft"
    with pytest.raises(StaleEdit) as refused:
        library.update(TalkingPoint, point.id, expected_updated_at=point.updated_at, **whole)
    message = str(refused.value)
    assert "Hợp tác với Ủy hội sông Mê Công." in message and "status: «cleared»" in message
    assert "topic id" not in message and "question" not in message


def test_one_line_fields_keep_revisions(library: Library, filled: dict) -> None:
    topic = filled["topic"]
    library.update(Topic, topic.id, title="Tên mới")
    library.update(Event, filled["event"].id, city="Hà Nội")
    [rev] = library.revisions(Topic, topic.id, "title")
    assert rev.value == "Công ước Hà Nội"
    assert library.revisions(Event, filled["event"].id, "city")[0].value == "Bangkok"
    assert library.restore_revision(rev.id).title == "Công ước Hà Nội"


def test_cli_delete_needs_force_and_undelete_brings_it_back(
    library: Library, filled: dict, library_path: Path
):
    new_book(library, filled["event"].id)
    library.close()
    event = filled["event"].id
    refused = _run(library_path, "delete", event)
    assert refused.exit_code == 1 and "also deletes or changes: 1 meeting" in refused.output
    assert "--force" in refused.output and "Traceback" not in refused.output
    with Library.open(library_path, backup=False) as lib:
        assert lib.count(Event) == 1
    done = _run(library_path, "delete", event, "--force")
    assert done.exit_code == 0 and "briefbook undelete 1" in done.output
    listed = _run(library_path, "deleted")
    assert listed.exit_code == 0 and "event" in listed.output and "1 book" in listed.output
    back = _run(library_path, "undelete", "1")
    assert back.exit_code == 0 and "Brought back event" in back.output
    with Library.open(library_path, backup=False) as lib:
        assert lib.count(Event) == 1 and lib.count(Book) == 1
    assert "Nothing deleted" in _run(library_path, "deleted").output
    point = filled["point"].id
    used = _run(library_path, "delete", point)  # the book shows it: it says so, and needs --force
    assert used.exit_code == 1 and "the book “Tài liệu chuẩn bị: Hội nghị" in used.output
    with Library.open(library_path, backup=False) as lib:
        loose = lib.add(TalkingPoint(topic_id=lib.add(Topic(title="Chưa dùng")).id, text="Nháp"))
    assert _run(library_path, "delete", loose.id).exit_code == 0  # nothing uses it: no --force


def test_cli_undelete_says_what_came_back_in_words_true_after_it(
    library: Library, filled: dict, library_path: Path
):
    library.add(Statement(speaker_id=filled["person"].id, text="Hợp tác."))
    library.close()
    deleted = _run(library_path, "delete", filled["person"].id, "--force")
    assert deleted.exit_code == 0 and "2 statements' speaker" in deleted.output
    back = _run(library_path, "undelete", "1")
    assert back.exit_code == 0 and "Brought back person" in back.output
    assert "loses" not in back.output and "lose " not in back.output


def test_cli_delete_of_a_topic_with_points_says_so_before_offering_force(
    library: Library, filled: dict, library_path: Path
):
    """--force cannot delete a topic that still has points: the first refusal says what to
    do, instead of listing its links and suggesting --force."""
    event = filled["event"].id
    meeting = library.list(Meeting, where={"event_id": event})[0]
    library.link_topic(meeting.id, filled["topic"].id)
    library.close()
    refused = _run(library_path, "delete", filled["topic"].id)
    assert refused.exit_code == 1 and "still has talking points" in refused.output
    assert "--force" not in refused.output and "Traceback" not in refused.output


def test_cli_edit_from_an_old_show_json_is_refused(
    library: Library, filled: dict, library_path: Path, tmp_path
):
    library.close()
    topic = filled["topic"].id
    shown = _run(library_path, "--json", "show", topic)
    assert shown.exit_code == 0
    saved = tmp_path / "topic.json"
    saved.write_text(shown.output.replace("Công ước Hà Nội", "Bản của tôi"), encoding="utf-8")
    assert _run(library_path, "edit", topic, "--set", "title=Bản khác").exit_code == 0
    stale = _run(library_path, "edit", topic, "--from-json", str(saved))
    assert stale.exit_code == 1 and "changed in another window or program" in stale.output
    assert "Bản khác" in stale.output and "Traceback" not in stale.output
    with Library.open(library_path, backup=False) as lib:
        current = lib.get(Topic, topic)
    assert current.title == "Bản khác"
    wrong = _run(library_path, "edit", topic, "--expect-version", "2000-01-01", "--set", "title=X")
    assert wrong.exit_code == 1
    right = _run(library_path, "edit", topic, "--expect-version", current.updated_at, "--set", "title=X")
    assert right.exit_code == 0, right.output
    assert TalkingPoint  # the talking point kind is untouched here
