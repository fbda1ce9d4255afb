"""The preflight names the talking points that leave the book with their topic.

Found by a review: a topic above the ceiling (or marked not for release, in a copy for
sharing) was named as left out, but its talking points, which go with it, were not:
they left the book without a word.
"""

from __future__ import annotations

from briefbook.assemble import preflight
from briefbook.library import Library, TalkingPoint, Topic
from briefbook.library.books import new_book


def _messages(warnings) -> list[str]:
    return [w.message for w in warnings]


def test_each_point_of_a_topic_above_the_ceiling_is_named(library: Library, filled: dict) -> None:
    topic = library.add(Topic(title="Hồi hương công dân từ Myanmar", classification="Secret"))
    first = library.add(
        TalkingPoint(topic_id=topic.id, text="ສະບາຍດີ **quá cảnh** 300 công dân.", status="cleared")
    )
    second = library.add(TalkingPoint(topic_id=topic.id, text="مرحبا chi phí chuyến bay.", status="cleared"))
    library.link_topic(filled["meeting"].id, topic.id)
    book = new_book(library, filled["event"].id, title="Sổ tay", ceiling="Public")
    warnings = preflight(library, book)
    said = _messages(warnings)
    assert (
        "Topic “Hồi hương công dân từ Myanmar” is Secret, above the ceiling (Public); it is left out." in said
    )
    with_topic = " is left out with its topic “Hồi hương công dân từ Myanmar”."
    assert "Talking point “ສະບາຍດີ quá cảnh 300 công dân.”" + with_topic in said, said
    assert "Talking point “مرحبا chi phí chuyến bay.”" + with_topic in said
    named = [(w.kind, w.item_id) for w in warnings if w.code == "left_out_with_topic"]
    assert named == [("talking_point", first.id), ("talking_point", second.id)]  # a click away, once each


def test_points_of_a_topic_not_for_release_are_named_in_a_copy_for_sharing(
    library: Library, filled: dict
) -> None:
    topic = library.add(Topic(title="[NFR] Kênh riêng"))
    library.add(TalkingPoint(topic_id=topic.id, text="Gặp riêng sau phiên họp.", status="cleared"))
    library.link_topic(filled["meeting"].id, topic.id)
    book = new_book(library, filled["event"].id, title="Sổ tay", ceiling="Secret")
    said = _messages(preflight(library, book, releasable=True))
    assert "Talking point “Gặp riêng sau phiên họp.” is left out with its topic “[NFR] Kênh riêng”." in said
    assert not any("left out with its topic" in m for m in _messages(preflight(library, book)))
