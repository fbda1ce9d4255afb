"""PySide6's import hook, given the same answers for less: about 6 ms of every start.

Once PySide6 is imported it replaces ``builtins.__import__``, and the first time an
``import`` statement names a module (one loaded before PySide too), it asks whether
that module uses PySide6, to know whether ``from __feature__ import ...`` switching
applies to it: ``PySide6.support.feature._mod_uses_pyside`` answers
``"PySide6" in inspect.getsource(module)``. That is about 55 microseconds a module
(``inspect`` and ``linecache`` find, open, decode and keep every file's lines) for the
120 modules the window imports before its first table: 8 ms of its start-up.

Looked at first (PySide6 6.11): importing our modules before PySide does not avoid
it (a module loaded before is still asked about the first time a later ``import``
names it), and no documented switch turns the detection off: ``__feature__``'s only
public entry, ``set_selection``, is marked for internal use, and its "ignore this
module" id ``-1`` is masked to ``255`` (every feature on).

So :func:`install` gives the hook a function that reads a module's source file's
bytes and looks for the same word: for a UTF-8 file that declares no other
encoding, ``b"PySide6" in data`` is exactly ``"PySide6" in source`` (UTF-8 never
makes those bytes out of other characters). Anything else (a built-in module, an
extension, a zipped or missing file, another declared encoding, bytes that are not
UTF-8) is asked of PySide's own function, as before. The answer is only read by
``__feature__`` switching, which BriefBook never turns on; it stays the same anyway
(``tests/ui/test_pyside_imports.py`` compares both answers for every module a start
loads).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_ENCODING_DECLARED = (b"coding:", b"coding=")  # PEP 263: a cookie on one of the first two lines


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether ``module``'s source mentions PySide6, as ``fallback`` (PySide's own test) says."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)
    try:
        with open(path, "rb") as source:
            data = source.read()
        data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return fallback(module)
    head = b"\n".join(data.split(b"\n", 2)[:2])
    if data.startswith(b"\xef\xbb\xbf") or any(cookie in head for cookie in _ENCODING_DECLARED):
        return fallback(module)  # a BOM or a declared encoding: let inspect read it as Python does
    return b"PySide6" in data


def install() -> bool:
    """Give PySide6's import hook :func:`uses_pyside` (once); False where this PySide has no such hook."""
    feature = sys.modules.get("PySide6.support.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "__wrapped__", None) is not None:
        return True  # installed already

    def mod_uses_pyside(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    mod_uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[attr-defined]
    return True
