"""``briefbook print BOOK``: the window's PDF handed to the system's spooler (a fake ``lp`` here)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from briefbook.cli.main import _register, cli
from briefbook.library import Event, Library, Meeting, Person, TalkingPoint, Topic
from briefbook.library.books import new_book

_register()

FAKE_LP = """#!/bin/sh
# records its arguments, and the file it was given (mode and text), as CUPS' lp would take it
printf '%s\\n' "$@" > "{log}"
for last; do :; done
stat -c %a "$last" > "{log}.mode"
cp "$last" "{log}.pdf"
{extra}
"""


@pytest.fixture
def book(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "l.briefbook"
    with Library.create(path) as library:
        event = library.add(
            Event(title="Hội nghị Viêng Chăn", city="Vientiane", classification="Confidential")
        )
        meeting = library.add(Meeting(event_id=event.id, title="ພົບປະສອງຝ່າຍ", kind="bilateral"))
        person = library.add(Person(name="ສົມພອນ ວົງສາ", name_romanised="Somphone Vongsa"))
        library.set_participant(meeting.id, person.id, "counterpart")
        topic = library.add(Topic(title="Công ước Hà Nội"))
        library.add(TalkingPoint(topic_id=topic.id, text="**Thái Lan** đồng chủ trì.", status="cleared"))
        library.add(TalkingPoint(topic_id=topic.id, text="Bí mật ກອງປະຊຸມ", classification="Confidential"))
        library.link_topic(meeting.id, topic.id)
        return path, new_book(library, event.id, title="Sổ tay Viêng Chăn", ceiling="Confidential").id


@pytest.fixture
def fake_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "lp.log"

    def install(extra: str = "echo 'request id is office-7 (1 file(s))'") -> Path:
        lp = bin_dir / "lp"
        lp.write_text(FAKE_LP.format(log=log, extra=extra))
        lp.chmod(0o755)
        return log

    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return install


def run(book, *args: str):
    return CliRunner().invoke(cli, ["--library", str(book[0]), "print", book[1], *args])


def _text(path: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(path).pages)


def test_print_hands_the_exported_pdf_to_lp(book, fake_lp, tmp_path: Path) -> None:
    log = fake_lp()
    result = run(book, "--printer", "office", "--copies", "2", "--ceiling", "Internal")
    assert result.exit_code == 0, result.output
    args = log.read_text().splitlines()
    assert args[:7] == ["-d", "office", "-n", "2", "-t", "Sổ tay Viêng Chăn", "--"]
    assert log.with_suffix(".log.mode").read_text().strip() == "600"  # only the user could read it
    assert not Path(args[-1]).exists() and not Path(args[-1]).parent.exists()  # and it is gone
    printed = _text(log.with_suffix(".log.pdf"))
    assert "Thái Lan đồng chủ trì." in printed and "Bí mật" not in printed  # the ceiling holds
    assert "“Sổ tay Viêng Chăn” is classified" in result.output
    assert (
        "Sent “Sổ tay Viêng Chăn” (" in result.output
        and "to printer 'office' (request id is office-7" in (result.output)
    )


def test_the_same_pdf_as_an_export(book, fake_lp, tmp_path: Path) -> None:
    log = fake_lp()
    assert run(book).exit_code == 0
    CliRunner().invoke(cli, ["--library", str(book[0]), "export", book[1], "-o", str(tmp_path / "e.pdf")])
    assert log.with_suffix(".log.pdf").read_bytes() == (tmp_path / "e.pdf").read_bytes()
    assert "Bí mật ກອງປະຊຸມ" in _text(tmp_path / "e.pdf")  # the book's own ceiling: Confidential
    assert run(book, "--to-file", str(tmp_path / "t.pdf")).exit_code == 0
    assert (tmp_path / "t.pdf").read_bytes() == (tmp_path / "e.pdf").read_bytes()


def test_dry_run_says_what_it_would_send_and_sends_nothing(book, fake_lp) -> None:
    log = fake_lp()
    result = CliRunner().invoke(
        cli, ["--library", str(book[0]), "--json", "print", book[1], "--dry-run", "--pages", "1-2"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["sent"] is False and data["command"][-1] == "BOOK.pdf" and "-P" in data["command"]
    assert data["title"] == "Sổ tay Viêng Chăn" and data["pages"] >= 2 and data["classification"]
    assert not log.exists()
    with Library.open(book[0], backup=False) as library:
        assert library.last_export(book[1]) is None  # a dry run is not an export


def test_no_lp_and_no_printer_are_said_in_words(book, fake_lp, tmp_path: Path, monkeypatch) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with_lp = os.environ["PATH"]
    monkeypatch.setenv("PATH", str(empty))
    result = run(book)
    assert result.exit_code == 1
    assert "no print spooler ('lp' was not found)" in result.output and "--to-file" in result.output
    monkeypatch.setenv("PATH", with_lp)
    fake_lp("echo 'lp: Error - No default destination.' >&2; exit 1")
    result = run(book)
    assert result.exit_code == 1
    assert (
        "did not take the book, so nothing was printed. It said: “lp: Error - No default destination.”"
        in (result.output)
    )
    assert "name a printer with --printer NAME" in result.output


def test_bad_requests_are_refused_before_the_export(book, fake_lp) -> None:
    log = fake_lp()
    assert "Copies must be between 1 and 99" in run(book, "--copies", "0").output
    assert "is not a list of pages" in run(book, "--pages", "1-;rm").output
    assert "there is no page 999" in run(book, "--pages", "999").output
    assert "is not a printer's name" in run(book, "--printer", "-o evil").output
    assert "name the file bản in.pdf, not bản in.docx" in run(book, "--to-file", "bản in.docx").output
    assert not log.exists()


def test_the_queue_never_sees_a_title_above_the_ceiling(tmp_path: Path, fake_lp) -> None:
    path = tmp_path / "s.briefbook"
    with Library.create(path) as library:
        event = library.add(Event(title="Đàm phán mật ກອງປະຊຸມ", classification="Confidential"))
        book_id = new_book(library, event.id, ceiling="Confidential").id
    log = fake_lp()
    result = CliRunner().invoke(cli, ["--library", str(path), "print", book_id, "--ceiling", "Public"])
    assert result.exit_code == 0, result.output
    assert "Đàm phán mật" not in log.read_text() and "Đàm phán mật" not in result.output
