"""LazyPattern: the same answers as the compiled pattern, and a DOCX export of a Vietnamese
book that never needs the rare patterns never compiles them (2-4 M instructions each)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from briefbook.lazy_pattern import LazyPattern

ROOT = Path(__file__).resolve().parents[1]


def test_every_method_answers_as_the_compiled_pattern() -> None:
    source, flags = r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})|(?P<rtl>[\u0590-\u08ff]+)", re.I
    lazy, compiled = LazyPattern(source, flags), re.compile(source, flags)
    assert lazy.pattern == source and "search" not in vars(lazy)  # not compiled yet
    text = "Ngày 17/12/2025 và 6.11.2025, محمد"
    assert lazy.search(text).span() == compiled.search(text).span()
    assert "search" in vars(lazy)  # compiled once, its methods kept
    assert lazy.match(text) is None and compiled.match(text) is None
    assert lazy.fullmatch("17/12/2025").groups() == compiled.fullmatch("17/12/2025").groups()
    assert lazy.sub("-", text) == compiled.sub("-", text)
    assert lazy.subn("-", text) == compiled.subn("-", text)
    assert lazy.split(text) == compiled.split(text)
    assert lazy.findall(text) == compiled.findall(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (
        compiled.flags,
        compiled.groups,
        compiled.groupindex,
    )


def test_a_match_names_the_compiled_pattern_not_the_lazy_one() -> None:
    """(Why a pattern whose matches are told apart by ``match.re is PATTERN`` stays compiled.)"""
    lazy = LazyPattern("a")
    assert lazy.match("a").re is not lazy


def test_the_flags_and_groups_are_known_before_any_other_use() -> None:
    lazy = LazyPattern(r"(a)(?P<b>b)", re.S)
    assert lazy.groupindex == {"b": 2} and lazy.groups == 2
    assert lazy.flags == re.compile(r"(a)(?P<b>b)", re.S).flags


PROBE = """
import json, re, sys
from pathlib import Path
from briefbook.library import Event, Library, Meeting, TalkingPoint, Topic
from briefbook.library.books import new_book
from briefbook.export import ExportOptions, export_book
folder = Path(sys.argv[1])
with Library.create(folder / "b.briefbook") as lib:
    event = lib.add(Event(title="Hội nghị Bangkok", city="Bangkok", start_date="2025-12-17"))
    meeting = lib.add(Meeting(event_id=event.id, title="Gặp song phương", kind="bilateral",
                              starts_at="2025-12-17T09:00", objectives="- Hợp tác\\n- Chia sẻ"))
    topic = lib.add(Topic(title="Lừa đảo trực tuyến", background="Việt Nam đánh giá cao."))
    lib.link_topic(meeting.id, topic.id)
    lib.add(TalkingPoint(topic_id=topic.id, kind="key_message", text="Hợp tác **chặt chẽ**.",
                         status="cleared", position=1))
    book = new_book(lib, event.id, title="Sổ tay")
    export_book(lib, book.id, folder / "b.docx", ExportOptions(formats=("docx",)))
from briefbook.lazy_pattern import LazyPattern
lazy = {}
for name, module in sorted(sys.modules.items()):
    if name.startswith("briefbook."):
        for key, value in vars(module).items():
            if isinstance(value, LazyPattern):
                lazy[f"{name}.{key}"] = "search" in vars(value) or any(
                    k[1] == value.pattern for k in re._cache)
print(json.dumps(lazy))
"""


def test_a_vietnamese_docx_export_compiles_none_of_the_rare_patterns(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path)], env=env, capture_output=True, text=True, check=True
    ).stdout
    lazy = json.loads(out.strip().splitlines()[-1])
    expected = {
        "briefbook.text._INVISIBLE",  # a control character to remove
        "briefbook.export_paths._UNSAFE_IN_NAMES",  # a file named after the book's title
        "briefbook.render.bidi_text.RTL",  # right-to-left letters
        "briefbook.render.bidi_text.CONTROLS",
        "briefbook.store.backup_catalog._NAME",  # the backups listed
        "briefbook.assemble.markers._LEAD",  # a text holding "["
    }
    assert expected <= set(lazy)
    assert [name for name in sorted(expected) if lazy[name]] == []
