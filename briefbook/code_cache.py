"""The code ``dataclasses`` and named tuples write at import, compiled once and kept (#13 §4).

``dataclasses`` writes each class's ``__init__`` (and a frozen class's ``__setattr__`` and
``__delattr__``) as source text and compiles it with ``exec``, at every start of the
program; ``collections.namedtuple`` compiles each tuple's ``__new__`` with ``eval``. The
window's first screen made 26 such compilations before its first table was filled (about
1 M instructions each, parsing and compiling), a command-line export more. Their sources
are the same at every start, and so is the code compiled from them.

:func:`install` gives those two modules an ``exec`` and an ``eval`` of their own (module
names come before the builtins): each looks the source up in a cache, compiles only what
is not there, exactly as the builtin would (the same text, file name ``<string>``, mode
and optimisation level, no future flags: neither module has any), and runs the code with
the builtin. Nothing else changes: the same code runs, in the same namespaces.

The cache is bytecode, kept as Python keeps a module's: one file in the package's
``__pycache__`` named with the interpreter's cache tag (and ``-O`` level), a marshalled
``(magic number, {mode + NUL + source: code})``: as a ``.pyc``, it is used only by a Python whose
bytecode has the same magic number (a code object of another would not be refused, but run).
It is read at the first compilation asked for, and written at exit (to a temporary file,
then renamed) only when that start compiled something new, never when Python is told not to write bytecode
(``PYTHONDONTWRITEBYTECODE``) or writes it under a ``pycache_prefix``. A file that cannot
be read, or holds anything else, is ignored and replaced; beyond :data:`MAX_ENTRIES`
(sources that change at every start, which none of ours do) the file starts again.
"""

from __future__ import annotations

import atexit
import builtins
import contextlib
import marshal
import os
import sys
from _frozen_importlib_external import MAGIC_NUMBER  # (importlib.util's, loaded with Python)
from pathlib import Path
from types import CodeType

MAX_ENTRIES = 2_000


def _default_path() -> Path | None:
    if sys.pycache_prefix:
        return None  # Python keeps bytecode elsewhere: so does nothing here
    level = f".opt-{sys.flags.optimize}" if sys.flags.optimize else ""
    return Path(__file__).parent / "__pycache__" / f"code_cache.{sys.implementation.cache_tag}{level}.marshal"


PATH: Path | None = _default_path() if sys.implementation.cache_tag else None
_kept: dict[str, CodeType] | None = None  # read from PATH at the first compilation asked for
_new: dict[str, CodeType] = {}


def _read(path: Path | None) -> dict[str, CodeType]:
    """The cache file's entries; nothing from a file that is missing, damaged or not ours."""
    if path is None:
        return {}
    try:
        loaded = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not (isinstance(loaded, tuple) and len(loaded) == 2 and loaded[0] == MAGIC_NUMBER):
        return {}  # (not ours, or another Python's bytecode)
    entries = loaded[1]
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, CodeType)}


def code_of(source: str, mode: str) -> CodeType:
    """``compile(source, "<string>", mode)`` as ``exec`` or ``eval`` would make it, from the cache."""
    global _kept
    if _kept is None:
        _kept = _read(PATH)
    key = f"{mode}\0{source}"
    code = _kept.get(key)
    if code is None:
        code = compile(source, "<string>", mode, dont_inherit=True)
        _kept[key] = code
        if not _new and PATH is not None and not sys.dont_write_bytecode:
            atexit.register(save)
        _new[key] = code
    return code


def _exec(source, globals=None, locals=None, /, **options):
    if isinstance(source, str):
        source = code_of(source, "exec")
    return builtins.exec(source, globals, locals, **options)


def _eval(source, globals=None, locals=None, /):
    if isinstance(source, str):
        source = code_of(source, "eval")
    return builtins.eval(source, globals, locals)


def save() -> None:
    """Write the entries compiled in this process to the cache file, with those already there."""
    if not _new or PATH is None or sys.dont_write_bytecode:
        return
    import tempfile  # (at exit: it imports shutil and random, which no start needs)

    entries = {**_read(PATH), **_new}
    if len(entries) > MAX_ENTRIES:
        entries = dict(_new)
    _new.clear()
    try:
        PATH.parent.mkdir(exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=PATH.parent, prefix=f"{PATH.name}.", suffix=".part")
    except OSError:
        return  # (a folder this user cannot write: the next start compiles again)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(marshal.dumps((MAGIC_NUMBER, entries)))
        os.replace(temporary, PATH)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def install() -> None:
    """Give ``dataclasses`` and ``collections`` the caching ``exec`` and ``eval`` (once, at start)."""
    import collections

    collections.eval = _eval  # type: ignore[attr-defined]  (before dataclasses: inspect's and dis' tuples)
    import dataclasses

    dataclasses.exec = _exec  # type: ignore[attr-defined]
