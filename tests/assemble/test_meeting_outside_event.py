"""A meeting dated outside its event's days is named in the preflight.

Found by a review: '03/04/2026' typed for a meeting of an event on 15-17/12/2026 is read
day first (3 April), stored and printed in the brief, and nothing said so.
"""

from __future__ import annotations

from briefbook.assemble import preflight
from briefbook.library import Event, Library, Meeting
from briefbook.library.books import new_book


def test_a_meeting_on_a_day_outside_the_event_is_named(library: Library) -> None:
    event = library.add(Event(title="Hội nghị Viêng Chăn", start_date="2026-12-15", end_date="2026-12-17"))
    library.add(Meeting(event_id=event.id, title="Gặp ສອນໄຊ", starts_at="2026-04-03T09:00"))
    library.add(Meeting(event_id=event.id, title="Gặp ดอน", starts_at="2026-12-17T16:00"))  # the last day
    library.add(Meeting(event_id=event.id, title="Chưa định giờ"))  # no time yet: nothing to say
    book = new_book(library, event.id, title="Sổ tay")
    said = [w.message for w in preflight(library, book) if w.code == "meeting_outside_event"]
    assert said == [
        "The meeting “Gặp ສອນໄຊ” is on 2026-04-03, outside its event's dates (2026-12-15 to 2026-12-17)."
    ]


def test_an_event_of_one_day_and_an_event_without_dates(library: Library) -> None:
    one_day = library.add(Event(title="Một ngày", start_date="2026-12-15"))
    library.add(Meeting(event_id=one_day.id, title="Hôm sau", starts_at="2026-12-16T09:00"))
    undated = library.add(Event(title="Chưa có ngày"))
    library.add(Meeting(event_id=undated.id, title="Bất kỳ", starts_at="2026-12-16T09:00"))
    said = [w.message for w in preflight(library, new_book(library, one_day.id, title="A"))]
    assert (
        "The meeting “Hôm sau” is on 2026-12-16, outside its event's dates (2026-12-15 to 2026-12-15)."
        in said
    )
    said = [w.code for w in preflight(library, new_book(library, undated.id, title="B"))]
    assert "meeting_outside_event" not in said
