"""A library whose schema is current but whose search index an earlier version made (INDEX_VERSION 7
before 8): its first open in the window backs it up and indexes it again behind the progress window,
the window running meanwhile, as a schema step's open does (on 100,000 items: a 285 MB backup and the
index's scan, about 4 s). The window asks ``upgrade_due``, which must count the index as well as the
schema steps; without it that work ran on the GUI thread with no word."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from briefbook.library import Library, TalkingPoint, Topic
from briefbook.library.search_index import INDEX_VERSION, INDEX_VERSION_KEY, SearchIndexMixin
from briefbook.ui.main_window import MainWindow
from briefbook.ui.settings import Settings
from tests.ui.conftest import _deleted
from tests.ui.upgrade_watch import watching_progress


def _indexed_by_the_version_before(tmp_path: Path) -> Path:
    """A current library holding a point with a link, its index marked as made by version 7."""
    path = tmp_path / "chỉ mục cũ.briefbook"
    with Library.create(path) as library:
        topic = library.add(Topic(title="Công ước Hà Nội"))
        text = "Xem [Công ước](https://treaties.un.org) về lừa đảo."
        library.add(TalkingPoint(topic_id=topic.id, text=text))
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE settings SET value = '7' WHERE key = ?", [INDEX_VERSION_KEY])
    conn.close()
    return path


def test_an_index_of_the_version_before_is_updated_behind_the_progress_window(qtbot, tmp_path, monkeypatch):
    path = _indexed_by_the_version_before(tmp_path)
    real = SearchIndexMixin._index_markdown_read_as_text

    def slow(self, *args, **kwargs):  # as slow as on a big library
        time.sleep(0.5)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(SearchIndexMixin, "_index_markdown_read_as_text", slow)
    window = MainWindow(Settings())
    window.show()
    with watching_progress() as seen:
        assert window.open_library(path)
    try:
        labels = seen["labels"]
        assert labels, "no progress window while the index was updated"
        assert all(t.startswith("Updating your library to this version of BriefBook…") for t in labels)
        assert any("search index" in t for t in labels)
        assert seen["ticks"] >= 5  # the event loop ran meanwhile
        library = window.model.library
        assert library.setting(INDEX_VERSION_KEY) == INDEX_VERSION
        assert [h.kind for h in library.search("lua dao")] == ["talking_point"]
        assert library.search("treaties") == []  # the link's address is no longer found
        assert len(list((tmp_path / "chỉ mục cũ.backups").glob("*.briefbook"))) == 1  # backed up first
    finally:
        _deleted(window)
