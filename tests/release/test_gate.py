"""The release gate stops a document that holds text it may not let out, before any file exists.

The assembler is monkeypatched to leak in the ways a fault could: text above
the ceiling, a passage not for release in a sharing export, text with no origin,
metadata and cover fields. Each time the export must fail and write nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import briefbook.export as export_module
from briefbook.assemble import assemble
from briefbook.document.model import Cover, Origin, Paragraph, Run
from briefbook.export import ExportOptions, export_book
from briefbook.library import Event, Library, Meeting, TalkingPoint, Topic
from briefbook.library.books import new_book
from briefbook.release import ReleaseRefused, problems


@pytest.fixture
def book(library: Library) -> str:
    event = library.add(Event(title="Hội nghị", classification="Internal"))
    meeting = library.add(Meeting(event_id=event.id, title="Phiên khai mạc"))
    topic = library.add(Topic(title="Công ước Hà Nội"))
    library.link_topic(meeting.id, topic.id)
    library.add(TalkingPoint(topic_id=topic.id, text="Điểm công khai", status="cleared"))
    return new_book(library, event.id, title="Sổ tay", ceiling="Internal").id


SECRET = Origin("Secret", kind="talking_point", item_id="x")


def leak_paragraph(document):
    document.blocks.append(Paragraph([Run("Bí mật tuyệt đối")], origin=SECRET))


def leak_run(document):
    runs = [Run("Công khai "), Run("Bí mật", origin=SECRET)]
    document.blocks.append(Paragraph(runs, origin=Origin("Public")))


def leak_unlabelled(document):
    document.blocks.append(Paragraph([Run("Không rõ nguồn")]))


def leak_title(document):
    document.meta.title = "Bí mật"
    document.meta.origins["title"] = SECRET


def leak_keywords(document):
    document.meta.keywords = ["Bí mật"]
    document.meta.origins.pop("keywords", None)


def leak_cover(document):
    cover = next(b for b in document.blocks if isinstance(b, Cover))
    cover.recipient = "Bí mật"
    cover.origins["recipient"] = SECRET


def leak_unknown_level(document):
    document.blocks.append(Paragraph([Run("Cấp lạ")], origin=Origin("Secret ")))


def leak_not_for_release(document):
    document.blocks.append(Paragraph([Run("[NFR] nội bộ")], origin=Origin("Public").restricted()))


LEAKS = [leak_paragraph, leak_run, leak_unlabelled, leak_title, leak_keywords, leak_cover, leak_unknown_level]


@pytest.mark.parametrize("leak", [*LEAKS, leak_not_for_release], ids=lambda f: f.__name__)
def test_the_gate_stops_a_leaking_assembler_and_writes_nothing(
    library: Library, book: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, leak
) -> None:
    def leaking(*args, **kwargs):
        document = assemble(*args, **kwargs)
        leak(document)
        return document

    monkeypatch.setattr(export_module, "assemble", leaking)
    target = tmp_path / "out" / "book.pdf"
    target.parent.mkdir()
    with pytest.raises(ReleaseRefused, match="no file was written"):
        export_book(library, book, target, ExportOptions(releasable=True))
    assert list(target.parent.iterdir()) == []


@pytest.mark.parametrize("leak", LEAKS, ids=lambda f: f.__name__)
def test_internal_exports_are_gated_too(
    library: Library, book: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, leak
) -> None:
    def leaking(*args, **kwargs):
        document = assemble(*args, **kwargs)
        leak(document)
        return document

    monkeypatch.setattr(export_module, "assemble", leaking)
    with pytest.raises(ReleaseRefused):
        export_book(library, book, tmp_path / "book.pdf")
    assert not (tmp_path / "book.pdf").exists() and not (tmp_path / "book.docx").exists()


def test_a_passage_not_for_release_may_stay_in_an_internal_export(library: Library, book: str) -> None:
    document = assemble(library, book)
    leak_not_for_release(document)
    levels = library.classification_levels()
    assert problems(document, levels, "Internal", sharing=False) == []
    assert [p.reason for p in problems(document, levels, "Internal", sharing=True)] == ["not for release"]


def test_every_text_of_an_assembled_demo_book_has_an_origin(library: Library) -> None:
    from briefbook.demo.loader import load_demo
    from briefbook.library import Book

    load_demo(library)
    levels = library.classification_levels()
    for b in library.list(Book):
        for sharing in (False, True):
            document = assemble(library, b, releasable=sharing, ceiling=levels[-1])
            assert problems(document, levels, levels[-1], sharing=sharing) == []


def test_each_problem_names_where_it_is_in_the_document() -> None:
    from briefbook.document.model import Document, ListBlock, ListItem, Metadata

    public = Origin("Public", kind="book", item_id="b")
    document = Document(
        Metadata(title="Sổ tay", origins={"title": public, "subject": Origin("Secret")}, subject="x"),
        [
            Paragraph([Run("chung", origin=public)], origin=public),
            ListBlock([ListItem([Run("ok", origin=public), Run("ສົມພອນ")])], origin=None),
        ],
    )
    found = problems(document, ["Public", "Internal", "Confidential", "Secret"], "Internal", sharing=False)
    assert {(p.where, p.reason) for p in found} == {
        ("document.meta.subject", "above the ceiling"),
        ("document.blocks[1].items[0].runs[1].text", "no origin"),
    }
