"""The backups folder: names, listing, rotation, and leftovers of killed backups.

Each backup is ``<stem>.<UTC time>.<reason>.briefbook`` in ``<library-stem>.backups/``;
a file is a backup only by its name, given once it was verified (see
:mod:`briefbook.store.backup`, which makes and restores them).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from briefbook.lazy_pattern import LazyPattern
from briefbook.paths import LIBRARY_SUFFIX
from briefbook.shared_methods import dataclass

KEEP_LAST = 10

KEEP_DAYS = 30

# Why a backup was made; the first two are the automatic ones.
REASONS = ("open", "auto", "manual", "before-restore", "before-upgrade")

PINNED = ("manual", "before-restore", "before-upgrade")  # kept KEEP_DAYS whatever else happens

STALE_PARTIAL_SECONDS = 3600  # a temporary file this old is left over, whoever wrote it

STAMP = "%Y-%m-%dT%H-%M-%S.%fZ"

_NAME = LazyPattern(
    r"^(?P<stem>.+)\.(?P<stamp>\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{6}Z)\.(?P<reason>"
    + "|".join(REASONS)
    + r")(?:-\d+)?"
    + re.escape(LIBRARY_SUFFIX)
    + "$"
)

_PARTIAL = LazyPattern(r"^\..+\.(?P<pid>\d+)\.(?:partial|restoring)(?:-wal|-shm|-journal)?$")

SIDE_FILES = ("-wal", "-shm", "-journal")

_active_lock = threading.Lock()

_active: set[str] = set()  # temporary files this process is writing right now


def clock() -> float:
    """The wall clock (seconds since the epoch) backups are named and scheduled by; tests replace it."""
    return time.time()


@dataclass(frozen=True)
class BackupInfo:
    """One complete, verified backup: where it is, when it was made (UTC), its size in bytes."""

    path: Path
    created: dt.datetime
    size: int
    reason: str = "manual"

    @property
    def label(self) -> str:
        """The local date and time for people: ``24/11/2026 14:05``."""
        return self.created.astimezone().strftime("%d/%m/%Y %H:%M")


def backup_folder(library_path: str | Path) -> Path:
    """The folder that holds the backups of ``library_path``: ``<stem>.backups`` beside it."""
    library_path = Path(library_path)
    return library_path.parent / f"{library_path.stem}.backups"


def list_backups(library_path: str | Path, folder: str | Path | None = None) -> list[BackupInfo]:
    """The complete backups of ``library_path``, newest first (partial ones are never listed)."""
    return scan(Path(folder) if folder is not None else backup_folder(library_path))


def describe_backup(path: str | Path) -> str:
    """When a backup was made, in local time for people (``24/11/2026 14:05``)."""
    info = backup_info(Path(path))
    if info is not None:
        return info.label
    return dt.datetime.fromtimestamp(Path(path).stat().st_mtime).strftime("%d/%m/%Y %H:%M")


def rotate(folder: str | Path, *, now: dt.datetime | None = None) -> list[Path]:
    """Delete the backups no longer kept (see the module docstring); returns what was deleted."""
    backups = scan(Path(folder))
    now = now or dt.datetime.fromtimestamp(clock(), dt.UTC)
    cutoff = now - dt.timedelta(days=KEEP_DAYS)
    keep = {b.path for b in backups[:KEEP_LAST]}
    days: set[dt.date] = set()
    for b in backups:  # newest first: the newest of each day is the one kept
        if b.created < cutoff:
            continue
        day = b.created.astimezone().date()
        if day not in days:
            days.add(day)
            keep.add(b.path)
        if b.reason in PINNED:
            keep.add(b.path)
    deleted = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            deleted.append(b.path)
    return deleted


LISTED = ".listed.json"  # the numbers 'briefbook backups' last showed: the files, newest first


def remember_listing(folder: str | Path, found: list[BackupInfo]) -> None:
    """Keep which file each number of a list just shown stands for, so that ``restore N`` puts
    back the backup the user read as number N (or says the list changed). Best effort: a folder
    that cannot be written keeps no list, and numbers are then today's."""
    folder = Path(folder)
    if not folder.is_dir():
        return
    text = json.dumps({"at": clock(), "names": [b.path.name for b in found]})
    temp = folder / f".listed.{os.getpid()}.tmp"
    try:
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, folder / LISTED)
    except OSError:
        temp.unlink(missing_ok=True)


def last_listing(folder: str | Path) -> tuple[dt.datetime, list[str]] | None:
    """When the last list was shown, and its files by number (1 first), or None if none was."""
    try:
        data = json.loads((Path(folder) / LISTED).read_text(encoding="utf-8"))
        at = dt.datetime.fromtimestamp(float(data["at"]), dt.UTC)
        names = [str(name) for name in data["names"]][:10_000]
    except (OSError, ValueError, KeyError, TypeError, OverflowError):
        return None
    return at, names


def cleanup_partial_backups(folder: str | Path, *, prefix: str = ".") -> list[Path]:
    """Remove temporary files left by backups or restores that were killed; returns them.

    A temporary file is left over when the process that wrote it is gone (or,
    where that cannot be told, when it is an hour old); one being written right
    now, by this process or another, is left alone. ``prefix`` narrows the names
    looked at (in a library's own folder: only that library's restore files).
    """
    folder = Path(folder)
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    with _active_lock:
        active = set(_active)
    for entry in folder.iterdir():
        m = _PARTIAL.match(entry.name)
        if m is None or not entry.name.startswith(prefix) or _base_name(entry.name) in active:
            continue
        if not _is_stale(entry, int(m.group("pid"))):
            continue
        try:
            entry.unlink()
            removed.append(entry)
        except OSError:  # in use (Windows) or already gone
            pass
    return removed


def scan(folder: Path) -> list[BackupInfo]:
    if not folder.is_dir():
        return []
    found = [info for entry in folder.iterdir() if (info := backup_info(entry)) is not None]
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def backup_info(path: Path) -> BackupInfo | None:
    """A finished backup (by its name), or ``None``."""
    m = _NAME.match(path.name)
    if m is None:
        return None
    try:  # complete by construction (renamed only once verified); never opened here, see above
        size = path.stat().st_size
    except OSError:
        return None
    if size < 100 or not path.is_file():
        return None
    created = dt.datetime.strptime(m.group("stamp"), STAMP).replace(tzinfo=dt.UTC)
    return BackupInfo(path, created, size, m.group("reason"))


def free_name(folder: Path, base: str) -> Path:
    target = folder / f"{base}{LIBRARY_SUFFIX}"
    n = 1
    while target.exists():
        target = folder / f"{base}-{n}{LIBRARY_SUFFIX}"
        n += 1
    return target


def _base_name(name: str) -> str:
    for suffix in SIDE_FILES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _is_stale(entry: Path, pid: int) -> bool:
    try:
        age = dt.datetime.now().timestamp() - entry.stat().st_mtime
    except OSError:
        return False
    if age > STALE_PARTIAL_SECONDS:
        return True
    if pid == os.getpid():
        return True  # ours, and not in _active: a backup of this process that failed
    if sys.platform == "win32":  # a file being written cannot be deleted there: try
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, someone else's
        return False
    return False


def remove_with_side_files(path: Path) -> None:
    for suffix in ("", *SIDE_FILES):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


@contextlib.contextmanager
def writing(temp: Path) -> Iterator[None]:
    """Mark ``temp`` as being written by this process, so no cleanup removes it meanwhile."""
    with _active_lock:
        _active.add(temp.name)
    try:
        yield
    finally:
        with _active_lock:
            _active.discard(temp.name)
