"""Vietnamese alphabetical order in the core: the command line, the exports and ``Library.list``."""

from __future__ import annotations

import json

from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.collation import sort_key, sorted_vi
from briefbook.library import Library, Person, Topic

_register()

# People as a Vietnamese desk officer would file them (a dictionary's order).
IN_ORDER = [
    "An",
    "Ánh",
    "Ăn",
    "Ân",
    "Bà",
    "Bình",
    "Dũng",
    "Duy",
    "Đặng",
    "Đoàn",
    "Eden",
    "Ê-đê",
    "Hà",
    "Hạ",
    "Hồ",
    "Lê",
    "Lễ",
    "Lê Anh Tuấn",
    "Ngô",
    "Nguyên",
    "Nguyễn",
    "Ô",
    "Ơn",
    "Ung",
    "Ưng",
    "Vũ",
    "Ý",
    "Yên",
]


def test_vietnamese_letters_come_after_their_base_letter_and_tones_only_break_ties() -> None:
    shuffled = list(reversed(IN_ORDER))
    assert sorted_vi(shuffled) == IN_ORDER
    # none, huyền, hỏi, ngã, sắc, nặng; lower case before upper case
    assert sorted_vi(["bạ", "bá", "Ba", "bã", "bả", "bà", "ba"]) == ["ba", "Ba", "bà", "bả", "bã", "bá", "bạ"]
    assert sort_key("Đà Nẵng") > sort_key("Dương")  # đ is a letter after d, whatever follows


def test_numbers_by_value_other_scripts_after_latin_and_odd_input() -> None:
    assert sorted_vi(["Chủ đề 10", "Chủ đề 2", "Chủ đề 1"]) == ["Chủ đề 1", "Chủ đề 2", "Chủ đề 10"]
    assert sorted_vi(["สีหศักดิ์", "Zoë", "Anh"]) == ["Anh", "Zoë", "สีหศักดิ์"]
    assert sort_key("") == sort_key(None) == b""
    assert sort_key("Lê\u200bAnh") == sort_key("LêAnh")  # a zero-width space pasted from Word
    assert sort_key("Nguye\u0302\u0303n") == sort_key("Nguyễn")  # decomposed text sorts as composed
    assert sort_key("x" * 10_000)  # long texts are keyed by their beginning


def test_library_list_and_the_command_line_use_the_same_order(library: Library, library_path) -> None:
    for name in reversed(IN_ORDER):
        library.add(Person(name=name))
    assert [p.name for p in library.list("person", order_by="name")] == IN_ORDER
    assert [p.name for p in library.list("person", order_by="name", descending=True)] == IN_ORDER[::-1]
    result = CliRunner().invoke(
        cli, ["--library", str(library_path), "--json", "list", "person", "--sort", "name"]
    )
    assert result.exit_code == 0, result.output
    assert [p["name"] for p in json.loads(result.output)] == IN_ORDER


def test_talking_points_sorted_by_topic_follow_the_topic_names_then_their_own_order(library: Library) -> None:
    from briefbook.library import TalkingPoint

    later = library.add(Topic(title="Đường sắt"))
    sooner = library.add(Topic(title="Dịch bệnh"))
    for text in ("một", "hai"):
        library.add(TalkingPoint(topic_id=later.id, text=text))
        library.add(TalkingPoint(topic_id=sooner.id, text=text))
    listed = [(p.topic_id, p.text) for p in library.list("talking_point", order_by="topic_id")]
    assert listed == [(sooner.id, "một"), (sooner.id, "hai"), (later.id, "một"), (later.id, "hai")]


def test_the_exported_biographies_and_topic_briefs_follow_the_same_order(library: Library) -> None:
    from briefbook.assemble import assemble
    from briefbook.document.model import Heading, Profile
    from briefbook.library import Event, Meeting
    from briefbook.library.books import new_book

    event = library.add(Event(title="Hội nghị Bộ trưởng ASEAN", start_date="2026-07-08"))
    meeting = library.add(Meeting(event_id=event.id, title="Phiên toàn thể"))
    names = ["Vũ", "Đặng", "Ân", "Dũng", "An", "Lê Anh Tuấn", "Lễ"]
    for name in names:
        library.set_delegate(event.id, library.add(Person(name=name)).id, "Thành viên")
    titles = ["Chủ đề 10", "Đường sắt", "Chủ đề 2", "Dịch bệnh"]
    for title in titles:
        library.link_topic(meeting.id, library.add(Topic(title=title, background="Bối cảnh.")).id)
    document = assemble(library, new_book(library, event.id, language="vi", ceiling="Public"))
    profiles = [b.name for b in document.blocks if isinstance(b, Profile)]
    expected = ["An", "Ân", "Dũng", "Đặng", "Lễ", "Lê Anh Tuấn", "Vũ"]
    assert profiles[-len(names) :] == expected == sorted_vi(names)  # the biographies annex comes last
    briefs = [b.text for b in document.blocks if isinstance(b, Heading) and b.text in titles]
    assert briefs[-len(titles) :] == ["Chủ đề 2", "Chủ đề 10", "Dịch bệnh", "Đường sắt"]
