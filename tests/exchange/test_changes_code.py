"""A word switched to or from inline code is a change, as a word made bold is: the book prints
code in the monospace font, so the reader sees it. The diff compared words by bold, italic and
link only: ``x`` made `` `x` `` in an edit of other words was shown unchanged, and alone it was
shown in backticks (the raw texts' diff, for a change no reader sees)."""

from __future__ import annotations

from briefbook.exchange.changes import word_diff


def test_a_word_made_code_in_an_edit_of_other_words_is_shown() -> None:
    diff = word_diff("Số HĐ-07 ký năm 2024.", "Số `HĐ-07` ký năm 2025.")
    assert diff == [
        ("=", "Số"),
        ("-", "HĐ-07"),
        ("+", "HĐ-07"),
        ("=", "ký năm"),
        ("-", "2024."),
        ("+", "2025."),
    ]


def test_code_made_a_plain_word_is_shown_in_words() -> None:
    assert word_diff("Mã `ສົມພອນ-42` cuối", "Mã ສົມພອນ-42 cuối") == [
        ("=", "Mã"),
        ("-", "ສົມພອນ-42"),
        ("+", "ສົມພອນ-42"),
        ("=", "cuối"),
    ]


def test_code_unchanged_is_no_change() -> None:
    assert word_diff("Mã `A-1` và B", "Mã `A-1` và C") == [("=", "Mã A-1 và"), ("-", "B"), ("+", "C")]
