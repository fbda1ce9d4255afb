"""Search as a Vietnamese desk officer types it: without accents, by prefix, in Thai."""

from __future__ import annotations

import unicodedata

import pytest

from briefbook.library import Library, Person, Statement, TalkingPoint, Topic
from briefbook.store.search import MAX_TERM_CHARS, MAX_TERMS, query_terms


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


def test_a_repeated_word_is_searched_once(library: Library, filled: dict) -> None:
    assert query_terms("lua " * 8000) == (["lua"], [])
    assert query_terms("dao lua dao") == (["lua", "dao"], [])  # the word being typed stays last
    assert [h.id for h in library.search("lừa " * 8000 + "đảo")] == [h.id for h in library.search("lừa đảo")]


def test_an_absurd_query_is_bounded(library: Library, filled: dict) -> None:
    words, unspaced = query_terms(" ".join(f"từ{i}" for i in range(5000)) + " " + "x" * 10_000)
    assert len(words) <= MAX_TERMS and all(len(w) <= MAX_TERM_CHARS for w in words)
    words, unspaced = query_terms("พวงเกตุ " * 3000)
    assert unspaced == ["พวงเกตุ"]
    assert (
        library.search("Việt Nam " + "một đoạn văn rất dài " * 2000) == []
    )  # searched, quickly, found nothing
    assert library.search("kiên quyết " * 100 + "lừa")[0].id == filled["point"].id


def test_a_prefix_that_matches_most_of_the_library_shows_the_newest(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ranking every match of a one-letter prefix costs more than it tells: past a bound, newest first."""
    from briefbook.store import search as fts

    points = [library.add(Topic(title=f"Lừa đảo số {i}")) for i in range(5)]
    ranked = [h.id for h in library.search("l")]
    monkeypatch.setattr(fts, "RANKED_UP_TO", 2)
    newest = [h.id for h in library.search("l")]
    assert sorted(newest) == sorted(ranked) == sorted(p.id for p in points)
    assert newest == [p.id for p in reversed(points)]
    assert [h.id for h in library.search("l", kinds=("topic",))] == newest


def test_a_table_filter_gets_hits_without_snippets_and_their_records_in_one_read(
    library: Library, filled: dict
) -> None:
    hits = library.search("lua dao", snippets=False)
    assert hits and all(h.snippet == "" for h in hits)
    assert [h.id for h in hits] == [h.id for h in library.search("lua dao")]
    ids = [filled["point"].id, "missing", filled["point"].id]
    assert [r.id for r in library.get_many(TalkingPoint, ids)] == [filled["point"].id] * 2


def test_ids_are_in_the_order_of_the_list(library: Library, filled: dict) -> None:
    topic = filled["topic"]
    for i in range(3):
        library.add(TalkingPoint(topic_id=topic.id, text=f"Điểm {i}"))
    where = {"topic_id": topic.id}
    listed = [p.id for p in library.list(TalkingPoint, where=where, order_by="position")]
    assert library.ids(TalkingPoint, where=where, order_by="position") == listed
    assert library.ids(TalkingPoint, order_by="topic_id") == [
        p.id for p in library.list(TalkingPoint, order_by="topic_id")
    ]


def test_folding_is_the_same_character_by_character_as_the_table_says() -> None:
    """fold() is the dict-table translation done in C-speed steps: the same result for every character."""
    from briefbook.text import _FOLD_TABLE, fold

    def by_table(text: str) -> str:
        decomposed = unicodedata.normalize("NFD", text.lower()).translate(_FOLD_TABLE)
        return unicodedata.normalize("NFC", decomposed)

    for code in list(range(0x20, 0x2200)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        assert fold(char) == by_table(char) and fold(f"a{char}b") == by_table(f"a{char}b"), hex(code)
    assert fold("Đà Nẵng ǿ ĐÔNG Łódź") == by_table("Đà Nẵng ǿ ĐÔNG Łódź") == "da nang o dong lodz"


TRICKY_TEXTS = [
    "Lừa đảo trực tuyến",
    unicodedata.normalize("NFD", "Việt Nam ĐÔNG"),
    "\u0301 an accent first",  # a mark with no letter before it (in a text of its own)
    "ΟΔΟΣ",  # final sigma: its own text's end, not the next text's start
    "ΣΑ",
    "Σ",
    "",
    "สีหศักดิ์ พวงเกตุแก้ว ລາວ ខ្មែរ",
    "İstanbul Straße ǅ ﬁ",
    "a\u0301\u0323b e\u0323\u0302",  # marks out of canonical order
    "plain ascii",
    "\u1ab0\u1dc0\u20d0 x",
]


@pytest.mark.parametrize("numpy", [True, False])
def test_folding_many_texts_at_once_is_folding_each(numpy: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """fold_many (used by check on a whole library) gives exactly what fold gives each text."""
    from briefbook import text

    if not numpy:
        monkeypatch.setattr(text, "_kept_characters", lambda: None)
    elif text._kept_characters() is None:
        pytest.skip("numpy is not installed")
    texts = TRICKY_TEXTS + [a + b for a in TRICKY_TEXTS for b in TRICKY_TEXTS]
    texts += [f"{prefix}{chr(code)}" for code in range(0x20, 0x2200) for prefix in ("", "a", "Σ")]
    assert text.fold_many(texts) == [text.fold(t) for t in texts]
    with_nul = ["a\x00ΟΣ", "Đà"]  # a text holding the separator is folded on its own
    assert text.fold_many(with_nul) == [text.fold(t) for t in with_nul]
    assert text.fold_many([]) == []


def test_only_the_best_hits_are_marked_and_the_rest_when_asked(library: Library, filled: dict):
    """A list marks a screenful at once and the others a moment later: the same extracts in the end."""
    topic = filled["topic"]
    for i in range(5):
        library.add(
            TalkingPoint(topic_id=topic.id, text=f"Điểm {i}: hợp tác chống lừa đảo trực tuyến ở Lào.")
        )
    library.add(Person(name="Lừa Đảo Văn", position="(a name that matches in the title only)"))
    every = library.search("lua dao", limit=20)
    assert len(every) >= 6 and all("[" in h.snippet for h in every)
    some = library.search("lua dao", limit=20, snippets=2)
    assert [h.id for h in some] == [h.id for h in every]  # the same hits, in the same order
    assert [h.snippet for h in some[:2]] == [h.snippet for h in every[:2]]
    assert all(h.snippet == "" for h in some[2:])
    later = library.snippets("lua dao", [h.id for h in some[2:]])
    assert later == {h.id: h.snippet for h in every[2:]}
    assert library.snippets("lua dao", ["no-such-id"]) == {}
    assert all(h.snippet == "" for h in library.search("lua dao", snippets=False))


def test_a_persons_extract_names_them_once(library: Library) -> None:
    library.add(Person(name="សុខ ចិន្ដា", name_romanised="Sok Chenda Sophea", position="Bộ trưởng"))
    (hit,) = library.search("sok chenda")
    assert hit.snippet.count("[Sok]") == 1 and "Bộ trưởng" in hit.snippet
