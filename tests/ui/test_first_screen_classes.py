"""The window's first screen leaves PySide's text document and event loop classes unmade.

PySide6 makes a Qt class, with each of its enums and the classes it names, the first
time a module names it: ``QTextDocument`` (with the text layout's classes, about 5 M
instructions) is for the search results' snippets, ``QEventLoop`` (about 3 M) for a wait
on a long text being stored. Neither is on the first screen, so the modules it loads
name them where they are used.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json
import PySide6.QtCore as core, PySide6.QtGui as gui
import briefbook.ui.app, briefbook.ui.collection_view, briefbook.ui.first_page, briefbook.library.first_page
import briefbook.ui.delegates, briefbook.ui.editors.background_save
made = sorted(name for module in (core, gui) for name in vars(module) if name.startswith("Q"))
print(json.dumps(made))
"""


def test_the_first_screen_makes_no_text_document_and_no_event_loop() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    made = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert {"QPainter", "QTimer"} <= made  # the probe sees what is made
    assert not {"QTextDocument", "QEventLoop"} & made
