"""The table's answers (named tuples) are typed with types, not with text compiled at import.

``typing.NamedTuple`` compiles each field annotation it is given as text (a postponed
annotation) into a ``ForwardRef``: 26 compilations in every start of the window, before
its first table. ``briefbook.ui.table_reads`` does not postpone its annotations.
"""

from __future__ import annotations

import typing

from briefbook.ui import table_reads

ANSWERS = (
    table_reads.Selection,
    table_reads.FirstRows,
    table_reads.Hits,
    table_reads.MoreRows,
    table_reads.Placed,
)


def test_no_answer_field_is_typed_with_text() -> None:
    for answer in ANSWERS:
        assert answer.__annotations__, answer
        texts = {
            name: kind
            for name, kind in answer.__annotations__.items()
            if isinstance(kind, typing.ForwardRef | str)
        }
        assert not texts, (answer.__name__, texts)


def test_the_answers_keep_their_fields_and_defaults() -> None:
    assert table_reads.FirstRows._fields[:4] == ("rows", "total", "order", "cursor")
    assert table_reads.FirstRows([], 0, (None, False)).fresh is False
    assert table_reads.Placed.__annotations__["row"] == table_reads.Packed | None
