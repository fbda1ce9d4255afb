"""Releasability, as an adversarial property: nothing above the ceiling, and nothing marked not
for release in a sharing copy, ever reaches an exported file.

Hypothesis builds small libraries the way a careless or hostile user would:

- levels renamed (to names in any script and case) and reordered, with the ceiling typed in
  any case, with spaces and invisible characters around it, or as the level's Vietnamese label;
- items at every level: talking points (of topics at their own level; chosen automatically or
  hand-picked for a meeting), statements (by a person at another level whose name was copied
  into the statement, or by a free-text speaker), people, sensitivities, meetings, topics,
  backgrounds, the event itself (whose title is in the default book title);
- [NFR] markers behind invisible characters, inside every Markdown structure, and at the start
  of one-line fields.

Every item holds a token that appears nowhere else. Both formats are exported and read back
whole: the PDF's text (running headers and banners included), its metadata, outline and named
destinations, and every XML part of the DOCX (headers, footers, properties, bookmarks). No
token of an item above the ceiling, and in a sharing copy no token marked not for release, may
appear, in any case. The banner never names a level above the ceiling.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from briefbook.errors import Conflict
from briefbook.export import ExportOptions, export_book
from briefbook.library import Book, Event, Library, Meeting, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import MeetingChoice, new_book, save_sections, sections

EXAMPLES = int(os.environ.get("BRIEFBOOK_RELEASE_EXAMPLES", "1000"))
DEFAULT = ["Public", "Internal", "Confidential", "Secret"]
VI_LABELS = ["Công khai", "Lưu hành nội bộ", "Mật", "Tối mật"]
NEW_NAMES = ["Mật", "HẠN CHẾ", "top secret", "Nội bộ", "ລັບ", "Restricted", "Cấp 3", "ลับมาก", "Public "]
NOISE = ["", " ", "\u200b", "\ufeff", "\u00a0", "\t", "\u200d", "\u00ad"]
MARKERS = [
    "[NFR]",
    "[nfr]",
    "[ NFR ]",
    "[Not for release]",
    "[KHÔNG CÔNG BỐ]",
    "[không phổ biến]",
    "［ＮＦＲ］",
]
INVISIBLE = ["", "\u200b", "\ufeff", "\u200d", "\u00ad", "\u2060", " "]
# Where a marked passage sits in a Markdown field; {m} is the marker, {t} the hidden token.
STRUCTURES = [
    "{m} {t}",
    "Chung.\n\n{m} {t}",
    "- chung\n\n  {m} {t}\n- khác",
    "- chung\n  - {m} {t}",
    "- {m} đầu\n    - {t}",  # indented past any space the marker brings: a sub-list of the item
    "| a | b |\n|---|---|\n| chung | x |\n| {m} y | {t} |",
    "> {m} {t}",
    "## {m} {t}",
    "1. chung\n2. **{m}** {t}",
    "{m} {t}\n\n[nfr]: https://example.org",
    "[{m}](https://example.org) {t}",
]
KINDS = ["point", "picked_point", "statement", "person", "sensitivity", "meeting", "topic", "background"]


@dataclass
class World:
    """What was built, and what each token's level and release marking are."""

    order: list[int]  # final order of the original levels (indexes into DEFAULT), lowest first
    # token -> (the original levels it is at least, not for release, a minimum rank of its own)
    tokens: dict[str, tuple[tuple[int, ...], bool, int]] = field(default_factory=dict)

    def rank(self, word: str) -> int:
        levels, _, least = self.tokens[word]
        return max([self.order.index(level) for level in levels] + [least])


def token(n: int) -> str:
    """A word that appears nowhere else (no hyphen: lines may wrap there)."""
    return f"Qz{n}k{n * 7 % 10}x"


def typed(text: str, data) -> str:
    """``text`` as a careless user types it: any case, spaces and invisible characters around."""
    case = data.draw(st.sampled_from([str, str.lower, str.upper, str.title]))
    form = data.draw(st.sampled_from(["NFC", "NFD", "NFKC"]))
    before, after = data.draw(st.sampled_from(NOISE)), data.draw(st.sampled_from(NOISE))
    return before + unicodedata.normalize(form, case(text)) + after


def marked(t: str, data) -> str:
    structure = data.draw(st.sampled_from(STRUCTURES))
    marker = data.draw(st.sampled_from(INVISIBLE)) + data.draw(st.sampled_from(MARKERS))
    return structure.format(m=marker, t=t)


item = st.tuples(
    st.sampled_from(KINDS),
    st.integers(0, 3),  # the item's level
    st.integers(0, 3),  # a second level: the topic of a point, the speaker of a statement
    st.sampled_from(["none", "passage", "one_line"]),  # [NFR] in the item's text, or a title
    st.sampled_from(["draft", "cleared"]),
)


def build(path: Path, items, event_level: int, data) -> tuple[str, World]:
    world = World(order=list(range(4)))
    n = 0

    def new(*levels: int, nfr: bool = False, least: int = 0) -> str:
        nonlocal n
        n += 1
        world.tokens[token(n)] = (levels, nfr, least)
        return token(n)

    with Library.open(path, backup=False) as lib, lib.transaction():
        ev_token = new(event_level)  # in the event's title, and so in the default book title
        event = lib.add(Event(title=f"Hội nghị {ev_token}", classification=DEFAULT[event_level]))
        lib.update(Event, event.id, scene_setter=f"Bối cảnh {new(event_level)}")
        meeting = lib.add(Meeting(event_id=event.id, title="Cuộc gặp chung"))
        common = lib.add(Topic(title="Chủ đề chung"))
        lib.link_topic(meeting.id, common.id)
        lib.add(TalkingPoint(topic_id=common.id, text="Một điểm chung", status="cleared"))
        picked: list[str] = []
        for kind, level, other, nfr, status in items:
            cls = DEFAULT[level]
            if kind in ("point", "picked_point"):
                # A point of a topic at its own level: at least the topic's level wherever it is chosen.
                topic_nfr = nfr == "one_line"
                t_title = data.draw(st.sampled_from(MARKERS)) + " Chủ đề" if topic_nfr else "Chủ đề riêng"
                topic = lib.add(Topic(title=t_title, classification=DEFAULT[other]))
                word = new(level, other, nfr=nfr != "none")
                text = marked(word, data) if nfr == "passage" else f"Điểm {word}"
                point = lib.add(TalkingPoint(topic_id=topic.id, text=text, status=status, classification=cls))
                if kind == "picked_point":
                    picked.append(point.id)
                else:
                    lib.link_topic(meeting.id, topic.id)
            elif kind == "statement":
                # The speaker is a person at level `other` whose name was copied into the statement.
                name = f"Ông {new(other, nfr=nfr == 'one_line')}"
                if nfr == "one_line":
                    name = data.draw(st.sampled_from(MARKERS)) + " " + name
                speaker = lib.add(Person(name=name, classification=DEFAULT[other]))
                word = new(level, nfr=nfr == "passage")
                text = marked(word, data) if nfr == "passage" else f"Phát biểu {word}"
                free = data.draw(st.booleans())
                s = lib.add(
                    Statement(
                        speaker_id=None if free else speaker.id,
                        speaker_name=f"Bà {new(level)}" if free else speaker.name,
                        text=text,
                        classification=cls,
                    )
                )
                lib.link_topic(s.id, common.id)
            elif kind in ("person", "sensitivity"):
                word = new(level, nfr=nfr == "one_line")
                name = (
                    data.draw(st.sampled_from(MARKERS)) + " " if nfr == "one_line" else ""
                ) + f"Ông {word}"
                position = f"Chức vụ {new(level, nfr=nfr == 'one_line')}"
                p = lib.add(Person(name=name, position=position, classification=cls))
                if kind == "sensitivity":  # a field at rank 2 at least, whatever the levels are called
                    sens = new(level, nfr=nfr != "none", least=2)
                    text = marked(sens, data) if nfr == "passage" else f"Nhạy cảm {sens}"
                    lib.update(Person, p.id, sensitivities=text)
                lib.set_participant(meeting.id, p.id, "counterpart")
            elif kind == "meeting":
                word = new(level, nfr=nfr == "one_line")
                venue = data.draw(st.sampled_from(MARKERS)) + " Phòng" if nfr == "one_line" else "Phòng"
                m = lib.add(Meeting(event_id=event.id, title=f"Gặp {word}", venue=venue, classification=cls))
                purpose = new(level, nfr=nfr != "none")
                text = marked(purpose, data) if nfr == "passage" else f"Mục đích {purpose}"
                lib.update(Meeting, m.id, purpose=text)
                lib.link_topic(m.id, common.id)
            elif kind == "topic":
                word = new(level, nfr=nfr == "one_line")
                title = (
                    data.draw(st.sampled_from(MARKERS)) + " " if nfr == "one_line" else ""
                ) + f"Chủ đề {word}"
                t = lib.add(Topic(title=title, classification=cls))
                inner = new(level, nfr=nfr != "none")
                text = marked(inner, data) if nfr == "passage" else f"Điểm {inner}"
                lib.add(TalkingPoint(topic_id=t.id, text=text, status="cleared"))
                lib.link_topic(meeting.id, t.id)
            elif kind == "background":
                word = new(level, nfr=nfr != "none")
                text = marked(word, data) if nfr == "passage" else f"Nền {word}"
                title = data.draw(st.sampled_from(MARKERS)) + " Nền" if nfr == "one_line" else "Nền"
                t = lib.add(Topic(title=title, background=text, classification=cls))
                lib.link_topic(meeting.id, t.id)
        book = new_book(lib, event.id)  # the default title holds the event's title
        if picked:
            parts = sections(book)
            for s in parts:
                if s.kind == "meetings":
                    s.choices[meeting.id] = MeetingChoice(talking_points=picked)
            save_sections(lib, book.id, parts)
        # Rename and reorder the levels after the items exist, as a library's owner may.
        names = data.draw(st.lists(st.sampled_from(NEW_NAMES), min_size=4, max_size=4, unique_by=_fold))
        renames = data.draw(st.lists(st.booleans(), min_size=4, max_size=4))
        for k in range(4):
            if renames[k]:  # another level's name or label is refused (it would be ambiguous)
                with contextlib.suppress(Conflict):
                    lib.rename_level(lib.classification_levels()[k], names[k])
        order = data.draw(st.permutations(range(4)))
        current = lib.classification_levels()
        lib.set_classification_levels([current[k] for k in order], confirm=True)
        world.order = list(order)
    return book.id, world


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def exported_text(folder: Path) -> tuple[str, list[str], str]:
    """Everything a reader or a tool can get out of both files, and the pages' text."""
    reader = PdfReader(folder / "book.pdf")
    # poppler's pdftotext reads the text layer in a fraction of pypdf's time (1000 examples).
    shown = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(folder / "book.pdf"), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages = [page for page in shown.split("\f") if page.strip()]
    parts = [*pages, str(dict(reader.metadata or {}))]

    def outline(items) -> None:
        for entry in items:
            if isinstance(entry, list):
                outline(entry)
            else:
                parts.append(str(entry.title))

    outline(reader.outline)
    parts += [str(name) for name in reader.named_destinations]
    with zipfile.ZipFile(folder / "book.docx") as z:
        xml = " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels")))
    parts.append(xml)
    parts.append(re.sub(r"<[^>]+>", "", xml))
    whole = " ".join(parts)
    return re.sub(r"\s+", "", whole) + " " + whole, pages, whole


@pytest.fixture(scope="module")
def empty_library(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("base") / "empty.briefbook"
    Library.create(path).close()
    return path


@pytest.fixture
def no_font_subsets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Skip embedding font subsets in the DOCX: five sixths of an example's time, and binary
    glyph data that holds no item's text (test_font_subsets_hold_no_text checks that)."""
    import briefbook.render.docx as docx_renderer

    monkeypatch.setattr(docx_renderer, "embed_fonts", lambda *args: 0)


def test_font_subsets_hold_no_text(empty_library, tmp_path: Path) -> None:
    """The embedded fonts of a real export carry none of its words, so the property may skip them."""
    path = tmp_path / "lib.briefbook"
    shutil.copy(empty_library, path)
    with Library.open(path, backup=False) as lib:
        event = lib.add(Event(title="Hội nghị QzFontx", scene_setter="QzFonty ສະບາຍດີ สวัสดี"))
        book = new_book(lib, event.id, ceiling="Public")
        export_book(lib, book.id, tmp_path / "book.docx", ExportOptions(formats=("docx",)))
    with zipfile.ZipFile(tmp_path / "book.docx") as z:
        fonts = [n for n in z.namelist() if n.startswith("word/fonts/")]
        assert fonts, "the DOCX embeds its fonts"
        for name in fonts:
            data = z.read(name)
            for word in ("QzFontx", "QzFonty", "Hội nghị"):
                for encoding in ("utf-8", "utf-16-be", "utf-16-le"):
                    assert word.encode(encoding) not in data, (name, word)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(
    items=st.lists(item, min_size=1, max_size=6),
    event_level=st.integers(0, 3),
    ceiling=st.integers(0, 3),
    drafts=st.sampled_from(["omit", "mark"]),
    sharing=st.booleans(),
    by_label=st.booleans(),
    data=st.data(),
)
def test_nothing_above_the_ceiling_or_not_for_release_is_ever_exported(
    empty_library, no_font_subsets, items, event_level, ceiling, drafts, sharing, by_label, data
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copy(empty_library, folder / "lib.briefbook")
        book, world = build(folder / "lib.briefbook", items, event_level, data)
        with Library.open(folder / "lib.briefbook", backup=False) as lib:
            level = lib.levels()[ceiling]  # the ceiling is the level at that rank after reordering
            # The book may hold every level: the export's own ceiling is what is tested (an export
            # above the book's ceiling is refused, tests/test_export_ceiling.py).
            lib.update(Book, book, ceiling=lib.levels()[-1].name)
            text = level.label("vi") if by_label and level.labels.get("vi") else level.name
            options = ExportOptions(ceiling=typed(text, data), drafts=drafts, releasable=sharing)
            export_book(lib, book, folder / "book", options)
            names_above = [lv.label("vi").upper() for lv in lib.levels()[ceiling + 1 :]]
        everything, pages, _ = exported_text(folder)
    folded = everything.casefold()
    leaked = []
    for word, (_, nfr, _) in world.tokens.items():
        rank = world.rank(word)
        if (rank > ceiling or (sharing and nfr)) and word.casefold() in folded:
            leaked.append((word, rank, nfr))
    assert leaked == [], f"exported although above the ceiling (rank {ceiling}) or not for release: {leaked}"
    for page in pages:
        for name in names_above:  # the banner never names a level above the ceiling
            assert not re.search(rf"(?<![\w ]){re.escape(name)}(?!\w)", page), (name, page[:120])
