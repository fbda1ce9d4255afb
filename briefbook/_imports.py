"""sqlite-utils without numpy: an import hook that saves about 0.1-0.2 s of every start.

``sqlite_utils.db`` imports numpy (and pandas) whenever they are installed, only to
map numpy's number types to column types. BriefBook never stores numpy values, and
numpy is the largest part of the time a command or the window takes to start. This
hook runs that one module with numpy hidden; numpy stays importable by anything
else (it is only hidden while ``sqlite_utils.db`` itself executes).
"""

from __future__ import annotations

import importlib.machinery
import sys
from types import ModuleType
from typing import Any

_HIDDEN = ("numpy", "pandas")


class _WithoutNumpy:
    """A loader (create_module, exec_module) around sqlite_utils.db's own. Not a subclass of
    importlib.abc's classes: importing importlib.abc loads importlib.resources (its deprecated
    names), several milliseconds of every start that nothing else of an export needs."""

    def __init__(self, loader: Any):
        self.loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        hidden = [name for name in _HIDDEN if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment]  # "import numpy" raises ImportError
        try:
            self.loader.exec_module(module)
        finally:
            for name in hidden:
                if sys.modules.get(name, ...) is None:
                    del sys.modules[name]


class _Finder:
    """A meta path finder (find_spec) for sqlite_utils.db only."""

    def find_spec(self, name, path, target=None):
        if name != "sqlite_utils.db":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = _WithoutNumpy(spec.loader)
        return spec


def install() -> None:
    """Once, before sqlite-utils is first imported (``briefbook/__init__.py`` calls it)."""
    if "sqlite_utils.db" not in sys.modules and not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
