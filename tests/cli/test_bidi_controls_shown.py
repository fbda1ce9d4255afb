"""Bidi controls in imported text are shown (``<U+202E>``) in the command line's tables, records,
preflight lines and errors, so a name cannot reorder what follows it on the terminal; the stored
text and ``--json`` keep them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.cli.output import visible_controls
from briefbook.library import Event, Library, Meeting, Person, TalkingPoint, Topic
from briefbook.library.books import new_book

_register()
CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
SPOOF = "Lê Anh Tuấn\u202e terceS \u202c"  # reads "Secret" backwards on a terminal


def run(path: Path, *args: str):
    return CliRunner().invoke(cli, ["--library", str(path), *args])


def test_visible_controls() -> None:
    assert visible_controls("a\u202eb\u2066c") == "a<U+202E>b<U+2066>c"
    assert visible_controls(CONTROLS).count("<U+") == 9
    assert visible_controls("سلام\u200f 12 \u200e") == "سلام\u200f 12 \u200e"  # the leaning marks stay


def test_tables_records_preflight_and_errors_show_them(tmp_path: Path) -> None:
    path = tmp_path / "l.briefbook"
    with Library.create(path) as library:
        person = library.add(Person(name=SPOOF, position="Thứ trưởng\u2067 ภาษาไทย"))
        event = library.add(Event(title="Hội nghị\u202d Viêng Chăn"))
        meeting = library.add(Meeting(event_id=event.id, title="Song phương"))
        library.set_participant(meeting.id, person.id, "counterpart")
        topic = library.add(Topic(title="Chủ đề\u202b"))
        library.add(TalkingPoint(topic_id=topic.id, text="Điểm nháp\u202e", status="draft"))
        library.link_topic(meeting.id, topic.id)
        book = new_book(library, event.id, ceiling="Internal")
    outputs = {
        "list": run(path, "list", "person").output,
        "show": run(path, "show", person.id).output,
        "book list": run(path, "book", "list").output,
        "preflight": run(path, "preflight", book.id).output,
        "error": run(path, "delete", person.id).output,
        "search": run(path, "search", "Tuấn").output,
    }
    for name, text in outputs.items():
        assert not any(c in text for c in CONTROLS), (name, text)
    assert "Lê Anh Tuấn<U+202E> terceS <U+202C>" in outputs["list"]
    assert "Thứ trưởng<U+2067> ภาษาไทย" in outputs["show"]
    assert "<U+202D>" in outputs["book list"]
    assert "<U+202E>" in outputs["preflight"] or "<U+202B>" in outputs["preflight"], outputs["preflight"]
    assert "<U+202E>" in outputs["error"]
    data = json.loads(run(path, "--json", "show", person.id).output)
    assert data["item"]["name"] == SPOOF  # scripts get the text as stored
    with Library.open(path, backup=False) as library:
        assert library.get(Person, person.id).name == SPOOF


def test_the_lines_that_confirm_a_change_show_them(tmp_path: Path) -> None:
    """'Linked …', 'Saved …', 'Unlinked …' and 'Deleted …' named the item raw: the U+202E of a
    pasted name reversed the rest of the line (found linking such a person to a meeting)."""
    path = tmp_path / "l.briefbook"
    with Library.create(path) as library:
        person = library.add(Person(name=SPOOF))
        event = library.add(Event(title="Hội nghị"))
        meeting = library.add(Meeting(event_id=event.id, title="Song phương\u202e"))
    outputs = {
        "link": run(path, "link", meeting.id, person.id, "--role", "counterpart").output,
        "edit": run(path, "edit", person.id, "--set", "position=Thứ trưởng").output,
        "unlink": run(path, "unlink", meeting.id, person.id).output,
        "delete": run(path, "delete", person.id, "--force").output,
    }
    for name, text in outputs.items():
        assert text.strip() and not any(c in text for c in CONTROLS), (name, text)
        assert "<U+202E>" in text, (name, text)
