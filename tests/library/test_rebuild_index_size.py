"""Rebuilding the search index does not grow it: the full-text tables are made again, not
emptied row by row (FTS5 writes a delete marker per deleted row, which a rebuild kept)."""

from __future__ import annotations

from briefbook.library import Library, TalkingPoint, Topic


def _index_bytes(lib: Library) -> int:
    rows = lib.db.execute("SELECT sum(length(block)) FROM search_words_data").fetchone()
    return int(rows[0] or 0)


def test_a_rebuilt_index_answers_as_before_and_does_not_grow(library: Library) -> None:
    topic = library.add(Topic(title="Lao động di cư"))
    with library.transaction():
        for i in range(400):
            library.add(
                TalkingPoint(topic_id=topic.id, text=f"Điểm {i}: bảo hộ công dân, lừa đảo trực tuyến số {i}")
            )
    library.rebuild_index()
    once = _index_bytes(library)
    for _ in range(3):
        library.rebuild_index()
    assert _index_bytes(library) <= once * 1.05
    assert len(library.search("bao ho cong dan", limit=500)) == 400
    assert len(library.search("lừa đảo 399")) >= 1
