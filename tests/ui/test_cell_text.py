"""A table cell shows a point's text as the book prints it, without loading the parser.

The cells read a text with a few patterns (``ui/cell_text``); they took out every "_",
"*" and "`" and left character references as typed, so a text written on the command
line or imported showed "snakecasename", "2  3 = 6", "codex" and "R&amp;D".
"""

from __future__ import annotations

import random

import pytest

from briefbook.markdown_plain import readable
from briefbook.ui.cell_text import plain_summary


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Biến snake_case_name trong mã", "Biến snake_case_name trong mã"),
        ("2 * 3 = 6", "2 * 3 = 6"),
        ("`code_x` và `a\\_b`", "code_x và a\\_b"),
        ("R&amp;D, &#233; và &nosuch;", "R&D, é và &nosuch;"),
        ("don`t", "don`t"),
        ("x*y và 5 * 4", "x*y và 5 * 4"),
        ("**Thái Lan** _nhấn_ __đậm__ *nghiêng*", "Thái Lan nhấn đậm nghiêng"),
        ("\\[NFR] R\\&D", "[NFR] R&D"),
        ("[Công ước Hà Nội](https://x.vn) ký [ lần 2", "Công ước Hà Nội ký [ lần 2"),
        ("* * **ສປປ ລາວ**", "ສປປ ລາວ"),
        ("1. Một\n2. Hai", "Một Hai"),
    ],
)
def test_a_cell_shows_the_text_as_the_book_reads_it(text: str, shown: str) -> None:
    assert plain_summary(text) == shown
    assert readable(text).replace("\n", " ") == shown  # the book's reading (the parser), on one line


WORDS = [
    "Việt", "Nam", "snake_case", "a_b", "_x_", "**đậm**", "*n*", "2", "*", "`c_d`", "don`t",
    "R&amp;D", "&#233;", "\\[NFR]", "R\\&D", "[x](http://a.b)", "ประเทศไทย", "ສປປ", "&nosuch;",
    "x*y", "__z__",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_cells_and_the_book_agree_on_a_sweep_of_texts(seed: int) -> None:
    rng = random.Random(seed)  # (fixed seeds: the same texts on every run)
    for _ in range(1500):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 8)))
        assert plain_summary(text, 10_000) == readable(text), text


def test_the_cell_of_a_1_mb_list_reads_only_the_start_of_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """One list is one paragraph: the cell read all of a 1 MB point at every refresh of its
    row (30 ms after each save, undo, redo or switch). It reads its start, cut at a line's end,
    and says that more follows."""
    from briefbook.ui import cell_text

    text = "\n".join(f"- **Mục {n}** Việt Nam ủng hộ Công ước Hà Nội" for n in range(25_000))
    read = []
    real = cell_text._without_emphasis
    monkeypatch.setattr(cell_text, "_without_emphasis", lambda t: read.append(len(t)) or real(t))
    shown = plain_summary(text)
    assert shown.startswith("Mục 0 Việt Nam ủng hộ Công ước Hà Nội Mục 1 Việt") and shown.endswith("…")
    assert len(shown) == 201 and read and max(read) <= cell_text.HEAD * 200
