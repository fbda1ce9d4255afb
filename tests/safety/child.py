"""Child processes for the safety tests. Each prints what it does, one flushed line at a time,
so that the parent can kill it at a known moment without sleeping.

    python child.py edits LIBRARY INTERVAL SEED     a stream of edits: "will OP ..." then "ok"
    python child.py backup LIBRARY MODE             MODE: free, copy (wait mid-copy), rename (wait
                                                    after the check, before the rename)
    python child.py export LIBRARY BOOK TARGET FORMAT MODE   MODE: free or wait (wait mid-render)
    python child.py writer LIBRARY N                waits for "go" on stdin, then N changes
    python child.py hold LIBRARY                    holds a write transaction until stdin says so
    python child.py try-write LIBRARY TIMEOUT_MS    one write that must wait; prints the outcome
    python child.py cli TIMEOUT_MS ARGS...          the briefbook command line, busy timeout set

"wait" points print "waiting" and block on stdin: the parent kills the child there.
"""

from __future__ import annotations

import random
import sys
import time
import uuid
from pathlib import Path


def say(*parts: object) -> None:
    """One line in one write (a pipe write that small is atomic): a kill never splits a line."""
    sys.stdout.write(" ".join(map(str, parts)) + "\n")
    sys.stdout.flush()


def wait_here() -> None:
    say("waiting")
    sys.stdin.readline()


def edits(path: str, interval: str, seed: str) -> None:
    from briefbook.library import Library, Topic

    rng = random.Random(int(seed))
    lib = Library.open(path)
    lib.backup_interval = float(interval)
    alive = [t.id for t in lib.list(Topic)]
    say("ready")
    n = 0
    while True:
        n += 1
        roll = rng.random()
        if alive and roll < 0.25:
            item = rng.choice(alive)
            value = f"sửa lần {n} " + "chữ " * rng.randrange(0, 400)
            say("will", "update", item, n)
            lib.update(Topic, item, background=value)
        elif alive and roll < 0.35:
            item = rng.choice(alive)
            say("will", "delete", item, n)
            lib.delete(Topic, item)
            alive.remove(item)
        else:
            item = str(uuid.uuid4())
            say("will", "add", item, n)
            lib.add(Topic(id=item, title=f"Chủ đề {n}", background="nội dung " * rng.randrange(0, 400)))
            alive.append(item)
        say("ok")


def backup(path: str, mode: str) -> None:
    from briefbook.store import backup as backups
    from briefbook.store import sqlite_copy

    def progress(done: int, total: int) -> None:
        say("copied", done, total)
        if mode == "copy" and done < total:
            wait_here()

    if mode == "rename":
        fsync = sqlite_copy.fsync

        def fsync_then_wait(target: Path) -> None:  # verified, synced, not yet renamed
            fsync(target)
            wait_here()

        sqlite_copy.fsync = fsync_then_wait
    say("ready")
    done = backups.backup_library(path, reason="auto", progress=progress)
    say("done", done)


def export(path: str, book: str, target: str, fmt: str, mode: str) -> None:
    from briefbook.export import ExportOptions, export_book
    from briefbook.library import Library

    lib = Library.open(path, backup=False)
    waited = False

    def progress(stage: str, done: int, total: int) -> None:
        nonlocal waited
        if stage == fmt and done > 0:
            say("progress", stage, done, total)
            if mode == "wait" and fmt == "pdf" and not waited and done >= total // 3:
                waited = True  # a third of the way through the layout
                wait_here()

    if mode == "wait" and fmt == "docx":  # the Word file is written at the end: wait in the middle of that
        import briefbook.render.docx as render_docx

        members = render_docx.package_members

        def some_members_then_wait(*args, **kwargs):
            for n, member in enumerate(members(*args, **kwargs)):
                if n == 3:
                    wait_here()
                yield member

        render_docx.package_members = some_members_then_wait
    say("ready")
    export_book(lib, book, target, ExportOptions(formats=(fmt,)), progress=progress)
    say("done")


def writer(path: str, n: str) -> None:
    from briefbook.library import Library, TalkingPoint, Topic

    lib = Library.open(path)
    lib.backup_interval = 0.5  # backups run while the other process writes
    say("ready")
    sys.stdin.readline()
    topic = lib.add(Topic(title=f"Của tiến trình {Path(path).name}"))
    for i in range(int(n)):
        point = lib.add(TalkingPoint(topic_id=topic.id, text=f"Điểm {i}"))
        lib.update(TalkingPoint, point.id, text=f"Điểm {i} đã sửa")
        lib.search("diem")
        lib.count(TalkingPoint)
        say(point.id)
    say("finished")


def hold(path: str) -> None:
    from briefbook.library import Library, Topic

    lib = Library.open(path)
    with lib.transaction():
        lib.add(Topic(title="Giữ khóa"))
        say("holding")
        sys.stdin.readline()
    say("released")


def try_write(path: str, timeout_ms: str) -> None:
    from briefbook.errors import BriefBookError
    from briefbook.library import Library, Topic
    from briefbook.store import database

    database.BUSY_TIMEOUT_MS = int(timeout_ms)
    lib = Library.open(path)  # opening (and its backup) works while another process writes
    say("opened", lib.count(Topic))
    started = time.monotonic()
    try:
        lib.add(Topic(title="Cùng lúc"))
        say("saved")
    except BriefBookError as exc:
        # What SQLite said (the library's message hides it) and the wait the connection had set:
        # SQLITE_BUSY with a busy timeout comes only once SQLite's busy handler gave up.
        cause = exc.__context__
        code = getattr(cause, "sqlite_errorname", type(cause).__name__)
        (timeout,) = lib.db.execute("PRAGMA busy_timeout").fetchone()
        say(f"refused {code} busy_timeout={timeout} after {time.monotonic() - started:.2f}s: {exc}")


def cli(timeout_ms: str, *args: str) -> None:
    from briefbook.cli.main import main
    from briefbook.store import database

    database.BUSY_TIMEOUT_MS = int(timeout_ms)
    main(list(args))


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {
        "edits": edits,
        "backup": backup,
        "export": export,
        "writer": writer,
        "hold": hold,
        "try-write": try_write,
        "cli": cli,
    }[command](*arguments)
