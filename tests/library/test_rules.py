"""One set of rules at the Library boundary: the GUI, the CLI and imports all get the same plain message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.errors import BriefBookError, Conflict, ValidationError
from briefbook.export import ExportOptions, export_book, safe_file_name
from briefbook.library import Book, Event, Library, Meeting, Statement, TalkingPoint, Topic
from briefbook.library.books import new_book


def _run(library_path: Path, *args: str):
    _register()
    return CliRunner().invoke(cli, ["--library", str(library_path), *args])


@pytest.mark.parametrize(
    ("field", "value", "stored"),
    [
        ("start_date", "17/12/2025", "2025-12-17"),
        ("start_date", "2025-12-7", "2025-12-07"),
        ("start_date", "17.12.2025", "2025-12-17"),
        ("start_date", " 2025-12-17 ", "2025-12-17"),
        ("start_date", "", ""),
    ],
)
def test_real_dates_are_stored_as_iso(library: Library, filled: dict, field: str, value: str, stored: str):
    assert getattr(library.update(Event, filled["event"].id, **{field: value}), field) == stored


@pytest.mark.parametrize(
    "value", ["31/02/2025", "2025-13-01", "17 December", "tomorrow", "2025-12-17 25:00", "0001-01-01", "1e9"]
)
def test_dates_that_are_not_real_are_refused(library: Library, filled: dict, value: str):
    with pytest.raises(ValidationError, match="is not a real date") as refused:
        library.update(Event, filled["event"].id, start_date=value)
    assert refused.value.field == "start_date"
    with pytest.raises(ValidationError, match="is not a real date"):
        library.add(Statement(text="x", date=value))


def test_meeting_times_and_an_end_never_before_its_start(library: Library, filled: dict):
    meeting = library.update(Meeting, filled["meeting"].id, starts_at="17/12/2025 9:00")
    assert meeting.starts_at == "2025-12-17T09:00"
    assert library.update(Meeting, meeting.id, starts_at="17.12.2025 08h30").starts_at == "2025-12-17T08:30"
    meeting = library.update(Meeting, meeting.id, starts_at="17/12/2025 9:00")
    with pytest.raises(
        ValidationError,
        match=r"The end time \(2025-12-17 08:00\) is before the start time \(2025-12-17 09:00\)\.",
    ):
        library.update(Meeting, meeting.id, ends_at="2025-12-17 08:00")
    event = filled["event"]
    library.update(Event, event.id, start_date="2025-12-17", end_date="2025-12-18")
    with pytest.raises(ValidationError, match="end date .* is before the start date"):
        library.update(Event, event.id, start_date="2025-12-19")
    with pytest.raises(ValidationError, match="is before"):
        library.add(Event(title="Sai", start_date="2025-12-18", end_date="2025-12-17"))


def test_an_old_odd_date_does_not_block_editing_another_field(library: Library, filled: dict):
    library.db.execute("UPDATE events SET start_date = '17-18 tháng 12' WHERE id = ?", [filled["event"].id])
    assert library.update(Event, filled["event"].id, city="Hà Nội").start_date == "17-18 tháng 12"


def test_ids_are_unique_across_kinds_and_plain(library: Library, filled: dict):
    with pytest.raises(Conflict, match="already used by a meeting"):
        library.add(Topic(id=filled["meeting"].id, title="Trùng id"))
    for bad in ("../../etc", "a b", "x" * 101, "id;DROP"):
        with pytest.raises(ValidationError, match="cannot be an id"):
            library.add(Topic(id=bad, title="Id lạ"))
    assert library.add(Topic(id="topic-2025.1", title="Được")).id == "topic-2025.1"


@pytest.mark.parametrize(
    ("sections", "message"),
    [
        ("not json", "not readable JSON"),
        ('{"kind": "cover"}', "must be a list"),
        ('[{"kind": "poem", "title": "x"}]', "cannot be of kind"),
        ('[{"kind": "topics", "title": "x", "items": "all"}]', "items must be a list of ids"),
        ('[{"kind": "meetings", "title": "x", "choices": {"m": {"talking_points": 3}}}]', "must list ids"),
        ('[{"kind": "meetings", "title": "x", "choices": {"m": {"other": []}}}]', "choices are not valid"),
        ("[7]", "is not a section"),
        ("[" * 5000 + "]" * 5000, "not readable JSON|must be a list"),
    ],
)
def test_a_books_sections_are_checked_on_every_write(library: Library, filled: dict, sections, message):
    book = new_book(library, filled["event"].id)
    with pytest.raises(ValidationError, match=message):
        library.update(Book, book.id, sections=sections)
    with pytest.raises(ValidationError, match=message):
        library.add(Book(event_id=filled["event"].id, title="B", ceiling="Public", sections=sections))
    assert library.get(Book, book.id).sections == book.sections


@pytest.mark.parametrize("value", [-1, 10**12, 2**63, float("inf"), 1.5, "một", "1e400"])
def test_whole_numbers_stay_in_range(library: Library, filled: dict, value):
    with pytest.raises(ValidationError, match="whole number|between 0 and 1,000,000,000"):
        library.update(TalkingPoint, filled["point"].id, position=value)
    assert library.get(TalkingPoint, filled["point"].id).position == filled["point"].position


def test_search_limits_are_bounded(library: Library, filled: dict):
    assert library.search("cong uoc", limit=10**9)
    assert library.search("cong uoc", limit=-5)  # at least one hit is asked for
    assert isinstance(library.search("cong " * 200_000), list)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Sổ tay: Bangkok / 2025", "Sổ tay Bangkok 2025"),
        ("..", "book"),
        ("CON", "book CON"),
        ('a<b>c"d|e?f*g\\h', "a b c d e f g h"),
        ("\u202eevil\u202c.exe", "evil .exe"),
        ("ทดสอบ " * 80, None),
    ],
)
def test_safe_file_names_from_titles(title: str, name: str | None):
    made = safe_file_name(title)
    assert "/" not in made and "\\" not in made and len(made.encode()) <= 180 and made
    if name is not None:
        assert made == name


def test_export_targets_and_protection_rules(library: Library, filled: dict, tmp_path: Path):
    book = new_book(library, filled["event"].id, title="Sổ tay: Bangkok/2025", language="en")
    with pytest.raises(ValidationError, match="Say where to save the book"):
        export_book(library, book.id, "", ExportOptions(formats=("pdf",)))
    with pytest.raises(ValidationError, match="password is empty"):
        export_book(library, book.id, tmp_path / "b", ExportOptions(formats=("pdf",), password=""))
    with pytest.raises(ValidationError, match="only be refused in a password-protected PDF"):
        export_book(library, book.id, tmp_path / "b", ExportOptions(formats=("pdf",), allow_printing=False))
    with pytest.raises(BriefBookError, match="does not exist"):
        export_book(library, book.id, f"{tmp_path}/nowhere/", ExportOptions(formats=("pdf",)))
    written = export_book(library, book.id, f"{tmp_path}/", ExportOptions(formats=("pdf",)))
    assert written == [tmp_path / "Sổ tay Bangkok 2025.pdf"] and written[0].is_file()
    assert not list(tmp_path.glob("b*"))


def test_cli_export_rules_and_bad_values_are_one_plain_line(library: Library, filled: dict, tmp_path: Path):
    book = new_book(library, filled["event"].id, title="Sổ tay Bangkok", language="en")
    library_path = library.path
    library.close()
    out = tmp_path / "out"
    out.mkdir()
    cases = [
        (["export", book.id, "-o", "", "--format", "pdf"], "Say where to save the book"),
        (["export", book.id, "-o", str(out / "b"), "--password", ""], "password is empty"),
        (["export", book.id, "-o", str(out / "b"), "--no-printing"], "password-protected PDF"),
        (
            ["export", book.id, "-o", str(out / "b"), "--format", "docx", "--password", "x"],
            "protects only the PDF",
        ),
        (["edit", filled["event"].id, "--set", "start_date=31/02/2025"], "is not a real date"),
        (["edit", filled["point"].id, "--set", "position=-3"], "between 0 and"),
        (["add", "topic", "--set", f"id={filled['meeting'].id}", "--set", "title=x"], "already used"),
    ]
    for args, message in cases:
        result = _run(library_path, *args)
        assert result.exit_code == 1 and message in result.output, (args, result.output)
        assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert list(out.iterdir()) == []
    done = _run(library_path, "export", book.id, "-o", f"{out}/", "--format", "pdf")
    assert done.exit_code == 0, done.output
    assert (out / "Sổ tay Bangkok.pdf").is_file()
    # A folder that exists means the same without its slash (not out.pdf beside it).
    (out / "Sổ tay Bangkok.pdf").unlink()
    done = _run(library_path, "export", book.id, "-o", str(out), "--format", "pdf")
    assert done.exit_code == 0, done.output
    assert [p.name for p in out.iterdir()] == ["Sổ tay Bangkok.pdf"]
    assert not out.with_suffix(".pdf").exists()
    assert json.loads(_run(library_path, "--json", "show", filled["event"].id).output)
