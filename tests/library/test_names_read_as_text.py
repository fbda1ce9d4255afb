"""A talking point's or statement's name is its first line read as text, not its Markdown: what
lists show, what search titles and extracts say, and what the Text column sorts by."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli.main import _register, cli
from briefbook.library import Event, Library, Meeting, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import new_book
from briefbook.markdown_plain import HEAD, markdown_name, plain_text, sort_text

FIXTURES = Path(__file__).parents[1] / "fixtures"
TEXTS = [
    "**Thái Lan** đồng chủ trì hội nghị.",
    "\\[NFR] Bí mật: lập trường R\\&D.",
    "[Công ước Hà Nội](https://www.unodc.org/) mở ký tại Hà Nội.",
    "Bangkok là nơi họp.",
    "Zalo và các mạng xã hội.",
    "_Ấn Độ_ tham dự.",
]
READ = [
    "[NFR] Bí mật: lập trường R&D.",  # "[" is punctuation: before the letters, as typed
    "Ấn Độ tham dự.",
    "Bangkok là nơi họp.",
    "Công ước Hà Nội mở ký tại Hà Nội.",
    "Thái Lan đồng chủ trì hội nghị.",
    "Zalo và các mạng xã hội.",
]


@pytest.mark.parametrize(
    ("markdown", "name"),
    [
        ("**Thái Lan** hợp tác", "Thái Lan hợp tác"),
        ("\\[NFR] Bí mật", "[NFR] Bí mật"),
        ("R\\&D và R&amp;D", "R&D và R&D"),
        ("[Công ước](http://example.org) Hà Nội", "Công ước Hà Nội"),
        ("- ສປປ ລາວ\n- ไทย", "ສປປ ລາວ"),
        ("> trích dẫn", "trích dẫn"),
        ("snake_case_name và 2 * 3 = 6", "snake_case_name và 2 * 3 = 6"),
        ("`code_x` đây", "code_x đây"),
        ("Dòng **một**\ndòng hai", "Dòng một"),
        ("---", "---"),  # reads as nothing (a rule): named as written, never "(empty)"
        ("-", "-"),
        ("x <b> y", "x <b> y"),  # raw HTML is text, as in the book
    ],
)
def test_the_first_line_is_read_as_text(markdown: str, name: str) -> None:
    assert markdown_name(markdown) == name
    assert TalkingPoint(text=markdown).display_name == name
    assert Statement(text=markdown, speaker_name="Lê Anh Tuấn").display_name == f"Lê Anh Tuấn: {name}"


def test_a_long_text_is_read_by_its_head_only() -> None:
    """A 1 MB point is named and sorted by its first lines: read whole it took about 2 s."""
    text = "**Thái Lan** " + ("và [UNODC](http://x.org) hợp tác. " * 40 + "\n") * 1000
    assert len(sort_text(text)) < HEAD and sort_text(text).startswith("Thái Lan và UNODC")
    assert plain_text("**a**", whole=True) == "a"


def _library(path: Path) -> tuple[Library, Topic]:
    library = Library.create(path)
    topic = library.add(Topic(title="Hợp tác khu vực"))
    for text in TEXTS:
        library.add(TalkingPoint(topic_id=topic.id, text=text))
    return library, topic


def test_the_text_column_sorts_by_what_it_reads_as(tmp_path: Path) -> None:
    library, _topic = _library(tmp_path / "l.briefbook")
    with library:
        for descending in (False, True):
            names = [
                p.display_name for p in library.list(TalkingPoint, order_by="text", descending=descending)
            ]
            assert names == (READ[::-1] if descending else READ)
        # the same order when the keys are not stored (rows written by something else)
        library.db.execute("UPDATE talking_points SET text_sort_key = NULL")
        assert [p.display_name for p in library.list(TalkingPoint, order_by="text")] == READ


def test_search_titles_and_extracts_read_as_text(tmp_path: Path) -> None:
    library, _topic = _library(tmp_path / "l.briefbook")
    with library:
        hit = library.search("thai lan")[0]
        assert hit.title == "Thái Lan đồng chủ trì hội nghị."
        assert hit.snippet == "[Thái] [Lan] đồng chủ trì hội nghị."
        hit = library.search("bi mat")[0]
        assert hit.title == "[NFR] Bí mật: lập trường R&D."
        assert "\\" not in hit.snippet and "R&D" in hit.snippet
        assert library.snippets("bi mat", [hit.id]) == {hit.id: hit.snippet}
        assert library.check() == []


def test_an_old_library_is_named_and_sorted_as_read_after_its_upgrade(tmp_path: Path) -> None:
    """Made by BriefBook at schema 0010 (index 6): names, search titles and sort keys of the raw
    Markdown, and two deleted items listed by theirs."""
    path = tmp_path / "old.briefbook"
    shutil.copy(FIXTURES / "markdown-names-0010.briefbook", path)
    with Library.open(path) as library:
        names = [p.display_name for p in library.list(TalkingPoint, order_by="text")]
        assert names == [
            "[NFR] Bí mật: lập trường R&D.",
            "Bangkok là nơi họp.",
            "Công ước Hà Nội mở ký tại Hà Nội.",
            "Thái Lan đồng chủ trì hội nghị.",
            "Zalo và các mạng xã hội.",
        ]
        assert library.search("thai lan")[0].title == "Thái Lan đồng chủ trì hội nghị."
        assert library.search("lua dao")[0].title == (
            "ສົມພອນ ແກ້ວ, 2025-11-06: Lừa đảo trực tuyến là thách thức chung."
        )
        assert [d.title for d in library.deleted_items()] == [
            "Lê Anh Tuấn, 2025-12-17: Hợp tác ASEAN: ưu tiên.",
            "Đã xoá: điểm về Myanmar.",
        ]
        assert library.check() == []


def _cli(path: Path, *args: str) -> str:
    _register()
    result = CliRunner().invoke(cli, ["--library", str(path), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_command_line_names_lists_and_finds_what_the_user_sees(tmp_path: Path) -> None:
    path = tmp_path / "l.briefbook"
    library, topic = _library(path)
    with library:
        event = library.add(Event(title="Hội nghị Viêng Chăn", city="Vientiane"))
        meeting = library.add(Meeting(event_id=event.id, title="Gặp song phương", kind="bilateral"))
        library.link_topic(meeting.id, topic.id)
        person = library.add(Person(name="ສົມພອນ ແກ້ວ"))
        said = library.add(
            Statement(speaker_id=person.id, date="2025-11-06", text="*Lừa đảo* là thách thức.")
        )
        library.link_topic(said.id, topic.id)
        book = new_book(library, event.id, title="Sổ tay").id
        gone = library.add(TalkingPoint(topic_id=topic.id, text="**Đã xoá** _nay_"))
    listed = _cli(path, "list", "talking_point", "--sort", "text").splitlines()[1:]
    assert [line[38:] for line in listed] == [*READ[:4], "Đã xoá nay", *READ[4:]]
    found = _cli(path, "search", "thai lan")
    assert "Thái Lan đồng chủ trì hội nghị." in found and "**" not in found
    items = _cli(path, "book", "items", book, "statements")
    assert "ສົມພອນ ແກ້ວ, 2025-11-06: Lừa đảo là thách thức." in items  # the linked speaker, read
    _cli(path, "delete", gone.id, "--force")
    assert "Đã xoá nay" in _cli(path, "deleted")
    preflight = _cli(path, "preflight", book, "--for-sharing")
    assert "“[NFR] Bí mật: lập trường R&D.”" in preflight and "\\[" not in preflight


def test_a_paragraph_read_inline_reads_as_the_whole_parse(monkeypatch) -> None:
    """A text that is one paragraph is read by the inline parser alone (half the cost of a name);
    on random texts of the marks that matter it reads exactly as the whole CommonMark parse."""
    import random

    from briefbook import markdown_plain

    pieces = ["**", "*", "_", "`", "``", "[", "]", "](http://x.y)", "\\", "\\*", "\\[", "&amp;", "&#91;"]
    pieces += ["&", "<", ">", "|", "|---|", "~", "!", "-", "+", "#", "=", "1.", "2)", "---", "***", ":"]
    pieces += [" ", " ", "\n", "  \n", "\\\n", "    ", "\t", "Thái", "ລາວ", "x_y", "<http://a.b>", "a"]
    rng = random.Random(5)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(5000)]
    read = [plain_text(t) for t in texts]

    class Always:
        def match(self, line: str) -> bool:
            return True

    monkeypatch.setattr(markdown_plain, "_BLOCK_LINE", Always())  # every text through the whole parse
    assert [i for i, t in enumerate(texts) if plain_text(t) != read[i]] == []
