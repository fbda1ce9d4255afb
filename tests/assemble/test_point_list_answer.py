"""A point written as a list stays one point, its numbers kept, under its question or draft mark.

A field that is only a list gives its items to the brief's list of points, which reads well
for a point of bullets. Behind a question the answer's first item followed "A:" and its
second was printed as a point of its own, its numbers gone: '1. Một / 2. Hai' under a
question printed as "• Q: … A: Một", then "• Hai", read as another question's answer. A
draft point written as a list had only its first item marked draft.
"""

from __future__ import annotations

from pathlib import Path

import docx
from pypdf import PdfReader

from briefbook.assemble import assemble
from briefbook.document.model import ListBlock
from briefbook.export import ExportOptions, export_book
from briefbook.library import Library, TalkingPoint
from briefbook.library.books import new_book

ANSWER = "1. Một\n   1. Một một\n   2. Một hai\n2. Hai\n"


def _qa_lists(document) -> list[ListBlock]:
    return [b for b in document.blocks if isinstance(b, ListBlock) and "Hỏi gì đây?" in text_of_list(b)]


def text_of_list(lb: ListBlock) -> str:
    return "".join(r.text for item in lb.items for r in item.runs)


def _add(library: Library, filled: dict, **fields) -> None:
    library.add(TalkingPoint(topic_id=filled["topic"].id, **fields))


def test_an_answer_that_is_a_numbered_list_is_one_point_with_its_numbers(
    library: Library, filled: dict, tmp_path: Path
) -> None:
    _add(library, filled, kind="qa", question="Hỏi gì đây?", text=ANSWER, status="cleared")
    book = new_book(library, filled["event"].id, title="Sổ tay", language="vi")
    document = assemble(library, book)
    (group,) = _qa_lists(document)
    (point,) = [i for i in group.items if "Hỏi gì đây?" in "".join(r.text for r in i.runs)]
    (answer,) = point.more
    assert isinstance(answer, ListBlock) and answer.ordered
    assert ["".join(r.text for r in i.runs) for i in answer.items] == ["Một", "Hai"]
    assert [r.text for i in answer.items[0].children.items for r in i.runs] == ["Một một", "Một hai"]
    assert "Hai" not in ["".join(r.text for r in i.runs) for i in group.items]

    export_book(library, book.id, tmp_path / "b", ExportOptions(formats=("pdf", "docx")))
    printed = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "b.pdf").pages)
    at = printed.index("Hỏi gì đây?")
    assert "Đáp:" in printed[at:]
    # Numbered at the answer's level, as every list under a point is (a., b.; i., ii. within).
    shown = printed[at:].split()
    assert shown[:9] == ["Hỏi", "gì", "đây?", "Đáp:", "a.", "Một", "i.", "Một", "một"]
    assert shown[shown.index("hai") + 1 : shown.index("hai") + 3] == ["b.", "Hai"]
    paragraphs = [p.text for p in docx.Document(tmp_path / "b.docx").paragraphs]
    after = paragraphs[next(i for i, t in enumerate(paragraphs) if "Hỏi gì đây?" in t) :]
    assert after.index("Hai") > after.index("Một hai")


def _items(blocks) -> list:
    out = []
    for b in blocks:
        if isinstance(b, ListBlock):
            for item in b.items:
                out.append(item)
                out += _items([item.children] if item.children else [])
                out += _items(item.more)
    return out


def test_every_item_of_a_draft_point_written_as_a_list_is_under_its_draft_mark(
    library: Library, filled: dict
) -> None:
    _add(library, filled, kind="reactive", text="- Thứ nhất\n- Thứ hai\n", status="draft")
    book = new_book(library, filled["event"].id, title="Sổ tay", language="vi")
    items = _items(assemble(library, book, drafts="mark").blocks)
    (marked,) = [i for i in items if any(isinstance(m, ListBlock) for m in i.more)]
    assert "DỰ THẢO" in "".join(r.text for r in marked.runs)
    assert [r.text for i in marked.more[0].items for r in i.runs] == ["Thứ nhất", "Thứ hai"]
    # Neither item is a point of its own beside the marked one.
    assert sum("".join(r.text for r in i.runs) == "Thứ hai" for i in items) == 1
