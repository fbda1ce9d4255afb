"""The code dataclasses and named tuples write is compiled once, kept, and is the very code the
builtins would compile (briefbook/code_cache.py). Each start is a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from briefbook import code_cache

ROOT = Path(__file__).resolve().parents[1]

# The probe keeps its cache in the test's folder: the path is set, and what install() read
# from the package's own cache forgotten, before the library's modules are imported.
PROBE = """
import json, sys
from pathlib import Path
from briefbook import code_cache
code_cache.PATH, code_cache._kept = Path(sys.argv[1]), None
code_cache._new.clear()
made = []
def hook(event, args):
    if event == "compile" and args[1] == "<string>":
        made.append(args[0][:40])
sys.addaudithook(hook)
import briefbook.library.records, briefbook.library.levels, briefbook.library.pages, briefbook.store.search
from briefbook.library.records import TalkingPoint
point = TalkingPoint(topic_id="t", text="Hợp tác với ສປປ ລາວ và ประเทศไทย", kind="key_message")
assert point == TalkingPoint(topic_id="t", text=point.text, kind="key_message") and "ສປປ" in repr(point)
print(json.dumps({"compiled": len(made)}))
"""


def _start(cache: Path, *, bytecode: bool = True) -> int:
    """One start of the probe; how many sources it compiled."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(cache)], env=env, capture_output=True, text=True, cwd=cache.parent
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])["compiled"]


def test_a_second_start_compiles_none_of_the_library_records_code(tmp_path: Path) -> None:
    cache = tmp_path / "code.marshal"
    assert _start(cache) >= 15  # the records' __init__, the frozen classes' __setattr__...
    assert cache.exists()
    assert _start(cache) == 0


def test_the_kept_code_is_what_exec_and_eval_compile(tmp_path: Path) -> None:
    cache = tmp_path / "code.marshal"
    _start(cache)
    kept = code_cache._read(cache)
    assert len(kept) >= 15
    for key, code in kept.items():
        mode, source = key.split("\0", 1)
        assert code == compile(source, "<string>", mode, dont_inherit=True), source


def test_a_damaged_cache_is_ignored_and_replaced(tmp_path: Path) -> None:
    cache = tmp_path / "code.marshal"
    cache.write_bytes(b"\xe3not marshalled code")
    assert _start(cache) >= 15
    assert len(code_cache._read(cache)) >= 15
    cache.write_bytes(bytes(range(256)) * 4)  # other garbage: still started, then replaced
    assert _start(cache) >= 15
    assert _start(cache) == 0


def test_a_cache_of_another_pythons_bytecode_is_not_used(tmp_path: Path) -> None:
    """As a ``.pyc``: code kept by a Python whose bytecode has another magic number is not run."""
    import marshal

    cache = tmp_path / "code.marshal"
    _start(cache)
    magic, entries = marshal.loads(cache.read_bytes())
    assert magic == code_cache.MAGIC_NUMBER and entries
    cache.write_bytes(marshal.dumps((b"\x00\x00\r\n", entries)))
    assert code_cache._read(cache) == {}
    assert _start(cache) >= 15  # compiled again, not taken from the file
    assert _start(cache) == 0  # (and kept again, with this Python's number)


def test_nothing_is_written_where_python_writes_no_bytecode(tmp_path: Path) -> None:
    cache = tmp_path / "code.marshal"
    assert _start(cache, bytecode=False) >= 15
    assert not cache.exists()
    assert not list(tmp_path.glob("*.part"))
