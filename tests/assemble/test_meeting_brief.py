"""Meeting briefs in the government order, each item printed once, a brief that knows
itself -- on the demo book, as a principal reads it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.assemble import assemble
from briefbook.cli.main import _register, cli
from briefbook.demo.loader import load_demo
from briefbook.document.model import Heading, ListBlock, PageBreak, Paragraph, Profile, Reference
from briefbook.library import Book, Library, Meeting, Person, Statement
from briefbook.render.pdf import render_pdf
from briefbook.render.template import load_template

_register()

ORDER = [
    "Khái quát cuộc gặp",
    "Mục tiêu của ta",
    "Nội dung cần nêu",
    "Quan điểm, đề nghị dự kiến của phía bạn và trả lời của ta",
    "Trả lời báo chí",
    "Thông tin tham khảo",
    "Các lần tiếp xúc trước",
    "Thành phần",
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("briefs")
    path = folder / "demo.briefbook"
    with Library.create(path) as lib:
        load_demo(lib)
        book = lib.list(Book)[0]
        document = assemble(lib, book.id)
        meetings = {m.title: m for m in lib.list(Meeting)}
        people = {p.name_romanised or p.name: p for p in lib.list(Person)}
        statements = lib.list(Statement)
    return path, document, meetings, people, statements


def briefs(document) -> dict[str, list]:
    """Each meeting brief's blocks, by meeting title."""
    out: dict[str, list] = {}
    current = None
    in_briefs = False
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == 1:
            in_briefs = block.text == "Đề cương các cuộc gặp"
            current = None
        elif in_briefs and isinstance(block, Heading) and block.level == 2:
            current = out.setdefault(block.text, [])
        if current is not None and not isinstance(block, PageBreak):
            current.append(block)
    return out


def text(block) -> str:
    if isinstance(block, Heading):
        return block.text
    if isinstance(block, Paragraph | Reference):
        return "".join(r.text for r in block.runs)
    if isinstance(block, ListBlock):
        return "\n".join("".join(r.text for r in i.runs) for i in block.items)
    if isinstance(block, Profile):
        return "\n".join([block.name, *("".join(r.text for r in p.runs) for p in block.lines)])
    return ""


def test_each_brief_follows_the_government_order(demo) -> None:
    _, document, *_ = demo
    found = briefs(document)
    assert len(found) == 6
    for title, blocks in found.items():
        heads = [b.text for b in blocks if isinstance(b, Heading) and b.level == 3]
        assert heads == [h for h in ORDER if h in heads], title  # in order, none out of place
        assert heads[0] == "Khái quát cuộc gặp" and "Nội dung cần nêu" in heads, title
    bilateral = found["Tiếp xúc song phương với Bộ trưởng Ngoại giao Thái Lan (ví dụ)"]
    heads = [b.text for b in bilateral if isinstance(b, Heading) and b.level == 3]
    assert heads == ORDER  # their positions (a field of its own) and previous contacts too


def test_a_brief_knows_itself(demo) -> None:
    _, document, *_ = demo
    for n, (title, blocks) in enumerate(briefs(document).items(), start=1):
        assert text(blocks[1]).startswith(f"Đề cương số {n}/6"), title
        last = text(blocks[-1])
        assert "Người soạn:" in last and "Người duyệt:" in last and "Ngày:" in last, title


def test_the_steer_says_who_when_where_why(demo) -> None:
    _, document, *_ = demo
    blocks = briefs(document)["Tiếp xúc song phương với Bộ trưởng Ngoại giao Thái Lan (ví dụ)"]
    steer = [text(b) for b in blocks[3:6]]
    assert steer[0].startswith("Gặp: Ngài Sihasak Phuangketkeow, Bộ trưởng")
    assert steer[1] == "Thời gian, địa điểm: 12:30, 17/12/2025, Bên lề hội nghị, Bangkok (ví dụ)"
    assert steer[2].startswith("Mục đích:")


def test_previous_contacts_are_the_persons_earlier_meetings(demo) -> None:
    _, document, *_ = demo
    blocks = briefs(document)["Tiếp xúc song phương với Bộ trưởng Ngoại giao Thái Lan (ví dụ)"]
    start = next(i for i, b in enumerate(blocks) if text(b) == "Các lần tiếp xúc trước")
    assert text(blocks[start + 1]) == "17/12/2025 — Phiên khai mạc (Opening session)"


def _quote_of(block, words: str) -> bool:
    """A block that prints a statement: a quote paragraph, or a list inside a quote."""
    if isinstance(block, Paragraph):
        return block.style == "quote" and words in text(block)
    if isinstance(block, ListBlock):
        return words in text(block) and all(i.origin and i.origin.kind == "statement" for i in block.items)
    return False


def test_each_statement_background_and_biography_is_printed_once(demo) -> None:
    _, document, _, people, statements = demo
    everything = "\n".join(text(b) for b in document.blocks)
    for s in statements:  # (a talking point may say the same words: that is the point's own text)
        first = re.split(r"[.;\n]", s.text.replace("*", "").lstrip("- "))[0][:60]
        quotes = [b for b in document.blocks if _quote_of(b, first)]
        assert len(quotes) == 1, first
    bio = people["Sihasak Phuangketkeow"].biography.splitlines()[0].lstrip("- ")[:50]
    assert everything.count(bio) == 1
    # Every other mention is a reference to where the item is printed.
    anchors = {b.anchor for b in document.blocks if isinstance(b, Heading | Profile) and b.anchor}
    references = [b for b in document.blocks if isinstance(b, Reference)]
    assert len(references) > 30 and all(r.target in anchors for r in references)


def test_whos_who_refers_to_the_biography(demo) -> None:
    _, document, *_ = demo
    blocks = briefs(document)["Phiên khai mạc (Opening session)"]
    whos = [b for b in blocks if isinstance(b, Reference) and text(b).startswith("Delphine Schantz")]
    (line,) = whos
    assert (
        line.target.startswith("bio-")
        and "Đại diện UNODC" in text(line)
        and "xưng hô: Bà Schantz" in text(line)
    )


def test_points_to_make_begin_on_the_briefs_first_page(demo, tmp_path: Path) -> None:
    _, document, *_ = demo
    pages: dict[str, int] = {}
    for name in ("formal-a4", "compact-a5"):
        render_pdf(document, load_template(name), tmp_path / f"{name}.pdf", page_numbers=pages)
        for title, blocks in briefs(document).items():
            points = next(b for b in blocks if isinstance(b, Heading) and b.text == "Nội dung cần nêu")
            assert pages[points.anchor] == pages[blocks[0].anchor], (name, title)


def test_show_person_lists_their_meetings(demo) -> None:
    path, _, _, people, _ = demo
    result = CliRunner().invoke(cli, ["--library", str(path), "show", people["Sihasak Phuangketkeow"].id])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.strip().startswith("meetings:"))
    assert "2025-12-17 09:00 Phiên khai mạc (Opening session) (speaker)" in line
    assert "2025-12-17 12:30 Tiếp xúc song phương" in line


def test_a_meeting_made_from_nothing_has_no_empty_headings(tmp_path: Path) -> None:
    from briefbook.library import Event
    from briefbook.library.books import new_book

    with Library.create(tmp_path / "new.briefbook") as lib:
        event = lib.add(Event(title="ກອງປະຊຸມ Vientiane"))
        lib.add(Meeting(event_id=event.id, title="ພົບປະ"))
        book = new_book(lib, event.id, language="en", ceiling="Public")
        blocks = briefs_en(assemble(lib, book.id))
    assert [text(b) for b in blocks] == ["ພົບປະ", "Brief 1/1 · Plenary"]


def briefs_en(document) -> list:
    start = next(
        i for i, b in enumerate(document.blocks) if isinstance(b, Heading) and b.text == "Meeting briefs"
    )
    return [b for b in document.blocks[start + 1 :] if not isinstance(b, PageBreak)][:50]


def test_a_topic_brief_names_the_brief_its_points_are_in(library: Library) -> None:
    # An event made from nothing: one Confidential meeting, a Public topic with a point, no
    # background and no statements (the brief is no item's "home"). The topic brief's
    # reference named an empty brief, đề cương “”, at the topic's level.
    from briefbook.library import Event, TalkingPoint, Topic
    from briefbook.library.books import new_book

    event = library.add(Event(title="Hội nghị Riyadh"))
    meeting = library.add(
        Meeting(event_id=event.id, title="Hội đàm với Ả Rập Xê Út", classification="Confidential")
    )
    topic = library.add(Topic(title="Lao động di cư"))
    library.link_topic(meeting.id, topic.id)
    library.add(TalkingPoint(topic_id=topic.id, text="Tạo điều kiện cho lao động", status="cleared"))
    book = new_book(library, event.id, title="Sổ tay", language="vi", ceiling="Confidential")
    document = assemble(library, book.id)
    (reference,) = [b for b in document.blocks if isinstance(b, Reference) and "đề cương" in text(b)]
    assert text(reference) == "Nội dung cần nêu về chủ đề này: đề cương “Hội đàm với Ả Rập Xê Út”"
    assert reference.origin is not None and reference.origin.level == "Confidential"
