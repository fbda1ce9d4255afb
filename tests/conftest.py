"""Shared fixtures: every test gets its own library file and data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from briefbook.library import Event, Library, Meeting, Person, Statement, TalkingPoint, Topic


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's data folder or library."""
    monkeypatch.setenv("BRIEFBOOK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BRIEFBOOK_LIBRARY", raising=False)


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "test.briefbook"


@pytest.fixture
def library(library_path: Path):
    lib = Library.create(library_path)
    yield lib
    lib.close()


@pytest.fixture
def filled(library: Library) -> dict:
    """A small library with one of everything, linked as a desk officer would."""
    return fill(library)


def fill(library: Library) -> dict:
    """The ``filled`` fixture's items, for a test that needs several such libraries."""
    event = library.add(
        Event(title="Hội nghị quốc tế Đối tác toàn cầu chống lừa đảo trực tuyến", city="Bangkok")
    )
    meeting = library.add(Meeting(event_id=event.id, title="Phiên khai mạc", kind="plenary"))
    person = library.add(Person(name="Lê Anh Tuấn", position="Thứ trưởng Bộ Ngoại giao"))
    thai = library.add(Person(name="สีหศักดิ์ พวงเกตุแก้ว", name_romanised="Sihasak Phuangketkeow"))
    topic = library.add(Topic(title="Công ước Hà Nội", background="Hợp tác ở Đông Nam Á"))
    point = library.add(
        TalkingPoint(topic_id=topic.id, text="Việt Nam kiên quyết chống **lừa đảo** trực tuyến.")
    )
    statement = library.add(
        Statement(
            speaker_id=person.id, speaker_name="Lê Anh Tuấn", date="2025-12-17", text="Chia sẻ thông tin"
        )
    )
    library.set_participant(meeting.id, thai.id, "counterpart")
    library.link_topic(meeting.id, topic.id)
    library.link_topic(statement.id, topic.id)
    library.set_delegate(event.id, person.id, "Trưởng đoàn")
    return {
        "event": event,
        "meeting": meeting,
        "person": person,
        "thai": thai,
        "topic": topic,
        "point": point,
        "statement": statement,
    }
