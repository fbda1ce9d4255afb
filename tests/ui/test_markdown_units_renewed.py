"""After an edit inside one block, a long text's units are those of before with that block's
unit keyed again (``KeptMarkdown._renew``), not found again over the whole text: finding the
units of a 1 MB list of 6,000 blocks took 100-300 ms at each undo, redo and switch. Whatever
the edit, the units kept are the ones a fresh cut finds, and the Markdown is the whole
writer's."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QTextCharFormat, QTextCursor

from briefbook.ui.editors import markdown_units
from tests.ui.test_markdown_units import _list_edit, _one_list, _opened, _whole, tiny  # noqa: F401


def _counting(monkeypatch) -> list[int]:
    found = []
    real = markdown_units.cutting
    monkeypatch.setattr(markdown_units, "cutting", lambda document: found.append(1) or real(document))
    return found


@pytest.mark.usefixtures("tiny")
def test_a_key_typed_in_an_item_of_a_long_list_and_its_undo_find_no_units_again(qtbot, monkeypatch):
    rng = random.Random(3)
    edit = _opened(qtbot, _one_list(rng, 40, numbered=False, loose=False))
    document = edit.document()
    before = edit.markdown()
    found = _counting(monkeypatch)
    cursor = document.find("Việt")
    cursor.insertText("Nam", QTextCharFormat())
    typed = edit.markdown()
    assert typed == _whole(document) and typed != before
    document.undo()
    assert edit.markdown() == before
    document.redo()
    assert edit.markdown() == typed
    assert found == []  # the units of before, one of them keyed again


@pytest.mark.usefixtures("tiny")
def test_the_units_kept_after_any_edit_are_those_found_afresh(qtbot):
    for seed in range(6):
        rng = random.Random(2000 + seed)
        edit = _opened(qtbot, _one_list(rng, rng.randint(20, 40), numbered=seed % 2 == 1, loose=seed == 5))
        document = edit.document()
        edit.markdown()
        for _ in range(40):
            if rng.random() < 0.5:
                _list_edit(rng, document)
            else:  # typed into a block, or taken back
                cursor = QTextCursor(document)
                cursor.setPosition(rng.randint(0, document.characterCount() - 1))
                if rng.random() < 0.5:
                    cursor.insertText(rng.choice(["a", " ", "Nam "]), QTextCharFormat())
                elif document.isUndoAvailable():
                    document.undo()
            saved = edit.markdown()
            assert [u.key for u in edit.kept.parts] == [u.key for u in markdown_units.units(document)]
            assert saved == _whole(document)


@pytest.mark.usefixtures("tiny")
def test_the_markdown_of_a_long_list_asks_no_items_place(qtbot, monkeypatch):
    """Qt finds an item's number by a walk of its list: asked for every item of a 1 MB list
    of 6,000 at each save, undo, redo and switch, it took time growing with the square of
    the items (whether an item is the first of its list is asked of the list's first item)."""
    from PySide6.QtGui import QTextList

    rng = random.Random(4)
    edit = _opened(qtbot, _one_list(rng, 40, numbered=False, loose=False))
    before = edit.markdown()
    asked = []
    real = QTextList.itemNumber
    monkeypatch.setattr(QTextList, "itemNumber", lambda self, block: asked.append(1) or real(self, block))
    cursor = edit.document().find("Việt")
    cursor.insertText("Nam", QTextCharFormat())
    assert edit.markdown() == _whole(edit.document()) != before
    assert asked == []
