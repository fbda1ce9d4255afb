"""Finding not-for-release markers without repeated work: the same answers, folded less.

A book stamps an origin on every text it prints, and each origin asks whether the
item's one-line fields (title, name) start with a marker; a long text is folded
only as far as its start decides. These tests pin the answers to the whole-text
rule and count the folding, never the time.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefbook.assemble import assemble
from briefbook.assemble import markers as md
from briefbook.library import Event, Library, Meeting, Person, TalkingPoint, Topic
from briefbook.library.books import new_book

# Pieces a hostile or careless text can start with: markers, tags, task boxes, invisible
# and combining characters, fullwidth forms, decomposed Vietnamese, Markdown emphasis.
PIECES = [
    "[NFR]",
    "[nfr",
    "]",
    "[",
    "N",
    "F",
    "R",
    "not for release",
    "Không công bố",
    "Kho\u0302ng co\u0302ng bo\u0302\u0301",
    "[Không phổ biến]",
    "<b>",
    "</b>",
    "<",
    ">",
    "[ ]",
    "[x]",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u00ad",
    "\u00a0",
    " ",
    "\n",
    "\t",
    "\u0301",
    "\u0302",
    "［ＮＦＲ］",
    "*",
    "_",
    "\\",
    "`",
    "e",
    "ê",
    "a" * 30,
    "ประเทศไทย",
    "ສປປ ລາວ",
    "\u0e31",
    "x" * 90,
    "(",
    ".",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.integers(0, 300))
def test_a_long_text_is_judged_by_its_start_exactly_as_by_the_whole(pieces: list[str], pad: int) -> None:
    text = "".join(pieces) + "y" * pad + "".join(reversed(pieces))
    assert md._is_marked(text) == md._is_marked_whole(text)
    assert md.is_marked(text) == md._is_marked_whole(text)


@pytest.mark.parametrize(
    "lead",
    ["", "<b>" * 30, "\u200b" * 200, " " * 500, "[ ]" * 40, "*_" * 100, "\u00ad" * 150, "<" + "x" * 39 + ">"],
)
def test_a_marker_after_a_long_lead_is_still_found(lead: str) -> None:
    tail = " Việt Nam " * 200
    assert md.is_marked(lead + "[NFR] bí mật" + tail)
    assert not md.is_marked(lead + "NFR bí mật" + tail)
    assert md.is_marked(lead + "[Kho\u0302ng co\u0302ng bo\u0302\u0301]" + tail)
    assert not md.is_marked("e\u0301" * 100 + "[NFR]" + tail)  # a marker must lead


def test_a_long_text_is_folded_only_as_far_as_its_start(monkeypatch: pytest.MonkeyPatch) -> None:
    folded: list[int] = []
    fold = md._fold
    monkeypatch.setattr(md, "_fold", lambda text: folded.append(len(text)) or fold(text))
    text = "Việt Nam đánh giá cao hợp tác quốc tế. " * 500
    assert not md._is_marked(text)
    assert sum(folded) < 1000  # the whole text is 20,000 characters


def test_each_title_is_folded_once_per_book(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    with library.transaction():
        event = library.add(Event(title="Hội nghị Viêng Chăn", city="Vientiane"))
        person = library.add(Person(name="ສົມພອນ [ວົງສາ]", position="Thứ trưởng"))
        library.set_delegate(event.id, person.id, "Trưởng đoàn")
        for n in range(6):
            meeting = library.add(Meeting(event_id=event.id, title=f"Cuộc gặp {n}", kind="bilateral"))
            topic = library.add(Topic(title=f"Chủ đề [{n}]", background="Bối cảnh."))
            library.link_topic(meeting.id, topic.id)
            library.set_participant(meeting.id, person.id, "counterpart")
            for k in range(4):
                library.add(TalkingPoint(topic_id=topic.id, text=f"Điểm {k}.", status="cleared"))
        book = new_book(library, event.id, title="Sổ tay")
    counts: dict[str, int] = {}
    fold = md._fold
    md._is_marked_memo.cache_clear()

    def counted(text: str) -> str:
        counts[text] = counts.get(text, 0) + 1
        return fold(text)

    monkeypatch.setattr(md, "_fold", counted)
    assemble(library, book.id)
    # (brackets in the names: a text without one is never folded at all)
    assert counts.get("ສົມພອນ [ວົງສາ]") == 1  # the counterpart is named in every brief
    assert counts.get("Chủ đề [0]") == 1
    assert max(counts.values()) == 1


def test_only_the_three_opening_brackets_fold_to_one() -> None:
    """A text without "[", U+FE47 or U+FF3B holds no marker: nothing else folds to "["."""
    import sys
    import unicodedata

    folding = [c for c in range(sys.maxunicode + 1) if "[" in md._fold(chr(c))]
    assert folding == [0x5B, 0xFE47, 0xFF3B], unicodedata.unidata_version
    assert all(md.may_hold_marker(chr(c)) for c in folding)


def test_a_text_without_an_opening_bracket_is_not_folded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(md, "_fold", lambda text: pytest.fail("folded"))
    assert not md.is_marked("Việt Nam đánh giá cao (2025) hợp tác NFR] " * 40)
    assert not md.is_marked("ສປປ ລາວ")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "> ", "\n> ", "- ", "\n\n", "| a |", "    ", "1. "]), max_size=30))
def test_passages_left_out_of_a_package_are_the_same_with_the_bracket_shortcut(pieces: list[str]) -> None:
    from briefbook.exchange import release

    text = "".join(pieces)
    assert release.without_restricted(text) == _without_restricted_slowly(text)


def _without_restricted_slowly(text: str) -> str:
    """exchange.release.without_restricted as it was, every field parsed and every passage folded."""
    from briefbook.exchange import release

    if not text or not text.strip():
        return text
    lines = text.split("\n")
    drop: set[int] = set()
    tokens = release._md().parse(text)
    for i, token in enumerate(tokens):
        if token.type not in release._BLOCKS or token.map is None:
            continue
        start, end = token.map
        source = "\n".join(lines[start:end])
        texts = [source, *release._inline_texts(tokens, i)]
        for t in texts:
            if md._is_marked_whole(t) or md._is_marked_whole(md._LEAD.sub("", t)):
                drop.update(range(start, end))
    if not drop:
        return text
    return "\n".join(line for n, line in enumerate(lines) if n not in drop).strip("\n")
