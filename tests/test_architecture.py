"""Rules of the architecture that a test keeps (see shared DESIGN.md)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "briefbook"


def _core_modules() -> list[str]:
    """Every module of the package outside ``briefbook.ui``."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[1:2] == ["ui"] or parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_the_core_never_loads_qt() -> None:
    code = (
        "import sys, importlib\n"
        f"for name in {_core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "from briefbook.cli.main import _register\n_register()\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert len(_core_modules()) > 10
    assert result.stdout.strip() == "", f"Qt loaded by the core: {result.stdout}"


def test_only_ui_imports_qt_in_source() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def _ours_imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, path  # (a relative import would hide what it names)
            names.add(node.module or "")
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return {n for n in names if n == "briefbook" or n.startswith("briefbook.")}


def test_the_document_model_imports_nothing_of_ours() -> None:
    """Nothing but shared_methods (dataclass without compiled methods), which itself imports
    only the standard library: the model stays below every other part."""
    assert _ours_imported(PACKAGE / "document" / "model.py") <= {"briefbook.shared_methods"}
    assert _ours_imported(PACKAGE / "shared_methods.py") == set()


def test_only_the_store_writes_sql_schema() -> None:
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "store":
            continue
        text = path.read_text(encoding="utf-8")
        assert "CREATE TABLE" not in text and "ALTER TABLE" not in text, rel
