"""A talking point respelled but printed the same is no change on the changes page.

The editor writes through Qt's Markdown writer, which respells what it reads: "_ưu tiên_" is
saved "*ưu tiên*", "__x__" "**x**", "+ a" "- a", "1)" "1.". The export recorded a hash of the
text as spelled, so a point opened, edited elsewhere and undone (or saved for another field)
was listed under "changes since version N" with no difference a reader could see (and the
word diff, finding none, showed the raw Markdown: "_ưu tiên_" against "*ưu tiên*"). An export
now records a hash of what the book reads in the text (``diff_words.reading``) as well.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.exchange.changes import Included, compare
from briefbook.exchange.copy_changes import book_changes
from briefbook.export import ExportOptions, export_book
from briefbook.library import Library, TalkingPoint
from briefbook.library.books import new_book


def _edited_after(library: Library, filled: dict, tmp_path: Path, before: str, after: str) -> list:
    """The edited items of the changes after the point went from ``before`` (exported) to ``after``."""
    point = filled["point"]
    library.update(TalkingPoint, point.id, text=before)
    book_id = new_book(library, filled["event"].id, title="Sổ tay", ceiling="Confidential").id
    export_book(library, book_id, tmp_path / "v1.pdf", ExportOptions(formats=("pdf",)))
    library.update(TalkingPoint, point.id, text=after)
    return book_changes(library, book_id).edited


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Việt Nam _ưu tiên_ hợp tác với __ສົມພອນ__.", "Việt Nam *ưu tiên* hợp tác với **ສົມພອນ**."),
        (
            "Mục tiêu:\n\n+ ký Công ước\n+ hồi hương\n\n1) qua ประเทศไทย",
            "Mục tiêu:\n\n- ký Công ước\n- hồi hương\n\n1. qua ประเทศไทย",
        ),
        ("Khoảng ~5 km, a\\~~b\\~~c, giá 5$ \\* 2", "Khoảng \\~5 km, a\\~~b\\~\\~c, giá 5$ \\* 2"),
        ("Gặp ~~ສົມພອນ~~ tại\nViêng Chăn.", "Gặp ~~ສົມພອນ~~ tại Viêng Chăn."),
        ("_Công khai_.\n\n[NFR] Nội bộ __A__", "*Công khai*.\n\n[NFR] Nội bộ **A**"),
    ],
)
def test_a_point_respelled_is_no_change(
    library: Library, filled: dict, tmp_path: Path, before: str, after: str
) -> None:
    assert _edited_after(library, filled, tmp_path, before, after) == []


@pytest.mark.parametrize(
    ("before", "after", "shown"),
    [
        ("Việt Nam ưu tiên hợp tác.", "Việt Nam _ưu tiên_ hợp tác.", [("-", "ưu tiên"), ("+", "ưu tiên")]),
        (
            "Việt Nam **ưu tiên** hợp tác.",
            "Việt Nam *ưu tiên* hợp tác.",
            [("-", "ưu tiên"), ("+", "ưu tiên")],
        ),
        ("Gặp ສົມພອນ tại Viêng Chăn.", "Gặp ~~ສົມພອນ~~ tại Viêng Chăn.", [("-", "ສົມພອນ"), ("+", "ສົມພອນ")]),
        (
            "Xem [Công ước](https://a.org).",
            "Xem [Công ước](https://b.org).",
            [("-", "ước](https://a.org)."), ("+", "ước](https://b.org).")],
        ),
        ("Công khai.\n\n[NFR] Nội bộ A", "Công khai.\n\n[NFR] Nội bộ B", []),
    ],
)
def test_a_change_a_reader_sees_is_a_change(
    library: Library, filled: dict, tmp_path: Path, before: str, after: str, shown: list
) -> None:
    """A word made italic, bold made italic, a name struck, a link's address, a passage not for
    release (printed in an internal copy: its words are never recorded, its change is)."""
    edited = _edited_after(library, filled, tmp_path, before, after)
    assert [e.item_id for e in edited] == [filled["point"].id]
    assert all(change in edited[0].diff for change in shown), edited[0].diff


def test_an_older_record_on_one_line_is_compared_by_the_text_as_spelled() -> None:
    """A record of an older BriefBook (its text on one line, read otherwise) has only the hash."""
    now = {"p": Included("talking_point", "Ưu tiên", "Public", hash="new", text="*ưu tiên*")}
    old = {"kind": "talking_point", "name": "Ưu tiên", "level": "Public", "hash": "old", "text": "_ưu tiên_"}
    assert [
        e.item_id for e in compare({"version": 1, "exported_at": "", "items": {"p": old}}, now).edited
    ] == ["p"]
    with_lines = {**old, "lines": 1}
    assert compare({"version": 1, "exported_at": "", "items": {"p": with_lines}}, now).empty
