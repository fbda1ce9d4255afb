"""The typography of a professional document, checked on the exported PDF itself:
no heading, label or name stranded at the foot of a page (demo book and a
100-meeting book, both templates), a clear type hierarchy, a DRAFT mark that is
not text."""

from __future__ import annotations

import functools
import random
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from briefbook.demo.loader import load_demo
from briefbook.export import ExportOptions, export_book
from briefbook.library import Book, Event, Library, Meeting, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import new_book
from briefbook.render.template import load_template
from tests.render.layout_check import Line, is_heading, pdf_lines, stranded_headings, text_area_lines

TEMPLATES = ("formal-a4", "compact-a5")
WORDS = (
    "hợp tác chống lừa đảo trực tuyến xuyên biên giới chia sẻ thông tin tình báo bằng chứng điện tử "
    "Công ước Hà Nội bảo hộ công dân nạn nhân mua bán người an ninh mạng ASEAN Đối tác toàn cầu"
).split()


def big_library(path: Path, meetings: int = 100, seed: int = 7) -> str:
    """A book of ``meetings`` briefs whose texts vary in length, so that headings fall at
    every height of a page somewhere in it."""
    rng = random.Random(seed)

    def text(low: int, high: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize() + "."

    def points(n: int) -> str:
        return "\n".join(f"- {text(4, 30)}" for _ in range(n))

    with Library.create(path) as lib, lib.transaction():
        event = lib.add(Event(title="Hội nghị 100 cuộc gặp", city="Bangkok", start_date="2025-12-17"))
        people = [
            lib.add(
                Person(
                    name=f"Đại biểu {i}",
                    name_romanised=f"Delegate {i}",
                    position="Bộ trưởng",
                    form_of_address="Ngài",
                    biography=points(rng.randint(1, 5)),
                )
            )
            for i in range(30)
        ]
        for i in range(meetings):
            meeting = lib.add(
                Meeting(
                    event_id=event.id,
                    title=f"Cuộc gặp {i + 1}: {text(3, 12)}",
                    kind=rng.choice(("bilateral", "plenary", "side_event")),
                    starts_at=f"2025-12-{17 + i % 2}T{8 + i % 10:02d}:00",
                    venue="Bangkok",
                    purpose=text(5, 60),
                    objectives=points(rng.randint(1, 4)),
                )
            )
            topic = lib.add(Topic(title=f"Chủ đề {i + 1}", background=points(rng.randint(0, 4))))
            lib.link_topic(meeting.id, topic.id)
            kinds = (
                ("key_message",) * rng.randint(1, 5)
                + ("reactive",) * rng.randint(0, 3)
                + ("press_line", "qa")
            )
            for k, kind in enumerate(kinds):
                lib.add(
                    TalkingPoint(
                        topic_id=topic.id,
                        kind=kind,
                        question=text(4, 10) if kind == "qa" else "",
                        text=text(8, 70),
                        status="cleared",
                        position=k + 1,
                    )
                )
            for _ in range(rng.randint(0, 2)):
                statement = lib.add(
                    Statement(speaker_name="Người phát ngôn", date="2025-11-06", text=text(10, 60))
                )
                lib.link_topic(statement.id, topic.id)
            for person in rng.sample(people, rng.randint(1, 3)):
                lib.set_participant(meeting.id, person.id, "counterpart")
        return new_book(lib, event.id, title="Sổ tay 100 cuộc gặp").id


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("typography")
    out: dict[tuple[str, str], Path] = {}
    with Library.create(folder / "demo.briefbook") as lib:
        load_demo(lib)
        book = lib.list(Book)[0].id
        for name in TEMPLATES:
            target = folder / f"demo-{name}.pdf"
            export_book(lib, book, target, ExportOptions(formats=("pdf",), template=name))
            out["demo", name] = target
    book = big_library(folder / "big.briefbook")
    with Library.open(folder / "big.briefbook") as lib:
        for name in TEMPLATES:
            target = folder / f"big-{name}.pdf"
            export_book(lib, book, target, ExportOptions(formats=("pdf",), template=name))
            out["big", name] = target
    return out


@pytest.fixture(scope="module")
def lines_of(books) -> Callable[[str, str], list[Line]]:
    """Each book's lines of text (pdf_lines), read once: the demo books are checked for stranded
    headings and for their type hierarchy, and reading a PDF's text is most of either check."""
    return functools.cache(lambda which, name: pdf_lines(books[which, name]))


@pytest.mark.slow
@pytest.mark.parametrize("which", ["demo", "big"])
@pytest.mark.parametrize("name", TEMPLATES)
def test_no_heading_is_stranded_at_the_foot_of_a_page(books, lines_of, which: str, name: str) -> None:
    t = load_template(name)
    pdf, lines = books[which, name], lines_of(which, name)
    found = stranded_headings(pdf, t.body_size, t.margin_top_mm, t.margin_bottom_mm, lines=lines)
    assert not found, [(x.page, x.text) for x in found]


@pytest.mark.parametrize("name", TEMPLATES)
def test_a_clear_type_hierarchy(books, lines_of, name: str) -> None:
    t = load_template(name)
    assert t.body_size >= 10 and t.small_size >= 8.5
    read = lines_of("demo", name)
    lines = [
        x
        for x in text_area_lines(books["demo", name], t.margin_top_mm, t.margin_bottom_mm, read)
        if x.page > 2
    ]
    sizes = {round(x.size, 1) for x in lines}
    heads = sorted({round(x.size, 1) for x in lines if is_heading(x, t.body_size)})
    # Sub-section labels, then names, then meeting titles, then section titles: four steps up.
    assert len(heads) >= 4 and heads[0] > t.body_size and heads[-1] == t.heading_sizes[0]
    assert min(sizes) >= t.small_size - 0.05
    assert not [x for x in lines if "Italic" in x.font and x.size < t.small_size + 0.05]  # upright details


def test_the_draft_mark_is_not_text(books) -> None:
    text = subprocess.run(["pdftotext", str(books["demo", "formal-a4"]), "-"], capture_output=True, text=True)
    lines = [
        line for line in text.stdout.splitlines() if "THẢO" in line or line.strip() in ("DỰ", "ẢO", "TH")
    ]
    # The words are still printed where the book says them (a draft point is marked "[DỰ THẢO]").
    assert all("[DỰ THẢO]" in line for line in lines), lines
