"""The cut into runs is exactly what it was before it was made faster: the same runs, font
indices included, for every script, marks after each, joiners, emoji, uncovered characters
and random text (``reference_runs`` is the earlier code, as it was)."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefbook.render.font_chain import _IGNORABLE, _WHITESPACE, _is_emoji_modifier, chain_for, is_ignorable
from briefbook.render.template import load_template
from tests.render.scripts_samples import NAMES
from tests.render.test_glyph_coverage import texts


def _chain():
    t = load_template("formal-a4")
    return chain_for(t.body_font, t.thai_font)


# fmt: off
def reference_runs(self, text: str) -> list[tuple[int, str]]:
    """``text`` cut into runs, each with the index of the font drawing it (-1: none has it).

    Marks, joiners and variation selectors stay with the run before them when that
    font has them (or never draws them), so a base and its marks are shaped together.
    """
    if self.all_primary(text):
        return [(0, text)] if text else []
    out: list[list] = []
    pos, end = 0, len(text)
    while pos < end:
        piece = self._pieces.match(text, pos).group()  # type: ignore[union-attr]
        if len(piece) > 1 or self._simple.match(piece) is None:  # type: ignore[union-attr]
            index = 0
        else:
            char = piece
            index = self.index_of(char)
            if out and char not in _WHITESPACE:
                prev = out[-1][0]
                cat = unicodedata.category(char)
                attach = cat in ("Mn", "Mc", "Me") or _IGNORABLE.match(char) or _is_emoji_modifier(char)
                if (
                    attach
                    and prev != index
                    and (prev == -1 or ord(char) in self.fonts[prev].cmap or is_ignorable(char))
                ):
                    index = prev
            elif char in _WHITESPACE:
                index = 0  # spaces in the book's font (an emoji font's space is wide)
            if index > 0:  # the rest of the stretch this font draws, in one C match
                piece = self._stretch(index).match(text, pos).group() or char  # type: ignore[union-attr]
        if out and out[-1][0] == index:
            out[-1][1].append(piece)
        else:
            out.append([index, [piece]])
        pos += len(piece)
    runs = [(index, "".join(chars)) for index, chars in out]
    # Spaces between two runs of one script font belong to it (a right-to-left phrase
    # is then one run, laid out and read back as one); not an emoji font's wide space.
    # (Pieces joined once at the end: adding each to the run's text so far copied it
    # every time, and a Thai report pasted as one paragraph took seconds.)
    merged: list[tuple[int, list[str]]] = []
    for index, run in runs:
        if (
            len(merged) >= 2
            and index > 0
            and merged[-2][0] == index
            and merged[-1][0] == 0
            and not merged[-1][1][0].strip(" \u00a0")  # a run of the book's font: one piece
            and self.fonts[index].script != "emoji"
        ):
            space = merged.pop()[1][0]
            merged[-1][1].extend((space, run))
        else:
            merged.append((index, [run]))
    return [(index, "".join(pieces)) for index, pieces in merged]

# fmt: on


SAMPLES = [
    *NAMES.values(),
    " ".join(NAMES.values()),
    "Lê Anh Tuấn \u0e31\u0e48 ສ\u0eb1\u0eb9 \u0301a\u0301 \u200dก\u200c",
    "ک\u064b\u0651 👍🏽 ☎\ufe0f \ue000\u0301",
    "\u0eb1\u0eba\u0eb1",
    "\u0531\u06100\u0610",
    "ไทย\u2028ລາວ\u2029 \t\nខ្មែរ\u00a0مرحبا 🙂🙂 ✓→≥",
    # Spaces between words of one script join them (in the stretch itself now), and only those:
    "ก ก  ก\u00a0ก \u00a0 ก",
    "ก \u0e48ก ก \u200cก ก \u0301ก ก \tก ก\t ก",
    "ก 🙂 ก 🙂 🙂 👍🏽 👍🏽 ก A ก ລາວ ไทย ລາວ ລາວ",
    " ก ",
    "ก ",
    " ก",
    "نحن  ندعم \u064bالتعاون ١٢ ٣",
    "ຄັນ ຄັນ\u200d ຄັນ \ufe0fຄັນ \ue000 ຄັນ ខ្មែរ ខ្មែរ\u17d2 ខ",
]


def test_the_samples_cut_as_before() -> None:
    chain = _chain()
    for text in SAMPLES:
        for variant in (text, text[::-1], unicodedata.normalize("NFD", text)):
            assert chain.runs(variant) == reference_runs(chain, variant), repr(variant)


@settings(max_examples=300, deadline=None)
@given(text=texts)
@example("\u0eb1\u0eba\u0eb1")
@example("\u0e01\u0301\u0e48 \u0301")
def test_any_text_cuts_as_before(text: str) -> None:
    chain = _chain()
    assert chain.runs(text) == reference_runs(chain, text)


_spaced = st.lists(
    st.one_of(texts, st.sampled_from([" ", "  ", "\u00a0", " \u00a0 ", "\t", " \u0e48", " \u200c"])),
    min_size=1,
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_spaced)
def test_spaced_words_of_every_script_cut_as_before(text: str) -> None:
    chain = _chain()
    assert chain.runs(text) == reference_runs(chain, text)
