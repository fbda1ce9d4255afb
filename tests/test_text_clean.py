"""clean() answers most text (nothing to replace or remove) with one scan and NFC: it must
give what the full sequence of replacements gives, for every character it treats."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from briefbook.text import clean

_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def _every_step(text: str) -> str:
    """clean() as it was written before its shortcut: every replacement, always."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x0b", "\n").replace("\x0c", "\n\n")
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


SPECIAL = [chr(c) for c in range(0x20)] + ["\x7f", "\ufffe", "\uffff", "\ud800", "\udfff", "\u0301", "e"]


@settings(max_examples=500)
@given(st.lists(st.sampled_from([*SPECIAL, "Việt", "ไทย", "a\u0300", " "]), max_size=12))
def test_clean_with_its_shortcut_is_clean_with_every_step(parts):
    text = "".join(parts)
    assert clean(text) == _every_step(text)


def test_each_special_character_alone_and_in_text():
    for char in SPECIAL:
        for text in (char, f"Lê{char}Anh", f"{char}\r\n{char}"):
            assert clean(text) == _every_step(text), repr(text)
