"""What the window's first screen makes of PySide: no dialog's classes before a dialog is asked for.

PySide6 makes each Qt class, with every enum it holds (a Python ``enum`` each, about
0.1 ms), the first time a module names it. The error box, the delete question, the
file dialogs and the Preferences dialog are never on the first screen; nor are the
modules that only an edit or an error needs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from briefbook.ui.main_window import edit_preferences  # the window's own (the tests' fixture patches it)

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
import PySide6.QtWidgets as widgets
import briefbook.ui.app, briefbook.ui.collection_view, briefbook.ui.first_page, briefbook.library.first_page
from dataclasses import is_dataclass
from briefbook.ui import table_reads
made = sorted(name for name in vars(widgets) if name.startswith("Q"))
answers = sorted(
    name for name, value in vars(table_reads).items()
    if is_dataclass(value) and value.__module__ == table_reads.__name__
)
print(json.dumps({"made": made, "modules": sorted(sys.modules), "answer_dataclasses": answers}))
"""


def test_the_first_screen_makes_no_dialog_class_and_loads_no_preferences() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert "QTableView" in seen["made"] and "QMainWindow" in seen["made"]  # the probe sees what is made
    dialogs = {"QMessageBox", "QFileDialog", "QDialogButtonBox", "QFormLayout"}
    assert not (dialogs | {"QStyle"}) & set(seen["made"])  # QStyle: only the search list's paint uses it
    assert "briefbook.ui.preferences" not in seen["modules"]
    # The editor pane starts empty and nothing is edited yet: the undo commands, the message
    # tables (an error's words) and the form's field widgets load with the first use.
    later = {"briefbook.ui.undo", "briefbook.ui.messages", "briefbook.ui.editors.fields"}
    assert not later & set(seen["modules"])
    # A new level's key (uuid, which loads platform) and a mistyped field's "did you mean"
    # (difflib) are never asked for by the first screen.
    assert not {"uuid", "difflib"} & set(seen["modules"])
    # Text inputs are told apart by Qt's class names (live_refresh, accessibility): the first
    # screen shows none of these, and PySide builds each class named, with its enums.
    assert not {"QTextEdit", "QPlainTextEdit", "QAbstractSpinBox", "QDialog"} & set(seen["made"])
    assert seen["answer_dataclasses"] == []  # the table's answers: named tuples, ten times cheaper to make


def test_the_dialogs_still_load_when_asked_for(monkeypatch) -> None:
    """The window's Preferences action reaches the dialog's module through main_window's name."""
    from briefbook.ui import preferences

    asked = []
    monkeypatch.setattr(preferences, "edit_preferences", lambda settings, parent=None: asked.append(settings))
    assert edit_preferences("settings") is None
    assert asked == ["settings"]
