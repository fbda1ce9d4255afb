"""Search as a Vietnamese desk officer types it: without accents, by prefix, in Thai."""

from __future__ import annotations

import unicodedata

import pytest

from briefbook.library import Library, Person, Statement, TalkingPoint, Topic


@pytest.fixture
def hits(library: Library, filled: dict):
    library.add(Topic(title="Tuyên bố ASEAN", background="Hợp tác ở khu vực Đông Nam Á"))
    library.add(Person(name="António Guterres", position="Tổng Thư ký Liên hợp quốc"))

    def titles(query: str) -> list[str]:
        return [h.title for h in library.search(query)]

    return titles


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lua dao", "lừa đảo"),
        ("tuan", "Lê Anh Tuấn"),
        ("Dong Nam A", "Đông Nam Á"),
        ("Guter", "Guterres"),
        ("LỪA ĐẢO", "lừa đảo"),
        ("đong nam", "Đông Nam Á"),
    ],
)
def test_accents_case_and_prefixes_are_optional(library: Library, hits, query: str, expected: str) -> None:
    results = library.search(query)
    assert results, query
    shown = [(h.title + " " + h.snippet.replace("[", "").replace("]", "")).lower() for h in results]
    assert any(expected.lower() in text for text in shown)


def test_nfd_text_is_found_by_nfc_query_and_the_other_way(library: Library) -> None:
    library.add(Topic(title=unicodedata.normalize("NFD", "Bảo hộ công dân")))
    assert library.search("bảo hộ")
    assert library.search(unicodedata.normalize("NFD", "công dân"))


def test_thai_is_found_by_any_part(library: Library, filled: dict) -> None:
    thai = "สีหศักดิ์ พวงเกตุแก้ว"
    for part in ("พวงเกตุ", "หศักดิ์", "เกตุแก้ว", "แก้ว"):
        found = library.search(part)
        assert [h.id for h in found] == [filled["thai"].id], part
    assert library.search("sihasak")[0].id == filled["thai"].id
    assert thai


def test_snippet_marks_the_matched_words_in_the_original_text(library: Library, filled: dict) -> None:
    hit = next(h for h in library.search("lua dao") if h.kind == "talking_point")
    assert hit.id == filled["point"].id
    assert "[lừa] [đảo]" in hit.snippet


def test_ranking_prefers_title_matches(library: Library) -> None:
    topic = library.add(Topic(title="Bằng chứng điện tử"))
    library.add(
        TalkingPoint(topic_id=topic.id, text="Cần chia sẻ thông tin và bằng chứng điện tử nhanh chóng.")
    )
    library.add(Statement(text="Một đoạn rất dài " * 30 + "về bằng chứng điện tử."))
    assert library.search("bang chung dien tu")[0].kind == "topic"


def test_results_follow_edits(library: Library, filled: dict) -> None:
    point = filled["point"]
    library.update(TalkingPoint, point.id, text="Hợp tác thực thi pháp luật")
    assert library.search("thuc thi")[0].id == point.id
    assert not library.search("kien quyet")


def test_kinds_filter(library: Library, filled: dict) -> None:
    assert {h.kind for h in library.search("tuan", kinds=("statement",))} == {"statement"}


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        "-",
        "AND",
        "OR",
        "NOT",
        "*",
        "(",
        ")",
        "",
        "   ",
        'lừa" OR "x',
        "NEAR(a b)",
        "a:b",
        "^",
        "-lừa",
        "\x00",
        "🙂",
        "%",
        "_",
        "ก",
        "{",
        "title:x",
        '"unterminated',
        "a" * 2000,
    ],
)
def test_any_input_is_safe(library: Library, filled: dict, query: str) -> None:
    library.search(query)  # never raises


def test_hostile_input_still_finds_its_words(library: Library, filled: dict) -> None:
    assert library.search('"lừa" AND (đảo*')
    assert library.search("-tuan")


def test_snippets_mark_what_the_query_matched(library: Library) -> None:
    topic = library.add(Topic(title="x", background="Thảo luận về lừa đảo và luật lệ"))
    hit = next(h for h in library.search("lua dao") if h.id == topic.id)
    assert "[lừa] [đảo]" in hit.snippet and "[luận]" not in hit.snippet and "[luật]" not in hit.snippet
