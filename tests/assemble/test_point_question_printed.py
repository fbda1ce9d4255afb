"""A talking point's question is printed before its answer whatever the point's kind.

The window shows a Question field on every point, the table and the preflight name a point
by its question, and a Q&A point changed to "if raised" (or a reactive point given the
question it answers) keeps it; the book printed it for Q&A points only and dropped it from
every other kind without a word. In the PDF, the DOCX and the cards alike (one model)."""

from __future__ import annotations

import pytest

from briefbook.assemble import assemble
from briefbook.library import Library, TalkingPoint
from briefbook.library.books import new_book
from briefbook.library.records import TALKING_POINT_KINDS
from tests.assemble.test_assemble import text_of


@pytest.mark.parametrize("kind", TALKING_POINT_KINDS)
def test_the_question_of_a_point_of_any_kind_is_printed(library: Library, filled: dict, kind: str) -> None:
    point = library.add(
        TalkingPoint(
            topic_id=filled["topic"].id,
            kind=kind,
            question="Nếu hỏi về công dân tại Myanmar?",
            text="Đã đưa **hơn 1.000** công dân về nước.",
            status="cleared",
        )
    )
    book = new_book(library, filled["event"].id, title="Sổ tay", language="vi")
    text = text_of(assemble(library, book))
    assert "Nếu hỏi về công dân tại Myanmar?" in text
    assert text.index("Nếu hỏi về công dân tại Myanmar?") < text.index("Đã đưa hơn 1.000 công dân về nước.")
    # Changed to another kind in the window: the question goes with it.
    other = "qa" if kind != "qa" else "reactive"
    library.update(TalkingPoint, point.id, kind=other)
    assert "Nếu hỏi về công dân tại Myanmar?" in text_of(assemble(library, book))
