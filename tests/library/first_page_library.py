"""A library for the first-page tests: names in Thai, Arabic, Khmer and Lao, every level used."""

from __future__ import annotations

from pathlib import Path

from briefbook.library import Event, Library, Meeting, Organisation, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import new_book

LEVELS = ("Public", "Internal", "Confidential", "Secret")


def build(path: Path) -> Path:
    """Each kind with several items at each level; linked speakers and free ones; closed when built."""
    with Library.create(path) as lib:
        org = lib.add(Organisation(name="منظمة التعاون الإسلامي", acronym="OIC", country="SA"))
        lib.add(Organisation(name="ອາຊຽນ ລາວ", country="LA"))
        people = [
            lib.add(Person(name="فيصل بن فرحان", organisation_id=org.id, classification="Internal")),
            lib.add(Person(name="สีหศักดิ์ พวงเกตุแก้ว", name_romanised="Sihasak Phuangketkeow")),
            lib.add(Person(name="សុខ ចិន្តា", classification="Confidential")),
            lib.add(Person(name="Lê Anh Tuấn", position="Thứ trưởng Bộ Ngoại giao")),
        ]
        event = lib.add(Event(title="การประชุม กรุงเทพฯ", city="Bangkok", start_date="2025-12-17"))
        lib.add(Event(title="مؤتمر الرياض", city="Riyadh", start_date="2026-02-01", classification="Secret"))
        for i, level in enumerate(LEVELS):
            lib.add(
                Meeting(event_id=event.id, title=f"Phiên {i} — ประชุม", kind="bilateral", classification=level)
            )
        topics = [
            lib.add(Topic(title="Công ước Hà Nội")),
            lib.add(Topic(title="การหลอกลวงทางออนไลน์", classification="Internal")),
            lib.add(Topic(title="الاحتيال عبر الإنترنت", classification="Confidential")),
            lib.add(Topic(title="ការបោកប្រាស់តាមអ៊ីនធឺណិត")),
        ]
        texts = (
            "Việt Nam kiên quyết chống **lừa đảo**.",
            "ไทยและเวียดนาม *ร่วมมือ*",
            "نحن نعمل معًا",
            "- một\n- hai",
        )
        for t, topic in enumerate(topics):
            for i, text in enumerate(texts):
                level = LEVELS[(t + i) % 4]
                if topic.classification == "Confidential" and level in ("Public", "Internal"):
                    level = "Confidential"  # a point is at least its topic's level
                lib.add(TalkingPoint(topic_id=topic.id, text=f"{text} {t}.{i}", classification=level))
        for i, person in enumerate(people):
            lib.add(Statement(speaker_id=person.id, date=f"2025-0{i + 1}-1{i}", text=f"نص {i}"))
        lib.add(Statement(speaker_name="ສົມສະຫວາດ", date="2024-11-06", text="ລາວ", classification="Secret"))
        new_book(lib, event.id, title="Sổ tay — การประชุม")
    return path
