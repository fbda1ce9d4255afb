"""A long text is folded for the index in pieces, and a required one found not blank at its first
visible character, with the results of the whole text's: each long step in C holds Python's
lock, and a 1 MB point is stored on a thread while the window goes on (``background_save``)."""

from __future__ import annotations

import random
import unicodedata

import pytest

from briefbook import text
from briefbook.text import clean_line, fold, is_blank

# pieces that meet a cut: final sigma, marks after a letter and after a space, Thai, Arabic,
# NFD Vietnamese, the letters folding replaces
PARTS = ["ΟΔΟΣ", "Σ", "lừa đảo", unicodedata.normalize("NFD", "Hội nghị"), "\u0301x", "ประเทศไทย",
         "الوفد", "Đà Nẵng", "ĐẢNG", "ø Æ ß", "İstanbul", "  ", "\n- ", "a\u200bb"]  # fmt: skip


def test_a_long_text_folds_in_pieces_as_it_folds_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    long = " ".join(rng.choice(PARTS) for _ in range(60_000))
    assert len(long) > 4 * text.FOLD_PIECE
    whole = text._fold(long)  # (the steps over all of it at once)
    sizes = []
    real = unicodedata.normalize
    monkeypatch.setattr(text.unicodedata, "normalize", lambda form, s: sizes.append(len(s)) or real(form, s))
    assert fold(long) == whole
    assert sizes and max(sizes) < 2 * text.FOLD_PIECE  # never all of it in one call
    for cut in ("Σ", "\u0301", "ΣΣ", "ε\u0301"):  # at a piece's edge
        edged = "x" * text.FOLD_PIECE + " " + cut + " " + "y" * text.FOLD_PIECE + cut + " z" * 10
        assert fold(edged) == text._fold(edged)


@pytest.mark.parametrize(
    "value",
    ["", " ", "\u200b", " \u200b \ufeff ", "\x00\x01", "\r\n\t", "a", " \u200ba", "\u0301", "\x0b\x0c",
     "\u2060x", "\u00a0", "\u3000\u200d"],
)  # fmt: skip
def test_blank_is_what_a_reader_sees_of_a_line(value: str) -> None:
    assert is_blank(value) == (not clean_line(value))
    assert is_blank(value * 500) == (not clean_line(value * 500))
