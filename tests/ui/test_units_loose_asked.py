"""Writing a long tight list back asks no item whether it is loose.

The save that switching items forces writes the whole text's Markdown from its kept units;
asking each of the 5,000 items of a 1 MB tight list whether a blank line goes before it
(``loose_item``) took 15-20 ms of it, on the GUI thread. Now the document's formats are asked
once (``holds_loose``). The count fails on the old code (one question per item)."""

from __future__ import annotations

import pytest

from briefbook.ui.editors import markdown_units
from briefbook.ui.editors.rich_text import MarkdownEdit
from tests.ui.test_long_list_chunks import _loosened, _written, a_list
from tests.ui.test_long_text import THAI, VIETNAMESE


@pytest.fixture
def asked(monkeypatch) -> list[int]:
    seen: list[int] = []
    real = markdown_units.loose_item

    def counted(block):
        seen.append(block.blockNumber())
        return real(block)

    monkeypatch.setattr(markdown_units, "loose_item", counted)
    return seen


def _opened(qtbot, text: str) -> MarkdownEdit:
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    edit.resize(600, 300)
    edit.show()
    edit.set_markdown(text)
    qtbot.waitUntil(lambda: not edit.loading, timeout=120_000)
    return edit


@pytest.mark.parametrize("mark", ["-", "1."])
def test_a_long_tight_list_is_written_back_asking_no_item(qtbot, asked, mark):
    text = _written(a_list(VIETNAMESE, 100_000, mark))
    edit = _opened(qtbot, text)
    del asked[:]
    assert edit.kept.markdown() == text
    assert asked == []


def test_a_long_loose_list_is_still_written_back_loose(qtbot, asked):
    text = _loosened(_written(a_list(THAI, 100_000, "1)")))
    edit = _opened(qtbot, text)
    del asked[:]
    assert edit.kept.markdown() == text
    assert len(asked) > 100
