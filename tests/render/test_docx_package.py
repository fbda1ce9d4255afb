"""The Word package is written without python-docx (render/docx_parts.py), as python-docx wrote it.

python-docx opens the file and saves it again byte for byte, every part and in the same
order: the parts, relationships, content types, headers, core properties, pictures and
fonts are what its object model made of the same book. On a book made from nothing:
Lao, Thai and Arabic names, photos (one of them shown twice), a link, nested lists, a
Confidential meeting, exported internal and for sharing."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from PIL import Image as PILImage

from briefbook.document.model import Document, Image, Metadata, Paragraph, Profile, Run
from briefbook.export import ExportOptions, export_book
from briefbook.library import Event, Meeting, Person, TalkingPoint, Topic
from briefbook.library.books import new_book
from briefbook.render.docx import render_docx
from briefbook.render.docx_blocks import MISSING_PICTURE
from briefbook.render.template import load_template


def _picture(kind: str, colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (90, 120), colour).save(out, kind)
    return out.getvalue()


def _book(library) -> str:
    event = library.add(
        Event(
            title="Hội nghị Mekong – Lan Thương",
            city="Luang Prabang",
            start_date="2026-03-02",
            objectives="1. Thúc đẩy [kết nối](https://mekonglancang.org/a?b=1&c=2)\n2. Dữ liệu\n   - mùa khô",
        )
    )
    lao = library.add(Person(name="ສະເລີມໄຊ ກົມມະສິດ", position="Bộ trưởng"))
    thai = library.add(Person(name="สีหศักดิ์ พวงเกตุแก้ว", position="รัฐมนตรี"))
    arab = library.add(Person(name="فيصل بن فرحان", position="Minister", classification="Confidential"))
    library.set_photo(lao.id, _picture("PNG", (200, 30, 30)))
    library.set_photo(thai.id, _picture("JPEG", (30, 30, 200)))
    library.set_photo(arab.id, _picture("PNG", (200, 30, 30)))  # the same picture as Lao's
    topic = library.add(Topic(title="Hành lang Đông – Tây", background="Hợp tác *Mekong* với ไทย."))
    library.add(TalkingPoint(topic_id=topic.id, text="- một\n  - hai\n- [NFR] nội bộ", status="cleared"))
    for title, level, person in (
        ("Gặp Lào", "Internal", lao),
        ("Gặp riêng", "Confidential", arab),
        ("Gặp Thái", "Public", thai),
    ):
        meeting = library.add(Meeting(event_id=event.id, title=title, kind="bilateral", classification=level))
        library.link_topic(meeting.id, topic.id)
        library.set_participant(meeting.id, person.id, "counterpart")
    return new_book(library, event.id, title="Sổ tay Mekong", ceiling="Confidential").id


def _parts(data: bytes | Path) -> list[tuple[str, bytes]]:
    archive = zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data)
    return [(name, archive.read(name)) for name in archive.namelist()]


@pytest.mark.parametrize("for_sharing", [False, True])
def test_python_docx_saves_the_file_again_byte_for_byte(library, tmp_path, for_sharing):
    book = _book(library)
    target = tmp_path / "book.docx"
    export_book(library, book, target, ExportOptions(formats=("docx",), releasable=for_sharing))
    ours = _parts(target)
    names = [name for name, _ in ours]
    assert len([n for n in names if n.startswith("word/media/")]) == 2  # Lao's picture once
    made = {"word/header1.xml", "word/footer2.xml", "docProps/core.xml", "word/fonts/font1.odttf"}
    assert made <= set(names)
    assert b'TargetMode="External"' in dict(ours)["word/_rels/document.xml.rels"]
    again = io.BytesIO()
    docx.Document(str(target)).save(again)
    assert _parts(again.getvalue()) == ours


def test_a_jpeg_python_docx_did_not_know_is_still_left_out_with_its_note(tmp_path):
    """python-docx knew a JPEG by its JFIF or Exif header; the renderer kept that rule."""
    jpeg = _picture("JPEG", (10, 120, 10))
    assert jpeg[6:10] == b"JFIF"
    bare = jpeg[:2] + jpeg[2 + 2 + int.from_bytes(jpeg[4:6], "big") :]  # its APP0 (JFIF) segment cut
    PILImage.open(io.BytesIO(bare)).load()  # still a picture Pillow reads
    target = tmp_path / "t.docx"
    blocks = [Image(bare), Profile("ສົມພອນ", jpeg, [Paragraph([Run("Thứ trưởng")])])]
    render_docx(Document(Metadata(title="T", language="vi"), blocks), load_template("formal-a4"), target)
    parts = dict(_parts(target))
    assert [n for n in parts if n.startswith("word/media/")] == ["word/media/image1.jpg"]
    assert MISSING_PICTURE["vi"] in parts["word/document.xml"].decode()


def test_a_title_of_the_longest_allowed_length_is_written_whole(tmp_path):
    """A title may be 300 characters (records.MAX_LINE); python-docx refused core properties
    over 255 (ValueError: the export failed with a traceback). Now it is written as it is."""
    from lxml import etree

    from briefbook.library.records import MAX_LINE

    title = ("Sổ tay Hội nghị Bộ trưởng Ngoại giao ASEAN " * 8)[:MAX_LINE]
    target = tmp_path / "t.docx"
    render_docx(Document(Metadata(title=title), [Paragraph([Run("x")])]), load_template("formal-a4"), target)
    core = etree.fromstring(dict(_parts(target))["docProps/core.xml"])
    assert core.findtext("{http://purl.org/dc/elements/1.1/}title") == title.strip()
    assert docx.Document(str(target)).core_properties.title == title.strip()
