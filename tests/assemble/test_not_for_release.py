"""[NFR] markers: found behind invisible characters and in every Markdown structure, left out
of sharing exports, visibly marked in internal ones; a marker at the start of a one-line field
makes the whole item internal only."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefbook.assemble import assemble_with_warnings
from briefbook.assemble import markdown as md
from briefbook.document.model import Cover, Origin
from briefbook.export import ExportOptions, export_book
from briefbook.library import Event, Library, Meeting, Person, TalkingPoint, Topic
from briefbook.library.books import new_book

ORIGIN = Origin("Internal")

# Every way a passage can carry a marker; each hides the word SECRETWORD.
MARKED = {
    "paragraph": "Chung.\n\n[NFR] SECRETWORD",
    "zero width space": "\u200b[NFR] SECRETWORD",
    "byte order mark": "\ufeff[NFR] SECRETWORD",
    "soft hyphen inside": "[N\u00adFR] SECRETWORD",
    "zero width joiner": "[\u200dnfr] SECRETWORD",
    "fullwidth": "［ＮＦＲ］ SECRETWORD",
    "Greek capital Nu": "[\u039dFR] SECRETWORD",
    "Greek Nu and digamma": "[\u039d\u03dcR] SECRETWORD",
    "small capitals": "[\u0274\ua730\u0280] SECRETWORD",
    "Cyrillic in the long form": "[n\u043et f\u043er rel\u0435\u0430se] SECRETWORD",
    "spaces inside": "[ not  for release ] SECRETWORD",
    "no-break space": "\u00a0[NFR]\u00a0SECRETWORD",
    "decomposed Vietnamese": "[Kho\u0302ng co\u0302ng bo\u0302\u0301] SECRETWORD",
    "bold marker": "**[NFR]** SECRETWORD",
    "escaped marker": "\\[NFR\\] SECRETWORD",
    "entity": "&#91;NFR&#93; SECRETWORD",
    "link definition elsewhere": "[NFR] SECRETWORD\n\n[nfr]: https://example.org",
    "marker as a link": "[NFR](https://example.org) SECRETWORD",
    "second paragraph of a list item": "- chung\n\n  [NFR] SECRETWORD\n- khác",
    "nested list item": "- chung\n  - [NFR] SECRETWORD",
    "sub-list of a marked item": "- [NFR] đầu\n  - SECRETWORD",
    "table row": "| a | b |\n|---|---|\n| chung | x |\n| [NFR] y | SECRETWORD |",
    "table header cell": "| [NFR] SECRETWORD | b |\n|---|---|\n| chung | x |",
    "block quote": "> [NFR] SECRETWORD",
    "heading": "## [NFR] SECRETWORD",
    "ordered list": "1. chung\n2. [Không phổ biến] SECRETWORD",
    "code block": "    [NFR] SECRETWORD",
    "typed tags before it": "<b>[NFR]</b> SECRETWORD",
    "task box before it": "- [ ] [NFR] SECRETWORD",
    "marker broken over a line": "[NFR\n] SECRETWORD",
    "bare marker with no space": "[NFR]SECRETWORD",
    "list in a quote": "> - chung\n> - [NFR] SECRETWORD",
}


@pytest.mark.parametrize("text", MARKED.values(), ids=MARKED.keys())
def test_markers_are_found_in_every_structure(text: str) -> None:
    shared = "".join(r.text for r in md.runs(text, origin=ORIGIN, releasable=True))
    assert "SECRETWORD" not in shared
    internal = md.runs(text, origin=ORIGIN, label="KHÔNG CÔNG BỐ")
    word = next(r for r in internal if "SECRETWORD" in r.text)
    assert word.origin is not None and word.origin.not_for_release
    assert "KHÔNG CÔNG BỐ: " in "".join(r.text for r in internal)
    for block in md.blocks(text, origin=ORIGIN, releasable=True):
        assert "SECRETWORD" not in str(block)


@pytest.mark.parametrize(
    "text",
    ["Chung [NFR] giữa câu", "NFR không có ngoặc", "[NFRX] khác", "Nói về [not for release] sau"],
)
def test_text_that_only_mentions_a_marker_stays(text: str) -> None:
    assert "".join(r.text for r in md.runs(text, origin=ORIGIN, releasable=True)).strip()
    assert md.restricted_passages(text) == []


@pytest.fixture
def book(library: Library):
    event = library.add(Event(title="Hội nghị Viêng Chăn", scene_setter=MARKED["table row"]))
    meeting = library.add(Meeting(event_id=event.id, title="Gặp Bộ trưởng Lào", venue="[NFR] VENUEWORD"))
    topic = library.add(Topic(title="[NFR] TOPICWORD"))
    library.link_topic(meeting.id, topic.id)
    library.add(TalkingPoint(topic_id=topic.id, text="POINTWORD", status="cleared"))
    other = library.add(Topic(title="Hợp tác"))
    library.link_topic(meeting.id, other.id)
    library.add(TalkingPoint(topic_id=other.id, text="Điểm chung", status="cleared"))
    person = library.add(Person(name="\u200b[NFR] PERSONWORD", position="Bộ trưởng"))
    library.set_participant(meeting.id, person.id, "counterpart")
    return new_book(library, event.id, title="Sổ tay")


def test_a_marker_at_the_start_of_a_one_line_field_makes_the_item_internal_only(
    library: Library, book
) -> None:
    shared, warnings = assemble_with_warnings(library, book.id, releasable=True)
    text = str(shared.blocks) + str(shared.meta)
    for word in ("VENUEWORD", "TOPICWORD", "POINTWORD", "PERSONWORD", "SECRETWORD"):
        assert word not in text, word
    assert "Gặp Bộ trưởng Lào" not in text  # the meeting (its venue is marked) is left out whole
    codes = [w.code for w in warnings]
    assert codes.count("item_not_for_release") >= 1 and "not_for_release_passage" in codes
    # The meeting's topics and its counterpart reach the book only through it: named as gone with it.
    assert codes.count("left_out_with_meeting") >= 3
    named = [w.message for w in warnings if w.code == "not_for_release_passage"]
    assert any("Hội nghị Viêng Chăn" in m and "[NFR] y" in m for m in named)  # by item and passage
    cover = next(b for b in shared.blocks if isinstance(b, Cover))
    assert cover.shareable.startswith("Bản được phép chia sẻ")
    internal, _ = assemble_with_warnings(library, book.id)
    assert "TOPICWORD" in str(internal.blocks) and "SECRETWORD" in str(internal.blocks)
    assert next(b for b in internal.blocks if isinstance(b, Cover)).shareable == ""


def test_internal_exports_mark_passages_with_a_side_rule_and_a_label(
    library: Library, book, tmp_path: Path
) -> None:
    export_book(library, book.id, tmp_path / "in.pdf")
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "in.pdf").pages)
    assert "KHÔNG CÔNG BỐ:" in text and "SECRETWORD" in text
    with zipfile.ZipFile(tmp_path / "in.docx") as z:
        xml = z.read("word/document.xml").decode()
    assert '<w:pBdr><w:left w:val="single"' in xml and "KHÔNG CÔNG BỐ: " in xml


def test_sharing_exports_leave_out_every_marked_passage(library: Library, book, tmp_path: Path) -> None:
    export_book(library, book.id, tmp_path / "out.pdf", ExportOptions(releasable=True))
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "out.pdf").pages)
    with zipfile.ZipFile(tmp_path / "out.docx") as z:
        text += " ".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
    for word in ("VENUEWORD", "TOPICWORD", "POINTWORD", "PERSONWORD", "SECRETWORD", "KHÔNG CÔNG BỐ:"):
        assert word not in text, word
    assert "Bản được phép chia sẻ" in text
