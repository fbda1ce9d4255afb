"""A statement printed in one place and referred to from another names its speaker by one rule.

The second meeting on a topic refers to a statement printed in the first ("Phát biểu:
<speaker>, <date>"). That line used its own copy of the speaker rule, which checked
only the ceiling: in a copy made for sharing it named a person marked not for release
(whom the statement itself leaves unnamed), and it gave the name the statement's level
instead of the person's, so the gate could not see either.
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

from briefbook.assemble import assemble
from briefbook.document.model import Reference
from briefbook.export import ExportOptions, export_book
from briefbook.library import Event, Library, Meeting, Person, Statement, Topic
from briefbook.library.books import new_book


def _book(library: Library, speaker: Person) -> str:
    event = library.add(Event(title="Hội nghị Phnom Pênh", classification="Public"))
    topic = library.add(Topic(title="Hợp tác Mekong"))
    for day, title in (("01", "Gặp song phương một"), ("02", "Gặp song phương hai")):
        meeting = library.add(
            Meeting(event_id=event.id, title=title, kind="bilateral", starts_at=f"2026-03-{day}T09:00")
        )
        library.link_topic(meeting.id, topic.id)
    speaker = library.add(speaker)
    # The name kept on the statement is the one typed before the person was marked.
    said = Statement(speaker_id=speaker.id, speaker_name="Ông Sok Chenda", date="2025-05-01", text="Hợp tác.")
    said = library.add(said)
    library.link_topic(said.id, topic.id)
    return new_book(library, event.id, ceiling="Confidential").id


def _references(document) -> list[Reference]:
    """The lines that refer to the statement (dated 2025)."""
    found = [b for b in document.blocks if isinstance(b, Reference)]
    return [b for b in found if "2025" in "".join(r.text for r in b.runs)]


def test_a_sharing_copy_never_names_a_speaker_marked_not_for_release(
    library: Library, tmp_path: Path
) -> None:
    book = _book(library, Person(name="[NFR] Ông Sok Chenda សុខ ចិន្តា", position="Nguồn tin"))
    refs = _references(assemble(library, book, releasable=True))
    assert refs, "the second meeting refers to the statement printed in the first"
    assert all("Sok Chenda" not in "".join(r.text for r in ref.runs) for ref in refs)
    options = ExportOptions(releasable=True)
    pdf, docx = export_book(library, book, tmp_path / "shared.pdf", options)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Phát biểu:" in text
    assert "Sok Chenda" not in text and "សុខ" not in text
    body = zipfile.ZipFile(docx).read("word/document.xml").decode()
    assert "Phát biểu:" in body and "Sok Chenda" not in body


def test_an_internal_copy_names_the_speaker_at_the_persons_level(library: Library) -> None:
    book = _book(library, Person(name="Bà Mật Một", position="Đại sứ", classification="Confidential"))
    refs = _references(assemble(library, book))
    assert refs
    for ref in refs:
        [name] = [r for r in ref.runs if r.text == "Bà Mật Một"]
        assert name.origin is not None and name.origin.level == "Confidential"
        assert name.origin.kind == "person"
