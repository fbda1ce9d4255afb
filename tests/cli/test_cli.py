"""The command line, as a script or a person uses it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.errors import ValidationError

_register()


@pytest.fixture
def run(library_path: Path):
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, library: Path | None = library_path):
        base = ["--library", str(library)] if library else []
        return runner.invoke(cli, [*base, *args], input=input, catch_exceptions=False)

    return invoke


def test_init_add_list_show_search(run) -> None:
    assert run("init").exit_code == 0
    result = run("add", "event", "--set", "title=Hội nghị Bangkok", "--set", "city=Bangkok")
    assert result.exit_code == 0, result.output
    event_id = result.output.strip()
    assert "Hội nghị Bangkok" in run("list", "event").output
    shown = json.loads(run("--json", "show", event_id).output)
    assert shown["item"]["city"] == "Bangkok" and shown["links"]["meetings"] == []
    hits = json.loads(run("--json", "search", "hoi nghi").output)
    assert hits[0]["id"] == event_id and "[Hội] [nghị]" in hits[0]["snippet"]


def test_add_from_an_empty_json_list_says_nothing_was_added(run, tmp_path: Path) -> None:
    run("init")
    source = tmp_path / "none.json"
    source.write_text("[]", encoding="utf-8")
    result = run("add", "topic", "--from-json", str(source))
    assert result.exit_code == 0 and "nothing was added" in result.stderr
    assert json.loads(run("--json", "add", "topic", "--from-json", "-", input="[]").stdout) == []
    assert json.loads(run("--json", "list", "topic").output) == []


def test_add_from_json_edit_link_reorder_and_revisions(run, tmp_path: Path) -> None:
    run("init")
    topic = run("add", "topic", "--set", "title=Công ước Hà Nội").output.strip()
    points = [{"topic_id": topic, "text": f"Điểm {i}", "kind": "key_message"} for i in range(3)]
    source = tmp_path / "points.json"
    source.write_text(json.dumps(points, ensure_ascii=False), encoding="utf-8")
    ids = run("add", "talking_point", "--from-json", str(source)).output.split()
    assert len(ids) == 3
    assert run("reorder", topic, ids[2]).exit_code == 0
    listed = json.loads(run("--json", "list", "talking_point", "--where", f"topic_id={topic}").output)
    assert [p["text"] for p in listed] == ["Điểm 2", "Điểm 0", "Điểm 1"]
    assert run("edit", ids[0], "--set", "text=Điểm mới").exit_code == 0
    revs = json.loads(run("--json", "revisions", ids[0], "text").output)
    assert revs[0]["value"] == "Điểm 0"
    assert run("restore-revision", str(revs[0]["id"])).exit_code == 0
    assert json.loads(run("--json", "show", ids[0]).output)["item"]["text"] == "Điểm 0"
    event = run("add", "event", "--set", "title=E").output.strip()
    meeting = run("add", "meeting", "--set", f"event_id={event}", "--set", "title=M").output.strip()
    person = run("add", "person", "--set", "name=Lê Anh Tuấn").output.strip()
    assert run("link", meeting, person, "--role", "chair").exit_code == 0
    assert run("link", meeting, topic).exit_code == 0
    links = json.loads(run("--json", "show", meeting).output)["links"]
    assert links == {"participants": ["Lê Anh Tuấn (chair)"], "topics": ["Công ước Hà Nội"]}
    assert run("unlink", meeting, person).exit_code == 0
    assert run("delete", event).exit_code == 1  # its meetings go with it: --force
    assert run("delete", event, "--force").exit_code == 0
    assert run("list", "meeting").output.startswith("No meeting")


def test_photo_commands(run, tmp_path: Path) -> None:
    from PIL import Image

    run("init")
    person = run("add", "person", "--set", "name=Delphine Schantz").output.strip()
    image = tmp_path / "p.png"
    Image.new("RGB", (300, 400), "white").save(image)
    assert run("photo", person, str(image)).exit_code == 0
    assert "bytes" in run("photo", person).output
    assert run("photo", person, "--save-to", str(tmp_path / "out.jpg")).exit_code == 0
    assert (tmp_path / "out.jpg").stat().st_size > 0
    bad = tmp_path / "bad.jpg"
    bad.write_text("not an image")
    result = run("photo", person, str(bad))
    assert result.exit_code == 1 and "not a picture" in result.output


def test_check_and_rebuild_index(run) -> None:
    run("init")
    assert "healthy" in run("check").output
    assert "rebuilt" in run("check", "--rebuild-index").output
    assert json.loads(run("--json", "check").output)["ok"] is True


def test_levels(run) -> None:
    run("init")
    shown = json.loads(run("--json", "levels").output)
    assert [lv["name"] for lv in shown] == ["Public", "Internal", "Confidential", "Secret"]
    assert shown[2]["labels"] == {"en": "Confidential", "vi": "Mật"}
    assert "Hạn chế" in run("levels", "Public", "Internal", "Hạn chế", "Confidential", "Secret").output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("list", "event"), "There is no library"),
        (("show", "nope"), "There is no library"),
    ],
)
def test_errors_without_a_library_are_one_line(run, args, message: str) -> None:
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_user_errors_are_one_line(run, tmp_path: Path) -> None:
    run("init")
    topic = run("add", "topic", "--set", "title=Mekong").output.strip()
    source = tmp_path / "topic.json"
    source.write_text(json.dumps({"title": "x", "background": "b"}), encoding="utf-8")
    cases = [
        (("show", "missing-id"), "no item with id"),
        (("add", "topic", "--set", "nonsense=1"), "has no field"),
        (("add", "topic", "--set", "title=x", "--set", "classification=Ultra"), "not a classification level"),
        (("add", "topic", "--set", "broken"), "field=value"),
        (("add", "topic", "--from-json", str(tmp_path / "missing.json")), "No such file"),
        (("init",), "already a file"),
        (("add", "topic", "--from-json", str(source), "--set", "title=y"), "not both"),
        (("edit", topic, "--from-json", str(source), "--set", "title=y"), "not both"),
    ]
    for args, message in cases:
        result = run(*args)
        assert result.exit_code == 1, args
        assert message in result.output, (args, result.output)
        assert "Traceback" not in result.output
    assert run("--json", "show", topic).output.count('"title": "Mekong"') == 1


def test_a_file_that_is_not_a_library(run, tmp_path: Path) -> None:
    bad = tmp_path / "notes.briefbook"
    bad.write_text("hello")
    result = run("list", "event", library=bad)
    assert result.exit_code == 1 and "not a BriefBook library" in result.output


def test_the_environment_variable_names_the_library(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "env.briefbook"
    monkeypatch.setenv("BRIEFBOOK_LIBRARY", str(path))
    runner = CliRunner()
    assert runner.invoke(cli, ["init"]).exit_code == 0
    assert path.exists()


def test_python_dash_m_runs_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "m.briefbook"
    result = subprocess.run(
        [sys.executable, "-m", "briefbook", "--library", str(path), "init"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "briefbook", "--library", str(tmp_path / "none.briefbook"), "list", "event"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("Error: There is no library") and "Traceback" not in result.stderr


def test_check_with_a_rebuild_says_what_it_did_then_what_it_found(run) -> None:
    run("init")
    lines = run("check", "--rebuild-index").output.splitlines()
    assert lines[0] == "The search index was rebuilt." and lines[1].startswith("The library is healthy")


@pytest.mark.parametrize(
    ("value", "word"), [({"a": 1}, "a group of fields"), (["x", "y"], "a list"), (True, "yes or no")]
)
def test_a_json_value_that_is_not_text_is_refused_in_words(run, value, word) -> None:
    """A field given an object, a list or a yes/no in --from-json: a traceback from the sort
    keys (a text) or "the library cannot be opened" (an id) before; now one line, nothing added."""
    run("init")
    topic = run("add", "topic", "--set", "title=Mekong").output.strip()
    for fields, label in (
        ({"topic_id": topic, "text": value}, "The text must be text"),
        ({"topic_id": value, "text": "Điểm"}, "The topic must be text"),
        ({"topic_id": topic, "text": "Điểm", "question": value}, "The question must be text"),
    ):
        result = run("add", "talking_point", "--from-json", "-", input=json.dumps(fields))
        assert result.exit_code == 1, result.output
        assert f"{label}, not {word}" in result.output and "cannot be opened" not in result.output
    edit = run("edit", topic, "--from-json", "-", input=json.dumps({"background": value}))
    assert edit.exit_code == 1 and f"The background must be text, not {word}" in edit.output
    assert json.loads(run("--json", "list", "talking_point").output) == []


def test_a_number_given_for_a_text_is_stored_as_its_text(run) -> None:
    run("init")
    topic = run("add", "topic", "--set", "title=Mekong").output.strip()
    added = run(
        "--json",
        "add",
        "talking_point",
        "--from-json",
        "-",
        input=json.dumps({"topic_id": topic, "text": 12}),
    )
    assert json.loads(added.output)[0]["text"] == "12"


def test_an_id_pasted_in_capitals_or_with_invisible_characters_is_found(run) -> None:
    """An id copied from an e-mail or a Word table may come upper-cased or holding a zero-width
    space or a direction mark: it read "There is no item with id ..." though it was there, and
    the message showed nothing wrong with it."""
    run("init")
    event = run("add", "event", "--set", "title=Tham vấn Viêng Chăn").output.strip()
    topic = run("add", "topic", "--set", "title=Mekong").output.strip()
    book = json.loads(run("--json", "book", "new", event, "--ceiling", "Internal").output)["id"]
    for typed in (
        event.upper(),
        f"{event}\u200b",
        f"\u2066{event}\u2069",
        f"briefbook:{event.upper()}",
        f" {event}\t",
    ):
        shown = run("--json", "show", typed)
        assert shown.exit_code == 0, (typed, shown.output)
        assert json.loads(shown.output)["item"]["id"] == event
    assert run("edit", topic.upper(), "--set", "background=Nền").exit_code == 0
    assert json.loads(run("--json", "show", topic).output)["item"]["background"] == "Nền"
    meeting = run(
        "add", "meeting", "--set", f"event_id=\u2066{event}\u200b", "--set", "title=Gặp Lào"
    ).output.strip()
    assert run("link", meeting.upper(), f"{topic}\u200b").exit_code == 0
    assert [t["id"] for t in json.loads(run("--json", "list", "topic").output)] == [topic]
    assert json.loads(run("--json", "show", meeting).output)["links"]["topics"] == ["Mekong"]
    assert run("book", "show", book.upper()).exit_code == 0
    missing = run("show", "0000\u200b")
    assert missing.exit_code == 1 and "no item with id 0000 in" in missing.output


def test_a_kind_typed_in_capitals_is_understood(run) -> None:
    run("init")
    added = run("add", "Topic", "--set", "title=Mekong")
    assert added.exit_code == 0, added.output
    assert "Mekong" in run("list", "TOPIC").output
    assert "Mekong" in run("search", "mekong", "--kind", "Topic").output


def test_a_custom_id_in_capitals_is_still_found_as_it_is(library) -> None:
    from briefbook.errors import NotFound
    from briefbook.library import Topic

    library.add(Topic(id="MEKONG-1", title="Mekong"))
    assert library.find("MEKONG-1").title == "Mekong"
    assert library.get(Topic, "MEKONG-1").title == "Mekong"
    with pytest.raises(NotFound, match=r"id MEKONG-2\\u200b in"):  # what was pasted, made visible
        library.find("MEKONG-2\u200b")


def test_a_value_already_stored_is_not_judged_again_by_an_edit_of_another_field(library) -> None:
    """A library from elsewhere may hold a number or bytes in a text column: editing another
    field of that item still saves (only the fields an edit changes are checked for text)."""
    from briefbook.library import Topic

    topic = library.add(Topic(title="Mekong"))
    library.db.execute("UPDATE topics SET background = ? WHERE id = ?", [b"\x00\x01", topic.id])
    assert library.update(Topic, topic.id, title="Mekong 2").title == "Mekong 2"
    with pytest.raises(ValidationError, match="The background must be text, not binary data"):
        library.update(Topic, topic.id, background=b"\x02")


@pytest.mark.parametrize("word", ["show", "list"])
def test_levels_show_and_list_show_the_levels_and_change_nothing(run, word) -> None:
    """'briefbook levels list' was 'levels set list': in a new library (no item using a level,
    so no question) it made "list" the only classification level."""
    run("init")
    before = json.loads(run("--json", "levels").output)
    shown = run("levels", word)
    assert shown.exit_code == 0 and "Confidential" in shown.output
    assert json.loads(run("--json", "levels").output) == before


def test_levels_with_one_name_is_refused_in_words(run) -> None:
    run("init")
    before = json.loads(run("--json", "levels").output)
    for typed in ("Secret", "lsit"):
        refused = run("levels", typed)
        assert refused.exit_code != 0 and f"levels set {typed}" in refused.output
    assert json.loads(run("--json", "levels").output) == before
    assert run("levels", "set", "Duy nhất", "--yes").exit_code == 0  # asked for by name: done
    assert [lv["name"] for lv in json.loads(run("--json", "levels").output)] == ["Duy nhất"]


def test_list_where_reads_a_choice_a_level_and_an_id_as_an_edit_would_store_them(run) -> None:
    """'--where kind=Key-message' or 'classification=secret' answered "No talking point
    items." though there were some: the filter compared what was typed with what is stored."""
    run("init")
    topic = run("add", "topic", "--set", "title=Mekong").output.strip()
    point = run(
        "add", "talking_point", "--set", f"topic_id={topic}", "--set", "text=Điểm",
        "--set", "kind=key_message", "--set", "classification=Secret",
    ).output.strip()  # fmt: skip
    for where in (
        "kind=Key-message",
        "kind=KEY MESSAGE",
        "classification=secret",
        f"topic_id={topic.upper()}",
    ):
        listed = json.loads(run("--json", "list", "talking_point", "--where", where).output)
        assert [p["id"] for p in listed] == [point], where
    refused = run("list", "talking_point", "--where", "classification=Tối mật nhất")
    assert refused.exit_code == 1 and "not a classification level" in refused.output


def test_revisions_of_a_field_the_item_does_not_have_is_refused(run) -> None:
    run("init")
    topic = run("add", "topic", "--set", "title=Mekong").output.strip()
    refused = run("revisions", topic, "titel")
    assert refused.exit_code == 1 and "A topic has no field 'titel'" in refused.output
    assert run("revisions", topic, "title").exit_code == 0


def test_a_points_name_reads_the_editors_escapes_in_lists_and_the_preflight(run, library_path: Path) -> None:
    """The editor (Qt's writer) stores "[NFR] Bí mật" as "\\[NFR\\] Bí mật": a point's name is the
    first line of its Markdown, and `list`, `book items` and the preflight's "left out" line
    showed the backslashes."""
    from briefbook.library import Event, Library, Meeting, TalkingPoint, Topic
    from briefbook.library.books import new_book

    run("init")
    with Library.open(library_path, backup=False) as lib:
        event = lib.add(Event(title="Hội nghị Viêng Chăn", city="Viêng Chăn"))
        meeting = lib.add(Meeting(event_id=event.id, title="Gặp song phương", kind="bilateral"))
        topic = lib.add(Topic(title="Hợp tác"))
        lib.link_topic(meeting.id, topic.id)
        lib.add(
            TalkingPoint(
                topic_id=topic.id, kind="key_message", text="\\[NFR\\] Bí mật R\\&D", status="cleared"
            )
        )
        book = new_book(lib, event.id, title="Sổ tay").id
    listed = run("list", "talking_point").output
    assert "[NFR] Bí mật R&D" in listed and "\\" not in listed
    warned = run("preflight", book, "--for-sharing").output
    assert "“[NFR] Bí mật R&D”" in warned and "\\[" not in warned


def test_a_typed_backslash_keeps_in_list_edit_and_book_items(run, library_path: Path) -> None:
    """A name is read from Markdown once (its display name, markdown_plain): `list`, `edit`'s
    "Saved …" and `book items` read its escapes a second time, so a typed '\\[' lost its
    backslash ('C:\\[Mật]' listed as 'C:[Mật]')."""
    from briefbook.library import Event, Library, Meeting, Topic
    from briefbook.library.books import new_book

    run("init")
    with Library.open(library_path, backup=False) as lib:
        event = lib.add(Event(title="Hội nghị Viêng Chăn"))
        meeting = lib.add(Meeting(event_id=event.id, title="Gặp song phương", kind="bilateral"))
        topic = lib.add(Topic(title="Hợp tác"))
        lib.link_topic(meeting.id, topic.id)
        book = new_book(lib, event.id, title="Sổ tay", ceiling="Secret").id
    text = "text=Thư mục C:\\\\[Mật] và R\\&D"  # as typed: 'C:\[Mật]' ('\\' in Markdown), 'R&D'
    point = run("add", "talking_point", "--set", f"topic_id={topic.id}", "--set", text).output.strip()
    shown = "Thư mục C:\\[Mật] và R&D"
    assert shown in run("list", "talking_point").output
    assert f"Saved talking point: {shown}" in run("edit", point, "--set", "status=cleared").output
    quote = "text=Ông nói: C:\\\\[Mật]"
    statement = run("add", "statement", "--set", "speaker_name=Ghada Waly", "--set", quote).output.strip()
    run("link", statement, topic.id)
    assert "Ông nói: C:\\[Mật]" in run("book", "items", book, "statements").output


@pytest.mark.parametrize(("kind", "said"), [("event", "An event"), ("organisation", "An organisation")])
def test_a_field_a_kind_does_not_have_is_refused_with_its_article(library_path, kind: str, said: str) -> None:
    """ "A event has no field 'location'." was said by each of the three places that refuse one."""
    runner = CliRunner()
    runner.invoke(cli, ["--library", str(library_path), "init"])
    refused = runner.invoke(cli, ["--library", str(library_path), "add", kind, "--set", "location=Bangkok"])
    assert refused.exit_code == 1 and f"{said} has no field 'location'." in refused.output
    listed = runner.invoke(cli, ["--library", str(library_path), "list", kind, "--where", "location=Bangkok"])
    assert f"{said} has no field 'location'." in listed.output
