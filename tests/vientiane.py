"""An event made from nothing beside the Bangkok demo: an ASEAN ministerial meeting in Vientiane.

Shared by the tests of "a book is about its event" in the core, the CLI and the composer.
"""

from __future__ import annotations

from briefbook.library import Event, Library, Meeting, Person, Statement, TalkingPoint, Topic

TITLE = "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 59"


def add_vientiane(library: Library) -> dict:
    """The event, a bilateral with a Lao counterpart (name in Lao script), its topic, points, statement."""
    event = library.add(
        Event(
            title=TITLE,
            city="Viêng Chăn",
            country="Lào",
            start_date="2026-07-21",
            end_date="2026-07-23",
            classification="Internal",
        )
    )
    meeting = library.add(
        Meeting(
            event_id=event.id,
            title="Gặp song phương Việt Nam – Lào",
            kind="bilateral",
            starts_at="2026-07-21T09:00",
        )
    )
    lao = library.add(
        Person(
            name="ທອງສະຫວັນ ພົມວິຫານ",
            name_romanised="Thongsavanh Phomvihane",
            position="Bộ trưởng Ngoại giao Lào",
        )
    )
    ours = library.add(Person(name="Nguyễn Minh Hằng", position="Thứ trưởng Bộ Ngoại giao"))
    topic = library.add(
        Topic(title="Kết nối ASEAN và hành lang kinh tế Đông – Tây", background="Hợp tác *Mekong*.")
    )
    point = library.add(
        TalkingPoint(
            topic_id=topic.id, text="Việt Nam ủng hộ kết nối đường sắt Viêng Chăn – Hà Nội.", status="cleared"
        )
    )
    statement = library.add(
        Statement(speaker_id=lao.id, speaker_name=lao.name, date="2026-05-02", text="ເພື່ອນມິດທີ່ດີ — bạn tốt.")
    )
    library.set_participant(meeting.id, lao.id, "counterpart")
    library.link_topic(meeting.id, topic.id)
    library.set_delegate(event.id, ours.id, "Trưởng đoàn")
    return {
        "event": event,
        "meeting": meeting,
        "lao": lao,
        "ours": ours,
        "topic": topic,
        "point": point,
        "statement": statement,
    }
