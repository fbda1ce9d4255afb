"""A PDF export leaves no file open behind it (it left NotoSans-Bold.ttf open until the process
ended: the DRAFT mark's outlines were read through a cached lazy fontTools font)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefbook.export import ExportOptions, export_book
from briefbook.library import Event, Library, Meeting, Person, TalkingPoint, Topic
from briefbook.library.books import new_book

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import gc, sys
from pathlib import Path
from briefbook.export import ExportOptions, export_book
from briefbook.library import Library, Book
with Library.open(Path(sys.argv[1]), backup=False) as lib:
    book = lib.list(Book)[0]
    export_book(lib, book.id, Path(sys.argv[2]), ExportOptions(formats=("pdf",)))
gc.collect()
print("exported")
"""


def _draft_book(library: Library):
    """An event made from nothing, with a point not cleared yet: the PDF carries the DRAFT mark."""
    event = library.add(Event(title="Tham vấn chính trị Việt Nam – Lào", city="Viêng Chăn"))
    meeting = library.add(Meeting(event_id=event.id, title="Hội đàm", kind="bilateral"))
    laos = library.add(Person(name="ທອງສະລິດ ມັງໜໍ່ເມກ", position="Bộ trưởng Ngoại giao"))
    library.set_participant(meeting.id, laos.id, "counterpart")
    topic = library.add(Topic(title="Kết nối hạ tầng"))
    library.link_topic(meeting.id, topic.id)
    library.add(TalkingPoint(topic_id=topic.id, text="- Đường sắt **Viêng Chăn – Hà Nội**\n  - giai đoạn 1"))
    return new_book(library, event.id, ceiling="Secret", drafts="mark")


def _open_fonts() -> list[str]:
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.lower().endswith((".ttf", ".otf", ".ttc")):
            found.append(target)
    return found


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads the open files from /proc")
def test_no_font_file_stays_open_after_a_pdf_export(library: Library, tmp_path: Path) -> None:
    book = _draft_book(library)
    before = _open_fonts()
    export_book(library, book.id, tmp_path / "viengchan", ExportOptions(formats=("pdf",)))
    assert (tmp_path / "viengchan.pdf").stat().st_size > 0
    assert _open_fonts() == before


def test_a_pdf_export_gives_no_resource_warning(library: Library, library_path: Path, tmp_path: Path) -> None:
    _draft_book(library)
    library.close()
    result = subprocess.run(
        [
            sys.executable,
            "-W",
            "error::ResourceWarning",
            "-c",
            CHILD,
            str(library_path),
            str(tmp_path / "out"),
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0 and "exported" in result.stdout, result.stderr
    assert "ResourceWarning" not in result.stderr, result.stderr
