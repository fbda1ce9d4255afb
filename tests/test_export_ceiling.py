"""An export ceiling above the book's own ceiling is refused; a lower one stays allowed.

The book's ceiling is the highest classification the book may hold: ``--ceiling
secret`` on an Internal book printed its Confidential and Secret material without a word.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from briefbook.cli.main import _register, cli
from briefbook.errors import ValidationError
from briefbook.export import ExportOptions, export_book, export_ceilings
from briefbook.library import Event, Library, Meeting, TalkingPoint, Topic
from briefbook.library.books import new_book

_register()


@pytest.fixture
def internal_book(library: Library) -> str:
    event = library.add(Event(title="ການປະຊຸມ ວຽງຈັນ", city="Vientiane", start_date="2026-07-20"))
    meeting = library.add(Meeting(event_id=event.id, title="Song phương với Lào"))
    topic = library.add(Topic(title="Hợp tác biên giới"))
    library.link_topic(meeting.id, topic.id)
    library.add(TalkingPoint(topic_id=topic.id, text="Điểm công khai.", status="cleared"))
    library.add(
        TalkingPoint(topic_id=topic.id, text="Điểm tối mật.", status="cleared", classification="Secret")
    )
    return new_book(library, event.id, title="Sổ tay Viêng Chăn", ceiling="Internal").id


def test_an_export_above_the_books_ceiling_is_refused_and_writes_nothing(
    library: Library, internal_book: str, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "book.pdf"
    target.parent.mkdir()
    with pytest.raises(ValidationError) as refused:
        export_book(library, internal_book, target, ExportOptions(formats=("pdf",), ceiling="secret"))
    message = str(refused.value)
    assert "may hold nothing above Internal" in message and "cannot be exported at Secret" in message
    assert f"briefbook edit {internal_book} --set ceiling=Secret" in message and "composer" in message
    assert list(target.parent.iterdir()) == []


def test_a_lower_or_equal_ceiling_is_allowed(library: Library, internal_book: str, tmp_path: Path) -> None:
    for level in ("Public", "internal", None):
        target = tmp_path / f"{level}.pdf"
        export_book(library, internal_book, target, ExportOptions(formats=("pdf",), ceiling=level))
        text = "\n".join(p.extract_text() for p in PdfReader(target).pages)
        assert "Điểm công khai" in text and "tối mật" not in text
    assert export_ceilings(library, library.get("book", internal_book)) == ["Public", "Internal"]


def test_the_command_line_refuses_it_plainly(
    library: Library, library_path: Path, internal_book: str, tmp_path
):
    library.close()
    target = tmp_path / "book.pdf"
    result = CliRunner().invoke(
        cli,
        ["--library", str(library_path), "export", internal_book, "-o", str(target), "--ceiling", "secret"],
    )
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "cannot be exported at Secret" in result.output and not target.exists()
