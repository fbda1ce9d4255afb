"""A window's own second connection (the thread that stores a long text) is not another window.

``PRAGMA data_version`` changes for every commit of another connection, the window's own
background save included: the window reloaded every view and the open editor after each save of
a long text. Its connections share :class:`~briefbook.library.own_commits.OwnCommits`; another
process's commit still reads as a change, also when it falls between the same two checks as ours.
"""

from __future__ import annotations

import threading
from pathlib import Path

from briefbook.library import Library, TalkingPoint, Topic


def _store_on_a_thread(library: Library, point_id: str, text: str) -> None:
    """As the window's long-text save does: a connection of its own, on a thread of its own
    (sharing the window's commits; the code before had nothing to share)."""
    shared = {"commits": library.commits} if hasattr(library, "commits") else {}
    errors: list[BaseException] = []

    def store() -> None:
        try:
            with Library.open(library.path, backup=False, **shared) as own:
                own.update("talking_point", point_id, text=text)
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=store)
    thread.start()
    thread.join()
    assert not errors, errors


def _point(library: Library) -> str:
    topic = library.add(Topic(title="Hợp tác sông Mê Kông"))
    return library.add(TalkingPoint(topic_id=topic.id, kind="key_message", text="Điểm ngắn.")).id


def test_our_own_background_save_is_not_another_windows_edit(library: Library) -> None:
    point_id = _point(library)
    assert library.changed_elsewhere() is False
    _store_on_a_thread(library, point_id, "Việt Nam ủng hộ " * 10_000)
    assert library.changed_elsewhere() is False  # (the old code: True, every view reloaded)
    _store_on_a_thread(library, point_id, "ສົມພອນ ວົງສາ " * 5_000)
    library.update("talking_point", point_id, status="cleared")  # and one on the window's own
    assert library.changed_elsewhere() is False


def test_another_process_between_two_checks_with_ours_is_still_a_change(
    library: Library, library_path: Path
) -> None:
    point_id = _point(library)
    assert library.changed_elsewhere() is False
    _store_on_a_thread(library, point_id, "Việt Nam ủng hộ " * 10_000)
    with Library.open(library_path, backup=False) as other:  # another window: commits of its own
        other.add(Topic(title="ប្រទេសកម្ពុជា"))
    _store_on_a_thread(library, point_id, "مرحبا " * 10_000)
    assert library.changed_elsewhere() is True
    assert library.changed_elsewhere() is False
    _store_on_a_thread(library, point_id, "Hết.")
    assert library.changed_elsewhere() is False


def test_another_process_alone_is_a_change(library: Library, library_path: Path) -> None:
    _point(library)
    assert library.changed_elsewhere() is False
    with Library.open(library_path, backup=False) as other:
        other.add(Topic(title="ประเทศไทย"))
    assert library.changed_elsewhere() is True
    assert library.changed_elsewhere() is False


def test_a_write_that_fails_leaves_its_number_to_the_next_writer(
    library: Library, library_path: Path
) -> None:
    """A transaction rolled back gave up its number: another process's commit taking it is theirs."""
    point_id = _point(library)
    assert library.changed_elsewhere() is False
    try:
        with library.transaction():
            library.update("talking_point", point_id, status="cleared")
            raise RuntimeError("stopped")
    except RuntimeError:
        pass
    with Library.open(library_path, backup=False) as other:
        other.add(Topic(title="ປະເທດລາວ"))
    assert library.changed_elsewhere() is True


def test_the_log_emptied_with_no_commit_is_no_change(library: Library, library_path: Path) -> None:
    """After a checkpoint of a big save, the next writer restarts the write-ahead log before it
    commits, and ``data_version`` changes with nothing committed (a TRUNCATE checkpoint does
    the same at once): the window reloaded for nothing."""
    point_id = _point(library)
    _store_on_a_thread(library, point_id, "Việt Nam ủng hộ " * 10_000)
    assert library.changed_elsewhere() is False
    with Library.open(library_path, backup=False) as other:
        other.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert library.changed_elsewhere() is False
