"""PySide6's import hook gets the same answer from :mod:`briefbook.ui.pyside_imports`, for less."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import PySide6.support.feature as feature
import pytest

import briefbook.ui  # noqa: F401  (installs the hook's function)
from briefbook.ui import pyside_imports
from briefbook.ui.pyside_imports import uses_pyside

ROOT = Path(__file__).resolve().parents[2]


def _module(tmp_path: Path, name: str, data: bytes) -> types.ModuleType:
    path = tmp_path / f"{name}.py"
    path.write_bytes(data)
    module = types.ModuleType(name)
    module.__file__ = str(path)
    return module


def _asked(calls: list[str]):
    def fallback(module: types.ModuleType) -> bool:
        calls.append(module.__name__)
        return feature._mod_uses_pyside.__wrapped__(module)

    return fallback


def test_the_hook_is_given_our_function_once() -> None:
    original = feature._mod_uses_pyside.__wrapped__
    assert original.__module__ != pyside_imports.__name__  # PySide's own, kept as the fallback
    assert pyside_imports.install()
    assert feature._mod_uses_pyside.__wrapped__ is original  # not wrapped twice


def test_a_utf8_source_is_answered_from_its_bytes(tmp_path: Path) -> None:
    calls: list[str] = []
    qt = _module(tmp_path, "uses_qt", "# Tên: Nguyễn\nfrom PySide6.QtCore import Qt\n".encode())
    plain = _module(tmp_path, "plain", "x = 'ສະບາຍດີ PySide'\n".encode())
    assert uses_pyside(qt, _asked(calls)) is True
    assert uses_pyside(plain, _asked(calls)) is False
    assert calls == []
    original = feature._mod_uses_pyside.__wrapped__
    assert original(qt) is True and original(plain) is False


@pytest.mark.parametrize(
    "data",
    [
        "# -*- coding: latin-1 -*-\nimport PySide6\nname = 'Hà'\n".encode("latin-1"),  # declared, not UTF-8
        b"# vim: set fileencoding=utf-8 :\nimport PySide6\n",  # declared (left to inspect)
        b"\xef\xbb\xbfimport PySide6\n",  # a byte order mark
        b"import PySide6\nname = '\xff'\n",  # bytes that are not UTF-8 (inspect cannot read them: False)
    ],
)
def test_anything_but_plain_utf8_is_asked_of_pyside(tmp_path: Path, data: bytes) -> None:
    calls: list[str] = []
    module = _module(tmp_path, "odd", data)
    assert uses_pyside(module, _asked(calls)) is feature._mod_uses_pyside.__wrapped__(module)
    assert calls == ["odd"]


def test_modules_without_a_source_file_are_asked_of_pyside(tmp_path: Path) -> None:
    calls: list[str] = []
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # no such file
    for module in (sys, types.ModuleType("bare"), gone, sys.modules["_sqlite3"]):
        assert uses_pyside(module, _asked(calls)) is False
    assert calls == ["sys", "bare", "gone", "_sqlite3"]


PROBE = """
import json, sys
import PySide6
import PySide6.support.feature as feature
original = feature._mod_uses_pyside
import briefbook.ui.app, briefbook.ui.collection_view, briefbook.library.first_page
import briefbook.ui.composer
ours = feature._mod_uses_pyside
differ = [n for n, m in list(sys.modules.items()) if ours(m) != original(m)]
print(json.dumps({"installed": ours is not original, "differ": differ, "count": len(sys.modules)}))
"""


def test_every_module_a_start_loads_gets_pysides_own_answer() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["installed"] and answer["count"] > 200
    assert answer["differ"] == []


COUNT_PROBE = """
import json, sys
import PySide6
import PySide6.support.feature as feature
asked = []
original = feature._mod_uses_pyside
def counting(module):
    asked.append([module.__name__, str(getattr(module, "__file__", ""))])
    return original(module)
feature._mod_uses_pyside = counting
import briefbook.ui.app, briefbook.ui.collection_view, briefbook.library.first_page
import sysconfig
print(json.dumps({"asked": asked, "stdlib": sysconfig.get_paths()["stdlib"]}))
"""


def test_the_window_reads_no_source_through_inspect_for_the_hook() -> None:
    """Counted, never timed: PySide's own test (``inspect.getsource``) was asked about each of
    the 120 modules the window loads before its first table."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", COUNT_PROBE], env=env, capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    with_source = [(name, path) for name, path in found["asked"] if path.endswith(".py")]
    # Only the packages being imported while ours is installed, and the standard library's
    # modules that load before it (which of those depends on the environment: a virtualenv
    # has not imported importlib.resources at start-up, the machine's Python has): no other
    # module of ours, and none of the libraries the window uses (was about 120 in all).
    ours = {name for name, _ in with_source if name.startswith("briefbook")}
    assert ours <= {"briefbook", "briefbook.ui"}, ours
    others = [name for name, path in with_source if not name.startswith("briefbook")]
    assert all(path.startswith(found["stdlib"]) for name, path in with_source if name in others), others
