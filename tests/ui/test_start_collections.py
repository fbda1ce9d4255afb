"""The window's start runs fewer young garbage collections until its first table is shown.

The objects a start makes (modules, classes, enum members, widgets) live as long as the
window; every young collection walked the newest of them again. From the first import of
``briefbook.ui`` to the first table shown, young collections wait for
``long_lived.START_THRESHOLD`` allocations; then what is alive is frozen and the
thresholds are put back as they were. A fresh interpreter each time: the test process
itself imported ``briefbook.ui`` long ago.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import gc, json
before = gc.get_threshold()
import briefbook.ui.app
from briefbook.ui import long_lived
starting = gc.get_threshold()
long_lived.freeze_once()
shown = gc.get_threshold()
long_lived.freeze_once()
print(json.dumps({"before": before, "starting": starting, "shown": shown, "again": gc.get_threshold(),
                  "threshold": long_lived.START_THRESHOLD}))
"""


def probe(*gc_settings: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    code = "".join(f"import gc; gc.set_threshold({s})\n" for s in gc_settings) + PROBE
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_young_collections_wait_until_the_first_table_is_shown_then_as_before() -> None:
    seen = probe()
    assert seen["starting"] == [seen["threshold"], *seen["before"][1:]]
    assert seen["threshold"] > seen["before"][0]
    assert seen["shown"] == seen["before"] == seen["again"]


def test_a_process_that_already_collects_less_keeps_its_own_thresholds() -> None:
    seen = probe("100_000, 20, 30")
    assert seen["before"] == [100_000, 20, 30]
    assert seen["starting"] == seen["shown"] == [100_000, 20, 30]
