"""Reading and writing the window's settings file without Qt, in QSettings' own INI format.

The window keeps its preferences through ``QSettings`` (``ui/settings.py``) in
``settings.ini`` in BriefBook's data folder. The command line must read and set the
same preferences, and the core never imports Qt, so this module reads and writes that
file as Qt 6 does (``QSettingsPrivate::iniEscapedString`` / ``iniUnescapedStringList``):
UTF-8 text, ``[section]`` headers, keys escaped with ``%XX``/``%UXXXX``, values with
C-style escapes (``\\n``, ``\\"``, ``\\x1f``), quoted when they hold ``;``, ``,`` or ``=``
or start or end with a space, a leading ``@`` doubled. A change rewrites only the
line of its key: the window's other entries (geometry as ``@ByteArray(...)``, the
recent libraries) stay byte for byte. It holds Qt's lock file (``settings.ini.lock``,
as ``QLockFile`` writes it) while it reads and replaces the file, and replaces it
atomically, so a window saving at the same moment loses neither change. The escapes of values
and keys are in :mod:`briefbook.ini_escapes`.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from briefbook.errors import BriefBookError
from briefbook.ini_escapes import escape_key, escape_value, string_value, unescape_key, unescape_value

# QLockFile's default: a lock older than this is taken for a crashed writer's.
STALE_LOCK_SECONDS = 30.0
LOCK_WAIT_SECONDS = 10.0

__all__ = [
    "escape_key",
    "escape_value",
    "read_strings",
    "string_value",
    "unescape_key",
    "unescape_value",
    "write_string",
]


# -- the file's lines --------------------------------------------------------------------------


def _entries(lines: list[str]) -> Iterator[tuple[int, str, str, str]]:
    """(line number, section, key, raw value) of each ``key=value`` line, in file order."""
    section = ""
    for number, line in enumerate(lines):
        stripped = line.strip(" \t\r\n")
        if not stripped or stripped.startswith(";"):
            continue
        if stripped.startswith("["):
            end = stripped.find("]")
            name = (stripped[1:end] if end > 0 else stripped[1:]).strip()
            if name.lower() == "general":
                section = ""
            elif name.lower() == "%general":
                section = name[1:]
            else:
                section = unescape_key(name)
            continue
        equals = _equals_at(stripped)
        if equals < 0:
            continue
        value = stripped[equals + 1 :]
        yield number, section, unescape_key(stripped[:equals].strip()), value[: _find(value, ";")]


def _equals_at(line: str) -> int:
    return _find(line, "=", -1)


def _find(line: str, mark: str, missing: int | None = None) -> int | None:
    """Where ``mark`` first stands outside quotes and escapes (Qt ends a line at such a ``;``)."""
    in_quotes, i = False, 0
    while i < len(line):
        ch = line[i]
        if ch == "\\":
            i += 2
            continue
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == mark and not in_quotes:
            return i
        i += 1
    return missing


def _split(key: str) -> tuple[str, str]:
    """QSettings puts everything before a key's first slash in its section."""
    section, name = key.split("/", 1) if "/" in key else ("", key)
    return section, name


def _read_lines(path: Path) -> list[str]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    # bytes split only at \n and \r, as Qt's reader does (str.splitlines also splits at U+0085...)
    return [line.decode("utf-8", errors="replace") for line in data.splitlines(keepends=True)]


def read_strings(path: Path) -> dict[str, str]:
    """Every string setting in the file, by its QSettings key (``ui/language``); the last wins."""
    found: dict[str, str] = {}
    for _number, section, name, raw in _entries(_read_lines(path)):
        value = string_value(raw)
        key = f"{section}/{name}" if section else name
        if value is None:
            found.pop(key, None)
        else:
            found[key] = value
    return found


def write_string(path: Path, key: str, value: str | None) -> None:
    """Set ``key`` (``books/language``) to ``value``, or remove it when ``value`` is None."""
    section, name = _split(key)
    with _qt_lock(path):
        lines = _read_lines(path)
        matches = [n for n, s, k, _raw in _entries(lines) if s == section and k == name]
        new_line = f"{escape_key(name)}={escape_value(value)}\n" if value is not None else None
        if matches:
            for number in matches[:-1]:
                lines[number] = ""
            lines[matches[-1]] = new_line or ""
        elif new_line is not None:
            header = _section_end(lines, section)
            if header is None:
                if lines and not lines[-1].endswith("\n"):
                    lines[-1] += "\n"
                lines += (["\n"] if lines else []) + [f"[{_section_name(section)}]\n", new_line]
            else:
                lines.insert(header, new_line)
        _replace(path, "".join(lines).encode("utf-8"))


def _section_name(section: str) -> str:
    if not section:
        return "General"
    escaped = escape_key(section)
    return "%General" if escaped.lower() == "general" else escaped


def _section_end(lines: list[str], section: str) -> int | None:
    """Where a new key of ``section`` goes: after its last entry (None: no such section)."""
    at = None
    current = ""
    for number, line in enumerate(lines):
        stripped = line.strip(" \t\r\n")
        if stripped.startswith("["):
            end = stripped.find("]")
            name = (stripped[1:end] if end > 0 else stripped[1:]).strip()
            current = "" if name.lower() == "general" else unescape_key(name.removeprefix("%"))
            if current == section and at is None:
                at = number + 1
        elif current == section and stripped and at is not None:
            at = number + 1
    if at is not None and at > 0 and not lines[at - 1].endswith("\n"):
        lines[at - 1] += "\n"
    return at


def _replace(path: Path, data: bytes) -> None:
    """Write beside the file, then rename over it (as QSaveFile does), keeping its permissions."""
    import tempfile  # here: settings are written far less often than the window starts

    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


# -- QLockFile's lock --------------------------------------------------------------------------


def _process_name() -> str:
    """The name QLockFile compares to tell a live writer from a reused pid (``/proc/PID/exe``)."""
    try:
        return os.path.basename(os.readlink("/proc/self/exe"))
    except OSError:
        return os.path.basename(sys.executable)


def _stale(lock: Path) -> bool:
    import socket

    try:
        text = lock.read_text("utf-8", errors="replace").splitlines()
        age = time.time() - lock.stat().st_mtime
    except FileNotFoundError:
        return False
    if age > STALE_LOCK_SECONDS:
        return True
    if len(text) >= 3 and text[2] == socket.gethostname() and text[0].isdigit():
        try:
            os.kill(int(text[0]), 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
    return False


@contextlib.contextmanager
def _qt_lock(path: Path) -> Iterator[None]:
    """Hold ``<file>.lock`` as QLockFile does (created exclusively, pid, name, host), so a
    window's QSettings does not write the file at the same moment."""
    import socket

    lock = path.with_name(path.name + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            break
        except FileExistsError:
            if _stale(lock):
                with contextlib.suppress(FileNotFoundError):
                    lock.unlink()
                continue
            if time.monotonic() > deadline:
                raise BriefBookError(
                    f"The settings file {path} is being saved by another BriefBook window or command "
                    f"(its lock {lock.name} is held). Try again in a moment."
                ) from None
            time.sleep(0.05)
    try:
        os.write(fd, f"{os.getpid()}\n{_process_name()}\n{socket.gethostname()}\n".encode())
        os.close(fd)
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()
