"""An item is internal only when any one-line field (a title, a name, any other) starts with
a not-for-release marker. Both the book's rule and the exchange package's first look once
over all the fields for an opening bracket: a marker in any field, in any of its spellings,
is still found, and a bracket that opens no marker still marks nothing."""

from __future__ import annotations

import pytest

from briefbook.assemble.book import start_assembly
from briefbook.exchange.release import internal_only
from briefbook.library import Event, Library, Meeting, Organisation, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import new_book
from briefbook.library.records import one_line_fields

KINDS = [Organisation, Person, Event, Meeting, Topic, TalkingPoint, Statement]
MARKED = ["[NFR] bí mật", "［NFR］ ລາວ", "\ufe47NFR] x", "- [Không công bố] x", "> [not for release] x"]
UNMARKED = ["Hội nghị [2026]", "ASEAN ［59］", "x [NFR]", ""]


def _text_fields(cls) -> list[str]:
    return [n for n in one_line_fields(cls) if isinstance(getattr(cls(), n), str) and n != "id"]


@pytest.fixture
def assembly(library: Library):
    with library.transaction():
        event = library.add(Event(title="Hội nghị"))
        book = new_book(library, event.id, title="Sổ tay")
    a, _event, _shown = start_assembly(library, book.id, "Secret", None, None, False)
    return a


@pytest.mark.parametrize("cls", KINDS, ids=lambda c: c.__name__)
def test_a_marker_in_any_one_line_field_makes_the_item_internal(assembly, cls) -> None:
    fields = _text_fields(cls)
    assert len(fields) >= 4
    for name in fields:
        for text in MARKED:
            item = cls(**{name: text})
            assert assembly.restricted(item), (cls.__name__, name, text)
            assert internal_only(item), (cls.__name__, name, text)
        for text in UNMARKED:
            item = cls(**{name: text})
            assert not internal_only(item), (cls.__name__, name, text)
            if not isinstance(item, TalkingPoint):  # a point is also its topic's (none here)
                assert not assembly.restricted(item), (cls.__name__, name, text)


def test_values_that_are_no_text_are_passed_by(assembly) -> None:
    point = TalkingPoint(text="[NFR] only in the Markdown text", position=3)
    assert not internal_only(point)
    meeting = Meeting(title="Gặp", position=7, venue="[NFR] phòng kín")
    assert assembly.restricted(meeting) and internal_only(meeting)
