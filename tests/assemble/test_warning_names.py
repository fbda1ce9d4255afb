"""A preflight warning quotes an item's name by one rule (context.short), the glyph check's too."""

from __future__ import annotations


def test_a_warning_quotes_an_items_name_by_one_rule(library) -> None:
    """The glyph check cut a long name with its own copy of the context's rule."""
    from briefbook.assemble import preflight
    from briefbook.assemble.context import short
    from briefbook.library import Event, Meeting, Topic
    from briefbook.library.books import new_book

    event = library.add(Event(title="Hội nghị Երևան"))
    long_title = "Chủ đề Հայաստան " + "rất dài " * 20
    topic = library.add(Topic(title=long_title, background="Nền."))
    meeting = library.add(Meeting(event_id=event.id, title="Gặp", kind="bilateral"))
    library.link_topic(meeting.id, topic.id)
    book = new_book(library, event.id, ceiling="Secret")
    glyphs = [
        w.message for w in preflight(library, book) if w.code == "glyph_missing" and w.item_id == topic.id
    ]
    assert glyphs and all(f"“{short(long_title)}”" in m for m in glyphs)
    assert short(long_title).endswith("…") and len(short(long_title)) == 60
