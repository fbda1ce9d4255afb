"""Cards for the car: one A5 or A6 page per meeting with the steer, the points to make,
the counterparts' one-liners and the press line -- from the command line too."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from briefbook.cli.main import _register, cli
from briefbook.demo.loader import load_demo
from briefbook.errors import ValidationError
from briefbook.export import ExportOptions, export_book
from briefbook.library import Book, Library, Meeting, TalkingPoint

_register()


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("cards") / "demo.briefbook"
    with Library.create(path) as lib:
        load_demo(lib)
        return path, lib.list(Book)[0].id


@pytest.mark.parametrize(("size", "points"), [("a5", (420, 595)), ("a6", (298, 420))])
def test_one_page_per_meeting_from_the_command_line(demo, tmp_path: Path, size: str, points) -> None:
    library, book = demo
    target = tmp_path / f"cards-{size}.pdf"
    result = CliRunner().invoke(
        cli, ["--library", str(library), "export", book, "-o", str(target), "--cards", size]
    )
    assert result.exit_code == 0, result.output
    reader = PdfReader(target)
    with Library.open(library) as lib:
        meetings = lib.list(Meeting)
        press = [p for p in lib.list(TalkingPoint) if p.kind == "press_line" and p.status == "cleared"]
    assert len(reader.pages) == len(meetings) == 6
    assert tuple(round(float(x)) for x in reader.pages[0].mediabox.upper_right) == points
    card = " ".join(reader.pages[1].extract_text().split())
    for words in ("Tiếp xúc song phương", "Gặp:", "Thời gian, địa điểm:", "Mục đích:", "Nội dung cần nêu",
                  "Phía bạn", "Sihasak Phuangketkeow", "Trả lời báo chí", "Đề cương số 2/6"):  # fmt: skip
        assert words in card, words
    assert press and "Thông tin tham khảo" not in card and "Người soạn" not in card  # the book has those


def test_cards_are_a_pdf(demo, tmp_path: Path) -> None:
    library, book = demo
    with Library.open(library) as lib, pytest.raises(ValidationError):
        export_book(lib, book, tmp_path / "x", ExportOptions(formats=("pdf", "docx"), cards="A6"))
    result = CliRunner().invoke(
        cli,
        [
            "--library",
            str(library),
            "export",
            book,
            "-o",
            str(tmp_path / "c"),
            "--cards",
            "a5",
            "--format",
            "docx",
        ],
    )
    assert result.exit_code != 0 and "Cards are printed as a PDF" in result.output


def test_cards_of_a_book_without_a_ceiling_hold_only_the_lowest_level(library: Library) -> None:
    # The cards start from the book's own assembly: no ceiling means "what anyone may read",
    # never "everything" (they fell back to the highest level before).
    from briefbook.assemble.cards import assemble_cards
    from briefbook.library.books import new_book
    from briefbook.library.records import Event

    event = library.add(Event(title="Hội nghị Viêng Chăn"))
    library.add(Meeting(event_id=event.id, title="Gặp song phương bí mật", classification="Secret"))
    library.add(Meeting(event_id=event.id, title="Phiên khai mạc"))
    book = new_book(library, event.id, title="Sổ tay", ceiling="Public", language="vi")
    library.update(Book, book.id, ceiling="")
    document = assemble_cards(library, book.id)
    shown = repr(document)  # every string of every block and of the metadata
    assert "Phiên khai mạc" in shown and "bí mật" not in shown
