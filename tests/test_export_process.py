"""The export's own process, seen from the window's side: reading it never waits for the child.

The window polls :meth:`ExportProcess.messages` from a timer on its GUI thread; waiting
there for the child to exit (it closes its library and its interpreter after its
last message, sometimes for hundreds of milliseconds on a busy machine) froze the
window at the end of every export. These children are stand-ins for ``run_export``.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from briefbook import export_process
from briefbook.export_process import ExportProcess


def lingering_child(library_path: str, book_id: str, target: str, options, channel, read_only=False) -> None:
    """Says it finished, then takes its time to exit: until the test creates ``<target>.release``."""
    channel.send(("progress", "pdf", 1, 2))
    channel.send(("finished", [target]))
    channel.close()
    release = Path(target + ".release")
    while not release.exists():
        time.sleep(0.01)


def busy_child(library_path: str, book_id: str, target: str, options, channel, read_only=False) -> None:
    """Says where it is, then works until it is stopped."""
    channel.send(("progress", "pdf", 1, 1000))
    while True:
        time.sleep(0.01)


def silent_child(library_path: str, book_id: str, target: str, options, channel, read_only=False) -> None:
    """Dies without a word (a crash in the renderer's C code, say)."""
    channel.close()
    os._exit(3)


def read_to_the_end(child: ExportProcess) -> list[tuple]:
    got: list[tuple] = []
    deadline = time.monotonic() + 120  # a bound for a broken test, not a speed
    while child.ended is None and time.monotonic() < deadline:
        got += child.messages()
        time.sleep(0.01)
    return got


def watch_joins(child: ExportProcess) -> list[float | None]:
    """The timeouts of ``join`` calls made by the calling (the window's) thread."""
    joins: list[float | None] = []
    original = child.process.join

    def join(timeout: float | None = None) -> None:
        if threading.current_thread() is threading.main_thread():
            joins.append(timeout)
        original(timeout)

    child.process.join = join  # type: ignore[method-assign]
    return joins


def test_the_last_message_is_read_without_waiting_for_the_child(tmp_path, monkeypatch):
    monkeypatch.setattr(export_process, "run_export", lingering_child)
    target = tmp_path / "book.pdf"
    child = ExportProcess(tmp_path / "none.briefbook", "book", target, None)
    child.start()
    joins = watch_joins(child)  # after the start: spawn pickles the process object
    try:
        got = read_to_the_end(child)
        assert got[-1] == ("finished", [str(target)])
        assert ("progress", "pdf", 1, 2) in got
        assert joins == []  # the window's thread never waited for the child to exit
        assert child.process.is_alive()  # it is still closing down: reaped by a thread of its own
        assert child.messages() == []  # once ended, nothing more
    finally:
        Path(str(target) + ".release").touch()
    assert child.wait(60) == 0  # a bound for a broken test, not a speed


def quick_child(library_path: str, book_id: str, target: str, options, channel, read_only=False) -> None:
    """Says it finished and exits a moment later, while the reaper already waits on it."""
    channel.send(("finished", [target]))
    channel.close()
    time.sleep(0.05)


def test_waiting_beside_the_reaper_still_gets_the_exit_code(tmp_path, monkeypatch):
    # Two threads joining one child race for its exit status: the loser comes back at once
    # with no exit code (one time in fourteen here), and the CI once saw ``None`` for 0.
    # So once the reaper runs, a caller waits on the reaper, never on the child itself.
    monkeypatch.setattr(export_process, "run_export", quick_child)
    for _ in range(4):
        child = ExportProcess(tmp_path / "none.briefbook", "book", tmp_path / "book.pdf", None)
        child.start()
        joins = watch_joins(child)
        assert read_to_the_end(child)[-1][0] == "finished"
        assert child.wait(60) == 0  # a bound for a broken test, not a speed
        assert joins == []


def test_cancelling_a_child_that_said_its_last_word_leaves_it_to_the_reaper(tmp_path, monkeypatch):
    # Cancel pressed just as the export finished: the child is exiting and the reaper waits
    # on it; asking it whether it is alive (a waitpid) would race the reaper.
    monkeypatch.setattr(export_process, "run_export", quick_child)
    child = ExportProcess(tmp_path / "none.briefbook", "book", tmp_path / "book.pdf", None)
    child.start()
    assert read_to_the_end(child)[-1][0] == "finished"
    asked: list[str] = []
    child.process.is_alive = lambda: asked.append("is_alive") or True  # type: ignore[method-assign]
    child.process.terminate = lambda: asked.append("terminate")  # type: ignore[method-assign]
    child.cancel()
    assert asked == []
    del child.process.is_alive, child.process.terminate
    assert child.wait(60) == 0  # a bound for a broken test, not a speed


def test_a_child_that_dies_without_a_word_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(export_process, "run_export", silent_child)
    child = ExportProcess(tmp_path / "none.briefbook", "book", tmp_path / "book.pdf", None)
    child.start()
    got = read_to_the_end(child)
    assert got == [("unexpected", "exit code 3")]


@pytest.mark.parametrize("stop", ["terminate", "kill"])
def test_a_child_ended_by_a_signal_is_cancelled(tmp_path, monkeypatch, stop):
    monkeypatch.setattr(export_process, "run_export", busy_child)
    child = ExportProcess(tmp_path / "none.briefbook", "book", tmp_path / "book.pdf", None)
    child.start()
    assert child._mine.poll(120)  # its first word: it is running (a bound for a broken test)
    getattr(child.process, stop)()
    got = read_to_the_end(child)
    assert got[-1] == ("cancelled",)
    assert child.process.exitcode is not None and child.process.exitcode < 0
