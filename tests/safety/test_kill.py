"""Crash safety, proven: real processes killed with SIGKILL in the middle of edits, backups, exports.

Each child prints what it is about to do and what is done (flushed); the parent reads
those lines and kills it at that moment. Afterwards: everything reported as done is
there, the file passes ``PRAGMA integrity_check``, and nothing partial is offered.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from briefbook.export import cleanup_stale_exports
from briefbook.library import Event, Library, Meeting, TalkingPoint, Topic
from briefbook.library.books import new_book
from briefbook.store.backup import backup_folder, backup_library, list_backups

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


# -- a stream of edits ----------------------------------------------------------------------


def _ops(lines: list[str]) -> tuple[list[tuple[str, str, int]], tuple[str, str, int] | None]:
    """The operations the child reported done, and the one it had begun (if any) when it died."""
    done: list[tuple[str, str, int]] = []
    pending = None
    for line in lines:
        words = line.split()
        if len(words) == 4 and words[0] == "will":  # (a line cut by the kill would not count)
            _, op, item, n = words
            pending = (op, item, int(n))
        elif line == "ok":
            assert pending is not None
            done.append(pending)
            pending = None
    return done, pending


def _state_of(lib: Library, item: str) -> tuple[str, int] | None:
    """What the library holds for one topic, in the terms of the child's operations."""
    rows = lib.list(Topic, where={"id": item})
    if not rows:
        return None
    background = rows[0].background
    if background.startswith("sửa lần "):
        return ("update", int(background.split()[2]))
    return ("add", int(rows[0].title.split()[-1]))


def test_every_reported_edit_survives_sigkill(spawn, library_path: Path) -> None:
    Library.create(library_path).close()
    expected: dict[str, tuple[str, int] | None] = {}
    kills = 0
    # (edits to see done before the kill, seconds between automatic backups: 0 = after every commit)
    for seed, (stop_after, interval) in enumerate(
        [(5, 600), (40, 0), (80, 600), (15, 0), (120, 600), (60, 0)]
    ):
        child = spawn("edits", library_path, interval, seed)
        child.expect("ready")
        for _ in range(stop_after):
            child.expect("ok")
        lines = child.kill()
        kills += 1
        done, pending = _ops(lines[lines.index("ready") :])
        assert len(done) >= stop_after

        assert _integrity(library_path) == "ok"
        with Library.open(library_path, backup=False) as lib:
            assert lib.check() == []  # integrity, links, and the search index in step with the items
            for op, item, n in done:
                expected[item] = None if op == "delete" else (op, n)
            for item, want in expected.items():
                if pending is None or item != pending[1]:
                    assert _state_of(lib, item) == want, f"round {seed}: {item} lost its {want}"
            if pending is not None:  # killed during this one: before or after, never half
                op, item, n = pending
                after = None if op == "delete" else (op, n)
                got = _state_of(lib, item)
                assert got in (expected.get(item), after)
                expected[item] = got
            stored = {t.id for t in lib.list(Topic)}
            assert stored == {item for item, state in expected.items() if state is not None}
        for info in list_backups(library_path):  # whatever the kill interrupted is not offered
            assert _integrity(info.path) == "ok"
    assert kills == 6
    assert sum(state is not None for state in expected.values()) > 100


# -- a backup --------------------------------------------------------------------------------


def _big_library(path: Path, megabytes: int = 20) -> None:
    """A library of about ``megabytes`` MB (old revisions of a long text, as years of editing leave)."""
    with Library.create(path) as lib:
        topic = lib.add(Topic(title="Công ước Hà Nội"))
        lib.add(TalkingPoint(topic_id=topic.id, text="Việt Nam ủng hộ Công ước Hà Nội."))
        with lib.transaction():
            for i in range(megabytes):
                lib.db["revisions"].insert(
                    {
                        "table_name": "topics",
                        "item_id": topic.id,
                        "field": "background",
                        "value": os.urandom(500_000).hex(),
                        "created_at": f"2025-01-{i + 1:02d}",
                    }
                )
    assert path.stat().st_size > megabytes * 1_000_000


def test_a_backup_killed_half_way_harms_nothing_and_is_never_offered(spawn, library_path: Path) -> None:
    _big_library(library_path)
    before = _digest(library_path)
    folder = backup_folder(library_path)
    for mode in ("copy", "rename", "free"):
        child = spawn("backup", library_path, mode)
        child.expect("ready")
        child.expect("copied")  # the copy has begun
        if mode != "free":
            child.expect("waiting")  # "copy": a quarter copied; "rename": verified, not yet renamed
            assert any(p.name.endswith(".partial") for p in folder.iterdir())
        lines = child.kill()
        assert _digest(library_path) == before, "the library itself is never written by a backup"
        finished = [line for line in lines if line.startswith("done")]
        assert len(list_backups(library_path)) == len(finished)  # a killed one is not listed
        if mode != "free":
            assert finished == []
    assert _integrity(library_path) == "ok"
    with Library.open(library_path, backup=False) as lib:
        assert lib.check() == [] and lib.count(TalkingPoint) == 1

    made = backup_library(library_path)  # the next backup clears what the killed ones left
    assert not [p for p in folder.iterdir() if ".partial" in p.name]
    assert list_backups(library_path)[0].path == made and _integrity(made) == "ok"


# -- an export -------------------------------------------------------------------------------


@pytest.fixture
def big_book(library_path: Path) -> str:
    """A book over an event with 200 meetings (about 300 PDF pages)."""
    with Library.create(library_path) as lib, lib.transaction():
        event = lib.add(Event(title="Hội nghị quốc tế chống lừa đảo trực tuyến", city="Bangkok"))
        topics = [
            lib.add(Topic(title=f"Chủ đề {i}", background="Bối cảnh hợp tác. " * 30)) for i in range(20)
        ]
        for topic in topics:
            for j in range(5):
                text = f"Việt Nam kiên quyết chống lừa đảo trực tuyến ({j}). " * 3
                lib.add(TalkingPoint(topic_id=topic.id, text=text, status="cleared"))
        for i in range(200):
            meeting = lib.add(
                Meeting(
                    event_id=event.id,
                    title=f"Cuộc gặp song phương {i}",
                    kind="bilateral",
                    purpose="Trao đổi. " * 10,
                )
            )
            lib.link_topic(meeting.id, topics[i % 20].id)
        return new_book(lib, event.id).id


@pytest.mark.parametrize(
    ("fmt", "mode", "previous"),
    [("pdf", "wait", True), ("pdf", "free", True), ("pdf", "wait", False), ("docx", "wait", True)],
    ids=["pdf-mid-render", "pdf-anytime", "pdf-no-previous-file", "docx-mid-render"],
)
def test_an_export_killed_half_way_leaves_the_previous_file_or_nothing(
    spawn, library_path: Path, big_book: str, tmp_path: Path, fmt: str, mode: str, previous: bool
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"Sổ tay Bangkok.{fmt}"
    if previous:
        target.write_bytes(b"the previous export, complete")
    child = spawn("export", library_path, big_book, target, fmt, mode)
    child.expect("ready")
    child.expect("waiting" if mode == "wait" else "progress")
    if mode == "wait":
        leftovers = [p for p in out.iterdir() if p != target]
        assert leftovers, "the renderer writes to a temporary file first"
    lines = child.kill()
    assert "done" not in lines
    if previous:
        assert target.read_bytes() == b"the previous export, complete"
    else:
        assert not target.exists()

    cleanup_stale_exports(out)  # what the next start does
    assert sorted(p.name for p in out.iterdir()) == ([target.name] if previous else [])
    assert _integrity(library_path) == "ok"
