"""Every public function and class of assemble/ is used somewhere in the package.

A public name nothing calls is a second copy of a rule waiting to drift from the first
(``markdown.is_restricted`` repeated the "all runs restricted" rule that the marking uses,
and nothing asked it); a private one its module never calls is left over (``book._short``,
beside the ``_short`` of the context the warnings use).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).parents[2] / "briefbook"


def _names(path: Path, private: bool) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name.startswith("_") == private
    ]


def test_every_public_name_of_assemble_is_used() -> None:
    sources = {p: p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")}
    unused = []
    for path in sorted((PACKAGE / "assemble").glob("*.py")):
        for name in _names(path, private=False):
            word = re.compile(rf"\b{re.escape(name)}\b")
            uses = sum(len(word.findall(text)) for text in sources.values())
            if uses < 2:  # its own definition only
                unused.append(f"{path.name}: {name}")
    assert unused == []


def test_every_private_function_of_assemble_is_used_in_its_module() -> None:
    unused = []
    for path in sorted((PACKAGE / "assemble").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        for name in _names(path, private=True):
            if len(re.findall(rf"\b{re.escape(name)}\b", text)) < 2:
                unused.append(f"{path.name}: {name}")
    assert unused == []
