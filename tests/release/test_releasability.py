"""Releasability, as a property: nothing above the ceiling ever reaches an exported file.

Hypothesis builds small libraries with items at every classification level and
books with a random ceiling; both formats are exported and read back. No text
of an item above the ceiling may appear, and the banner must be the highest
level of what did appear.
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from briefbook.export import ExportOptions, export_book
from briefbook.library import Event, Library, Meeting, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import new_book

LEVELS = ["Public", "Internal", "Confidential", "Secret"]
VI = ["CÔNG KHAI", "LƯU HÀNH NỘI BỘ", "MẬT", "TỐI MẬT"]
KINDS = ["point", "statement", "person", "meeting", "topic", "background", "sensitivity"]
EXAMPLES = int(os.environ.get("BRIEFBOOK_RELEASE_EXAMPLES", "1000"))

item = st.tuples(st.sampled_from(KINDS), st.integers(0, 3), st.sampled_from(["draft", "cleared"]))


def token(n: int, level: int) -> str:
    """A word that appears nowhere else, naming its level (no hyphen: lines may wrap there)."""
    return f"Qz{level}k{n}x"


def build(path: Path, items: list[tuple[str, int, str]], event_level: int) -> tuple[str, dict[str, int]]:
    tokens: dict[str, int] = {}
    with Library.create(path) as lib, lib.transaction():
        event = lib.add(Event(title="Sự kiện", classification=LEVELS[event_level]))
        tokens[f"Ev{event_level}"] = event_level
        lib.update(Event, event.id, scene_setter=f"Ev{event_level} bối cảnh")
        meeting = lib.add(Meeting(event_id=event.id, title="Cuộc gặp chung"))
        topic = lib.add(Topic(title="Chủ đề chung"))
        lib.link_topic(meeting.id, topic.id)
        for n, (kind, level, status) in enumerate(items):
            word, cls = token(n, level), LEVELS[level]
            tokens[word] = level
            if kind == "point":
                lib.add(
                    TalkingPoint(topic_id=topic.id, text=f"Điểm {word}", status=status, classification=cls)
                )
            elif kind == "statement":
                s = lib.add(
                    Statement(speaker_name="Người phát ngôn", text=f"Phát biểu {word}", classification=cls)
                )
                if n % 2:
                    lib.link_topic(s.id, topic.id)
            elif kind in ("person", "sensitivity"):
                p = lib.add(Person(name=f"Ông {word}", classification=cls))
                if kind == "sensitivity":  # a field with a minimum level of its own: Confidential
                    tokens[word + "s"] = max(level, 2)
                    lib.update(Person, p.id, sensitivities=f"Nhạy cảm {word}s")
                lib.set_participant(meeting.id, p.id, "counterpart")
            elif kind == "meeting":
                m = lib.add(Meeting(event_id=event.id, title=f"Gặp {word}", classification=cls))
                lib.link_topic(m.id, topic.id)
            elif kind == "topic":
                t = lib.add(Topic(title=f"Chủ đề {word}", classification=cls))
                lib.add(TalkingPoint(topic_id=t.id, text="Một điểm", status="cleared"))
            elif kind == "background":
                t = lib.add(Topic(title="Nền", background=f"Nền {word}", classification=cls))
                lib.link_topic(meeting.id, t.id)
        book = new_book(lib, event.id, title="Sổ tay")
    return book.id, tokens


def exported_text(folder: Path) -> tuple[str, list[str]]:
    pages = [p.extract_text() for p in PdfReader(folder / "book.pdf").pages]
    with zipfile.ZipFile(folder / "book.docx") as z:
        xml = " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    docx_text = re.sub(r"<[^>]+>", "", xml)
    return re.sub(r"\s+", "", " ".join(pages)) + " " + docx_text, pages


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    items=st.lists(item, min_size=1, max_size=8),
    event_level=st.integers(0, 3),
    ceiling=st.integers(0, 3),
    drafts=st.sampled_from(["omit", "mark"]),
)
def test_nothing_above_the_ceiling_is_ever_exported(items, event_level, ceiling, drafts) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book, tokens = build(folder / "lib.briefbook", items, event_level)
        with Library.open(folder / "lib.briefbook") as lib:
            export_book(lib, book, folder / "book", ExportOptions(ceiling=LEVELS[ceiling], drafts=drafts))
        text, pages = exported_text(folder)
    shown = [level for word, level in tokens.items() if word in text]
    hidden_above = [word for word, level in tokens.items() if level > ceiling and word in text]
    assert hidden_above == [], f"above the ceiling {LEVELS[ceiling]} but exported: {hidden_above}"
    expected_banner = VI[max(shown, default=0)]  # the book is Vietnamese: the library's vi labels
    for page in pages:
        assert expected_banner in page
        higher = VI[max(shown, default=0) + 1 :]
        assert not any(re.search(rf"(?<!TỐI ){h}\b", page) for h in higher), page[:200]
