"""``briefbook export -o NAME``: the format is the one the name ends in, and a name that says
otherwise (``x.txt``, ``x.pdf --format docx``) is refused in words before anything is written."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from briefbook.cli.main import _register, cli
from briefbook.library import Event, Library, Meeting, TalkingPoint, Topic
from briefbook.library.books import new_book


@pytest.fixture
def book(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "l.briefbook"
    with Library.create(path) as library:
        event = library.add(Event(title="Hội nghị Viêng Chăn", city="Vientiane"))
        meeting = library.add(Meeting(event_id=event.id, title="ພົບປະສອງຝ່າຍ", kind="bilateral"))
        topic = library.add(Topic(title="Công ước Hà Nội"))
        library.add(TalkingPoint(topic_id=topic.id, text="**Thái Lan** đồng chủ trì.", status="cleared"))
        library.link_topic(meeting.id, topic.id)
        return path, new_book(library, event.id, title="Sổ tay Viêng Chăn").id


def _export(book: tuple[Path, str], *args: str):
    _register()
    return CliRunner().invoke(cli, ["--library", str(book[0]), "export", book[1], *args])


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".briefbook"))


def test_the_ending_says_the_format(book, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = _export(book, "-o", str(out / "brief.docx"))
    assert result.exit_code == 0, result.output
    assert _files(out) == ["brief.docx"]
    assert "Công ước Hà Nội" in "\n".join(p.text for p in docx.Document(str(out / "brief.docx")).paragraphs)
    assert _export(book, "-o", str(out / "brief.PDF")).exit_code == 0
    assert _files(out) == ["brief.docx", "brief.pdf"]
    assert "Thái Lan đồng chủ trì." in "".join(p.extract_text() for p in PdfReader(out / "brief.pdf").pages)
    # no ending, a dot inside the name, a folder, or --format both: both files, as before
    assert _export(book, "-o", str(out / "v1.2")).exit_code == 0
    assert _export(book, "-o", str(out / "x.pdf"), "--format", "both").exit_code == 0
    assert _export(book, "-o", f"{out}/", "--format", "pdf").exit_code == 0
    assert _files(out) == [
        "Sổ tay Viêng Chăn.pdf",
        "brief.docx",
        "brief.pdf",
        "v1.2.docx",
        "v1.2.pdf",
        "x.docx",
        "x.pdf",
    ]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["-o", "x.txt"], "BriefBook writes PDF (.pdf) and Word (.docx) files, and “x.txt” ends in .txt: "),
        (["-o", "notes.doc"], "name it notes.pdf or notes.docx, or leave the ending out to get both."),
        (["-o", "x.pdf", "--format", "docx"], "“x.pdf” is the name of a PDF, but --format docx asks for a "),
        (["-o", "x.docx", "--format", "pdf"], "name it x.pdf, or leave --format out."),
        (["-o", "c.docx", "--cards", "a5"], "Cards are printed as a PDF: name the file c.pdf."),
        (["-o", "c.odt", "--cards", "a6"], "“c.odt” ends in .odt: name it c.pdf."),
    ],
)
def test_a_name_that_says_otherwise_is_refused_in_words(book, tmp_path: Path, args, said) -> None:
    out = tmp_path / "out"
    out.mkdir()
    args = [str(out / a) if a.startswith(("x.", "notes", "c.")) else a for a in args]
    result = _export(book, *args)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert said in " ".join(result.output.split())
    assert _files(out) == []  # nothing written, not x.txt.pdf
