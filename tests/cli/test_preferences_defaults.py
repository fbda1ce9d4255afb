"""The Preferences the window applies to new things apply on the command line too: a new book's
language ('book new') and a new talking point's "drafted by" ('add talking_point')."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.library import Book, Event, Library, TalkingPoint, Topic

_register()


def run(path: Path, *args: str, env: dict | None = None):
    return CliRunner().invoke(cli, ["--library", str(path), *args], env=env)


def test_a_new_book_takes_the_preferences_language(tmp_path: Path) -> None:
    path = tmp_path / "l.briefbook"
    with Library.create(path) as library:
        event_id = library.add(Event(title="Hội nghị Viêng Chăn")).id
    vietnamese = {"LANG": "vi_VN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    made = run(path, "book", "new", event_id, "--ceiling", "Internal", env=vietnamese).output.split()[-1]
    assert run(path, "preferences", "set", "book-language", "en").exit_code == 0
    english = run(path, "book", "new", event_id, "--ceiling", "Internal", env=vietnamese).output.split()[-1]
    run(path, "preferences", "set", "book-language", "same")
    run(path, "preferences", "set", "language", "en")
    window = run(path, "book", "new", event_id, "--ceiling", "Internal", env=vietnamese).output.split()[-1]
    asked = run(path, "book", "new", event_id, "--ceiling", "Internal", "--language", "vi").output.split()[-1]
    with Library.open(path, backup=False) as library:
        languages = [library.get(Book, b).language for b in (made, english, window, asked)]
    assert languages == ["vi", "en", "en", "vi"]


def test_a_new_point_says_who_drafted_it(tmp_path: Path) -> None:
    path = tmp_path / "l.briefbook"
    with Library.create(path) as library:
        topic_id = library.add(Topic(title="Công ước Hà Nội")).id
    run(path, "preferences", "set", "drafted-by", "Vụ ASEAN / สมชาย")
    first = run(
        path, "add", "talking_point", "--set", f"topic_id={topic_id}", "--set", "text=Một"
    ).output.strip()
    other = run(
        path,
        "add",
        "talking_point",
        "--set",
        f"topic_id={topic_id}",
        "--set",
        "text=Hai",
        "--set",
        "drafted_by=",
    ).output.strip()
    copy = tmp_path / "copy.json"
    shown = json.loads(run(path, "--json", "show", other).output)
    shown["item"].pop("id")
    copy.write_text(json.dumps(shown), "utf-8")
    copied = run(path, "add", "talking_point", "--from-json", str(copy)).output.strip()
    with Library.open(path, backup=False) as library:
        drafted = [library.get(TalkingPoint, i).drafted_by for i in (first, other, copied)]
    assert drafted == ["Vụ ASEAN / สมชาย", "", ""]  # a value given (even empty) is kept


def test_add_book_takes_the_preferences_language_as_book_new_does(tmp_path: Path) -> None:
    """'add book' (the raw record add) made every book Vietnamese whatever the Preferences said."""
    path = tmp_path / "l.briefbook"
    with Library.create(path) as library:
        event_id = library.add(Event(title="Hội nghị Viêng Chăn")).id
    vietnamese = {"LANG": "vi_VN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    english = {"LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    assert run(path, "preferences", "set", "book-language", "en").exit_code == 0
    add = ("add", "book", "--set", f"event_id={event_id}", "--set", "ceiling=Internal")
    chosen = run(path, *add, env=vietnamese).output.split()[-1]
    given = run(path, *add, "--set", "language=vi", env=vietnamese).output.split()[-1]
    run(path, "preferences", "set", "book-language", "same")
    system = run(path, *add, env=english).output.split()[-1]
    with Library.open(path, backup=False) as library:
        books = [library.get(Book, b) for b in (chosen, given, system)]
    assert [b.language for b in books] == ["en", "vi", "en"]
    assert books[0].title == "Briefing book: Hội nghị Viêng Chăn"
