"""The README's two set-up commands exist and are what CI runs (a fresh machine has nothing else)."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_readme_names_the_two_commands_and_they_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash .ci/start" in readme and "bash .ci/run" in readme
    for script in ("start", "run", "venv", "system-deps"):
        path = ROOT / ".ci" / script
        assert path.is_file(), path
        subprocess.run(["bash", "-n", str(path)], check=True)  # parses as bash


def test_both_commands_install_into_a_venv_not_the_system_python():
    # Debian 12's own Python refuses pip outside a virtual environment.
    for script in ("start", "run"):
        text = (ROOT / ".ci" / script).read_text(encoding="utf-8")
        assert "bash .ci/venv" in text and "pip install" not in text
    assert ".venv/bin/python -m pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m venv .venv" in (ROOT / ".ci" / "venv").read_text(encoding="utf-8")
