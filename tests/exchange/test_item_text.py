"""An export records each item's text twice (all of it, and without its passages not for
release); when nothing is left out it is joined once, and the whole text in one split. For
any field values, both are what joining each field's words, field by field, gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefbook.exchange.changes import _record_text_fields, item_text
from briefbook.exchange.release import without_restricted
from briefbook.library import Person, Statement, TalkingPoint


def _joined(parts: list[str]) -> str:
    return " ".join(" ".join(p.split()) for p in parts if p).strip()


def _reference(record) -> tuple[str, str]:
    full, shown = [], []
    for name, markdown in _record_text_fields(type(record)):
        value = getattr(record, name)
        if not isinstance(value, str) or not value.strip():
            continue
        full.append(value)
        shown.append(without_restricted(value) if markdown else value)
    return _joined(full), _joined(shown)


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
texts = st.lists(st.sampled_from(PIECES), max_size=8).map("".join) | st.text(max_size=30)


@settings(max_examples=1500, deadline=None)
@given(texts, texts, texts, texts)
def test_the_recorded_texts_are_each_fields_words_joined(a: str, b: str, c: str, d: str) -> None:
    for record in (
        Person(name=a, biography=b, interests=c, sensitivities=d),
        TalkingPoint(question=a, text=b, drafted_by=c),
        Statement(speaker_name=a, text=b, occasion=c, source=d),
    ):
        assert item_text(record) == _reference(record)
