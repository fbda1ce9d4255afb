"""An item whose title or name starts with a marker is internal only, by one rule in a book and
in an exchange package.

A one-line value pasted from a list or a quote carries the marker behind its mark:
"- [NFR] …", "> [NFR] …". An exchange package made for sharing left such an item out,
and the book's own "changes since" page called it internal, while the book itself printed
it in a copy made for sharing: two copies of the rule, and the book's did not look behind
the mark.
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from briefbook.assemble import assemble
from briefbook.assemble.context import Assembly
from briefbook.exchange.release import internal_only
from briefbook.export import ExportOptions, export_book
from briefbook.library import Book, Event, Library, Meeting, Person, TalkingPoint, Topic
from briefbook.library.books import new_book

TITLES = [
    "[NFR] Chủ đề",
    "> [NFR] Chủ đề",
    "- [Not for release] Chủ đề",
    "1. [Không công bố] Chủ đề",
    "## [nfr] Chủ đề",
    "Chủ đề [NFR]",
    "- Chủ đề",
    "Chủ đề",
]


@pytest.mark.parametrize("title", TITLES)
def test_the_book_and_the_package_agree_on_what_is_internal_only(library: Library, title: str) -> None:
    event = library.add(Event(title="Hội nghị Viêng Chăn"))
    book = library.get(Book, new_book(library, event.id, ceiling="Secret").id)
    topic = library.add(Topic(title=title))
    a = Assembly(library, book, "Secret", "mark", "vi", releasable=True)
    assert a.restricted(topic) == internal_only(topic)


def test_a_sharing_copy_leaves_out_an_item_marked_behind_a_list_or_quote_mark(
    library: Library, tmp_path: Path
) -> None:
    event = library.add(Event(title="Hội nghị Viêng Chăn", classification="Public"))
    meeting = library.add(
        Meeting(event_id=event.id, title="Gặp song phương", kind="bilateral", starts_at="2026-07-21T09:00")
    )
    topic = library.add(Topic(title="> [NFR] Hành lang XYZ"))
    library.add(TalkingPoint(topic_id=topic.id, text="Điểm nói ABC.", status="cleared"))
    person = library.add(Person(name="- [NFR] ທອງ QRS", position="Nguồn tin"))
    library.link_topic(meeting.id, topic.id)
    library.set_participant(meeting.id, person.id, "counterpart")
    book = new_book(library, event.id, ceiling="Public").id
    shared = repr(assemble(library, book, releasable=True).blocks)
    assert "XYZ" not in shared and "ABC" not in shared and "QRS" not in shared
    pdf, docx = export_book(library, book, tmp_path / "shared.pdf", ExportOptions(releasable=True))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    body = zipfile.ZipFile(docx).read("word/document.xml").decode()
    for found in (text, body):
        assert "Gặp song phương" in found
        assert "XYZ" not in found and "ABC" not in found and "QRS" not in found
