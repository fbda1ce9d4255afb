"""A DOCX export compiles none of the cleaning and escaping patterns for text that needs
neither (each is 4 M instructions of Python's compiler at every start, a class beyond
Latin-1), and the quick answers that stand in for them are theirs, character for character."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

from briefbook.assemble import markdown_parse
from briefbook.library import Event, Library, Meeting, Topic
from briefbook.library.books import new_book
from briefbook.render import docx_markup
from briefbook.text import clean, is_blank

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, re, sys
from briefbook.cli.main import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
from briefbook import text
from briefbook.assemble import markdown_parse
from briefbook.render import docx_markup, docx_runs
patterns = {"clean": text._TO_CLEAN, "forbidden": docx_markup._FORBIDDEN,
            "to change": docx_markup._TO_CHANGE, "plain": docx_runs._PLAIN,
            "inline markup": markdown_parse._INLINE_MARKUP}
# A compiled pattern, or one a LazyPattern has compiled (its methods are then its own), with a
# class beyond Latin-1 (those are the dear ones to compile).
print(json.dumps(sorted(name for name, p in patterns.items()
                        if (isinstance(p, re.Pattern) or "search" in vars(p))
                        and max(map(ord, p.pattern)) > 0xFF)), file=sys.stderr)
"""


def test_a_docx_export_of_plain_text_compiles_no_cleaning_pattern(library_path: Path, tmp_path: Path) -> None:
    with Library.create(library_path) as lib:
        event = lib.add(Event(title="Hội nghị Viêng Chăn", city="Vientiane"))
        meeting = lib.add(
            Meeting(
                event_id=event.id,
                title="Gặp song phương",
                kind="bilateral",
                purpose="Trao đổi về hợp tác\nchống lừa đảo trực tuyến.\n\nViet Nam & Lao PDR.",
                objectives="- Thúc đẩy Công ước Hà Nội\n- Bảo hộ công dân",
            )
        )
        topic = lib.add(Topic(title="Công ước Hà Nội", background="Ký tại Hà Nội,\nnăm 2025."))
        lib.link_topic(meeting.id, topic.id)
        book = new_book(lib, event.id, title="Sổ tay").id
    out = tmp_path / "book.docx"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", PROBE, "--library", str(library_path), "export", book]
    result = subprocess.run(
        [*command, "-o", str(out), "--format", "docx"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stat().st_size > 0
    assert json.loads(result.stderr.strip().splitlines()[-1]) == []


# The answers the quick tests stand in for, from the patterns themselves.
_TO_CLEAN = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_INLINE = re.compile(r"[\\`*_\[\]<>&|~#\t\x00\ufe47\uff3b]")


def _clean(text: str) -> str:
    if _TO_CLEAN.search(text) is None:
        return unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n\n")
    return unicodedata.normalize("NFC", re.sub("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]", "", text))


def _escaped(value: str, more: tuple = ()) -> str:
    value = _FORBIDDEN.sub("", value).replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for char, entity in more:
        value = value.replace(char, entity)
    return value


def test_the_quick_answers_are_the_patterns_for_every_character() -> None:
    attribute = (('"', "&quot;"), ("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;"))
    for code in range(0x110000):
        char = chr(code)
        for text in (char, f"Việt {char} Nam", f"dòng một\n{char}\tb", f"a&b\n{char}"):
            assert clean(text) == _clean(text), hex(code)
            assert docx_markup.text(text) == _escaped(text), hex(code)
            assert docx_markup.attr(text) == _escaped(text, attribute), hex(code)
            assert markdown_parse._may_hold_markup(text) == (_INLINE.search(text) is not None), hex(code)
        assert is_blank(f"\u200b{char}") == (
            not " ".join(_clean(char).split()).strip("\u200b\u200c\u200d\u2060\ufeff\u00ad ")
        ), hex(code)
