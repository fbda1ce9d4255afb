"""An export records each item's text twice: all of it (what its hash is of), and without its
passages not for release, as written (what the diff reads). For any field values, the first is
what joining each field's words, field by field, gives (the whole text in one split); the second
reads as each field read on its own, one after the other (a one-line field as its characters)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefbook.exchange.changes import _record_text_fields, item_text
from briefbook.exchange.diff_words import reader_words
from briefbook.exchange.release import without_restricted
from briefbook.library import Person, Statement, TalkingPoint


def _joined(parts: list[str]) -> str:
    return " ".join(" ".join(p.split()) for p in parts if p).strip()


def _reference(record) -> tuple[str, list[str]]:
    full, words = [], []
    for name, markdown in _record_text_fields(type(record)):
        value = getattr(record, name)
        if not isinstance(value, str) or not value.strip():
            continue
        full.append(value)
        words += [w for w, _ in reader_words(without_restricted(value))] if markdown else value.split()
    return _joined(full), words


PIECES = [
    "Việt Nam",
    "ລາວ",
    "ไทย",
    "  ",
    "\n",
    "\t",
    "\u00a0",
    "\u2003",
    "[NFR] kín",
    "- [NFR] ý",
    "- ý",
    "\n\n",
    "x",
]
pieces = st.lists(st.sampled_from([*PIECES, "**đậm**", "1. một", "R&D *", "\\[", "# x"]), max_size=8)
texts = pieces.map("".join) | st.text(max_size=30)


def _records(a: str, b: str, c: str, d: str) -> tuple:
    return (
        Person(name=a, biography=b, interests=c, sensitivities=d),
        TalkingPoint(question=a, text=b, drafted_by=c),
        Statement(speaker_name=a, text=b, occasion=c, source=d),
    )


@settings(max_examples=1500, deadline=None)
@given(texts, texts, texts, texts)
def test_the_recorded_whole_text_is_each_fields_words_joined(a: str, b: str, c: str, d: str) -> None:
    # (An upgrade must not make every item "edited": the hash is of this text, as it was.)
    for record in _records(a, b, c, d):
        assert item_text(record)[0] == _reference(record)[0]


@settings(max_examples=500, deadline=None)
@given(*[pieces.map("".join)] * 4)
def test_the_recorded_shown_text_reads_as_each_field_read_on_its_own(a: str, b: str, c: str, d: str) -> None:
    for record in _records(a, b, c, d):
        assert [w for w, _ in reader_words(item_text(record)[1])] == _reference(record)[1]


def test_an_export_asks_the_one_line_markers_only_of_items_whose_origin_is_not_for_release(
    library, filled, monkeypatch
) -> None:
    """The record says an item is internal only (a one-line field starts with a marker) as
    before, for a marked topic, a point under it and a marked person, but asks it only of the
    items whose origin in the book is not for release: the assembly found the others' one-line
    fields unmarked already (a thousand items in a 100-meeting book were asked again)."""
    from briefbook.assemble import assemble
    from briefbook.exchange import changes, release
    from briefbook.library import Meeting, Topic
    from briefbook.library.books import new_book

    marked = library.add(Topic(title="[NFR] Đàm phán ລາວ", background="Nội bộ"))
    library.add(TalkingPoint(topic_id=marked.id, text="Điểm nói ไทย"))
    insider = library.add(Person(name="[Không công bố] Nguyễn Văn A"))
    meeting = library.add(Meeting(event_id=filled["event"].id, title="Gặp riêng", kind="bilateral"))
    library.link_topic(meeting.id, marked.id)
    library.set_participant(meeting.id, insider.id, "counterpart")
    book = new_book(library, filled["event"].id, title="Sổ tay", ceiling="Confidential")
    records: dict = {}
    document = assemble(library, book, ceiling="Confidential", records=records)
    asked: list[str] = []
    real = release.internal_only

    def spy(record):
        asked.append(record.id)
        return real(record)

    monkeypatch.setattr(changes, "internal_only", spy)
    found = changes.included(document, library, records)
    assert {i for i, e in found.items() if e.internal} == {marked.id, insider.id}
    assert all(real(records[i]) == e.internal for i, e in found.items())
    # Asked of the marked topic and person and of the point under the topic (its origin is the
    # topic's, not for release), of nothing else.
    assert set(asked) < set(found)
    assert {marked.id, insider.id} <= set(asked)
    assert filled["meeting"].id not in asked and filled["topic"].id not in asked
