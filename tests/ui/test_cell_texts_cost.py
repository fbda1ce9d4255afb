"""What a table cell's text costs: no import at each cell (after PySide6, each runs its Python hook)."""

from __future__ import annotations

import builtins

import pytest

from briefbook.ui.cell_text import plain_summary


def test_a_cells_summary_imports_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted, never timed: ``re.sub`` with the template ``r"\\1"`` imported ``re`` again at
    every call, and PySide6 runs Python code for every import (200 cells of a first page)."""
    imports = []
    real = builtins.__import__

    def counting(name, *args, **kwargs):
        imports.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", counting)
    texts = [
        plain_summary(f"**Việt Nam** ủng hộ [Công ước Hà Nội](https://x.vn/{i}) lần {i}") for i in range(20)
    ]
    monkeypatch.undo()
    assert imports == []
    assert texts[3] == "Việt Nam ủng hộ Công ước Hà Nội lần 3"
    assert plain_summary("[a](b) và [](c) [ພາສາ ລາວ](d)") == "a và  ພາສາ ລາວ"
